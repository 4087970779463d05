"""Mentions beyond the model's entities (tags, dateline, lines of capitals, demonyms) and the
first passes over the list of mentions: overlaps, kinds agreed by name, cited sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from generator.analysis.actors.kinds import Knowledge, is_clearly_a_place
from generator.analysis.actors.mentions import (
    ENTITY_LABELS,
    MAX_NAME_WORDS,
    MODEL_EVIDENCE,
    Cluster,
    Mention,
    overlaps,
)
from generator.analysis.actors.rules import Decided, decided_kind
from generator.analysis.datelines import title_case
from generator.analysis.entity_index import entities_of
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS
from generator.analysis.layout import Layout, text_of
from generator.analysis.lexicon import SOURCE_CUES, SPEECH_VERBS
from generator.analysis.place_names import PlaceNames
from generator.analysis.token_lists import token_lists
from generator.models import ActorKind

THING_LABELS = ("PRODUCT", "WORK_OF_ART")
"""The model's labels for things made: goods, games, films, books."""


def tag_mentions(doc: Doc, tags: Iterable[str], found: list[Mention]) -> list[Mention]:
    """Where the text spells out a name of several words the front matter tags, that name,
    typed as the model's entities within it are ("To Lam" over the model's "Lam")."""
    extra: list[Mention] = []
    for tag in tags:
        if len(tag.split()) < 2:
            continue
        spans = [
            span
            for match in re.finditer(rf"(?<!\w){re.escape(tag)}(?!\w)", text_of(doc))
            if (span := doc.char_span(match.start(), match.end())) is not None
        ]
        kinds = sorted({m.kind for m in found for span in spans if overlaps(m.span, span)})
        if len(kinds) == 1:
            extra += [Mention(span, kinds[0], tag, evidence="a front matter tag") for span in spans]
    return extra


def without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per token: the longest name wins ("Rio Grande do Sul" over "Sul")."""
    taken: set[int] = set()
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-len(m.span), m.span.start)):
        tokens = set(range(mention.span.start, mention.span.end))
        if not tokens & taken:
            kept.append(mention)
            taken |= tokens
    return sorted(kept, key=lambda m: m.span.start)


def agree_kinds(mentions: list[Mention]) -> list[Mention]:
    """Give a name the model alone typed the kind its other mentions show by their context:
    "Porto Alegre's airport" is the place of "the state capital Porto Alegre"."""
    shown: dict[str, list[ActorKind]] = {}
    for mention in mentions:
        if not mention.by_label and not mention.is_demonym:
            shown.setdefault(mention.key.casefold(), []).append(mention.kind)
    for mention in mentions:
        kinds = shown.get(mention.key.casefold())
        if mention.by_label and kinds:
            mention.kind = max(sorted(set(kinds)), key=kinds.count)
            mention.by_label = False
    return mentions


def unlabelled_country_mentions(
    doc: Doc, gazetteer: Gazetteer, found: list[Mention]
) -> list[Mention]:
    """Add nationality adjectives ("Russian flags") the model left unlabelled or labelled NORP."""
    covered = {i for m in found for i in range(m.span.start, m.span.end)}
    extra: list[Mention] = []
    tokens = token_lists(doc)
    for i, text in enumerate(tokens.text):
        if i in covered or not text[:1].isupper() or tokens.ent_type[i] in ("PERSON",):
            continue
        place = gazetteer.country_for_demonym(text)
        if place is not None and tokens.pos[i] in ("ADJ", "PROPN"):
            span = doc[i : i + 1]
            extra.append(
                Mention(span, place.kind, place.name, is_demonym=True, evidence="gazetteer demonym")
            )
    return extra


def dateline_mentions(layout: Layout, gazetteer: Gazetteer) -> list[Mention]:
    """The dateline's place: where the report was filed, so a place and not its government."""
    place = layout.dateline_place
    if place is None:
        return []
    name = title_case(place.text)
    country = gazetteer.country_for_name(name)
    if country is not None:
        return [Mention(place, country.kind, country.name, evidence="the dateline, gazetteer name")]
    return [Mention(place, "place", name, evidence="the dateline")]


def capitals_line_mentions(
    layout: Layout, found: list[Mention], knowledge: Knowledge, decided: list[Decided]
) -> list[Mention]:
    """Find in lines of capitals or title case the names the rest of the article spells
    normally, and places.

    The model's own entities there are mostly wrong ("CRICKET - LEICESTERSHIRE TAKE"), but
    "LEICESTERSHIRE" is the Leicestershire of the body and "ROMANIA" is Romania.
    """
    known = _known_names(found)
    extra: list[Mention] = []
    for line in layout.set_aside_lines:
        start = line.start
        while start < line.end:
            mention = _capitals_name_at(line, start, known, knowledge, decided)
            if mention is not None and not layout.is_in_dateline(mention.span):
                extra.append(mention)
                start = mention.span.end
            else:
                start += 1
    return extra


def _known_names(mentions: list[Mention]) -> dict[str, Mention]:
    """Names as the article spells them, casefolded, with people's surnames ("Shearer")."""
    known: dict[str, Mention] = {}
    for mention in mentions:
        known.setdefault(mention.span.text.casefold(), mention)
        surname = mention.span[-1]
        if mention.kind == "person" and len(mention.span) > 1 and surname.lower_ not in STOP_WORDS:
            known.setdefault(surname.lower_, mention)
    return known


def _capitals_name_at(
    line: Span,
    start: int,
    known: dict[str, Mention],
    knowledge: Knowledge,
    decided: list[Decided],
) -> Mention | None:
    """The longest known name or place starting at token `start` of a line in capitals; a
    place there is a team where a rule says so ("SEATTLE 70 63 .526", "KANSAS CITY AT
    DETROIT")."""
    gazetteer = knowledge.gazetteer
    doc = line.doc
    for size in range(min(MAX_NAME_WORDS, line.end - start), 0, -1):
        span = doc[start : start + size]
        if not (span[0].is_alpha and span[-1].is_alpha) or span.text.lower() in STOP_WORDS:
            continue
        template = known.get(span.text.casefold())
        if template is not None:
            # Only as sure of its kind as the mention it copies: "the Moon" of a title-case
            # heading is the model's label alone, as the body's "to the Moon" is.
            return Mention(
                span,
                template.kind,
                template.key,
                template.is_demonym,
                by_label=template.by_label,
                evidence=template.evidence,
            )
        found = gazetteer.lookup(span.text)
        if found is not None:
            place, how = found
            return Mention(
                span,
                place.kind,
                place.name,
                is_demonym=how == "demonym",
                evidence=f"gazetteer {how}",
            )
        name = title_case(span.text)
        team = _team(span, name, decided) if knowledge.places.place_source(name) else None
        if team is not None:
            return team
    return None


def _team(span: Span, name: str, decided: list[Decided]) -> Mention | None:
    """The team a rule makes of a place a gazetteer knows; a place's name alone in capitals
    is too often a word of a heading ("RUGBY UNION", "EASTERN DIVISION") to count."""
    for decision in decided:
        kind = decided_kind(decision.rule.decides)
        if kind is not None and decision.rule.requires_place and decision.applies_to(span):
            return Mention(span, kind, name, evidence=decision.rule.evidence)
    return None


def split_sources(mentions: list[Mention]) -> tuple[list[Mention], set[str]]:
    """Set aside organisations named only as the article's source ("according to CNN")."""
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    sources = {
        key
        for key, group in by_key.items()
        if group[0].kind == "organisation" and all(_is_source_cue(m.span) for m in group)
    }
    return [m for m in mentions if m.key not in sources], sources


def _is_source_cue(span: Span) -> bool:
    before = span.doc[max(span.sent.start, span.start - 3) : span.start].text.lower()
    # "according to the Sioux Falls Argus Leader": the cue, then the outlet's article.
    before = before.removesuffix(" the")
    return any(before.endswith(cue) for cue in SOURCE_CUES) or _is_wire_tag(span)


def _is_wire_tag(span: Span) -> bool:
    """The outlet in parentheses that opens a story, after at most a dateline in capitals:
    "(CNN) Two officers ...", "KYIV, Ukraine (Reuters) -"."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    leading = doc[span.sent.start : span.start - 1]
    return all(token.is_space or token.is_punct or token.is_upper for token in leading)


def clusters_of(mentions: list[Mention]) -> list[Cluster]:
    clusters: dict[tuple[str, str], Cluster] = {}
    for mention in mentions:
        key = (mention.kind, mention.key.casefold())
        cluster = clusters.setdefault(key, Cluster(name=mention.key, kind=mention.kind))
        cluster.mentions.append(mention)
        if not mention.is_list_part:
            cluster.surface_forms.add(mention.span.text)
    return list(clusters.values())


def rule_mentions(
    doc: Doc, decided: list[Decided], knowledge: Knowledge, found: list[Mention]
) -> list[Mention]:
    """Names the model missed that a rule finds and a gazetteer knows as a place ("Glamorgan
    259 and 207, Durham 114": the model labels no county, the score makes each a team), or
    that start with a given name the census knows ("Timothy Weeks", the surname taken for a
    date)."""
    taken = {t.i for m in found for t in m.span}
    extra: list[Mention] = []
    for decision in decided:
        kind = decided_kind(decision.rule.decides)
        span = decision.span
        if kind is None or taken & set(range(span.start, span.end)):
            continue
        if decision.rule.requires_given_name:
            if knowledge.places.is_given_name(span[0].text):
                extra.append(Mention(span, kind, span.text, evidence=decision.rule.evidence))
                taken |= set(range(span.start, span.end))
            continue
        if not decision.rule.requires_place or not is_clearly_a_place(span, knowledge):
            continue
        country = knowledge.gazetteer.lookup(span.text)
        if country is not None and country[1] == "name":
            # As where the model labelled it: a country's name is never overruled by a rule
            # ("Wales beat Hungary" is the country's side, as "England beat Australia" is).
            place = country[0]
            extra.append(Mention(span, place.kind, place.name, evidence="gazetteer name"))
        else:
            extra.append(Mention(span, kind, span.text, evidence=decision.rule.evidence))
        taken |= set(range(span.start, span.end))
    return extra


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
    by_rule = [
        decision
        for decision in decided
        if decision.rule.for_every_mention
        and decided_kind(decision.rule.decides) is None
        and not _is_a_persons_name(decision.span, places)
        and not (decision.rule.unless_listed and places.place_source(decision.span.text))
    ]
    found = {thing_words(decision.span) for decision in by_rule}
    # A model year or a price says what the name is, whoever the grammar makes act.
    sure = {thing_words(decision.span) for decision in by_rule if decision.rule.even_where_it_acts}
    lines = _lines_of(by_rule)
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


def _things_by_label(doc: Doc) -> set[str]:
    """Names of two words or more the model labels a product or a work more often than a
    person, body or place ("Star Trek Beyond"): its own evidence, counted over the article.
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
        if name == thing:
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
    of "be" ("the Xbox is cheap")."""
    root = span.root
    verb = root.head
    return root.dep_ in ACTIVE_SUBJECT_DEPS and verb.pos_ == "VERB" and verb.is_lower


def speaks(span: Span) -> bool:
    """Whether the name is the subject of a verb of saying ("Audi says"): a thing says
    nothing, its maker does."""
    return acts(span) and span.root.head.lemma_.lower() in SPEECH_VERBS
