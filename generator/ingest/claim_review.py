"""Read a fact check's verdict as the page gives it in data: the JSON-LD objects of a page, or an
article's front matter, in; a `Verdict` (claim, rating, who rated it, who made the claim) out.

Fact checkers mark their finding up as a schema.org `ClaimReview` (https://schema.org/ClaimReview,
the markup search engines read): `claimReviewed` is the claim, `reviewRating.alternateName` the
rating in words ("Mostly True", "Unproven"), `author` the fact checker and `itemReviewed.author`
who made the claim. A rating's `ratingValue` alone is a number on a scale of the site's own
(Snopes gives -1 to every rating), so a review without the rating in words gives no verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from generator.ingest.clean import one_line
from generator.models import Verdict

CLAIM_REVIEW_TYPE = "ClaimReview"
VERDICT_FIELDS = ("rating", "claim", "claimant", "rated_by")
"""The front matter fields of a fact check's verdict (`briefs add` writes them); `rating` is the
one a verdict needs."""


def claim_review_verdict(items: Iterable[Mapping[str, object]]) -> Verdict | None:
    """The verdict of the page's first `ClaimReview` that states its rating in words."""
    for item in items:
        if not _is_claim_review(item):
            continue
        rating = _text(_first(item.get("reviewRating")), "alternateName")
        if rating:
            return Verdict(
                rating=rating,
                claim=_text(item, "claimReviewed"),
                reviewer=_name(item.get("author")),
                claimant=_name(_first(item.get("itemReviewed"), "author")),
            )
    return None


def front_matter_verdict(meta: Mapping[str, Any]) -> Verdict | None:
    """The verdict front matter states (`rating`, with `claim`, `claimant`, `rated_by`)."""
    rating = meta.get("rating")
    if not rating:
        return None
    return Verdict(
        rating=rating,
        claim=meta.get("claim") or None,
        reviewer=meta.get("rated_by") or None,
        claimant=meta.get("claimant") or None,
    )


def verdict_front_matter(verdict: Verdict | None) -> dict[str, str | None]:
    """The front matter fields that hold a verdict, as `front_matter_verdict` reads them."""
    if verdict is None:
        return {}
    return {
        "rating": verdict.rating,
        "claim": verdict.claim,
        "claimant": verdict.claimant,
        "rated_by": verdict.reviewer,
    }


def _is_claim_review(item: Mapping[str, object]) -> bool:
    kinds = item.get("@type")
    return CLAIM_REVIEW_TYPE in (kinds if isinstance(kinds, list) else [kinds])


def _first(value: object, key: str | None = None) -> object:
    """A JSON-LD value, or the first of a list of them; with a key, that key's value in it."""
    if isinstance(value, list):
        value = value[0] if value else None
    if key is None:
        return value
    return value.get(key) if isinstance(value, dict) else None


def _text(value: object, key: str) -> str | None:
    found = value.get(key) if isinstance(value, dict) else None
    return (one_line(found) or None) if isinstance(found, str) else None


def _name(value: object) -> str | None:
    """The name of a JSON-LD person or organisation (or the first of a list), or a plain name."""
    value = _first(value)
    if isinstance(value, str):
        return None if value.startswith("http") else (one_line(value) or None)
    return _text(value, "name")
