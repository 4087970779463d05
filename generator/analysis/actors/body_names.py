"""Cross-mention passes that merge the names of one body or place: a company's legal name,
a state's postal code, a body's name cut at its "and", named by its end or in the other
order ("Justice Department" of "Department of Justice"), named where the model labelled nothing."""

from __future__ import annotations

import re
from dataclasses import replace

from cleanco import basename
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.analysis.actors.descriptions import is_a_plural_nickname
from generator.analysis.actors.mentions import Cluster, Mention, join
from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.layout import text_of
from generator.analysis.place_names import PlaceNames
from generator.analysis.token_lists import token_lists


def companies_by_legal_name(
    clusters: list[Cluster], places: PlaceNames, gazetteer: Gazetteer
) -> list[Cluster]:
    """Name a company without its legal form ("Sierra Nevada Corp." and "Sierra Nevada
    Corporation" are Sierra Nevada) and fold into it the short names that start it ("SoftBank"
    into "SoftBank Group Corp", "Tyvak" into "Tyvak Nano-Satellite Systems Inc").

    A legal form (cleanco's basename) ends only a company's name, so the name before it is the
    company's own in every brief, and a shorter name it starts is that company named short,
    as a person is by surname once named in full; unless two companies of the article start
    with it ("Amazon" before "Amazon Music Unlimited" stays Amazon).
    """
    owners: dict[tuple[str, ...], list[Cluster]] = {}
    for company in clusters:
        base = (
            name_without_legal_form(company.name, places, gazetteer)
            if company.kind == "organisation"
            else None
        )
        if base is None:
            continue
        company.evidence.append(f"named without its legal form '{company.name}': cleanco")
        company.name = base
        words = base.split()
        for size in range(1, len(words) + 1):
            owners.setdefault(tuple(words[:size]), []).append(company)
    merged: set[int] = set()
    for short in clusters:
        found = [c for c in owners.get(tuple(short.name.split()), []) if c is not short]
        if (
            short.kind in ("organisation", "place", "person")
            and len(found) == 1
            and found[0].first_token < short.first_token
        ):
            merged |= join(found[0], [short], "companies_by_legal_name, the start of its name")
    return [c for c in clusters if id(c) not in merged]


def name_without_legal_form(name: str, places: PlaceNames, gazetteer: Gazetteer) -> str | None:
    """The name before a legal form that ends it ("Apple" of "Apple Inc."), or None.

    The form is written with a capital ("Inc.", "LLC"); neither it nor the name before it is
    a place's ("Barclays UK", "Ohio AG": cleanco's forms include codes that are words too).
    """
    words = name.split()
    # The name's last word is in the tail a legal form makes: most names end otherwise, and
    # cleanco's basename tries every legal form of every country on each.
    if not words or not _ends_legal_name(words[-1], places):
        return None
    base = str(basename(name)).strip(" ,")
    base_words = base.split()
    tail = words[len(base_words) :]
    if (
        all(word.casefold() in STOP_WORDS for word in base_words)
        or words[: len(base_words)] != base_words
        or not tail
        or not all(_ends_legal_name(word, places) for word in tail)
        or any(_is_place(text, places, gazetteer) for text in (base, *tail))
    ):
        return None
    return base.removeprefix("The ") if len(base.split()) > 1 else base


def _is_place(text: str, places: PlaceNames, gazetteer: Gazetteer) -> bool:
    return places.place_source(text) is not None or gazetteer.lookup(text) is not None


def states_by_postal_code(clusters: list[Cluster], places: PlaceNames) -> list[Cluster]:
    """Fold a state's postal code ("SD") into the state the article names ("South Dakota"):
    a code names its state only, and a story that names the state means that one."""
    states = {c.name: c for c in clusters if c.kind == "place"}
    merged: set[int] = set()
    for code in clusters:
        state = states.get(places.postal_codes.get(code.name, ""))
        if state is not None and code.kind != "person" and code is not state:
            merged |= join(state, [code], "states_by_postal_code, its ISO 3166-2 code")
    return [c for c in clusters if id(c) not in merged]


def bodies_by_their_conjuncts(clusters: list[Cluster]) -> list[Cluster]:
    """Fold the halves of a body's coordinated name ("Customs", "Border Protection") into the
    name the article also writes whole ("Customs and Border Protection") where the model cut
    the whole name at its "and": the mentions of the half that stand in the text as part of
    the whole name.

    A half named alone ("Hawks" beside a "Hawks and Pacers" the model saw as one) stays
    another body; a country ("Bosnia and Herzegovina") or a person is no body's half. A half
    never written alone takes with it the short names folded into it.
    """
    halves: dict[str, list[Cluster]] = {}
    for body in clusters:
        parts = re.split(r" (?:and|&) ", body.name)
        if body.kind == "organisation" and len(parts) == 2:
            for part in parts:
                halves.setdefault(part, []).append(body)
    for half in clusters:
        owners = halves.get(half.name, [])
        if half.kind != "organisation" or len(owners) != 1:
            continue
        cut = [m for m in half.mentions if _is_cut_from(m, owners[0].name)]
        cut_ids = {id(m) for m in cut}
        written = [m for m in half.mentions if m.span.text == half.name]
        if cut and all(id(m) in cut_ids for m in written):
            # The half is never written alone: the short names folded into it ("Border" of
            # "Border agents" into "Border Protection") name the whole too.
            cut = list(half.mentions)
        for mention in cut:
            _add_as_the_whole(owners[0], mention)
        half.mentions = [m for m in half.mentions if m not in cut]
    return [c for c in clusters if c.mentions]


def _add_as_the_whole(whole: Cluster, mention: Mention) -> None:
    """Count a half's mention as the whole body's: where the text spells the whole name
    around it, as the whole name's mention, once however many halves the model cut from it;
    elsewhere ("Border" of "Border agents") as a mention, but no other name of the body: an
    alias is a name the text gives the whole body, never a fragment of its name."""
    whole.evidence.append(
        f"merged '{mention.span.text}': bodies_by_their_conjuncts, half of its name"
    )
    span = mention.span
    text = text_of(span.doc)
    starts = (span.start_char, span.end_char - len(whole.name))
    start = next((s for s in starts if text[s : s + len(whole.name)] == whole.name), None)
    if start is None:
        mention.kind = whole.kind
        whole.mentions.append(mention)
        return
    if any(m.span.start_char == start for m in whole.mentions):
        return
    joined = span.doc.char_span(start, start + len(whole.name))
    if joined is not None:
        whole.mentions.append(replace(mention, span=joined, kind=whole.kind, key=whole.name))


def _ends_legal_name(word: str, places: PlaceNames) -> bool:
    """A word of the tail a legal form makes: the form ("Inc.") or a joining "&" ("Co. &")."""
    return places.is_legal_form(word.strip(".,")) or word in ("&", "and")


def _is_cut_from(mention: Mention, whole: str) -> bool:
    """Whether the text around the mention spells the whole name it is the start or end of."""
    text, span = text_of(mention.span.doc), mention.span
    return (
        text[span.start_char : span.start_char + len(whole)] == whole
        or text[max(span.end_char - len(whole), 0) : span.end_char] == whole
    )


def bodies_by_their_last_words(
    clusters: list[Cluster], gazetteer: Gazetteer, places: PlaceNames
) -> list[Cluster]:
    """Fold a body named by the end of its name ("Intelligence Committee", "Times") into the
    one body of the article whose longer name ends so ("House Intelligence Committee", "New
    York Times") and that the article names first: news names a body in full, then short.
    A plural nickname the model took for people ("the Rockets" after "the Houston Rockets")
    is that body's too: a person's or a people's name is no body's last word.

    Not where two bodies end so ("Times" beside the New York and the Financial Times), and
    not into what the model glued to a name (`_glued_endings`).
    """
    by_ending: dict[tuple[str, ...], list[Cluster]] = {}
    for body in clusters:
        if body.kind == "organisation":
            for ending in short_name_endings(body.name.split(), gazetteer):
                by_ending.setdefault(ending, []).append(body)
    merged: set[int] = set()
    for short in clusters:
        owners = by_ending.get(tuple(short.name.split()), [])
        if (
            _short_kind_fits(short, places)
            and len(owners) == 1
            and id(owners[0]) not in merged
            and owners[0].first_token < short.first_token
        ):
            merged |= join(owners[0], [short], "bodies_by_their_last_words, the end of its name")
    return [c for c in clusters if id(c) not in merged]


def _short_kind_fits(short: Cluster, places: PlaceNames) -> bool:
    """Whether the short name may be a body's: one typed a body, or a plural nickname the
    model typed people or a group (`is_a_plural_nickname`)."""
    if short.kind == "organisation":
        return True
    first = short.mentions[0].span
    return short.kind in ("person", "group") and is_a_plural_nickname(first, places)


def short_name_endings(words: list[str], gazetteer: Gazetteer) -> list[tuple[str, ...]]:
    """The endings of a body's name that name it short: none of a list the model glued into
    one name ("Starship, Blue Origin", "National Interests: The ...") or of a country's name
    glued before another ("Syria Hanad Mustafe Musse"); no half of a coordinated name
    ("Ora" of "Hulu and Ora", `bodies_by_their_conjuncts`) and no place after a preposition
    ("Old Trafford" of "United at Old Trafford"); "of" is part of a name ("House of Lords")."""
    name = " ".join(words)
    found = gazetteer.lookup(words[0]) if len(words) > 2 else None
    if "," in name or ":" in name or (found is not None and found[0].kind == "country"):
        return []
    return [
        tuple(words[size:])
        for size in range(1, len(words))
        if words[size - 1] not in ("and", "&")
        and (words[size - 1][:1].isupper() or words[size - 1] == "of")
    ]


def bodies_by_word_order(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a body named "Y X" into the body of the article named "X of Y" ("Justice
    Department" into "Department of Justice", "Interior Department" into "Department of the
    Interior"): English names one body both ways. The "of" name is kept, the same in every
    brief whichever the article writes first."""
    bodies = {c.name: c for c in clusters if c.kind == "organisation"}
    merged: set[int] = set()
    for name, body in bodies.items():
        inverted = _in_the_other_order(name)
        other = bodies.get(inverted) if inverted is not None else None
        if other is not None and id(other) not in merged and id(body) not in merged:
            merged |= join(body, [other], "bodies_by_word_order, its name in the other order")
    return [c for c in clusters if id(c) not in merged]


def _in_the_other_order(name: str) -> str | None:
    """ "Justice Department" for "Department of Justice", "Interior Department" for
    "Department of the Interior"; None for a name with no "of" or more than one."""
    head, of, rest = name.partition(" of ")
    if not of or " of " in rest or not head or not rest:
        return None
    return f"{rest.removeprefix('the ')} {head}"


MIN_TIMES_TOGETHER = 2
"""How often two bodies must be written as one coordinated name, and never apart, for it to be
one body's name when no abbreviation spells it."""


def bodies_named_together(clusters: list[Cluster], acronyms: set[str]) -> list[Cluster]:
    """Make one body of two the model cut at the "and" of one name ("Customs" and "Border
    Protection" of "Customs and Border Protection") where the article never writes the first
    without the second after it, and does so twice or spells the whole name's initials as an
    abbreviation ("CBP"). Teams or firms named together once ("the Hawks and Pacers") stay
    two."""
    bodies = [c for c in clusters if c.kind == "organisation"]
    by_name = {c.name: c for c in bodies}
    merged: set[int] = set()
    for first in bodies:
        followers = {_name_after(m) for m in first.mentions}
        follower = next(iter(followers)) if len(followers) == 1 else None
        second = by_name.get(follower) if follower is not None else None
        if second is None or second is first or id(second) in merged or id(first) in merged:
            continue
        whole = f"{first.name} and {second.name}"
        initials = "".join(word[0] for word in whole.split() if word[:1].isupper())
        if len(first.mentions) < MIN_TIMES_TOGETHER and initials not in acronyms:
            continue
        if not all(_is_cut_from(m, whole) for m in second.mentions):
            continue
        first.mentions = [_whole_mention(m, whole) for m in first.mentions]
        first.surface_forms = {m.span.text for m in first.mentions}
        # The second half's mentions are inside the whole's, and no other name of it.
        second.mentions = [m for m in second.mentions if m.span.text != second.name]
        second.surface_forms = {m.span.text for m in second.mentions}
        merged |= join(first, [second], "bodies_named_together, never written apart")
        first.name = whole
    return [c for c in clusters if id(c) not in merged]


def _name_after(mention: Mention) -> str | None:
    """The capitalised name after "and" that follows the mention, as written, or None."""
    doc, end = mention.span.doc, mention.span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "and":
        return None
    stop = end + 1
    while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ == "PROPN":
        stop += 1
    return doc[end + 1 : stop].text if stop > end + 1 else None


def _whole_mention(mention: Mention, whole: str) -> Mention:
    span = mention.span
    joined = span.doc.char_span(span.start_char, span.start_char + len(whole))
    if joined is None:
        return mention
    return Mention(joined, mention.kind, whole, evidence=mention.evidence)


MIN_BODY_MENTIONS = 2
"""Mentions the model must label before a body's name counts where it labels nothing."""
NAME_OF_A_BODY_NAMED_BEFORE = "the name of a body the article names"


def add_unlabelled_body_names(doc: Doc, clusters: list[Cluster], places: PlaceNames) -> None:
    """Count a body's name where the model labelled nothing ("WeWork agreed to a rescue",
    "a WeWork spokesperson said" beside the mentions it labelled): a name it does not know
    it reads as a common noun in some sentences, and what the body did there was lost.

    Only a name written as the article writes the body's, labelled at least
    `MIN_BODY_MENTIONS` times, no word of the dictionary, no place a list knows (a team named
    for its town: the unlabelled name may be the town), and not part of a longer name.
    """
    names = {
        tuple(name.split()): c
        for c in clusters
        if c.kind == "organisation" and len(c.mentions) >= MIN_BODY_MENTIONS
        # Its short name too, once a merge gave it one ("Nortel" of "Nortel Networks").
        for name in sorted({c.name} | {f for f in c.surface_forms if f in c.name.split()})
        if not is_dictionary_word(name.casefold()) and places.place_source(name) is None
    }
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in names:
        by_first.setdefault(words[0], []).append(words)
    taken = {i for c in clusters for m in c.mentions for i in range(m.span.start, m.span.end)}
    tokens = token_lists(doc)
    for i, text in enumerate(tokens.text):
        for words in by_first.get(text, ()):
            end = i + len(words)
            if tuple(tokens.text[i:end]) == words and _stands_alone(doc, i, end, taken):
                body = names[words]
                why = NAME_OF_A_BODY_NAMED_BEFORE
                # Typed as the body's other mentions are: by the model's label alone where
                # they are, else a name the model calls a body wins over its PERSON label.
                by_label = all(m.by_label for m in body.mentions)
                mention = Mention(
                    doc[i:end], "organisation", body.name, by_label=by_label, evidence=why
                )
                body.mentions.append(mention)
                taken |= set(range(i, end))


def _stands_alone(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """Outside any mention or entity, and no proper noun of a longer name on either side."""
    if taken & set(range(start, end)) or any(t.ent_type for t in doc[start:end]):
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.pos_ == "PROPN" and t.is_title for t in (before, after))
