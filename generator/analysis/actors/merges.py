"""Cross-mention passes that merge one actor's names: surnames, middle names, acronyms."""

from __future__ import annotations

import re

from cleanco import basename
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.analysis.actors.mentions import (
    PART_OF_THE_NAME,
    SURNAME_OF_A_FULL_NAME,
    Cluster,
    Mention,
    contains_words,
    join,
    name_core,
)
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.lexicon import (
    TITLE_SMALL_WORDS,
)
from generator.analysis.place_names import PlaceNames


def add_unlabelled_surnames(doc: Doc, clusters: list[Cluster], gazetteer: Gazetteer) -> None:
    """Count a person's surname where the model labelled nothing ("Ruto said he had listened"
    after "William Ruto"), so that the mentions and what they said or did are all there.

    Only a surname one person in the article has, written as a proper noun outside any
    entity, after the person was named in full, and no place's name.
    """
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        words = name_core(cluster.name.split())
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
            surname = doc[token.i : token.i + 1]
            person.mentions.append(
                Mention(surname, "person", person.name, evidence=SURNAME_OF_A_FULL_NAME)
            )
            person.surface_forms.add(token.text)


def merge_middle_names(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a name written once with a middle name or initial ("Loretta E. Lynch", "Donald J.
    Trump") into the same name written more often without it, or the other way round.

    Only into a name with more mentions: "George Bush" and "George W. Bush", once each, may be
    father and son.
    """
    people = [c for c in clusters if c.kind == "person" and len(c.name.split()) > 1]
    # Names differing by middle names share their first and last words: compare within those
    # groups only, not every person with every person (a long article names thousands).
    by_ends: dict[tuple[str, str], list[Cluster]] = {}
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
            keeper = max(majors, key=lambda c: (len(c.mentions), c.name))
            merged |= join(keeper, [minor], "merge_middle_names, the same name with a middle name")
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


def merge_people(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a partial name ("Putin", "Kim") into the full name that contains it.

    When two full names contain it ("Kim Jong Un", "Kim Yo Jong"), each mention goes to the one
    the story is about there (`_nearest_owner`).
    """
    people = [c for c in clusters if c.kind == "person"]
    # The full names by the partial names they may contain (`contains_words`: the starts and
    # ends of their core, titles and suffixes apart), so that a partial name finds its owners
    # without a scan of every person.
    by_part: dict[tuple[str, ...], list[Cluster]] = {}
    for long in people:
        core = name_core(long.name.split())
        parts = {tuple(core[:size]) for size in range(1, len(core) + 1)}
        parts |= {tuple(core[-size:]) for size in range(1, len(core) + 1)}
        for part in parts:
            by_part.setdefault(part, []).append(long)
    merged: set[int] = set()
    for short in people:
        words = short.name.split()
        owners = [
            long
            for long in by_part.get(tuple(name_core(words)), [])
            if long is not short
            and id(long) not in merged
            and contains_words(long.name.split(), words)
        ]
        if not owners:
            continue
        full_mentions = {id(owner): list(owner.mentions) for owner in owners}
        for mention in short.mentions:
            owner = _nearest_owner(mention, owners, full_mentions)
            owner.mentions.append(mention)
            owner.surface_forms.add(mention.span.text)
            owner.evidence.append(f"merged '{mention.span.text}': {PART_OF_THE_NAME}")
        merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def merge_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """Fold an acronym into the one name of several words it abbreviates in the article:
    "ECB" into "European Central Bank", "IMF" into "International Monetary Fund"."""
    by_initials: dict[str, list[Cluster]] = {}
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
        owner.evidence.append(f"merged '{short.name}': merge_acronyms, its initials")
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
    mention: Mention, owners: list[Cluster], full_mentions: dict[int, list[Mention]]
) -> Cluster:
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


def _is_recent_subject(earlier: Mention, mention: Mention) -> bool:
    """Whether the earlier mention is the subject of this sentence or the one before."""
    sentence = mention.span.sent
    previous_start = sentence.start - 1
    in_reach = earlier.span.sent == sentence or (
        previous_start >= 0 and earlier.span.sent == sentence.doc[previous_start].sent
    )
    return in_reach and earlier.span.root.dep_ in SUBJECT_DEPS


def bodies_by_first_word(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a lone word the model alone called a person into the one organisation of the
    article whose name it starts ("Yukos" into "Yukos Oil", "Omnicom" into "Omnicom Group"):
    a company is named short after it is named in full, as a person is by surname."""
    bodies: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        words = cluster.name.split()
        if cluster.kind == "organisation" and len(words) > 1:
            bodies.setdefault(words[0], []).append(cluster)
    merged: set[int] = set()
    for cluster in clusters:
        owners = bodies.get(cluster.name, [])
        if (
            cluster.kind == "person"
            and " " not in cluster.name
            and len(owners) == 1
            and all(m.by_label for m in cluster.mentions)
        ):
            merged |= join(owners[0], [cluster], "bodies_by_first_word, the first word of its name")
    return [c for c in clusters if id(c) not in merged]


def bodies_of_their_country(clusters: list[Cluster], generic: frozenset[str]) -> list[Cluster]:
    """Fold "the National Assembly" into the one National Assembly the article gives a country
    ("Kenya's National Assembly" before it)."""
    merged: set[int] = set()
    for cluster in clusters:
        if cluster.kind != "organisation" or cluster.name.casefold() not in generic:
            continue
        prefix = f"{cluster.name} of ".casefold()
        owners = [c for c in clusters if c.name.casefold().startswith(prefix)]
        if len(owners) == 1:
            merged |= join(owners[0], [cluster], "bodies_of_their_country, the one the text owns")
    return [c for c in clusters if id(c) not in merged]


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
    base = str(basename(name)).strip(" ,")
    words, base_words = name.split(), base.split()
    tail = words[len(base_words) :]
    if (
        all(word.casefold() in STOP_WORDS for word in base_words)
        or words[: len(base_words)] != base_words
        or not tail
        or not all(places.is_legal_form(word.strip(".,")) or word in ("&", "and") for word in tail)
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
    another body; a country ("Bosnia and Herzegovina") or a person is no body's half.
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
        for mention in cut:
            mention.kind = owners[0].kind
            owners[0].mentions.append(mention)
            owners[0].surface_forms.add(mention.span.text)
            owners[0].evidence.append(
                f"merged '{mention.span.text}': bodies_by_their_conjuncts, half of its name"
            )
        half.mentions = [m for m in half.mentions if m not in cut]
    return [c for c in clusters if c.mentions]


def _is_cut_from(mention: Mention, whole: str) -> bool:
    """Whether the text around the mention spells the whole name it is the start or end of."""
    text, span = mention.span.doc.text, mention.span
    return (
        text[span.start_char : span.start_char + len(whole)] == whole
        or text[max(span.end_char - len(whole), 0) : span.end_char] == whole
    )


def bodies_by_their_last_words(clusters: list[Cluster], gazetteer: Gazetteer) -> list[Cluster]:
    """Fold a body named by the end of its name ("Intelligence Committee", "Times") into the
    one body of the article whose longer name ends so ("House Intelligence Committee", "New
    York Times") and that the article names first: news names a body in full, then short.

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
            short.kind == "organisation"
            and len(owners) == 1
            and id(owners[0]) not in merged
            and owners[0].first_token < short.first_token
        ):
            merged |= join(owners[0], [short], "bodies_by_their_last_words, the end of its name")
    return [c for c in clusters if id(c) not in merged]


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
