"""Mentions beyond the model's entities (tags, dateline, lines of capitals, demonyms) and the
first passes over the list of mentions: overlaps, kinds agreed by name, cited sources."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from generator.analysis.actors.descriptions import is_a_plural_nickname, is_given_and_more
from generator.analysis.actors.kinds import Knowledge, is_clearly_a_place
from generator.analysis.actors.mentions import (
    MAX_NAME_WORDS,
    Cluster,
    Mention,
    names_one_person,
    overlaps,
)
from generator.analysis.actors.rules import Decided, decided_kind
from generator.analysis.actors.run_on_names import continues_a_name
from generator.analysis.datelines import title_case
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.layout import Layout, text_of
from generator.analysis.lexicon import SOURCE_CUES
from generator.analysis.token_lists import token_lists
from generator.models import ActorKind


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
            if names_one_person(span, place.demonyms):
                continue
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


def _found_by_its_shape(decision: Decided, knowledge: Knowledge) -> bool:
    """Whether a rule's name the model missed has the shape the rule asks for: a given name
    and more, or a team's plural nickname."""
    if decision.rule.plural_nickname:
        return is_a_plural_nickname(decision.span, knowledge.places)
    return is_given_and_more(decision.span, knowledge.places)


def rule_mentions(
    doc: Doc, decided: list[Decided], knowledge: Knowledge, found: list[Mention]
) -> list[Mention]:
    """Names the model missed that a rule finds and a gazetteer knows as a place ("Glamorgan
    259 and 207, Durham 114": the model labels no county, the score makes each a team), or
    that start with a given name the census knows ("Timothy Weeks", the surname taken for a
    date) or are a team's plural nickname ("Packers coach Ron Hale")."""
    taken = {t.i for m in found for t in m.span}
    extra: list[Mention] = []
    for decision in decided:
        kind = decided_kind(decision.rule.decides)
        span = decision.span
        if kind is None or taken & set(range(span.start, span.end)):
            continue
        if decision.rule.requires_given_name or decision.rule.plural_nickname:
            if _found_by_its_shape(decision, knowledge):
                extra.append(Mention(span, kind, span.text, evidence=decision.rule.evidence))
                taken |= set(range(span.start, span.end))
            continue
        if not decision.rule.requires_place or continues_a_name(span):
            continue
        if not is_clearly_a_place(span, knowledge):
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
