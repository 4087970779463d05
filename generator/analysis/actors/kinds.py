"""What one name is: a cleaned entity span in, a typed `Mention` out (or None for no actor)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from generator.analysis.actors.capitals import CITY_EVIDENCE, capital_for_its_government, city_name
from generator.analysis.actors.context import (
    after_place_head,
    after_town_and_comma,
    beside_person_title,
    called_a_place,
    followed_by,
    home_town_after_age,
    is_generic_or_document,
    modifies_place_noun,
    names_a_place_of,
    town_before_its_state,
)
from generator.analysis.actors.descriptions import (
    is_a_description,
    is_a_plural_nickname,
    is_given_and_more,
    is_name,
)
from generator.analysis.actors.generic_bodies import ACTING_BODY, owned_by_its_country
from generator.analysis.actors.mentions import (
    ENTITY_LABELS,
    LISTED,
    Mention,
    after_place_preposition,
    names_one_person,
)
from generator.analysis.actors.possessives import POSSESSIVE_NAME, with_its_possessive
from generator.analysis.actors.rules import ActorRules, Decided, Rule, decided_kind
from generator.analysis.actors.run_on_names import (
    EntityNames,
    cut_from_a_persons_name,
    person_after_a_country,
    person_by_name_data,
    without_run_on_name,
)
from generator.analysis.actors.spans import clean_span, name_text
from generator.analysis.actors.titled_names import titled_person
from generator.analysis.datelines import title_case
from generator.analysis.dictionary import is_plural_noun
from generator.analysis.entity_index import entities_of
from generator.analysis.gazetteer import Gazetteer, MatchRole, Place
from generator.analysis.lexicon import (
    CONTINUED_ORGANISATION_NOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    NOBLE_TITLES,
    NOT_ACTOR_FOLLOWERS,
    NOT_ACTORS,
    ORGANISATION_NAME_ENDS,
    PERSON_TITLES,
    PLACE_NOUNS,
)
from generator.analysis.place_names import SMALL_TOWN, PlaceNames
from generator.analysis.registry import Registry

NAMED_AFTER_WORDS = PLACE_NOUNS | INSTITUTION_NOUNS
"""Words after a name that make it the name of a place or building ("Kennedy Center")."""
BUILDING_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "into", "near"})
TITLES_BEFORE_A_NAME = PERSON_TITLES | NOBLE_TITLES | HONORIFICS


@dataclass(frozen=True)
class Knowledge:
    """Everything typing reads besides the doc: the analysts' registry, the gazetteers of
    countries and of places and names, and the rules."""

    registry: Registry
    gazetteer: Gazetteer
    places: PlaceNames
    rules: ActorRules


def typed_mention(
    ent: Span, knowledge: Knowledge, names: EntityNames, decided: list[Decided]
) -> Mention | None:
    """Type and clean one entity; None when it is no actor (junk, adjectives, diseases).

    The first evidence that speaks decides: the registry, then a country's name or demonym,
    then the rules of `data/actor_rules.yml`, then cues in the code below, then the gazetteers
    of places, then the model's label.
    """
    if ent.label_ not in ENTITY_LABELS:
        return None
    if ent.label_ != "PERSON" and _is_courtesy_title_and_surname(ent):
        # "Mr Hussen" labelled a company or a place: a courtesy title names a person.
        ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
    span = clean_span(ent)
    person = (
        person_after_a_country(ent, span, names, knowledge.gazetteer)
        or person_by_name_data(ent, span)
        or titled_person(ent)
        if span
        else None
    )
    if person is not None:
        ent = span = person
    if span is not None and ent.label_ == "PERSON":
        span = without_run_on_name(span, names)
    if span is not None:
        span = with_its_possessive(span, names.possessive)
    if span is None or not is_name(span):
        return None
    if ent.label_ == "ORG" and cut_from_a_persons_name(span):
        return None
    text = name_text(span)
    is_acting_body = span.text in names.acting_bodies and ent.label_ == "ORG"
    if is_generic_or_document(span) and not is_acting_body:
        return None
    registered = knowledge.registry.by_name(text)
    if registered is not None:
        return Mention(span, registered.kind, registered.name, evidence="registry")
    if is_acting_body:
        return _owned(Mention(span, "organisation", text, evidence=ACTING_BODY), knowledge)
    if text.casefold() in NOT_ACTORS or followed_by(span, NOT_ACTOR_FOLLOWERS):
        return None
    gazetteer = knowledge.gazetteer
    found = gazetteer.lookup(text)
    if found is not None and found[1] == "demonym":
        if names_one_person(span, found[0].demonyms):
            return None
        # "the North Korean port of Rajin": the country, by its adjective, not a place.
        return Mention(
            span, found[0].kind, found[0].name, is_demonym=True, evidence="gazetteer demonym"
        )
    if found is not None and found[1] == "name":
        # "the U.K.'s University of York": a country's name is the country's, whatever word
        # follows it; a rule never overrules it ("England beat Australia" is the country's side).
        return Mention(span, found[0].kind, found[0].name, evidence="gazetteer name")
    if found is None and is_a_description(span, knowledge.places):
        return None
    place_source = _place_source(span, knowledge)
    rule = _rule_decision(span, ent.label_, found, place_source, decided, knowledge)
    if rule is not None:
        kind = decided_kind(rule.decides)
        return None if kind is None else Mention(span, kind, text, evidence=rule.evidence)
    if span[-1].tag_ == "POS":
        # "Kohl's stores": the article's possessive name, named where no rule speaks.
        return Mention(span, "organisation", text, evidence=POSSESSIVE_NAME)
    if _ends_in_a_place_word(span, ent.label_, knowledge):
        # "Kim Il Sung Square", "Charles de Gaulle Airport": named after a person, but a place.
        return Mention(span, "place", text, evidence="a place word in or after the name")
    if span[-1].lower_ in INSTITUTION_NOUNS and ent.label_ == "ORG":
        # "Bristol University political scientist Anne Alexander": the body, not a title.
        return Mention(span, "organisation", text, evidence="a body's name, an institution word")
    if ent.label_ == "PERSON" and (home_town_after_age(span) or town_before_its_state(span)):
        return Mention(span, "place", text, evidence="a home town in an address")
    if found is not None and found[1] == "capital" and after_town_and_comma(span, gazetteer):
        # "Seattle, Washington": after a town and a comma, a capital's name is a state's.
        return Mention(span, "place", text, evidence="a state after a town and a comma")
    next_word = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        ent.label_ == "PERSON"
        and next_word is not None
        and next_word.lower_ in CONTINUED_ORGANISATION_NOUNS
    ):
        organisation = span.doc[span.start : span.end + 1]
        return Mention(
            organisation,
            "organisation",
            organisation.text,
            evidence="a person's name before a body's word ('administration', 'network')",
        )
    if found is not None and found[1] == "capital" and not capital_for_its_government(span):
        # Its country only where its government acts ("Moscow said"); else the city, no alias.
        return Mention(span, "place", city_name(text, found[0]), evidence=CITY_EVIDENCE)
    if found is not None:
        return Mention(span, found[0].kind, found[0].name, evidence=f"gazetteer {found[1]}")
    if modifies_place_noun(span) or after_place_head(span) or called_a_place(span):
        return Mention(span, "place", text, evidence="a place noun beside the name")
    if beside_person_title(span):
        return Mention(span, "person", text, evidence="a person's title beside the name")
    if place_source is not None and _is_place_for_the_model_too(span, ent.label_, knowledge):
        # Typed by a list alone, with no cue in the text (`LISTED`); but a state's abbreviation
        # ("Ga.") is the text's own cue: it names only the state.
        name = _state_name(text, knowledge)
        evidence = f"model {ent.label_}{LISTED}{place_source}"
        if place_source == STATE_ABBREVIATION:
            evidence = place_source
        elif after_place_preposition(span):
            # "in Liverpool", "residents in Newcastle": the text puts something in the place
            # ("at Brighton" and "to Brighton" are as often the club's).
            evidence = f"{place_source}, a place word before it"
        return Mention(span, "place", name, by_label=True, evidence=evidence)
    last = span[-1].text  # "Omnicom Group Inc.", "Transport 2000": no person's name ends so.
    is_a_bodys_end = last.isdigit() or knowledge.places.is_legal_form(last)
    if ent.label_ == "PERSON" and len(span) > 1 and is_a_bodys_end:
        return Mention(span, "organisation", text, evidence="cleanco legal form")
    mention = _mention_by_label(span, ent.label_, text, knowledge.places)
    return _owned(mention, knowledge) if mention is not None else None


def _owned(mention: Mention, knowledge: Knowledge) -> Mention:
    """The body named by its country where the text gives it one (`owned_by_its_country`)."""
    return owned_by_its_country(mention, knowledge.gazetteer, knowledge.places.generic_bodies)


def _ends_in_a_place_word(span: Span, label: str, knowledge: Knowledge) -> bool:
    """Whether a word of places ends a name of more words or follows it. A word of institutions
    ("University", "Centre", "Hall") ends a building's name where something happens in it ("at
    the National Tennis Centre"), and otherwise the name of the body the model calls it ("the
    German Aerospace Centre" where someone works) or a person's after a given name ("Lee
    Hall", the writer, beside "Anderson Cancer Center")."""
    last = span[-1].lower_
    if last in INSTITUTION_NOUNS:
        if label == "PERSON" and len(span) == 2 and knowledge.places.is_given_name(span[0].text):
            return False  # a given name and a surname; "Anderson Cancer Center" is a building
        in_a_building = _object_of(span, BUILDING_PREPOSITIONS) and not _employs(span)
        return label != "ORG" or in_a_building
    # The word alone names no place by its form: "Palace are keen" (a club), "the Palace said".
    is_named_as_a_place = last in PLACE_NOUNS and len(span) > 1
    return is_named_as_a_place or names_a_place_of(span) or followed_by(span, NAMED_AFTER_WORDS)


def _employs(span: Span) -> bool:
    """Whether the name is where the person named beside works: "Li Jifeng, a doctor at
    Chaoyang Hospital" (the role in apposition to the person)."""
    role = span.root.head.head
    return role.pos_ == "NOUN" and role.dep_ == "appos" and role.head.ent_type_ == "PERSON"


def _object_of(span: Span, prepositions: frozenset[str]) -> bool:
    """Whether the name is the object of one of the prepositions ("in Moscow's Central
    Clinical Hospital": the determiner or owner between them does not matter)."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in prepositions


STATE_ABBREVIATION = "AP US state abbreviation"


def _place_source(span: Span, knowledge: Knowledge) -> str | None:
    """The gazetteer that knows the name as a place: towns, states, counties, subdivisions."""
    text = span.text
    places = knowledge.places
    doc = span.doc
    if text in places.state_abbreviations or (
        # "Sen. Bernie Sanders (Vt.)": the tokenizer may set the abbreviation's point apart.
        f"{text}." in places.state_abbreviations
        and span.end < len(doc)
        and doc[span.end].text == "."
    ):
        return STATE_ABBREVIATION
    # A table or headline in capitals prints "SEATTLE" for Seattle.
    return places.place_source(title_case(text) if text.isupper() else text)


def _state_name(text: str, knowledge: Knowledge) -> str:
    abbreviations = knowledge.places.state_abbreviations
    return abbreviations.get(text, abbreviations.get(f"{text}.", text))


def _is_place_for_the_model_too(span: Span, label: str, knowledge: Knowledge) -> bool:
    """Whether a name a gazetteer knows as a place is one here: the model says a place, or
    calls a single word a person that is no common surname and more than a small town
    ("Montpellier", "Surrey"; but "Kent" and "Houston" are people's names as often, and
    "Obama" is a town in Japan)."""
    if label in ("GPE", "LOC"):
        return True
    return label == "PERSON" and is_clearly_a_place(span, knowledge)


def is_clearly_a_place(span: Span, knowledge: Knowledge) -> bool:
    """A name a gazetteer knows as more than a small town, and the census not as a common
    surname or given name ("Surrey", "Montpellier", "Sioux Falls"; not "Kent", "Obama"); a
    name of several words must not start with a given name ("Jackson Heights" may be
    someone's)."""
    places = knowledge.places
    return (
        places.place_source(span.text) not in (None, SMALL_TOWN)
        and (len(span) > 1 or not places.is_common_surname(span.text))
        and not places.is_given_name(span[0].text)
    )


def _rule_decision(
    span: Span,
    label: str,
    found: tuple[Place, MatchRole] | None,
    place_source: str | None,
    decided: list[Decided],
    knowledge: Knowledge,
) -> Rule | None:
    """The first rule that decides the name (a country's name never reaches here: "England
    beat Australia" is the country's side, and "UN" or "U.N." no initials)."""
    decision = knowledge.rules.decision_for(span, decided)
    if decision is None:
        return None
    is_place = (
        found is not None
        or label in ("GPE", "LOC")
        or (place_source is not None and (label != "PERSON" or is_clearly_a_place(span, knowledge)))
    )
    if decision.rule.requires_place and not is_place:
        return None
    if decision.rule.unless_listed and (found is not None or place_source is not None):
        return None
    if decision.rule.unless_given_name and knowledge.places.is_given_name(span[0].text):
        return None
    if decision.rule.requires_given_name and not is_given_and_more(span, knowledge.places):
        return None
    if decision.rule.plural_nickname and not is_a_plural_nickname(span, knowledge.places):
        return None
    if decision.rule.joins_places and not _joins_places(span, knowledge):
        return None
    if decision.rule.keeps_possessive and span[-1].tag_ != "POS":
        return None  # the name is written without it elsewhere: a possessive ("Google's")
    if decision.rule.named_after_a_subdivision and not _named_after_a_subdivision(span, knowledge):
        return None
    if decision.rule.unless_subdivision and _named_after_a_subdivision(span, knowledge):
        return None
    if decision.rule.named_after_a_town and (
        found is not None
        or place_source is not None
        or knowledge.places.place_source(name_text(span[:-1])) is None
    ):
        return None
    return decision.rule


def _named_after_a_subdivision(span: Span, knowledge: Knowledge) -> bool:
    """Whether the name's words before the last are a subdivision ISO 3166-2 lists ("Yobe" of
    "Yobe North"), the whole name no place a list knows."""
    source = knowledge.places.place_source(name_text(span[:-1])) if len(span) > 1 else None
    return (
        bool(source and source.startswith("ISO 3166-2")) and _place_source(span, knowledge) is None
    )


def _joins_places(span: Span, knowledge: Knowledge) -> bool:
    """Whether every part of the name between hyphens is a country or a place: "U.S.-Mexico"."""
    parts = [part for part in name_text(span).split("-") if part]
    return len(parts) > 1 and all(
        knowledge.gazetteer.lookup(part) is not None or knowledge.places.place_source(part)
        for part in parts
    )


def _is_courtesy_title_and_surname(ent: Span) -> bool:
    """'Mr Hussen' after 'Abase Hussen': a courtesy title ('Mr', 'Dr.', but not the 'DR' of
    'DR Congo') and the surname of someone the article names in full ('Dr Pepper' is a drink
    where no Pepper is named)."""
    words = ent[:-1] if ent[-1].tag_ == "POS" else ent  # "Ms Hughes' resignation"
    if len(words) != 2 or ent[0].lower_ not in HONORIFICS or not ent[0].is_title:
        return False
    surname = words[1].text
    return any(
        other.label_ == "PERSON" and len(other) > 1 and other[-1].text == surname
        for other in entities_of(ent.doc)
    )


def _mention_by_label(span: Span, label: str, text: str, places: PlaceNames) -> Mention | None:
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in ORGANISATION_NAME_ENDS:
        # "Surrey Police said": a body the model took for a person.
        return Mention(
            span, "organisation", text, by_label=True, evidence="a body's word ends the name"
        )
    if label == "PERSON" and len(span) > 1 and _ends_in_a_plural_noun(span, places):
        # "Argonaut Games", "Sale Sharks": a person's name ends in no plural noun.
        return Mention(
            span, "organisation", text, by_label=True, evidence="a plural noun ends the name"
        )
    evidence = f"model {label}"
    if label == "PERSON":
        return Mention(span, "person", text, by_label=True, evidence=evidence)
    if label == "ORG":
        return Mention(span, "organisation", text, by_label=True, evidence=evidence)
    if label in ("GPE", "LOC"):
        return Mention(span, "place", text, by_label=True, evidence=evidence)
    # NORP that is no nationality: only plural nouns name a group ("Republicans", "Sunnis").
    if label == "NORP" and span.root.tag_ == "NNPS":
        return Mention(span, "group", text, by_label=True, evidence=evidence)
    return None


def _ends_in_a_plural_noun(span: Span, places: PlaceNames) -> bool:
    """Whether a capitalised last word is the plural of a noun the dictionary knows ("Argonaut
    Games", "Sale Sharks", "Masten Space Systems") and no common surname ("Woods", "Banks"),
    after no given name or title ("Steve Jobs", "Ed Balls", "Lord Dubs" are people). A name
    whose first and last words both are in the census's full lists is a person's however rare
    ("Wes Butters", "Mick Mars"); "Argonaut" and "Sharks" are in none."""
    word = span[-1].text
    first = span[0].text
    return (
        not places.is_given_name(first)
        and not (places.is_census_name(first) and places.is_census_name(word))
        and span[0].lower_ not in TITLES_BEFORE_A_NAME
        and word.istitle()
        and is_plural_noun(word)
        and not places.is_common_surname(word)
    )
