"""Find the actors of a story in a parsed article: spaCy `Doc` in, `ActorIndex` out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from generator.analysis.actions import actions_of
from generator.analysis.actors.acronyms import acronyms_of_things, is_acronym, merge_acronyms
from generator.analysis.actors.addressed import without_people_only_addressed
from generator.analysis.actors.body_names import (
    add_unlabelled_body_names,
    bodies_by_their_conjuncts,
    bodies_by_their_last_words,
    bodies_by_word_order,
    bodies_named_together,
    companies_by_legal_name,
    states_by_postal_code,
)
from generator.analysis.actors.body_prefixes import bodies_by_their_first_words
from generator.analysis.actors.clubs import clubs_named_after_their_town
from generator.analysis.actors.common_bodies import bodies_in_lower_case
from generator.analysis.actors.coordinated import coordinated_names
from generator.analysis.actors.described_people import people_by_their_descriptions
from generator.analysis.actors.described_roles import with_described_roles
from generator.analysis.actors.found import (
    agree_kinds,
    capitals_line_mentions,
    clusters_of,
    dateline_mentions,
    rule_mentions,
    split_sources,
    tag_mentions,
    unlabelled_country_mentions,
    without_overlaps,
)
from generator.analysis.actors.generic_bodies import bodies_that_act
from generator.analysis.actors.genre import genre_cues, marked_as_things, things_of_the_page
from generator.analysis.actors.index import ActorIndex
from generator.analysis.actors.kinds import Knowledge, typed_mention
from generator.analysis.actors.listed import listed_names
from generator.analysis.actors.listed_bodies import unlabelled_bodies_in_lists
from generator.analysis.actors.listed_with_people import people_listed_with_people
from generator.analysis.actors.made_things import branch_words, without_made_things
from generator.analysis.actors.mentions import (
    DEMONYM_WEIGHT,
    HEADLINE_WEIGHT,
    MAX_TAGS,
    SUBJECT_WEIGHT,
    TAG_LINE_WEIGHT,
    Cluster,
    heads_completed_by,
)
from generator.analysis.actors.merges import (
    add_unlabelled_surnames,
    bodies_by_first_word,
    bodies_of_their_country,
    merge_initials,
    merge_middle_names,
    merge_people,
    merge_spellings,
)
from generator.analysis.actors.name_starts import with_its_first_words
from generator.analysis.actors.nationals import nationals_of_a_country
from generator.analysis.actors.owners import owners_run_into_names
from generator.analysis.actors.particle_places import (
    particle_place_first_words,
    particle_place_mentions,
    places_by_their_short_name,
)
from generator.analysis.actors.particle_surnames import surnames_with_a_particle
from generator.analysis.actors.parties import parties_by_their_name, parties_by_their_short_names
from generator.analysis.actors.people_in_full import (
    given_names_in_brackets,
    people_by_their_surname_alone,
)
from generator.analysis.actors.positions import player_positions
from generator.analysis.actors.possessives import possessive_names
from generator.analysis.actors.publisher import without_the_publisher
from generator.analysis.actors.rules import load_rules
from generator.analysis.actors.run_on_names import EntityNames
from generator.analysis.actors.spelled_titles import spelled_out
from generator.analysis.actors.split_names import split_body_mentions
from generator.analysis.actors.subdivisions import places_by_their_type_words
from generator.analysis.actors.teams import teams_of_a_round_up
from generator.analysis.actors.things import thing_words, things_by_rule, without_things
from generator.analysis.actors.unlabelled_doers import bodies_acting_where_unlabelled
from generator.analysis.actors.votes import (
    bodies_listed_with_bodies,
    one_kind_per_name,
    people_by_given_name,
    people_by_role,
    places_on_the_label_alone,
    retype_speaking_bodies,
    settle_lone_names,
    surnames_as_people,
)
from generator.analysis.actors.weak_names import marked_unshown
from generator.analysis.actors.works import (
    review_cues,
    reviews_a_work,
    without_a_works_world,
    without_parts_played,
)
from generator.analysis.entity_index import entities_of
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.layout import layout_of
from generator.analysis.place_names import place_names
from generator.analysis.registry import Registry, actor_id
from generator.analysis.role_ranks import best_role
from generator.analysis.roles import generic_owners, role_beside
from generator.models import Actor


def hold_actor_knowledge(vocab: Vocab) -> None:
    """Read every data file the actor pass reads, each kept where it is read (once a process):
    the rules, the place names, GeoNames' names with particles, the genre and review cues, the
    branch words, the prepositions that complete a name, the players' positions, the generic
    owners. Read on first use, they made a process's first briefs the dearest, and `gc.freeze` would
    not keep them out of the collector's walks (`analyse._hold_knowledge` calls this first)."""
    load_rules(vocab)
    place_names()
    particle_place_first_words()  # reads `particle_place_names`
    genre_cues()
    branch_words()
    heads_completed_by()
    player_positions()
    review_cues()
    generic_owners()


def extract_actors(
    doc: Doc,
    gazetteer: Gazetteer,
    headline: str = "",
    tag_line: str | None = None,
    registry: Registry | None = None,
    tags: Iterable[str] = (),
    publisher: str | None = None,
) -> ActorIndex:
    """Return the actors of a parsed body, ranked, with roles and what they said or did.

    tags are the names the article's front matter lists: where the text spells one out, that
    is the name, even where the model saw only part of it ("Lam" in "President To Lam").
    publisher is the outlet the article comes from (its source), no actor of it.
    """
    registry = registry or Registry()
    knowledge = Knowledge(registry, gazetteer, place_names(), load_rules(doc.vocab))
    layout = layout_of(doc)
    decided = knowledge.rules.decisions(doc)
    acting = bodies_that_act(doc, knowledge.places.generic_bodies)
    names = EntityNames.of(doc, possessive_names(doc, decided), acting)
    entities = [
        with_its_first_words(ent) for ent in entities_of(doc) if not layout.is_set_aside(ent)
    ]
    # First: of two mentions of one span, `without_overlaps` keeps the first, and a whole name
    # outweighs the model's label of a piece ("Stratford" a person).
    mentions = clubs_named_after_their_town(decided, knowledge, names)
    mentions += particle_place_mentions(entities) + split_body_mentions(entities, names.text)
    mentions += owners_run_into_names(entities, knowledge.places)
    mentions += [
        m for ent in entities if (m := typed_mention(ent, knowledge, names, decided)) is not None
    ]
    mentions += rule_mentions(doc, decided, knowledge, mentions)
    mentions = agree_kinds(without_overlaps(mentions + tag_mentions(doc, tags, mentions)))
    mentions = without_things(doc, mentions, decided, knowledge.places)
    things = frozenset(thing_words(d.span) for d in things_by_rule(decided, knowledge.places))
    mentions = without_made_things(
        mentions, knowledge.places, gazetteer, things, acronyms_of_things(doc)
    )
    mentions = without_a_works_world(doc, mentions, headline, knowledge.places)
    mentions = without_parts_played(mentions, decided, knowledge.places)
    mentions = coordinated_names(mentions, gazetteer, knowledge.places)
    mentions = listed_names(mentions, knowledge.places)
    mentions += dateline_mentions(layout, gazetteer)
    mentions += capitals_line_mentions(layout, mentions, knowledge, decided)
    mentions += unlabelled_country_mentions(doc, gazetteer, mentions)
    mentions, sources = split_sources(mentions)
    clusters = surnames_as_people(people_by_role(clusters_of(mentions)), gazetteer, registry)
    people_by_their_surname_alone(clusters, gazetteer, knowledge.places)
    clusters = people_by_given_name(clusters, knowledge.places)
    clusters = given_names_in_brackets(clusters, knowledge.places)
    surnames_with_a_particle(clusters)
    # Again: a surname the model called a body ("Figgins said") is the person's once
    # people_by_given_name has made its full name ("Montell Figgins, who ...") a person's.
    clusters = surnames_as_people(clusters, gazetteer, registry)
    clusters = merge_people(merge_initials(merge_middle_names(merge_spellings(clusters))))
    clusters = bodies_named_together(clusters, {c.name for c in clusters if is_acronym(c.name)})
    clusters = merge_acronyms(clusters, knowledge.places, gazetteer)
    clusters = bodies_by_first_word(clusters, knowledge.places)
    clusters = places_by_their_short_name(clusters)
    clusters = companies_by_legal_name(clusters, knowledge.places, gazetteer)
    clusters = bodies_by_their_last_words(
        bodies_by_their_conjuncts(clusters), gazetteer, knowledge.places
    )
    clusters = bodies_by_word_order(bodies_by_their_first_words(clusters))
    clusters = places_by_their_type_words(
        states_by_postal_code(clusters, knowledge.places), knowledge.places
    )
    clusters = parties_by_their_short_names(
        doc,
        parties_by_their_name(bodies_of_their_country(clusters, knowledge.places.generic_bodies)),
    )
    people_listed_with_people(clusters, knowledge.places)
    nationals_of_a_country(clusters, gazetteer, knowledge.places)
    add_unlabelled_surnames(doc, clusters, gazetteer)
    unlabelled_bodies_in_lists(doc, clusters, knowledge.places)
    if reviews_a_work(doc, headline):
        # Only there: in news, such a word acting is as often a person the model half knows
        # (CoNLL dev's organisations lost 0.2 points where every page was read so).
        bodies_acting_where_unlabelled(doc, clusters, knowledge.places)
    add_unlabelled_body_names(doc, clusters, knowledge.places)
    bodies_in_lower_case(doc, clusters)
    clusters = one_kind_per_name(
        settle_lone_names(clusters, gazetteer, knowledge.places), gazetteer
    )
    retype_speaking_bodies(clusters)
    bodies_listed_with_bodies(clusters, knowledge.places)
    places_on_the_label_alone(clusters, gazetteer, knowledge.places)
    teams_of_a_round_up(clusters)
    people_by_their_descriptions(doc, clusters, gazetteer)
    clusters = without_people_only_addressed(clusters)
    page_things = things_of_the_page(clusters, doc, headline, knowledge.places)
    clusters = without_the_publisher(clusters, publisher, headline)
    # A country named only by an adjective ("a German company") takes no part in the story.
    clusters = [c for c in clusters if not all(m.is_demonym for m in c.mentions)]
    ranked = sorted(
        clusters, key=lambda c: (-_importance(c, headline, tag_line or ""), c.first_token, c.name)
    )
    # By position: a `Token` a word of every mention costs more than the dict.
    token_actor = {i: c.name for c in ranked for m in c.mentions for i in _positions(m.span)}
    people = _tokens_of(ranked, "person")
    bodies = _tokens_of(ranked, "organisation")
    shared = _shared_partial_names(ranked)
    actors = tuple(
        _actor(c, token_actor, gazetteer, registry, shared, (people, bodies)) for c in ranked
    )
    actors = with_described_roles(actors, doc, token_actor, headline, _names_in, gazetteer)
    actors = marked_unshown(actors, doc, knowledge.places, gazetteer, token_actor)
    actors = marked_as_things(actors, page_things)
    return ActorIndex(
        actors=actors,
        token_actor=token_actor,
        sources=tuple(sorted(sources)),
        tags=_tags(actors, headline, tag_line),
    )


def _tokens_of(clusters: list[Cluster], kind: str) -> frozenset[int]:
    """The positions of the tokens that name an actor of this kind."""
    return frozenset(
        i for c in clusters if c.kind == kind for m in c.mentions for i in _positions(m.span)
    )


def _positions(span: Span) -> range:
    return range(span.start, span.end)


def _importance(cluster: Cluster, headline: str, tag_line: str) -> float:
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


def _names(cluster: Cluster) -> set[str]:
    return {cluster.name, *cluster.surface_forms}


def _appears_in(name: str, text: str) -> bool:
    # Most names are not in the headline: a substring test spares compiling a pattern for each.
    return name in text and bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def _shared_partial_names(clusters: list[Cluster]) -> frozenset[str]:
    """Parts of names that several people share: "Obama" of Barack and Sasha Obama."""
    # A part a name contains (`contains_words`) is its start or its end: count those per name
    # rather than test every part of every name against every name (issue #19).
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
    cluster: Cluster,
    token_actor: dict[int, str],
    gazetteer: Gazetteer,
    registry: Registry,
    shared: frozenset[str] = frozenset(),
    people_and_bodies: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> Actor:
    """The actor a cluster makes. Its role comes from its first mention that states a post (a
    title of standing or a home only where no mention states one: `role_ranks`), but not from
    a name several people share ("President Obama" tells Barack from Sasha Obama, not the
    article's principal)."""
    ordered = sorted(cluster.mentions, key=lambda m: m.span.start)
    aliases = _aliases(cluster, _demonym_forms(cluster, gazetteer))
    registered = registry.by_name(cluster.name)
    return Actor(
        id=registered.id if registered else actor_id(cluster.name),
        name=cluster.name,
        kind=cluster.kind,
        role=best_role(
            spelled_out(
                role_beside(m.span, token_actor, gazetteer, cluster.kind, *people_and_bodies),
                m.span,
            )
            for m in ordered
            if m.span.text not in shared
        ),
        aliases=tuple(aliases),
        mentions=len(cluster.mentions),
        actions=actions_of(m.span for m in ordered),
        evidence=_evidence(cluster),
    )


def _evidence(cluster: Cluster) -> tuple[str, ...]:
    """What typed the actor's mentions, most mentions first ("model PERSON ×3"), then what the
    passes decided about it, each once and in order."""
    counts = Counter(m.evidence for m in cluster.mentions if m.evidence)
    typed = [f"{why} ×{n}" if n > 1 else why for why, n in sorted(counts.items(), key=_by_count)]
    return (*typed, *dict.fromkeys(cluster.evidence))


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _aliases(cluster: Cluster, demonyms: set[str]) -> tuple[str, ...]:
    """Other names of the actor; 'LONDON' in a line of capitals is no other name for London."""
    by_case: dict[str, str] = {}
    for form in sorted(cluster.surface_forms - demonyms, key=lambda f: (f.isupper(), f)):
        by_case.setdefault(form.casefold(), form)
    by_case.pop(cluster.name.casefold(), None)
    return tuple(sorted(by_case.values()))


def _demonym_forms(cluster: Cluster, gazetteer: Gazetteer) -> set[str]:
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
