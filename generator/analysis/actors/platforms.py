"""A platform people post on is no actor of the story: "Weibo, a Twitter-like social media
site" where the agency posted and one Weibo commenter wrote. A name called only a site, service
or platform that never acts or owns is where speech happens; one that bans, says or removes
("Weibo removed the posts", "Weibo's censors") is the body that runs it."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.lexicon import ORGANISATION_ROLE_WORDS
from generator.analysis.roles import nouns_beside

PLATFORM_NOUNS = frozenset({"site", "website", "platform", "service", "app", "network", "forum"})
"""Body nouns that call a name a place people post, watch or shop on as often as a body."""


def a_platform_posted_on(spans: list[Span]) -> bool:
    """Whether the body nouns beside a name's mentions are all a platform's and no mention is
    the subject of a verb or an owner."""
    nouns = [
        noun.lower_
        for span in spans
        for noun in nouns_beside(span)
        if noun.lower_ in ORGANISATION_ROLE_WORDS and noun.tag_ == "NN"
    ]
    acts_or_owns = any(
        span.root.dep_ in ("nsubj", "nsubjpass", "poss")
        or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS")
        for span in spans
    )
    return bool(nouns) and all(noun in PLATFORM_NOUNS for noun in nouns) and not acts_or_owns
