"""Clubs named after their town with a word the model left out ("Real Madrid", "Sporting
Lisbon"): the model labels the town alone, a place, where a rule shows the whole name is a
team's (`extends_a_place` rules of `data/actor_rules.yml`: before a player's role).
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.kinds import Knowledge
from generator.analysis.actors.mentions import Mention
from generator.analysis.actors.rules import Decided, decided_kind
from generator.analysis.actors.run_on_names import EntityNames


def clubs_named_after_their_town(
    decided: list[Decided], knowledge: Knowledge, names: EntityNames
) -> list[Mention]:
    """The mentions of the names a rule extends from a town to the word before it, where that
    word is no place and no person's name and the whole names no place: "North Lisbon" or
    "Greater London" is a place, "Chris Lisbon" a person; "Real Madrid" is neither.

    The word must read as a name: a proper noun, or an adjective (opening a sentence: "Real
    Madrid striker ...") only where the model labels the whole name elsewhere in the article;
    "Former Madrid striker ..." is written so too."""
    mentions = []
    for decision in decided:
        kind = decided_kind(decision.rule.decides)
        if kind is None or not decision.rule.extends_a_place:
            continue
        span = decision.span
        reads_as_a_name = span[0].pos_ == "PROPN" or _named_whole(span.text, names)
        if reads_as_a_name and _is_a_clubs_first_word(span, knowledge):
            mentions.append(Mention(span, kind, span.text, evidence=decision.rule.evidence))
    return mentions


def _named_whole(name: str, names: EntityNames) -> bool:
    """Whether the model labels the name elsewhere, alone or with its possessive ("Real
    Madrid's")."""
    return any(
        other == name or other.startswith((f"{name}'", f"{name}’"))
        for other in names.others | names.people
    )


def _is_a_clubs_first_word(span: Span, knowledge: Knowledge) -> bool:
    word, places, gazetteer = span[0].text, knowledge.places, knowledge.gazetteer
    return (
        len(span) > 1
        and places.place_source(word) is None
        and places.place_source(span.text) is None
        and gazetteer.lookup(word) is None
        and gazetteer.lookup(span.text) is None
        and not places.is_common_name(word)
    )
