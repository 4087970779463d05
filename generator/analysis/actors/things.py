"""Things, not actors: a name a rule or the model's labels find to be a product or a work
("a regular Switch", "Star Trek Beyond"), and the longer names that end with it, leave the
mentions unless the thing's name does what only an actor does (it acts, or it speaks)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.awards import wins_an_award
from generator.analysis.actors.mentions import ENTITY_LABELS, MODEL_EVIDENCE, Mention
from generator.analysis.actors.rules import Decided, decided_kind
from generator.analysis.entity_index import entities_of, entity_at
from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS
from generator.analysis.lexicon import SPEECH_VERBS, TITLE_SMALL_WORDS
from generator.analysis.place_names import PlaceNames

THING_LABELS = ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
"""The model's labels for things made or held: goods, games, films, books, contests and
laws; a name it gives one of these more often than an actor's label is no actor."""


def without_things(
    doc: Doc, mentions: list[Mention], decided: list[Decided], places: PlaceNames
) -> list[Mention]:
    """Drop the mentions of a thing: a name a rule finds to be one somewhere in the article ("a
    regular Switch") or that the model labels a product or a work more often than an actor
    ("Star Trek Beyond"), and longer names ending with it ("Nintendo Switch Lite"), unless one
    of those mentions is the subject of a verb: a company that also names a product ("a
    Toyota") does things."""
    # "a nervous Lindsey Vonn", "an unseen Scott", "Don McLean" the title of a song: a person.
    labelled = {
        thing for thing in _things_by_label(doc) if not places.is_common_name(thing.split()[0])
    }
    by_rule = things_by_rule(decided, places)
    found = {thing_words(decision.span) for decision in by_rule} | _listed_with(by_rule, places)
    # A model year or a price says what the name is, whoever the grammar makes act.
    sure = {thing_words(decision.span) for decision in by_rule if decision.rule.even_where_it_acts}
    lines = _lines_of(by_rule)
    acronyms = {thing_words(d.span) for d in by_rule if d.span.text.isupper() and len(d.span) == 1}
    labelled |= _written_in_lower_case(doc, mentions)
    if not labelled and not found:
        return mentions
    by_thing: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.evidence == "registry" or mention.evidence.startswith("gazetteer"):
            continue  # an analyst's or a country list's name is no thing
        # A label is weaker evidence than a rule: it reaches no other name ("'the Duchy of
        # Cornwall'" a work's title is no evidence about "Duchy of Cornwall").
        thing = (
            _thing_named(mention.span, found, places)
            or _line_named(mention, lines)
            or _spelled_out(mention.span, acronyms)
            or _thing_named(mention.span, labelled, places, with_maker=False)
        )
        if thing is not None:
            by_thing.setdefault(thing, []).append(mention)
    dropped = {
        id(mention)
        for thing, group in by_thing.items()
        if not any(speaks(m.span) if thing in sure else acts(m.span) for m in group)
        for mention in group
    }
    return [mention for mention in mentions if id(mention) not in dropped]


def _spelled_out(span: Span, acronyms: set[str]) -> str | None:
    """The thing's acronym a name spells out, its small words apart ("Deep Orbit Services" of
    "the DOS program"): the programme named in full ("NASA's Deep Orbit Services effort")."""
    if not acronyms or len(span) < 2:
        return None
    words = [t.text for t in span if t.text not in TITLE_SMALL_WORDS and t.pos_ != "DET"]
    initials = "".join(word[0] for word in words).casefold()
    is_spelled = len(words) >= 2 and all(word[:1].isupper() for word in words)
    return initials if is_spelled and initials in acronyms else None


def things_by_rule(decided: list[Decided], places: PlaceNames) -> list[Decided]:
    """The decisions of rules that find a thing wherever the article names it, but not a
    person's name ("a nervous Lindsey Vonn") unless the rule's cue names a work ("the movie
    Ray"), nor a place a list knows where the rule says so."""
    return [
        decision
        for decision in decided
        if decision.rule.for_every_mention
        and decided_kind(decision.rule.decides) is None
        and not (_is_a_persons_name(decision.span, places) and not _names_a_whole_work(decision))
        and not (decision.rule.unless_listed and places.place_source(decision.span.text))
    ]


def _names_a_whole_work(decision: Decided) -> bool:
    """Whether a rule whose cue names a work found the whole of a name the model labels ("the
    movie Ray"), not its first words ("the film Sam Tate directed": "Sam" of a director)."""
    span = decision.span
    entity = entity_at(span[-1])
    return decision.rule.names_a_work and (entity is None or entity.end == span.end)


def _listed_with(by_rule: list[Decided], places: PlaceNames) -> set[str]:
    """The names listed with a thing a rule found, as its conjuncts ("charging an iPhone, Pixel
    Watch and Galaxy Buds"): a list of things is of one sort; and a title's subtitle after its
    colon ("the series Night Court: Harbour Division"), which the model labels apart. Not a
    person's name, nor a place a list knows."""
    names = {
        entity
        for decision in by_rule
        for conjunct in (*decision.span.root.conjuncts, *_subtitle_word(decision.span))
        if (entity := entity_at(conjunct)) is not None
        and entity.label_ in (*ENTITY_LABELS, *THING_LABELS)
        and not conjunct.is_lower
    }
    return {
        thing_words(name)
        for name in names
        if not _is_a_persons_name(name, places) and places.place_source(name.text) is None
    }


def _subtitle_word(thing: Span) -> tuple[Token, ...]:
    """The first word after a thing's name and a colon, where the colon stands right after the
    name: a title's second part ("Night Court: Harbour Division")."""
    doc, at = thing.doc, thing.end
    if at + 1 < len(doc) and doc[at].text == ":":
        return (doc[at + 1],)
    return ()


def _lines_of(by_rule: list[Decided]) -> set[str]:
    """The first words of things whose owner is named apart (`names_its_line`): "mustang" of
    "Ford's Mustang Mach E SUV", the line the thing belongs to."""
    names = [thing_words(d.span).split() for d in by_rule if d.rule.names_its_line]
    return {words[0] for words in names if len(words) > 1}


def _line_named(mention: Mention, lines: set[str]) -> str | None:
    """A line named alone that only the model's label makes a place ("some Mustang styling
    cues"); a maker can head an owned thing too ("the airline's Boeing 787 jet")."""
    name, is_label_only = thing_words(mention.span), mention.evidence.startswith(MODEL_EVIDENCE)
    return name if name in lines and is_label_only and mention.kind == "place" else None


def _is_a_persons_name(span: Span, places: PlaceNames) -> bool:
    """Whether a name starts with one the census gives to many people, and is either one word
    ("a resurgent McCoy") or one the model calls a person's ("a nervous Lindsey Vonn"); "its
    Blue Moon lander" is no person's, though some people are named Blue."""
    words = thing_words(span).split()
    return (
        bool(words)
        and places.is_common_name(words[0])
        and (len(words) == 1 or span.root.ent_type_ == "PERSON")
    )


def _written_in_lower_case(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Names of two words or more that the article also writes in lower case ("National
    Insurance will rise ... pointing to national insurance"): a tax, a scheme or a notion the
    headline's style capitalised; a body's name keeps its capitals in running text."""
    names = {
        " ".join(token.text for token in m.span if token.pos_ != "DET")
        for m in mentions
        if len(m.span) > 1 and m.evidence.startswith(MODEL_EVIDENCE)
    }
    text = doc.text
    # A plain substring test first: most names are never written in lower case, and a pattern
    # made for each name would cost every article.
    return {
        name.casefold()
        for name in names
        if " " in name
        and not name.islower()
        and name.lower() in text
        and re.search(rf"\b{re.escape(name.lower())}\b", text)
    }


def _things_by_label(doc: Doc) -> set[str]:
    """Names of two words or more the model labels a thing (a product, a work, a contest, a
    law) more often than a person, body or place ("Star Trek Beyond"): its own evidence,
    counted over the article.
    One word alone is too often a stray label ("Epstein's", "the powerful Lakers")."""
    votes: Counter[str] = Counter()
    for ent in entities_of(doc):
        if ent.label_ in THING_LABELS:
            votes[thing_words(ent)] += 1
        elif ent.label_ in ENTITY_LABELS:
            votes[thing_words(ent)] -= 1
    return {name for name, vote in votes.items() if vote > 0 and " " in name}


def thing_words(span: Span) -> str:
    """A name as casefolded words, without a leading determiner ("the Tomb Raider")."""
    words = [token for token in span if not token.is_space]
    while words and words[0].pos_ == "DET":
        words = words[1:]
    return " ".join(token.lower_ for token in words)


def _thing_named(
    span: Span, things: set[str], places: PlaceNames, with_maker: bool = True
) -> str | None:
    """The thing a name is: the thing's own name; with_maker, also a longer one ending with it
    ("Nintendo Switch Lite" of "Switch Lite") but not a person's that starts with a given name
    ("Marcelo Claure" of "a Claure"), and the end of the thing's name in two words or more
    ("Switch Lite" of "a turquoise Nintendo Switch Lite")."""
    name = thing_words(span)
    for thing in sorted(things):  # one answer in every run, where a name ends two things
        if name in (thing, f"{thing}s", f"{thing}es"):  # "MacBooks" of "the 12-inch MacBook"
            return thing
        if not with_maker:
            continue
        if name.endswith(f" {thing}") and not places.is_given_name(span[0].text):
            return thing
        if " " in name and thing.endswith(f" {name}"):
            return thing
    return None


def acts(span: Span) -> bool:
    """Whether the name is the subject of a verb in running text ("Toyota said", "Aldi
    opened"), not of a capitalised headline's verb ("Nintendo Switch Lite ... Save $10") nor
    of "be" or "have" ("the Xbox is cheap", "the watch had its own charger"), nor of winning an
    award ("the film took best sound"): what a thing is, holds or wins."""
    root = span.root
    verb = root.head
    return (
        root.dep_ in ACTIVE_SUBJECT_DEPS
        and verb.pos_ == "VERB"
        and verb.is_lower
        and verb.lemma_ != "have"
        and not wins_an_award(verb)
    )


def speaks(span: Span) -> bool:
    """Whether the name is the subject of a verb of saying ("Audi says"): a thing says
    nothing, its maker does."""
    return acts(span) and span.root.head.lemma_.lower() in SPEECH_VERBS
