"""A person the model ran into the name of what they own: "Amazon founder Jeff Bezos's Blue
Origin" labelled one person's name. `spans.clean_span` keeps the owned name ("Blue Origin");
the owner, named nowhere else in such an article, would be lost with the rest of the span.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from generator.analysis.actors.mentions import Mention
from generator.analysis.place_names import PlaceNames

OWNER_RUN_INTO_A_NAME = "a person's name before a possessive inside the model's span"


def owners_run_into_names(entities: Sequence[Span], places: PlaceNames) -> list[Mention]:
    """A person mention for the owner inside a span the model labelled a person's, where the
    owner is a census given name and one more capitalised word right before the "'s" and a
    capitalised word follows it: "Jeff Bezos's Blue Origin". A plural before the "'s"
    ("People's Daily") or one word ("Macy's Herald Square") is no person's."""
    mentions = []
    for ent in entities:
        if ent.label_ != "PERSON" or len(ent) < 4:
            continue
        owner_end = next((t.i for t in ent[:-1] if t.tag_ == "POS"), None)
        if owner_end is None or owner_end - ent.start < 2:
            continue
        owner = ent.doc[owner_end - 2 : owner_end]
        after = ent.doc[owner_end + 1]
        if (
            all(t.pos_ == "PROPN" and t.is_title for t in owner)
            and places.is_given_name(owner[0].text)
            and after.text[:1].isupper()
        ):
            mentions.append(Mention(owner, "person", owner.text, evidence=OWNER_RUN_INTO_A_NAME))
    return mentions
