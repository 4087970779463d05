"""Labels of spaCy's English parse that the extractors test tokens against: data only.

Each set has one home and a name that says which tokens it picks; an extractor imports the one it
needs (under the name it has always used).
"""

from __future__ import annotations

CLAUSE_POS = frozenset({"VERB", "AUX"})
"""Parts of speech that head a clause: a verb, or an auxiliary as the copula or main verb."""
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
"""The tags of a finite verb in the present: "is", "opens", "are"."""
"""Penn tags of a verb with a tense (past, present) or a modal: a clause with one is finite."""

NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""A noun phrase as a clause's subject, of an active or a passive verb."""
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj"})
"""A noun phrase as an active verb's subject: the one who does (or says) what the verb says."""
SUBJECT_DEPS = NOMINAL_SUBJECT_DEPS | {"expl", "csubj", "csubjpass"}
"""Every subject a clause can have: nominal, expletive ("there is"), clausal ("what he said")."""
SUBJECT_DEPS_BUT_CLAUSAL_PASSIVE = SUBJECT_DEPS - {"csubjpass"}
"""Every subject but a clausal one of a passive verb ("that he lied was proven"): the subjects
that make a key fact's sentence complete, as key facts have always counted them."""

NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
"""Clauses on a noun: the small model labels some finite relative clauses "acl" ("its lander
that the company unveiled in May")."""

PLACE_LABELS = frozenset({"GPE", "LOC"})
"""Entity labels of places: countries, cities and states, and other locations."""
PRICE_LABEL = "MONEY"
"""The model's label of a written price or sum ("$39.99", "$9 billion")."""
TIME_ENTITY_LABELS = frozenset({"DATE", "TIME"})
"""The model's labels of a date or a time of day."""
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
"""How an auxiliary hangs on its verb ("was" of "was expected", "will" of "will go")."""

MODAL_TAG = "MD"
"""The tag of a modal: "may", "should", "will"."""
