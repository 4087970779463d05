"""Cross-mention passes that settle an actor's kind: clusters in, clusters retyped or joined."""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.actors.context import (
    after_place_or_venue_preposition,
    called_a_body,
    in_an_address,
    named_as_a_person,
    named_as_an_organisation,
    placed_by_the_text,
    reads_as_no_person,
    words_taking_it_up,
)
from generator.analysis.actors.mentions import (
    KIND_OF_THE_NAME,
    LISTED,
    UNPLACED,
    Cluster,
    clusters_by_name,
    join,
    retype,
)
from generator.analysis.actors.platforms import a_platform_posted_on
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.lexicon import (
    PERSON_PRONOUNS,
    PERSON_ROLE_WORDS,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    ROLES_OF_BODIES_TOO,
    SPEECH_VERBS,
    THING_PRONOUNS,
)
from generator.analysis.place_names import PlaceNames, smaller_place_source
from generator.analysis.registry import Registry
from generator.analysis.roles import nouns_beside
from generator.analysis.token_lists import token_lists
from generator.models import ActorKind

MAX_PERSON_NAME_WORDS = 4
"""The longest name a given name makes a person's."""


def surnames_as_people(
    clusters: list[Cluster], gazetteer: Gazetteer, registry: Registry
) -> list[Cluster]:
    """Retype a lone word the model labelled a place or company that is part of a person's
    full name in the same article ("Simmons" after "Phil Simmons"), so it merges with them.

    A word that is also a country or a known place ("Jordan" after "Louis Jordan") is the
    person only when more of its mentions read as a person than as a place.
    """
    full_names = [c.name.split() for c in clusters if c.kind == "person" and " " in c.name]
    # A lone word a full name contains (`contains_words`) is its first or its last word.
    name_ends = {name[0] for name in full_names} | {name[-1] for name in full_names}
    for cluster in clusters:
        word = cluster.name
        if (
            cluster.kind in ("organisation", "place", "country", "group")
            and " " not in word
            and registry.by_name(word) is None
            and word in name_ends
            and (gazetteer.lookup(word) is None or _reads_as_a_person(cluster))
        ):
            retype(cluster, "person", "surnames_as_people, a word of a full name in the article")
    return clusters


def people_by_role(clusters: list[Cluster]) -> list[Cluster]:
    """Make a person of a name the model alone called an organisation that a person's role
    or age stands beside ("news anchor Lester Holt", "hate cleric Anjem Choudary", "jockey AP
    McCoy", "25-year-old Guzel"); a person of the same name takes its mentions."""
    people = {c.name.casefold(): c for c in clusters if c.kind == "person"}
    gone: set[int] = set()
    for cluster in clusters:
        if (
            cluster.kind == "organisation"
            and not cluster.name.isupper()  # "assistant GM": an acronym is a title or a body
            and all(m.by_label for m in cluster.mentions)
            and any(
                _named_by_a_persons_role(m.span) or _after_an_age(m.span) for m in cluster.mentions
            )
        ):
            person = people.get(cluster.name.casefold())
            if person is not None:
                gone |= join(person, [cluster], "people_by_role, a person's role or age beside it")
            else:
                retype(cluster, "person", "people_by_role, a person's role or age beside it")
    return [c for c in clusters if id(c) not in gone]


def retype_speaking_bodies(clusters: list[Cluster]) -> None:
    """Make an organisation of a place the model called a body and the text has speak ("the
    Tax Policy Center said ..."): a name ending in "Center" reads as a place, but a place says
    nothing (`ActorIndex.speaker_name`)."""
    for cluster in clusters:
        if cluster.kind == "place" and any(
            m.span.root.ent_type_ == "ORG" and _says(m.span.root) for m in cluster.mentions
        ):
            retype(cluster, "organisation", "retype_speaking_bodies, a body that speaks")


def bodies_listed_with_bodies(clusters: list[Cluster], places: PlaceNames) -> None:
    """Make an organisation of a place only the model called one, which no gazetteer knows and
    the text lists with two bodies or more and nothing else ("contracts went to Brightwell,
    Halden Works and Corvane"): a list names things of one kind. A listed place
    ("Google, Apple and Cupertino") keeps its kind."""
    kind_at = {t.i: c.kind for c in clusters for m in c.mentions for t in m.span}
    for cluster in clusters:
        if (
            cluster.kind == "place"
            and all(m.by_label for m in cluster.mentions)
            and places.place_source(cluster.name) is None
            and any(_listed_with_bodies_only(m.span, kind_at) for m in cluster.mentions)
        ):
            retype(cluster, "organisation", "bodies_listed_with_bodies, a list of bodies")


def places_on_the_label_alone(
    clusters: list[Cluster], gazetteer: Gazetteer, places: PlaceNames
) -> None:
    """Settle a place that only the model's label makes one: no gazetteer lists the name and
    nothing in the text places it (`placed_by_the_text`). The small model calls many names
    places that are none ("the Big Bang", a slogan's "Meth", "Spyware", "on Netflix", a typo's
    "Starhip"); a place no list knows is named as one ("in Xinjiang", "the northern Sierra
    Nevada"). Such a name is a body where a body's noun stands beside it ("keyboard case maker
    Brydge"; not "an Asia-Pacific office", the office of a place), a place where a smaller
    town or another name of a city is the model's name ("Malibu", "Bombay") and never acts
    (a town's club does: "recalled by Charlton"), and otherwise no
    actor, better none than a wrong one: it is marked `UNPLACED`,
    and the corpus drops it unless other briefs show what it is ("BT", a body). A place that
    speaks may be its government ("Catalonia said"), and a role beside a service's name its
    user's ("one Weibo commenter"): neither says what the name is."""
    for cluster in clusters:
        if not is_a_place_by_label_alone(cluster, gazetteer, places) or any(
            placed_by_the_text(m.span) or in_an_address(m.span, gazetteer, places)
            for m in cluster.mentions
        ):
            continue
        smaller = smaller_place_source(cluster.name)
        spans = [m.span for m in cluster.mentions]
        if any(called_a_body(span) for span in spans) and not a_platform_posted_on(spans):
            retype(cluster, "organisation", "places_on_the_label_alone, called a body")
        elif smaller is not None and not any(_acts(m.span.root) for m in cluster.mentions):
            cluster.evidence.append(f"places_on_the_label_alone, listed: {smaller}")
        else:
            cluster.evidence.append(UNPLACED)


def is_a_place_by_label_alone(cluster: Cluster, gazetteer: Gazetteer, places: PlaceNames) -> bool:
    """A place whose every mention the model's label typed, which no list knows as a place."""
    return (
        cluster.kind == "place"
        and all(m.by_label and LISTED not in m.evidence for m in cluster.mentions)
        and gazetteer.lookup(cluster.name) is None
        and places.place_source(cluster.name) is None
    )


def _listed_with_bodies_only(span: Span, kind_at: dict[int, ActorKind]) -> bool:
    """Whether the other names coordinated with the span are two bodies or more, and all the
    actors among them bodies."""
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members, stack = [], [first]
    while stack:
        token = stack.pop()
        members.append(token)
        stack += [child for child in token.children if child.dep_ == "conj"]
    kinds = [kind_at.get(t.i) for t in members if not span.start <= t.i < span.end]
    actors = [kind for kind in kinds if kind is not None]
    return len(actors) >= 2 and all(kind == "organisation" for kind in actors)


def _acts(token: Token) -> bool:
    """Whether the token is the subject of a verb or the agent of a passive ("by Charlton")."""
    return token.dep_ in ("nsubj", "nsubjpass") or (
        token.dep_ == "pobj" and token.head.dep_ == "agent"
    )


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
    """'25-year-old Guzel': only people are given an age so (but the age in 'the 61-year-old
    Harbor Radio presenter' is the presenter's)."""
    doc, start, root = span.doc, span.start, span.root
    return (
        not (root.dep_ == "compound" and root.head.i >= span.end)
        and start >= 3
        and doc[start - 1].lower_ == "old"
        and doc[start - 2].text == "-"
        and doc[start - 3].lower_ in ("year", "years")
    )


def _reads_as_a_person(cluster: Cluster) -> bool:
    """Whether more mentions read as a person than as a place.

    A person's: the model labelled it one, or "he" or "she" takes it up. A place's: a demonym,
    a word before it that makes it a place ("in Jordan"), or "it" taking it up ("Jordan closed
    its border").
    """
    votes = 0
    for mention in cluster.mentions:
        span = mention.span
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        after = words_taking_it_up(span)
        if mention.is_demonym or before in PLACE_PREPOSITIONS or after & THING_PRONOUNS:
            votes -= 1
        elif span[0].ent_type_ == "PERSON" or after & PERSON_PRONOUNS:
            votes += 1
    return votes > 0


def settle_lone_names(
    clusters: list[Cluster], gazetteer: Gazetteer, places: PlaceNames
) -> list[Cluster]:
    """Give a one-word name the model alone called a person the kind the text supports.

    The small model often types one word two ways in an article ("Tesco" a person and a
    company) and calls words people that the text reads as no one's name ("a Tesco", "the
    Moon", "in Hull", "Gucci bags", "#AvengersAgeOfUltron", a caption's "Chaos:").

    Where the text reads it as a person's name ("Mr Vanenberg", "Sitoula says she"), the
    name's other mentions the model typed otherwise are the person's too. Otherwise it joins
    the other kind the model gave the name, where the text reads it as no person's or that
    kind has as many mentions; failing that, read as no person's, it is a place where the text
    puts something in it, else no actor. A lone name with nothing either way stays a person
    where the US census lists it as a given name or surname: squad lists ("Myhill, Rose,
    Gamboa") name people. A word no census lists, that nothing in the text reads as a person's
    and the model types no other way ("Euronext", "Housewives", "Spider-Man"), is no actor:
    better none than a wrong one.
    """
    by_name = clusters_by_name(clusters)
    gone: set[int] = set()
    common_nouns: frozenset[str] = frozenset()
    for cluster in clusters:
        if id(cluster) in gone or not _is_lone_model_person(cluster):
            continue
        rivals = [c for c in by_name[cluster.name.casefold()] if c is not cluster]
        # A body's noun beside the name ("oil giant Yukos", "retailer Littlewoods") comes
        # first: an agent noun reads as a person's role too ("retailer" as "singer").
        if any(named_as_an_organisation(m.span) for m in cluster.mentions):
            organisations = [c for c in rivals if c.kind == "organisation"]
            if organisations:
                gone |= join(organisations[0], [cluster], "settle_lone_names, called a body")
            else:
                retype(cluster, "organisation", "settle_lone_names, called a body")
            continue
        if any(named_as_a_person(m.span, gazetteer) for m in cluster.mentions):
            model_typed = [c for c in rivals if all(m.by_label for m in c.mentions)]
            gone |= join(cluster, model_typed, "settle_lone_names, named as a person")
            continue
        common = common_nouns or _common_nouns(cluster)
        common_nouns = common
        read_as_no_person = cluster.name.lower() in common or any(
            reads_as_no_person(m.span) for m in cluster.mentions
        )
        # On a tie, the other kind: nothing in the text reads the name as a person's.
        rival = max(rivals, key=lambda c: len(c.mentions), default=None)
        is_census_name = places.is_census_name(cluster.name)
        if rival is not None and (
            read_as_no_person or len(rival.mentions) >= len(cluster.mentions)
        ):
            gone |= join(rival, [cluster], "settle_lone_names, the name's other kind")
        elif read_as_no_person:
            if any(after_place_or_venue_preposition(m.span) for m in cluster.mentions):
                retype(cluster, "place", "settle_lone_names, a place word before it")
            else:
                gone.add(id(cluster))
        elif not is_census_name and rival is None:
            gone.add(id(cluster))
    return [c for c in clusters if id(c) not in gone]


def _common_nouns(cluster: Cluster) -> frozenset[str]:
    """The nouns the article writes in lower case: a capitalised word among them ("Meth" of a
    slogan beside "meth", "Moon" beside "the moon") is a word, not someone's name."""
    tokens = token_lists(cluster.mentions[0].span.doc)
    return frozenset(
        lower
        for lower, pos, is_lower in zip(tokens.lower, tokens.pos, tokens.is_lower, strict=True)
        if pos == "NOUN" and is_lower
    )


def one_kind_per_name(clusters: list[Cluster], gazetteer: Gazetteer) -> list[Cluster]:
    """One actor to a name: where the model alone typed a name another way than the rest of
    the article does ("Ed Miliband" a company, "Aston Villa" a place), those mentions join
    the kind the text shows ("First Minister Nicola Sturgeon"), else the kind with the most
    mentions. A country takes in the place of its name ("the Iraq border")."""
    by_name = clusters_by_name(clusters)
    gone: set[int] = set()
    for named in by_name.values():
        if len(named) < 2:
            continue
        keeper = max(named, key=lambda cluster: _weight_of_kind(cluster, gazetteer))
        gone |= join(
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
            KIND_OF_THE_NAME,
        )
    return [c for c in clusters if id(c) not in gone]


def _weight_of_kind(cluster: Cluster, gazetteer: Gazetteer) -> tuple[bool, bool, int, bool, int]:
    """A country first, then a kind the text shows, then the most mentions, then a place a
    list knows ("a Forest Hill hotel room" beside "a Forest Hill police sergeant", the model's
    body), then the first."""
    is_listed_place = cluster.kind == "place" and (
        any(LISTED in m.evidence for m in cluster.mentions)
        or smaller_place_source(cluster.name) is not None
    )
    return (
        cluster.kind == "country",
        _text_shows_kind(cluster, gazetteer),
        len(cluster.mentions),
        is_listed_place,
        -cluster.first_token,
    )


def _text_shows_kind(cluster: Cluster, gazetteer: Gazetteer) -> bool:
    """Whether more than the model's label gives the cluster its kind: the gazetteer, the
    registry or the words around a mention ("Mr", "First Minister", "the firm")."""
    if not all(m.by_label for m in cluster.mentions):
        return True
    if cluster.kind == "person":
        return any(named_as_a_person(m.span, gazetteer) for m in cluster.mentions)
    return cluster.kind == "organisation" and any(
        named_as_an_organisation(m.span) for m in cluster.mentions
    )


def _is_lone_model_person(cluster: Cluster) -> bool:
    return (
        cluster.kind == "person"
        and " " not in cluster.name
        # "the Queen", "the Pope": a title alone is the person who holds it.
        and cluster.name.lower() not in PERSON_TITLES
        and all(m.by_label for m in cluster.mentions)
    )


def people_by_given_name(clusters: list[Cluster], places: PlaceNames) -> list[Cluster]:
    """Make a person of a name the model alone called a body or a place when its last word is
    a person elsewhere in the article ("Penelope Muse Abernathy" an organisation beside
    "Abernathy said"), so the two merge as one person, and it starts with a census given name
    or the text takes it up with "who" ("Montell Figgins, who represents Thomas")."""
    lone_people = {c.name for c in clusters if c.kind == "person" and " " not in c.name}
    for cluster in clusters:
        words = cluster.name.split()
        if (
            cluster.kind in ("organisation", "place")
            and 2 <= len(words) <= MAX_PERSON_NAME_WORDS
            and all(m.by_label for m in cluster.mentions)
            and all(word.isalpha() and word.istitle() for word in words)
            and words[-1] in lone_people
        ):
            if places.is_given_name(words[0]):
                retype(
                    cluster, "person", "people_by_given_name, a given name and a person's surname"
                )
            elif any(_taken_up_by_who(m.span) for m in cluster.mentions):
                retype(cluster, "person", "people_by_given_name, 'who' and a person's surname")
    return clusters


def _taken_up_by_who(span: Span) -> bool:
    """A relative clause on the name whose subject is "who" ("Montell Figgins, who represents
    Thomas"): English takes up a person so, a body with "which" or "that"."""
    return any(
        clause.dep_ == "relcl" and any(t.lower_ == "who" for t in clause.children)
        for clause in span.root.children
    )
