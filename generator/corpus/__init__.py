"""Corpus: every `Brief` in, related reading and the corpus-wide pages out."""
