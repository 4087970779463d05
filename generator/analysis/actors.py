"""Find the actors of a story in a parsed article: spaCy `Doc` in, `ActorIndex` out.

Named entities are cleaned (possessives, junk), typed (person, organisation, country, place, group),
merged under one canonical name (Putin = Vladimir Putin, US = United States, Pyongyang = North
Korea), given the role the article states for them and ranked by importance in the story.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from generator.analysis.entity_index import entities_of
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.layout import Layout, read_layout, text_of, title_case
from generator.analysis.lexicon import (
    CONTINUED_ORGANISATION_NOUNS,
    DOCUMENT_WORDS,
    GENERIC_WORDS,
    HEADLINE_VERBS,
    HONORIFICS,
    HYPHENATED_PARTICLES,
    LEADING_TITLES,
    LEADING_WORDS,
    NAME_PARTICLES,
    NOT_ACTOR_FOLLOWERS,
    NOT_ACTORS,
    OFFICIAL_NOUNS,
    ORGANISATION_NAME_ENDS,
    ORGANISATION_ROLE_WORDS,
    OWNER_VOICES,
    PERSON_PRONOUNS,
    PERSON_ROLE_WORDS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_HEADS_BEFORE_OF,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    RANK_TITLES,
    ROLES_OF_BODIES_TOO,
    SHIP_PREFIXES,
    SOURCE_CUES,
    SPEECH_VERBS,
    THING_PRONOUNS,
    TITLE_SMALL_WORDS,
)
from generator.analysis.registry import Registry, actor_id
from generator.analysis.roles import SUBJECT_DEPS, actions_of, nouns_beside, role_beside
from generator.models import Actor, ActorKind

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
"""The spaCy entity labels that can name an actor."""
MAX_TAGS = 6
MAX_NAME_WORDS = 4
"""The longest name looked for in a line of capitals."""
HEADLINE_WEIGHT = 3.0
TAG_LINE_WEIGHT = 3.0
DEMONYM_WEIGHT = 0.5
"""'Russian flags' says less about Russia than 'Russia' does."""
SUBJECT_WEIGHT = 1.0
PLACE_MODIFIED_NOUNS = PLACE_HEADS | frozenset({"site", "coast", "valley", "peninsula", "area"})
"""Nouns a name before them makes a place's: "the Amur region", "the Sohae launch site"."""


@dataclass
class _Mention:
    """One reference to an actor in the body."""

    span: Span
    """The cleaned name span (no determiner, no possessive)."""
    kind: ActorKind
    key: str
    """Name the mention is grouped under before people's surnames are merged."""
    is_demonym: bool = False
    by_label: bool = False
    """Typed by the model's label alone, with nothing in the text or gazetteer to go by."""


@dataclass
class _Cluster:
    """All mentions of one actor while extraction is under way."""

    name: str
    kind: ActorKind
    mentions: list[_Mention] = field(default_factory=list)
    surface_forms: set[str] = field(default_factory=set)

    @property
    def first_token(self) -> int:
        return min(m.span.start for m in self.mentions)


@dataclass(frozen=True)
class ActorIndex:
    """The article's actors, best first, and which tokens refer to which actor."""

    actors: tuple[Actor, ...]
    token_actor: dict[int, str]
    """Token index -> canonical name, for every token of every mention."""
    sources: tuple[str, ...]
    """Outlets the article cites ("according to CNN") that play no part in the story."""
    tags: tuple[str, ...]

    def speaker_name(self, span: Span) -> str | None:
        """Return the canonical name of the actor a span refers to that can speak, or None.

        In "North Korea's vice defence minister, Kim Kang Il" the speaker is the person, not
        the country that owns the title. A place says nothing: "they" after "the U.S. Court of
        Appeals for the District of Columbia Circuit" is not the circuit.
        """
        name = self._name_referred_to(span)
        return None if name in self.places else name

    def _name_referred_to(self, span: Span) -> str | None:
        if span.root.i in self.token_actor:
            return self.token_actor[span.root.i]
        named = [t for t in span if t.i in self.token_actor]
        speaking = [t for t in named if _names_the_noun(t, span.root)]
        if not speaking:
            return self._owner_speaking(named, span.root)
        if all(t.pos_ == "ADJ" for t in speaking) and not _speaks_for_a_country(span.root):
            return None
        names = [self.token_actor[t.i] for t in speaking]
        people = [name for name in names if name in self.people]
        return next(iter(people or names), None)

    def _owner_speaking(self, owners: list[Token], noun: Token) -> str | None:
        """Who speaks through a noun an actor owns: its brief or campaign does
        ("Ivana Trump's brief said"), and a country's or body's officials do ("Russia's
        foreign ministry"); a person's strategist or doctor speaks for themselves."""
        names = [self.token_actor[t.i] for t in owners]
        if noun.lemma_.lower() in OWNER_VOICES:
            return names[0] if names else None
        bodies = [name for name in names if name not in self.people]
        return bodies[0] if bodies and _speaks_for_a_country(noun) else None

    @functools.cached_property
    def people(self) -> frozenset[str]:
        return frozenset(actor.name for actor in self.actors if actor.kind == "person")

    @functools.cached_property
    def places(self) -> frozenset[str]:
        return frozenset(actor.name for actor in self.actors if actor.kind == "place")


GROUP_NOUNS = frozenset(
    {
        "chorus", "group", "number", "host", "handful", "couple", "pair", "majority",
        "minority", "dozen", "dozens", "hundreds", "thousands", "one", "two", "three", "some",
        "many", "most", "all", "several", "few", "none", "each", "both", "either", "neither",
    }
)  # fmt: skip
"""Nouns whose "of" names their members: "a chorus of Republicans", "one of the senators"."""


def _names_the_noun(token: Token, root: Token) -> bool:
    """Whether a token names the noun it hangs from, not an owner or a thing beside it:
    "Peskov" in "Putin's spokesman, Dmitry Peskov", not "Obama" in "Obama's former campaign
    strategist" nor "Board" in "the GOP's complaint to the Board". The members of a group
    name it ("a chorus of prominent Republicans")."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ == "appos":
            return True
        if current.dep_ == "poss":
            return False
        if current.dep_ == "prep" and not (
            current.lower_ == "of" and current.head.lemma_.lower() in GROUP_NOUNS
        ):
            return False
        current = current.head
    return True


def _speaks_for_a_country(noun: Token) -> bool:
    """Tell whether a noun a nationality adjective describes speaks for the country: officials
    and ministries do, reporters do not; "state media" does."""
    if noun.lemma_.lower() in OFFICIAL_NOUNS:
        return True
    return any(child.lower_ == "state" for child in noun.children)


def extract_actors(
    doc: Doc,
    gazetteer: Gazetteer,
    headline: str = "",
    tag_line: str | None = None,
    registry: Registry | None = None,
    tags: Iterable[str] = (),
) -> ActorIndex:
    """Return the actors of a parsed body, ranked, with roles and what they said or did.

    tags are the names the article's front matter lists: where the text spells one out, that
    is the name, even where the model saw only part of it ("Lam" in "President To Lam").
    """
    registry = registry or Registry()
    layout = read_layout(doc)
    names = _EntityNames.of(doc)
    mentions = [
        m
        for ent in doc.ents
        if not layout.is_set_aside(ent)
        and (m := _mention(ent, gazetteer, registry, names)) is not None
    ]
    mentions = _agree_kinds(_without_overlaps(mentions + _tag_mentions(doc, tags, mentions)))
    mentions += _dateline_mentions(layout, gazetteer)
    mentions += _capitals_line_mentions(layout, mentions, gazetteer)
    mentions += _unlabelled_country_mentions(doc, gazetteer, mentions)
    mentions, sources = _split_sources(mentions)
    clusters = _surnames_as_people(_people_by_role(_cluster(mentions)), gazetteer, registry)
    clusters = _merge_people(_merge_middle_names(clusters))
    clusters = _merge_acronyms(clusters)
    _add_unlabelled_surnames(doc, clusters, gazetteer)
    clusters = _one_kind_per_name(_settle_lone_names(clusters, gazetteer), gazetteer)
    _retype_speaking_bodies(clusters)
    # A country named only by an adjective ("a German company") takes no part in the story.
    clusters = [c for c in clusters if not all(m.is_demonym for m in c.mentions)]
    ranked = sorted(
        clusters, key=lambda c: (-_importance(c, headline, tag_line or ""), c.first_token, c.name)
    )
    token_actor = {t.i: c.name for c in ranked for m in c.mentions for t in m.span}
    shared = _shared_partial_names(ranked)
    actors = tuple(_actor(c, token_actor, gazetteer, registry, shared) for c in ranked)
    return ActorIndex(
        actors=actors,
        token_actor=token_actor,
        sources=tuple(sorted(sources)),
        tags=_tags(actors, headline, tag_line),
    )


@dataclass(frozen=True)
class _EntityNames:
    """The texts of a doc's entities, read once (spaCy builds them anew on every reading):
    people's, and the others' without "the"; and the doc's text."""

    people: frozenset[str]
    others: frozenset[str]
    text: str

    @classmethod
    def of(cls, doc: Doc) -> _EntityNames:
        people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
        others = {_without_article(ent) for ent in doc.ents if ent.label_ != "PERSON"}
        return cls(frozenset(people), frozenset(others), text_of(doc))


def _mention(
    ent: Span, gazetteer: Gazetteer, registry: Registry, names: _EntityNames
) -> _Mention | None:
    """Type and clean one entity; None when it is no actor (junk, adjectives, diseases)."""
    if ent.label_ not in ENTITY_LABELS:
        return None
    if ent.label_ != "PERSON" and _is_courtesy_title_and_surname(ent):
        # "Mr Hussen" labelled a company or a place: a courtesy title names a person.
        ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
    span = _clean_span(ent)
    if span is not None and ent.label_ == "PERSON":
        span = _without_run_on_name(span, names)
    if span is None or not _is_name(span):
        return None
    text = span.text
    if _is_generic_or_document(span):
        return None
    registered = registry.by_name(text)
    if registered is not None:
        return _Mention(span, registered.kind, registered.name)
    if text.casefold() in NOT_ACTORS or _followed_by(span, NOT_ACTOR_FOLLOWERS):
        return None
    found = gazetteer.lookup(text)
    if found is not None and found[1] == "demonym":
        # "the North Korean port of Rajin": the country, by its adjective, not a place.
        return _Mention(span, found[0].kind, found[0].name, is_demonym=True)
    if span[-1].lower_ in PLACE_NOUNS or _names_a_place_of(span) or _followed_by(span, PLACE_NOUNS):
        # "Kim Il Sung Square", "Charles de Gaulle Airport": named after a person, but a place.
        return _Mention(span, "place", text)
    if ent.label_ == "PERSON" and (_home_town_after_age(span) or _town_before_its_state(span)):
        return _Mention(span, "place", text)
    if found is not None and found[1] == "capital" and _after_town_and_comma(span, gazetteer):
        # "Seattle, Washington": after a town and a comma, a capital's name is a state's.
        return _Mention(span, "place", text)
    next_word = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        ent.label_ == "PERSON"
        and next_word is not None
        and next_word.lower_ in CONTINUED_ORGANISATION_NOUNS
    ):
        organisation = span.doc[span.start : span.end + 1]
        return _Mention(organisation, "organisation", organisation.text)
    if found is not None:
        return _Mention(span, found[0].kind, found[0].name)
    if _modifies_place_noun(span) or _after_place_head(span) or _called_a_place(span):
        return _Mention(span, "place", text)
    if _beside_person_title(span):
        return _Mention(span, "person", text)
    return _mention_by_label(span, ent.label_)


def _without_run_on_name(span: Span, names: _EntityNames) -> Span:
    """The surname a name before it ran on to: "Benzema" of "the match against Malaga Benzema
    rolls around", "O'Sullivan" of "his match against Matthew Stevens O'Sullivan is spoken to".

    A scraped page loses the full stop after a picture's caption, and the model reads the name
    ending one sentence and the name starting the next as one person. Cut off only where the
    rest is the surname of someone the article names in full, the first part is a name the
    article gives on its own elsewhere, and the whole name occurs nowhere else.
    """
    text = span.text
    if len(span) < 2 or names.text.count(text) > 1:
        return span
    for cut in range(1, len(span)):
        tail = f" {span[cut:].text}"
        # Someone else's full name: one that ends with the rest but does not hold this one.
        if _named_on_its_own(span[:cut], names) and any(
            name.endswith(tail) and not name.endswith(text) for name in names.people
        ):
            return span[cut:]
    return span


def _named_on_its_own(head: Span, names: _EntityNames) -> bool:
    """Whether entities elsewhere name head by itself, or with the words just before it ("the
    Premier League" for "League" of "in the Premier League Klopp chats").

    As a person, only a full name whose surname the article also uses alone ("Matthew Stevens"
    and "Stevens"): a first name alone ("Mary Pat" of "Mary Pat Christie") reads as a person
    too.
    """
    if any(token.text.endswith(".") for token in head):
        return False  # an initial ("R. Kaluwitharana") starts a name
    as_a_person = len(head) > 1 and head[-1].text in names.people
    doc = head.doc
    for start in range(max(head.sent.start, head.start - 2), head.start + 1):
        text = doc[start : head.end].text
        if text in names.others or (as_a_person and text in names.people):
            return True
    return False


def _without_article(ent: Span) -> str:
    return ent.text.removeprefix("the ").removeprefix("The ")


def _is_courtesy_title_and_surname(ent: Span) -> bool:
    """'Mr Hussen' after 'Abase Hussen': a courtesy title ('Mr', 'Dr.', but not the 'DR' of
    'DR Congo') and the surname of someone the article names in full ('Dr Pepper' is a drink
    where no Pepper is named)."""
    if len(ent) != 2 or ent[0].lower_ not in HONORIFICS or not ent[0].is_title:
        return False
    surname = ent[1].text
    return any(
        other.label_ == "PERSON" and len(other) > 1 and other[-1].text == surname
        for other in entities_of(ent.doc)
    )


def _mention_by_label(span: Span, label: str) -> _Mention | None:
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in ORGANISATION_NAME_ENDS:
        # "Surrey Police said": a body the model took for a person.
        return _Mention(span, "organisation", span.text, by_label=True)
    if label == "PERSON":
        return _Mention(span, "person", span.text, by_label=True)
    if label == "ORG":
        return _Mention(span, "organisation", span.text, by_label=True)
    if label in ("GPE", "LOC"):
        return _Mention(span, "place", span.text, by_label=True)
    # NORP that is no nationality: only plural nouns name a group ("Republicans", "Sunnis").
    if label == "NORP" and span.root.tag_ == "NNPS":
        return _Mention(span, "group", span.text, by_label=True)
    return None


def _tag_mentions(doc: Doc, tags: Iterable[str], found: list[_Mention]) -> list[_Mention]:
    """Where the text spells out a name of several words the front matter tags, that name,
    typed as the model's entities within it are ("To Lam" over the model's "Lam")."""
    extra: list[_Mention] = []
    for tag in tags:
        if len(tag.split()) < 2:
            continue
        spans = [
            span
            for match in re.finditer(rf"(?<!\w){re.escape(tag)}(?!\w)", text_of(doc))
            if (span := doc.char_span(match.start(), match.end())) is not None
        ]
        kinds = sorted({m.kind for m in found for span in spans if _overlaps(m.span, span)})
        if len(kinds) == 1:
            extra += [_Mention(span, kinds[0], tag) for span in spans]
    return extra


def _overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def _without_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per token: the longest name wins ("Rio Grande do Sul" over "Sul")."""
    taken: set[int] = set()
    kept: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (-len(m.span), m.span.start)):
        tokens = set(range(mention.span.start, mention.span.end))
        if not tokens & taken:
            kept.append(mention)
            taken |= tokens
    return sorted(kept, key=lambda m: m.span.start)


def _agree_kinds(mentions: list[_Mention]) -> list[_Mention]:
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


def _modifies_place_noun(span: Span) -> bool:
    """'the Amur region', 'the Sohae launch site': the name of the place the noun phrase names.

    Only after "the": 'a Hezbollah site' is one site of an organisation's.
    """
    before = span.doc[span.start - 1] if span.start > 0 else None
    head = span.root
    while head.dep_ == "compound" and head.head.i >= span.end:
        head = head.head
    return (
        before is not None
        and before.lower_ == "the"
        and all(token.tag_ in ("NNP", "NNPS") for token in span)
        and head.i >= span.end
        and head.tag_ == "NN"
        and head.lower_ in PLACE_MODIFIED_NOUNS
    )


def _after_place_head(span: Span) -> bool:
    """'the state capital Porto Alegre', "Greece's second city, Thessaloniki": a place noun
    right before the name, or before its comma, in apposition."""
    if span.start == 0:
        return False
    noun, root = span.doc[span.start - 1], span.root
    if noun.text == "," and span.start > 1:
        noun = span.doc[span.start - 2]
    return (
        noun.tag_ == "NN"
        and noun.lower_ in PLACE_HEADS
        and (root.head.i == noun.i or noun.head.i == root.i)
    )


def _called_a_place(span: Span) -> bool:
    """An apposition after the name says it is a place: "Wasilla, Mrs Palin's home town,"."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].text == ","
        and any(
            child.dep_ == "appos"
            and child.i > span.end
            and child.tag_ == "NN"
            and child.lemma_.lower() in PLACE_HEADS_BEFORE_OF
            for child in span.root.children
        )
    )


def _beside_person_title(span: Span) -> bool:
    """'Russia's ambassador to the UN, Vassily Nebenzia': a person, whatever the label."""
    root = span.root
    titles = [child for child in root.children if child.dep_ == "appos" and child.i >= span.end]
    if root.dep_ == "appos":
        titles.append(root.head)
    if span.start > 0 and span.doc[span.start - 1].dep_ == "compound":
        titles.append(span.doc[span.start - 1])
    return any(t.tag_ in ("NN", "NNS") and t.lemma_.lower() in PERSON_TITLES for t in titles)


def _clean_span(ent: Span) -> Span | None:
    """Drop a leading determiner, abbreviated title ("Sgt.") or courtesy title and a trailing
    possessive, punctuation or title; take in the rest of a name the model cut short
    ("Moon Jae" + "-in", "Yoon Suk" + "Yeol")."""
    start, end = ent.start, _name_end(ent)
    doc = ent.doc
    # A name never runs on to the next line ("Major League" over a line break).
    end = next((t.i for t in doc[start:end] if t.is_space and "\n" in t.text), end)
    leading = LEADING_WORDS | LEADING_TITLES
    if ent.label_ == "PERSON":
        leading |= HONORIFICS
    while start < end and (
        doc[start].lower_ in leading
        or doc[start].is_punct
        or (ent.label_ == "PERSON" and _is_rank_before_name(doc[start], end))
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in HONORIFICS
    ):
        end -= 1
    if ent.label_ == "PERSON":
        # "Putin Makes First Visit": a headline's verb ends the name before it.
        end = next((t.i for t in doc[start + 1 : end] if t.lower_ in HEADLINE_VERBS), end)
    if end > start and doc[end - 1].text.endswith("'s"):
        return doc[start:end] if doc[end - 1].text != "'s" else doc[start : end - 1]
    return doc[slice(*_across_particles(doc, start, end))] if end > start else None


def _is_rank_before_name(token: Token, end: int) -> bool:
    """'Trooper' in 'Trooper William Hakim': a capitalised rank with a name after it."""
    return token.is_title and token.lower_ in RANK_TITLES and token.i + 1 < end


def _across_particles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the rest of a name its particles join: "Rio Grande" + "do Sul", "Sul" after
    "Rio Grande do", "Komsomolsk" + "-on-Amur"."""
    while _is_hyphenated_particle(doc, end):
        end += 4
    # The model may end a name on its particles ("Ursula von der" + "Leyen").
    particles_from = end
    while particles_from - 1 > start and _is_particle(doc[particles_from - 1]):
        particles_from -= 1
    after = _past_particles(doc, particles_from, 1)
    if after is not None:
        end = after + 1
        while end < len(doc) and _continues_name(doc[end], doc[after]):
            end += 1
    before = _past_particles(doc, start - 1, -1)
    if before is not None:
        start = before
        while start > 0 and _continues_name(doc[start - 1], doc[before]):
            start -= 1
    return start, end


def _continues_name(token: Token, reached: Token) -> bool:
    """Whether the name reached past its particles goes on over this token: within the model's
    entity that holds it ("Ursula" of "Ursula von der"), or over proper words outside any
    entity ("Rio Grande" before "do Sul"), but never into another name or a title ("European
    Commission President Ursula")."""
    if reached.ent_iob_ != "O":
        # Going right, the entity goes on over "I" tokens; going left, up to its "B" token.
        inside = token.doc[token.i + 1] if token.i < reached.i else token
        return inside.ent_iob_ == "I"
    return token.ent_iob_ == "O" and _is_proper_word(token) and token.lower_ not in PERSON_TITLES


def _past_particles(doc: Doc, index: int, step: int) -> int | None:
    """The proper word past one or more particles from index on, going by step, or None."""
    passed = 0
    while 0 <= index < len(doc) and _is_particle(doc[index]):
        index += step
        passed += 1
    if not passed or not 0 <= index < len(doc) or not _is_proper_word(doc[index]):
        return None
    return index


def _is_particle(token: Token) -> bool:
    return token.text in NAME_PARTICLES and token.whitespace_ == " "


def _is_proper_word(token: Token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.is_alpha and token.text[:1].isupper()


def _is_hyphenated_particle(doc: Doc, end: int) -> bool:
    """'-on-Amur' right after 'Komsomolsk', written with no spaces."""
    if end + 3 >= len(doc) or end == 0:
        return False
    dash, particle, second_dash, name = doc[end : end + 4]
    return (
        doc[end - 1].whitespace_ == ""
        and dash.text == "-" == second_dash.text
        and not (dash.whitespace_ or particle.whitespace_ or second_dash.whitespace_)
        and particle.lower_ in HYPHENATED_PARTICLES
        and name.text[:1].isupper()
    )


def _name_end(ent: Span) -> int:
    """Where a person's name really ends: over hyphen-joined parts and unlabelled proper nouns."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "PERSON":
        return end
    while end < len(doc):
        token = doc[end]
        joined = doc[end - 1].whitespace_ == "" and token.text == "-" and end + 1 < len(doc)
        if joined and token.whitespace_ == "" and doc[end + 1].is_alpha:
            end += 2
        elif (
            token.tag_ == "NNP"
            and token.ent_type_ == ""
            and token.text[:1].isupper()
            and token.lower_ not in HEADLINE_VERBS
            and not any(mark in token.text for mark in "'’")
        ):
            end += 1
        else:
            break
    return end


def _is_name(span: Span) -> bool:
    """A name starts with a capital letter and has letters ("supreme" and "1961" are no names)."""
    first = span[0].text
    return first[:1].isupper() and any(char.isalpha() for char in span.text)


def _is_generic_or_document(span: Span) -> bool:
    """'Council' alone names no one; 'the Artificial Intelligence Act' is a text, 'the Tony
    Awards' an event and 'MV Gibe' a ship, not actors; 'Durham 114' is a line of a results
    table."""
    if len(span) == 1 and span.text.lower() in GENERIC_WORDS:
        return True
    if _is_ship_name(span):
        return True
    if len(span) > 1 and any(token.is_digit for token in span):
        return True
    return len(span) > 1 and span[-1].lower_ in DOCUMENT_WORDS


def _is_ship_name(span: Span) -> bool:
    """'MV Gibe', or 'INS' and 'Mysore' the model found apart; 'the INS' alone is an agency."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in SHIP_PREFIXES:
        return True
    after = doc[span.start + 1] if span.start + 1 < len(doc) else None
    names_a_ship = len(span) > 1 or (after is not None and after.is_title)
    return span[0].text in SHIP_PREFIXES and names_a_ship


def _names_a_place_of(span: Span) -> bool:
    """'the port of Rotterdam', 'the valleys of the Taquari': a place, whatever the model
    labelled it."""
    doc, before = span.doc, span.start - 1
    while before > 0 and doc[before].lower_ in LEADING_WORDS:
        before -= 1
    if before < 1 or doc[before].lower_ != "of":
        return False
    noun = doc[before - 1]
    return noun.tag_ in ("NN", "NNS") and noun.lemma_.lower() in PLACE_HEADS_BEFORE_OF


def _home_town_after_age(span: Span) -> bool:
    """'LuAnn Johnson, 66, of Burnsville': the town a person is from. (A club or a firm there
    the model labels an organisation, and is left one.)"""
    doc, start = span.doc, span.start
    return (
        start >= 4
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].text == ","
        and doc[start - 3].like_num
        and doc[start - 4].text == ","
    )


def _town_before_its_state(span: Span) -> bool:
    """'a man from Dexter, Michigan,': a town, then a comma and the place it is in."""
    doc, start, end = span.doc, span.start, span.end
    return (
        start > 0
        and doc[start - 1].lower_ == "from"
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].ent_iob_ == "B"
        and doc[end + 1].ent_type_ == "GPE"
    )


def _after_town_and_comma(span: Span, gazetteer: Gazetteer) -> bool:
    """'Seattle, Washington': the name follows a town's name and a comma, and owns nothing
    ("China, Pyongyang's only ally", "Berlin, Brussels and Zurich" list countries' own)."""
    doc, start, end = span.doc, span.start, span.end
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].ent_type_ not in ("GPE", "LOC"):
        return False
    if end < len(doc) and doc[end].tag_ == "POS":
        return False
    town_start = start - 2
    while town_start > 0 and doc[town_start].ent_iob_ == "I":
        town_start -= 1
    return gazetteer.lookup(doc[town_start : start - 1].text) is None


def _followed_by(span: Span, words: Iterable[str]) -> bool:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS" and span.end + 1 < len(span.doc):
        after = span.doc[span.end + 1]
    return after is not None and after.lower_ in words


def _unlabelled_country_mentions(
    doc: Doc, gazetteer: Gazetteer, found: list[_Mention]
) -> list[_Mention]:
    """Add nationality adjectives ("Russian flags") the model left unlabelled or labelled NORP."""
    covered = {t.i for m in found for t in m.span}
    extra: list[_Mention] = []
    for token in doc:
        if token.i in covered or not token.text[:1].isupper() or token.ent_type_ in ("PERSON",):
            continue
        place = gazetteer.country_for_demonym(token.text)
        if place is not None and token.pos_ in ("ADJ", "PROPN"):
            span = doc[token.i : token.i + 1]
            extra.append(_Mention(span, place.kind, place.name, is_demonym=True))
    return extra


def _dateline_mentions(layout: Layout, gazetteer: Gazetteer) -> list[_Mention]:
    """The dateline's place: where the report was filed, so a place and not its government."""
    place = layout.dateline_place
    if place is None:
        return []
    name = title_case(place.text)
    country = gazetteer.country_for_name(name)
    if country is not None:
        return [_Mention(place, country.kind, country.name)]
    return [_Mention(place, "place", name)]


def _capitals_line_mentions(
    layout: Layout, found: list[_Mention], gazetteer: Gazetteer
) -> list[_Mention]:
    """Find in lines of capitals or title case the names the rest of the article spells
    normally, and places.

    The model's own entities there are mostly wrong ("CRICKET - LEICESTERSHIRE TAKE"), but
    "LEICESTERSHIRE" is the Leicestershire of the body and "ROMANIA" is Romania.
    """
    known = _known_names(found)
    extra: list[_Mention] = []
    for line in layout.set_aside_lines:
        start = line.start
        while start < line.end:
            mention = _capitals_name_at(line, start, known, gazetteer)
            if mention is not None and not layout.is_in_dateline(mention.span):
                extra.append(mention)
                start = mention.span.end
            else:
                start += 1
    return extra


def _known_names(mentions: list[_Mention]) -> dict[str, _Mention]:
    """Names as the article spells them, casefolded, with people's surnames ("Shearer")."""
    known: dict[str, _Mention] = {}
    for mention in mentions:
        known.setdefault(mention.span.text.casefold(), mention)
        surname = mention.span[-1]
        if mention.kind == "person" and len(mention.span) > 1 and surname.lower_ not in STOP_WORDS:
            known.setdefault(surname.lower_, mention)
    return known


def _capitals_name_at(
    line: Span, start: int, known: dict[str, _Mention], gazetteer: Gazetteer
) -> _Mention | None:
    """The longest known name or place starting at token `start` of a line in capitals."""
    doc = line.doc
    for size in range(min(MAX_NAME_WORDS, line.end - start), 0, -1):
        span = doc[start : start + size]
        if not (span[0].is_alpha and span[-1].is_alpha) or span.text.lower() in STOP_WORDS:
            continue
        template = known.get(span.text.casefold())
        if template is not None:
            return _Mention(span, template.kind, template.key, template.is_demonym)
        found = gazetteer.lookup(span.text)
        if found is not None:
            place, how = found
            return _Mention(span, place.kind, place.name, is_demonym=how == "demonym")
    return None


def _split_sources(mentions: list[_Mention]) -> tuple[list[_Mention], set[str]]:
    """Set aside organisations named only as the article's source ("according to CNN")."""
    by_key: dict[str, list[_Mention]] = {}
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


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: dict[tuple[str, str], _Cluster] = {}
    for mention in mentions:
        key = (mention.kind, mention.key.casefold())
        cluster = clusters.setdefault(key, _Cluster(name=mention.key, kind=mention.kind))
        cluster.mentions.append(mention)
        cluster.surface_forms.add(mention.span.text)
    return list(clusters.values())


def _surnames_as_people(
    clusters: list[_Cluster], gazetteer: Gazetteer, registry: Registry
) -> list[_Cluster]:
    """Retype a lone word the model labelled a place or company that is part of a person's
    full name in the same article ("Simmons" after "Phil Simmons"), so it merges with them.

    A word that is also a country or a known place ("Jordan" after "Louis Jordan") is the
    person only when more of its mentions read as a person than as a place.
    """
    full_names = [c.name.split() for c in clusters if c.kind == "person" and " " in c.name]
    # A lone word a full name contains (`_contains_words`) is its first or its last word.
    name_ends = {name[0] for name in full_names} | {name[-1] for name in full_names}
    for cluster in clusters:
        word = cluster.name
        if (
            cluster.kind in ("organisation", "place", "country")
            and " " not in word
            and registry.by_name(word) is None
            and word in name_ends
            and (gazetteer.lookup(word) is None or _reads_as_a_person(cluster))
        ):
            cluster.kind = "person"
            for mention in cluster.mentions:
                mention.kind = "person"
    return clusters


def _people_by_role(clusters: list[_Cluster]) -> list[_Cluster]:
    """Make a person of a name the model alone called an organisation that a person's role
    or age stands beside ("news anchor Lester Holt", "hate cleric Anjem Choudary", "jockey AP
    McCoy", "25-year-old Guzel"); a person of the same name takes its mentions."""
    people = {c.name.casefold(): c for c in clusters if c.kind == "person"}
    gone: set[int] = set()
    for cluster in clusters:
        if (
            cluster.kind == "organisation"
            and all(m.by_label for m in cluster.mentions)
            and any(
                _named_by_a_persons_role(m.span) or _after_an_age(m.span) for m in cluster.mentions
            )
        ):
            person = people.get(cluster.name.casefold())
            if person is not None:
                gone |= _join(person, [cluster])
            else:
                _retype(cluster, "person")
    return [c for c in clusters if id(c) not in gone]


def _retype_speaking_bodies(clusters: list[_Cluster]) -> None:
    """Make an organisation of a place the model called a body and the text has speak ("the
    Tax Policy Center said ..."): a name ending in "Center" reads as a place, but a place says
    nothing (`ActorIndex.speaker_name`)."""
    for cluster in clusters:
        if cluster.kind == "place" and any(
            m.span.root.ent_type_ == "ORG" and _says(m.span.root) for m in cluster.mentions
        ):
            _retype(cluster, "organisation")


def _says(token: Token) -> bool:
    """Whether the token is the subject of a speech verb ("the center said", "RT says")."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS


def _named_by_a_persons_role(span: Span) -> bool:
    return any(
        noun.tag_ == "NN"
        and noun.lower_ in PERSON_ROLE_WORDS
        and noun.lower_ not in ROLES_OF_BODIES_TOO
        for noun in nouns_beside(span)
    )


def _after_an_age(span: Span) -> bool:
    """'25-year-old Guzel': only people are given an age so (but the age in 'the 50-year-old
    Food Network standout' is the standout's)."""
    doc, start, root = span.doc, span.start, span.root
    return (
        not (root.dep_ == "compound" and root.head.i >= span.end)
        and start >= 3
        and doc[start - 1].lower_ == "old"
        and doc[start - 2].text == "-"
        and doc[start - 3].lower_ in ("year", "years")
    )


def _reads_as_a_person(cluster: _Cluster) -> bool:
    """Whether more mentions read as a person than as a place.

    A person's: the model labelled it one, or "he" or "she" takes it up. A place's: a demonym,
    a word before it that makes it a place ("in Jordan"), or "it" taking it up ("Jordan closed
    its border").
    """
    votes = 0
    for mention in cluster.mentions:
        span = mention.span
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        after = {token.lower_ for token in span.doc[span.end : span.sent.end]}
        if mention.is_demonym or before in PLACE_PREPOSITIONS or after & THING_PRONOUNS:
            votes -= 1
        elif span[0].ent_type_ == "PERSON" or after & PERSON_PRONOUNS:
            votes += 1
    return votes > 0


def _add_unlabelled_surnames(doc: Doc, clusters: list[_Cluster], gazetteer: Gazetteer) -> None:
    """Count a person's surname where the model labelled nothing ("Ruto said he had listened"
    after "William Ruto"), so that the mentions and what they said or did are all there.

    Only a surname one person in the article has, written as a proper noun outside any
    entity, after the person was named in full, and no place's name.
    """
    owners: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        words = cluster.name.split()
        if cluster.kind == "person" and len(words) > 1 and words[-1].lower() not in STOP_WORDS:
            owners.setdefault(words[-1], []).append(cluster)
    taken = {t.i for cluster in clusters for m in cluster.mentions for t in m.span}
    for token in doc:
        found = owners.get(token.text)
        if (
            found is None
            or len(found) > 1
            or token.i in taken
            or token.ent_type_
            or token.pos_ != "PROPN"
            or gazetteer.lookup(token.text) is not None
        ):
            continue
        person = found[0]
        if person.first_token < token.i:
            person.mentions.append(_Mention(doc[token.i : token.i + 1], "person", person.name))
            person.surface_forms.add(token.text)


def _settle_lone_names(clusters: list[_Cluster], gazetteer: Gazetteer) -> list[_Cluster]:
    """Give a one-word name the model alone called a person the kind the text supports.

    The small model often types one word two ways in an article ("Tesco" a person and a
    company) and calls words people that the text reads as no one's name ("a Tesco", "the
    Moon", "in Hull", "Gucci bags", "#AvengersAgeOfUltron", a caption's "Chaos:").

    Where the text reads it as a person's name ("Mr Vanenberg", "Sitoula says she"), the
    name's other mentions the model typed otherwise are the person's too. Otherwise it joins
    the other kind the model gave the name, where the text reads it as no person's or that
    kind has as many mentions; failing that, read as no person's, it is a place where the text
    puts something in it, else no actor. A lone name with nothing either way stays a person:
    squad lists ("Myhill, Rose, Gamboa") name people.
    """
    by_name = _by_name(clusters)
    gone: set[int] = set()
    for cluster in clusters:
        if id(cluster) in gone or not _is_lone_model_person(cluster):
            continue
        rivals = [c for c in by_name[cluster.name.casefold()] if c is not cluster]
        if any(_named_as_a_person(m.span, gazetteer) for m in cluster.mentions):
            model_typed = [c for c in rivals if all(m.by_label for m in c.mentions)]
            gone |= _join(cluster, model_typed)
            continue
        if any(_named_as_an_organisation(m.span) for m in cluster.mentions):
            organisations = [c for c in rivals if c.kind == "organisation"]
            if organisations:
                gone |= _join(organisations[0], [cluster])
            else:
                _retype(cluster, "organisation")
            continue
        read_as_no_person = any(_reads_as_no_person(m.span) for m in cluster.mentions)
        # On a tie, the other kind: nothing in the text reads the name as a person's.
        rival = max(rivals, key=lambda c: len(c.mentions), default=None)
        if rival is not None and (
            read_as_no_person or len(rival.mentions) >= len(cluster.mentions)
        ):
            gone |= _join(rival, [cluster])
        elif read_as_no_person:
            if any(_after_place_preposition(m.span) for m in cluster.mentions):
                _retype(cluster, "place")
            else:
                gone.add(id(cluster))
    return [c for c in clusters if id(c) not in gone]


def _one_kind_per_name(clusters: list[_Cluster], gazetteer: Gazetteer) -> list[_Cluster]:
    """One actor to a name: where the model alone typed a name another way than the rest of
    the article does ("Ed Miliband" a company, "Aston Villa" a place), those mentions join
    the kind the text shows ("First Minister Nicola Sturgeon"), else the kind with the most
    mentions. A country takes in the place of its name ("the Iraq border")."""
    by_name = _by_name(clusters)
    gone: set[int] = set()
    for named in by_name.values():
        if len(named) < 2:
            continue
        keeper = max(named, key=lambda cluster: _weight_of_kind(cluster, gazetteer))
        gone |= _join(
            keeper,
            [
                other
                for other in named
                if other is not keeper
                and (
                    all(m.by_label for m in other.mentions)
                    or (keeper.kind == "country" and other.kind == "place")
                )
            ],
        )
    return [c for c in clusters if id(c) not in gone]


def _weight_of_kind(cluster: _Cluster, gazetteer: Gazetteer) -> tuple[bool, bool, int, int]:
    """A country first, then a kind the text shows, then the most mentions, then the first."""
    return (
        cluster.kind == "country",
        _text_shows_kind(cluster, gazetteer),
        len(cluster.mentions),
        -cluster.first_token,
    )


def _text_shows_kind(cluster: _Cluster, gazetteer: Gazetteer) -> bool:
    """Whether more than the model's label gives the cluster its kind: the gazetteer, the
    registry or the words around a mention ("Mr", "First Minister", "the firm")."""
    if not all(m.by_label for m in cluster.mentions):
        return True
    if cluster.kind == "person":
        return any(_named_as_a_person(m.span, gazetteer) for m in cluster.mentions)
    return cluster.kind == "organisation" and any(
        _named_as_an_organisation(m.span) for m in cluster.mentions
    )


def _by_name(clusters: list[_Cluster]) -> dict[str, list[_Cluster]]:
    """The clusters of each name (casefolded), in their order."""
    by_name: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        by_name.setdefault(cluster.name.casefold(), []).append(cluster)
    return by_name


def _retype(cluster: _Cluster, kind: ActorKind) -> None:
    cluster.kind = kind
    for mention in cluster.mentions:
        mention.kind = kind


def _named_as_an_organisation(span: Span) -> bool:
    """A kind of body beside the name: "an outside company, Terminix,", "the Terminix firm"."""
    root = span.root
    after = [root.head] if root.dep_ == "compound" and root.head.i >= span.end else []
    return any(
        noun.lower_ in ORGANISATION_ROLE_WORDS and noun.tag_ == "NN"
        for noun in nouns_beside(span) + after
    )


def _join(keeper: _Cluster, others: list[_Cluster]) -> set[int]:
    """Move the others' mentions to the keeper, under its kind; return the others' ids."""
    for other in others:
        for mention in other.mentions:
            mention.kind = keeper.kind
        keeper.mentions += other.mentions
        keeper.surface_forms |= other.surface_forms
    return {id(other) for other in others}


def _is_lone_model_person(cluster: _Cluster) -> bool:
    return (
        cluster.kind == "person"
        and " " not in cluster.name
        # "the Queen", "the Pope": a title alone is the person who holds it.
        and cluster.name.lower() not in PERSON_TITLES
        and all(m.by_label for m in cluster.mentions)
    )


def _named_as_a_person(span: Span, gazetteer: Gazetteer) -> bool:
    """A courtesy title or a role beside the name ("Mr Vanenberg", "his wife, Hunter"), an age
    after it ("Claire, 34,"), or "he" or "she" taking it up in its sentence."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in HONORIFICS:
        return True
    if role_beside(span, {}, gazetteer, "person") is not None:
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].like_num:
        return True
    later = doc[span.end : span.sent.end]
    return span.root.dep_ in SUBJECT_DEPS and any(t.lower_ in PERSON_PRONOUNS for t in later)


def _reads_as_no_person(span: Span) -> bool:
    """An article or hashtag before the word ("a Tesco", "#Ultron"), a noun it names a kind of
    ("Gucci bags"), a place word before it ("in Hull"), words run together
    ("KylieJennerChallenge"), or a caption's label ("Chaos: During the footage ...")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    root = span.root
    if before is not None and (before.text == "#" or before.lower_ in ("the", "a", "an")):
        return True
    if root.dep_ == "compound" and root.head.i >= span.end and root.head.pos_ == "NOUN":
        return True
    if _after_place_preposition(span) or re.search(r"[a-z][A-Z]", span.text):
        return True
    starts_line = before is None or before.is_space or span.start == span.sent.start
    return starts_line and after is not None and after.text == ":"


def _after_place_preposition(span: Span) -> bool:
    """'in Hull', 'at Wembley', but not 'in Putin's Russia'."""
    doc = span.doc
    if span.start == 0 or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return False
    return doc[span.start - 1].lower_ in PLACE_PREPOSITIONS | {"at"}


def _merge_middle_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """Fold a name written once with a middle name or initial ("Loretta E. Lynch", "Donald J.
    Trump") into the same name written more often without it, or the other way round.

    Only into a name with more mentions: "George Bush" and "George W. Bush", once each, may be
    father and son.
    """
    people = [c for c in clusters if c.kind == "person" and len(c.name.split()) > 1]
    # Names differing by middle names share their first and last words: compare within those
    # groups only, not every person with every person (a long article names thousands).
    by_ends: dict[tuple[str, str], list[_Cluster]] = {}
    for person in people:
        words = person.name.split()
        by_ends.setdefault((words[0], words[-1]), []).append(person)
    merged: set[int] = set()
    for minor in sorted(people, key=lambda c: (len(c.mentions), c.name)):
        words = minor.name.split()
        majors = [
            major
            for major in by_ends[(words[0], words[-1])]
            if id(major) not in merged
            and len(major.mentions) > len(minor.mentions)
            and _differ_by_middle_names(major.name.split(), minor.name.split())
        ]
        if majors:
            merged |= _join(max(majors, key=lambda c: (len(c.mentions), c.name)), [minor])
    return [c for c in clusters if id(c) not in merged]


def _differ_by_middle_names(first: list[str], second: list[str]) -> bool:
    """Same first and last word, one name with words in between that the other lacks."""
    short, long = sorted((first, second), key=len)
    return (
        len(short) >= 2
        and len(long) > len(short)
        and short[0] == long[0]
        and short[-1] == long[-1]
        and _contains_in_order(long[1:-1], short[1:-1])
    )


def _contains_in_order(words: list[str], wanted: list[str]) -> bool:
    remaining = iter(words)
    return all(word in remaining for word in wanted)


def _merge_people(clusters: list[_Cluster]) -> list[_Cluster]:
    """Fold a partial name ("Putin", "Kim") into the full name that contains it.

    When two full names contain it ("Kim Jong Un", "Kim Yo Jong"), each mention goes to the one
    the story is about there (`_nearest_owner`).
    """
    people = [c for c in clusters if c.kind == "person"]
    # The full names by the partial names they contain (`_contains_words`: their starts and
    # ends), so that a partial name finds its owners without a scan of every person.
    by_part: dict[tuple[str, ...], list[_Cluster]] = {}
    for long in people:
        words = long.name.split()
        parts = {tuple(words[:size]) for size in range(1, len(words))}
        parts |= {tuple(words[-size:]) for size in range(1, len(words))}
        for part in parts:
            by_part.setdefault(part, []).append(long)
    merged: set[int] = set()
    for short in people:
        words = short.name.split()
        owners = [
            long
            for long in by_part.get(tuple(words), [])
            if long is not short and id(long) not in merged
        ]
        if not owners:
            continue
        full_mentions = {id(owner): list(owner.mentions) for owner in owners}
        for mention in short.mentions:
            owner = _nearest_owner(mention, owners, full_mentions)
            owner.mentions.append(mention)
            owner.surface_forms.add(mention.span.text)
        merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def _merge_acronyms(clusters: list[_Cluster]) -> list[_Cluster]:
    """Fold an acronym into the one name of several words it abbreviates in the article:
    "ECB" into "European Central Bank", "IMF" into "International Monetary Fund"."""
    by_initials: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        initials = _initials(cluster.name)
        if initials is not None:
            by_initials.setdefault(initials, []).append(cluster)
    merged: set[int] = set()
    for short in clusters:
        owners = by_initials.get(short.name, [])
        if not _is_acronym(short.name) or len(owners) != 1 or short.kind == "person":
            continue
        owner = owners[0]
        owner.mentions.extend(short.mentions)
        owner.surface_forms |= short.surface_forms
        merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def _is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _initials(name: str) -> str | None:
    """'ECB' for 'European Central Bank'; small words ('of', 'the', 'on') count for nothing."""
    words = [word for word in name.split() if word not in TITLE_SMALL_WORDS]
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return None
    return "".join(word[0] for word in words)


def _nearest_owner(
    mention: _Mention, owners: list[_Cluster], full_mentions: dict[int, list[_Mention]]
) -> _Cluster:
    """The person a surname several people share stands for: the one this sentence or the one
    before has as its subject, else the principal (named most often, then first).

    News names a relative or a passer-by in full and keeps the bare surname for the principal:
    "Cruz said" after "a photo of Heidi Cruz" is Ted Cruz. The surname passes to another only
    when the story turns to them ("Kim Yo Jong issued a statement. Kim warned ...").
    """
    named_before = [
        (m.span.start, index, m)
        for index, owner in enumerate(owners)
        for m in full_mentions[id(owner)]
        if m.span.start < mention.span.start
    ]
    if named_before:
        _, index, latest = max(named_before, key=lambda found: found[0])
        if _is_recent_subject(latest, mention):
            return owners[index]
    candidates = [owners[index] for index in sorted({i for _, i, _ in named_before})] or owners
    return min(candidates, key=lambda o: (-len(full_mentions[id(o)]), o.first_token, o.name))


def _is_recent_subject(earlier: _Mention, mention: _Mention) -> bool:
    """Whether the earlier mention is the subject of this sentence or the one before."""
    sentence = mention.span.sent
    previous_start = sentence.start - 1
    in_reach = earlier.span.sent == sentence or (
        previous_start >= 0 and earlier.span.sent == sentence.doc[previous_start].sent
    )
    return in_reach and earlier.span.root.dep_ in SUBJECT_DEPS


def _contains_words(long: list[str], short: list[str]) -> bool:
    """True when short is the start or the end of long ("Putin" in "Vladimir Putin")."""
    return len(short) < len(long) and (long[: len(short)] == short or long[-len(short) :] == short)


def _importance(cluster: _Cluster, headline: str, tag_line: str) -> float:
    """Rank by mentions, with weight for the headline and tags naming it and for acting."""
    names = _names(cluster)
    in_headline = any(_appears_in(form, headline) for form in names)
    in_tags = any(_appears_in(form, tag_line) for form in names)
    subjects = sum(1 for m in cluster.mentions if m.span.root.dep_ in SUBJECT_DEPS)
    mentions = sum(DEMONYM_WEIGHT if m.is_demonym else 1.0 for m in cluster.mentions)
    return (
        mentions
        + HEADLINE_WEIGHT * in_headline
        + TAG_LINE_WEIGHT * in_tags
        + SUBJECT_WEIGHT * subjects
    )


def _names(cluster: _Cluster) -> set[str]:
    return {cluster.name, *cluster.surface_forms}


def _appears_in(name: str, text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def _shared_partial_names(clusters: list[_Cluster]) -> frozenset[str]:
    """Parts of names that several people share: "Obama" of Barack and Sasha Obama."""
    # A part a name contains (`_contains_words`) is its start or its end: count those per name
    # rather than test every part of every name against every name.
    people = [c.name.split() for c in clusters if c.kind == "person"]
    counts = Counter(
        part
        for name in people
        for part in {
            " ".join(words) for size in range(1, len(name)) for words in (name[:size], name[-size:])
        }
    )
    return frozenset(part for part, count in counts.items() if count > 1)


def _actor(
    cluster: _Cluster,
    token_actor: dict[int, str],
    gazetteer: Gazetteer,
    registry: Registry,
    shared: frozenset[str] = frozenset(),
) -> Actor:
    """The actor a cluster makes. Its role comes from its first mention that states one, but
    not from a name several people share ("President Obama" tells Barack from Sasha Obama, not
    the article's principal)."""
    ordered = sorted(cluster.mentions, key=lambda m: m.span.start)
    aliases = _aliases(cluster, _demonym_forms(cluster, gazetteer))
    registered = registry.by_name(cluster.name)
    return Actor(
        id=registered.id if registered else actor_id(cluster.name),
        name=cluster.name,
        kind=cluster.kind,
        role=next(
            (
                r
                for m in ordered
                if m.span.text not in shared
                and (r := role_beside(m.span, token_actor, gazetteer, cluster.kind))
            ),
            None,
        ),
        aliases=tuple(aliases),
        mentions=len(cluster.mentions),
        actions=actions_of(m.span for m in ordered),
    )


def _aliases(cluster: _Cluster, demonyms: set[str]) -> tuple[str, ...]:
    """Other names of the actor; 'LONDON' in a line of capitals is no other name for London."""
    by_case: dict[str, str] = {}
    for form in sorted(cluster.surface_forms - demonyms, key=lambda f: (f.isupper(), f)):
        by_case.setdefault(form.casefold(), form)
    by_case.pop(cluster.name.casefold(), None)
    return tuple(sorted(by_case.values()))


def _demonym_forms(cluster: _Cluster, gazetteer: Gazetteer) -> set[str]:
    return {f for f in cluster.surface_forms if gazetteer.country_for_demonym(f) is not None}


def _tags(actors: tuple[Actor, ...], headline: str, tag_line: str | None) -> tuple[str, ...]:
    """The main actors: those the page tags or the headline names, then the most mentioned."""
    tagged = [a.name for a in actors if tag_line and _names_in(a, tag_line)]
    headlined = [a.name for a in actors if _names_in(a, headline)]
    frequent = [
        a.name for a in actors if a.kind in ("person", "country", "organisation") and a.mentions > 1
    ]
    ordered = list(dict.fromkeys(tagged + headlined + frequent))
    return tuple(ordered[:MAX_TAGS])


def _names_in(actor: Actor, text: str) -> bool:
    return any(_appears_in(name, text) for name in (actor.name, *actor.aliases))
