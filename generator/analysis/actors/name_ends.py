"""Where a name ends: over the particles that join its parts ("Rio Grande do Sul", "Ursula
von der Leyen", "Komsomolsk-on-Amur") and the proper nouns the model left out of a person's name
(`spans.clean_span` calls these)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analysis.entity_index import entity_at
from generator.analysis.lexicon import (
    HEADLINE_VERBS,
    HONORIFICS,
    HYPHENATED_PARTICLES,
    NAME_PARTICLES,
    PERSON_TITLES,
    PLACE_HEADS,
)
from generator.analysis.place_names import place_names
from generator.analysis.token_lists import token_lists


def across_particles(doc: Doc, start: int, end: int) -> tuple[int, int]:
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
    # The dash first, by its text (`token_lists`): almost no name is followed by one.
    if end + 3 >= len(doc) or end == 0 or token_lists(doc).text[end] != "-":
        return False
    dash, particle, second_dash, name = doc[end : end + 4]
    return (
        doc[end - 1].whitespace_ == ""
        and dash.text == "-" == second_dash.text
        and not (dash.whitespace_ or particle.whitespace_ or second_dash.whitespace_)
        and particle.lower_ in HYPHENATED_PARTICLES
        and name.text[:1].isupper()
    )


def name_end(ent: Span) -> int:
    """Where a person's name really ends: over hyphen-joined parts and unlabelled proper nouns;
    a body's, over the proper noun its last word modifies."""
    doc, end = ent.doc, ent.end
    if ent.label_ == "ORG":
        return _with_its_head_noun(ent)
    if ent.label_ != "PERSON" or doc[end - 1].tag_ == "POS":
        # Past its own possessive a name is done: "Elon Musk's SpaceX" is Musk's, owning
        # SpaceX, not a longer name whose owner `clean_span` would cut away.
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


def _with_its_head_noun(ent: Span) -> int:
    """Where a body's name ends when the model left out the proper noun that heads it: "the
    Sioux Falls Argus" + "Leader", the name's last word a compound of the capitalised word
    after it, which no entity holds and which heads its phrase."""
    doc, end = ent.doc, ent.end
    if end >= len(doc) or not (doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end):
        return end
    head = doc[end]
    after = doc[end + 1] if end + 1 < len(doc) else None
    # A title ends no body's name: "Senate" of "Senate President Ahmad Lawan" or of "Senate
    # Leader raises ..." (a person by their title); "the Argus Leader" is a paper's.
    is_title = head.lower_ in PERSON_TITLES and not _after_the(ent)
    before_a_name = after is not None and (_is_proper_word(after) or after.ent_type_ == "PERSON")
    if not _is_proper_word(head) or head.ent_iob_ != "O" or head.dep_ == "compound":
        return end
    if doc[end - 1].lower_ in PERSON_TITLES | HONORIFICS:
        return end  # "the Court of Appeal Mr" + "Mabey": the title is the next name's
    return end if is_title or before_a_name else end + 1


def _after_the(ent: Span) -> bool:
    first = ent[0] if ent[0].lower_ == "the" or ent.start == 0 else ent.doc[ent.start - 1]
    return first.lower_ == "the"


def with_the_place_it_is_of(ent: Span, end: int) -> int:
    """Where a name ending in a capitalised place noun ends when "of" and a place follow it:
    "the Eastern District" + "of Virginia", "the Western Region" + "of Ghana" are one name,
    which the model cuts before its "of". A place noun in lower case ("the capital of France")
    ends no name, nor does a person's."""
    doc = ent.doc
    last = doc[end - 1]
    if ent.label_ == "PERSON" or not last.is_title or last.lower_ not in PLACE_HEADS:
        return end
    if end + 1 >= len(doc) or doc[end].text != "of":
        return end
    place = entity_at(doc[end + 1])
    if place is None or place.start != end + 1 or place.label_ not in ("GPE", "LOC"):
        return end
    return place.end


def with_both_places_it_is_of(ent: Span, end: int) -> int:
    """Where a body's name "X of A and B" ends when the model cut it before "and": "the Law
    Society of England" + "and Wales", "the Bishop of Bath" + "and Wells". Only where A, the
    words after the name's last "of", is a place the lists know and B a place the model
    labelled alone, of the same kind in the lists (two of the UK's nations, two cities): "the
    Bank of England and France" are two, as is "the Law Society of Scotland and Ireland's"."""
    doc = ent.doc
    if ent.label_ != "ORG" or end + 1 >= len(doc) or doc[end].lower_ != "and":
        return end
    of = next((i for i in range(end - 1, ent.start, -1) if doc[i].lower_ == "of"), None)
    place = entity_at(doc[end + 1])
    if of is None or place is None or place.start != end + 1:
        return end
    owned = place.end < len(doc) and doc[place.end].tag_ == "POS"
    if place.label_ not in ("GPE", "LOC") or owned:
        return end
    places = place_names()
    kind = places.place_source(doc[of + 1 : end].text)
    return place.end if kind is not None and kind == places.place_source(place.text) else end
