"""An analysis that fails on one article, as a bug in an extractor would: for the tests of
failure isolation (a local build, serve, a batch on a cluster)."""

from __future__ import annotations

import pytest

import generator.analysis.analyse


def fail_analysis_of(slug: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the analysis of the article with this slug raise, the others run as they do."""
    real = generator.analysis.analyse.brief_from_doc

    def brief_from_doc(article, doc, *args):
        if article.slug == slug:
            raise IndexError("list index out of range")
        return real(article, doc, *args)

    monkeypatch.setattr(generator.analysis.analyse, "brief_from_doc", brief_from_doc)
