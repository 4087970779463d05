"""Cross-mention passes that merge one actor's names: surnames, middle names, a body's first
word."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.mentions import (
    PART_OF_THE_NAME,
    SURNAME_OF_A_FULL_NAME,
    Cluster,
    Mention,
    after_place_preposition,
    contains_words,
    join,
    name_core,
    name_key,
)
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.lexicon import ORGANISATION_ROLE_WORDS, PART_OF_A_BODY_WORDS
from generator.analysis.place_names import SMALL_TOWN, PlaceNames
from generator.analysis.token_lists import token_lists


def add_unlabelled_surnames(doc: Doc, clusters: list[Cluster], gazetteer: Gazetteer) -> None:
    """Count a person's surname where the model labelled nothing ("Ruto said he had listened"
    after "William Ruto"), so that the mentions and what they said or did are all there.

    Only a surname one person in the article has, written as a proper noun outside any
    entity (or alone in one the model took for a date: "Weeks"), after the person was named
    in full, and no place's name.
    """
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        words = name_core(cluster.name.split())
        if cluster.kind == "person" and len(words) > 1 and words[-1].lower() not in STOP_WORDS:
            owners.setdefault(words[-1], []).append(cluster)
    taken = {i for c in clusters for m in c.mentions for i in range(m.span.start, m.span.end)}
    tokens = token_lists(doc)
    for i, text in enumerate(tokens.text):
        found = owners.get(text)
        if (
            found is None
            or len(found) > 1
            or i in taken
            or (tokens.ent_type[i] and not _surname_taken_for_a_date(doc[i]))
            or tokens.pos[i] != "PROPN"
            or gazetteer.lookup(text) is not None
        ):
            continue
        person = found[0]
        if person.first_token < i:
            surname = doc[i : i + 1]
            person.mentions.append(
                Mention(surname, "person", person.name, evidence=SURNAME_OF_A_FULL_NAME)
            )
            person.surface_forms.add(text)


def _surname_taken_for_a_date(token: Token) -> bool:
    """ "Weeks" of "Timothy Weeks", alone and capitalised, which the model labels a date."""
    return (
        token.ent_type_ == "DATE"
        and token.ent_iob_ == "B"
        and token.is_title
        and (token.i + 1 == len(token.doc) or token.nbor().ent_iob_ != "I")
    )


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


def merge_initials(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a name of initials and a surname ("B. U. Nzeribe", "J.R. Smith") into the one
    person of the article with that surname named in full, when the first initial is the
    first letter of the full name ("Benjamin Nzeribe"): a paper writes a name out once and
    shortens it in a title, a caption or a list. Two people of that surname, or initials that
    do not fit, leave both names alone."""
    people = [c for c in clusters if c.kind == "person"]
    full_names: dict[str, list[Cluster]] = {}
    for person in people:
        core = name_core(person.name.split())
        if len(core) > 1 and not _initials(core[:-1]):
            full_names.setdefault(core[-1], []).append(person)
    merged: set[int] = set()
    for short in people:
        core = name_core(short.name.split())
        initials = _initials(core[:-1]) if len(core) > 1 else []
        owners = full_names.get(core[-1], [])
        if initials and len(owners) == 1 and name_core(owners[0].name.split())[0][0] == initials[0]:
            merged |= join(owners[0], [short], "merge_initials, the initials of its given names")
    return [c for c in clusters if id(c) not in merged]


def _initials(words: list[str]) -> list[str]:
    """The letters of words that are all initials ("B.", "U.", "J.R."), else none."""
    letters = [part for word in words for part in word.split(".") if part]
    is_initials = all(re.fullmatch(r"(?:[A-Z]\.)+", word) for word in words)
    return letters if words and is_initials and all(len(p) == 1 for p in letters) else []


MIN_RESPELLED_WORD = 5
"""Letters a word must have before a doubled letter or an "-iy" ending may be its spelling
alone: "Zelenskyy" is "Zelensky", "Kimm" need not be "Kim"."""


def merge_spellings(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a name written with another transliteration of the same words ("Zelenskyy",
    "Zelenskiy" after "Volodymyr Zelensky") into the one person of the article whose name
    holds it so spelled; two names of one spelling and length keep the one named more often.
    The variant may be a lone word the model's label alone called a body.

    Only where one person fits: two people whose surnames differ by a letter stay apart.
    """
    people = [c for c in clusters if c.kind == "person"]
    # A name some person's name holds as written is theirs (`merge_people`): "Phillips" beside
    # "Anna Phillips" and "Mark Philips".
    written = {part for c in people for part in _starts_and_ends(name_core(c.name.split()))}
    by_last: dict[str, list[Cluster]] = {}
    for person in people:
        by_last.setdefault(_spelling(name_core(person.name.split())[-1]), []).append(person)
    # The model calls a surname it has not seen spelled so a body as often as a person's
    # ("Zelenskiy told reporters"): a lone word only its label typed may be one too, if only
    # its ending is spelled otherwise ("Philips" the company beside "Dan Phillips" is not).
    variants = people + [c for c in clusters if _is_lone_label_only_body(c)]
    merged: set[int] = set()
    for variant in sorted(variants, key=lambda c: (len(c.mentions), c.name)):
        words = variant.name.split()
        if len(words) == 1 and tuple(words) in written:
            continue
        owners = [
            owner
            for owner in by_last.get(_spelling(name_core(words)[-1]), [])
            if owner is not variant
            and id(owner) not in merged
            and _is_respelled_in(words, owner.name.split())
            and _may_keep(owner, variant)
            and (variant.kind == "person" or _differs_in_its_ending(words[-1], owner.name))
        ]
        if len(owners) == 1:
            merged |= join(owners[0], [variant], "merge_spellings, another spelling of its name")
    return [c for c in clusters if id(c) not in merged]


def _may_keep(owner: Cluster, variant: Cluster) -> bool:
    """The longer name keeps the other spelling; of one length, the one named more often."""
    longer = len(owner.name.split()) > len(variant.name.split())
    return longer or len(owner.mentions) > len(variant.mentions)


def _differs_in_its_ending(word: str, name: str) -> bool:
    """ "Zelenskiy" and "Volodymyr Zelensky": the surnames agree but in their last two letters."""
    surname = name.split()[-1]
    pairs = enumerate(zip(word, surname, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), min(len(word), len(surname)))
    return shared >= max(len(word), len(surname)) - 2


def _is_lone_label_only_body(cluster: Cluster) -> bool:
    return (
        cluster.kind == "organisation"
        and " " not in cluster.name
        and all(m.by_label for m in cluster.mentions)
    )


def _starts_and_ends(core: list[str]) -> set[tuple[str, ...]]:
    """The words a longer name holds as its start or end ("Putin" of "Vladimir Putin")."""
    return {tuple(part) for size in range(1, len(core)) for part in (core[:size], core[-size:])}


def _is_respelled_in(words: list[str], long: list[str]) -> bool:
    """Whether words, spelled alike, are the start or end of long, or long itself, and differ
    from it as written only in long words (`MIN_RESPELLED_WORD`)."""
    core, short_core = name_core(long), name_core(words)
    n = len(short_core)
    for part in (core[:n], core[-n:]):
        if len(part) == n and [_spelling(w) for w in part] == [_spelling(w) for w in short_core]:
            changed = [w for w, other in zip(short_core, part, strict=True) if w != other]
            return bool(changed) and all(len(w) >= MIN_RESPELLED_WORD for w in changed)
    return False


def _spelling(word: str) -> str:
    """A word as transliterations agree on it: no doubled letters, "-iy" written "-y"."""
    single = re.sub(r"(.)\1+", r"\1", word.casefold())
    return re.sub(r"iy$", "y", single)


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
        core = name_key(long.name.split())
        parts = {tuple(core[:size]) for size in range(1, len(core) + 1)}
        parts |= {tuple(core[-size:]) for size in range(1, len(core) + 1)}
        for part in parts:
            by_part.setdefault(part, []).append(long)
    merged: set[int] = set()
    for short in people:
        words = short.name.split()
        owners = [
            long
            for long in by_part.get(tuple(name_key(words)), [])
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


def bodies_by_first_word(clusters: list[Cluster], places: PlaceNames) -> list[Cluster]:
    """Fold a lone word only the model typed into the one organisation of the article whose
    name it starts ("Yukos" into "Yukos Oil", "Omnicom" into "Omnicom Group", "Emirates" into
    "Emirates Airline"): a company is named short after it is named in full, as a person is by
    surname."""
    bodies: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        words = cluster.name.split()
        if cluster.kind == "organisation" and len(words) > 1:
            bodies.setdefault(words[0], []).append(cluster)
    merged: set[int] = set()
    for cluster in clusters:
        owners = bodies.get(cluster.name, [])
        if (
            len(owners) == 1
            and _is_short_name_of(cluster, owners[0], places)
            and not any(_heads_a_the_phrase(m.span) for m in cluster.mentions)
        ):
            merged |= join(owners[0], [cluster], "bodies_by_first_word, the first word of its name")
    return [c for c in clusters if id(c) not in merged]


def _is_short_name_of(cluster: Cluster, body: Cluster, places: PlaceNames) -> bool:
    """A lone word only the model typed, which names the body short: any it calls a person;
    one it calls a place no list knows, or a body, after the article named the body in full
    ("Emirates" after "Emirates Airline"; "Dubai" of "Dubai Air Show" is the city); a body
    no more often than the full name ("Tyvak" after "Tyvak Nano-Satellite Systems"; "Google"
    named more often than "Google Cloud" is the parent company)."""
    if " " in cluster.name or cluster is body or not all(m.by_label for m in cluster.mentions):
        return False
    if cluster.kind == "person":
        return True
    if cluster.name.isupper() or body.first_token > cluster.first_token:
        return False  # an acronym is merge_acronyms' ("SIM" of "SIM Card")
    # A list, or a name coordinating two bodies, starts with another body ("Hawks and
    # Pacers"): bodies_by_their_conjuncts takes the half where the text spells the whole.
    if re.search(r"[,:]", body.name) or re.split(r" (?:and|&) ", body.name)[0] == cluster.name:
        return False
    if cluster.kind == "place":
        # A small town the text never places is the body's short name ("Ithaca" after "Ithaca
        # Holdings"); "in Ithaca, where ..." and a city ("Dubai" of "Dubai Air Show") stay.
        source = places.place_source(cluster.name)
        is_unplaced_town = source == SMALL_TOWN and not any(
            after_place_preposition(m.span) for m in cluster.mentions
        )
        return source is None or is_unplaced_town
    return cluster.kind == "organisation" and (
        len(cluster.mentions) <= len(body.mentions) or _introduced_as_a_whole_body(body)
    )


def _introduced_as_a_whole_body(body: Cluster) -> bool:
    """Whether the article first names the body after a word for what it is ("Telecoms
    equipment maker Nortel Networks", "the bank Abbey National"): that is the company itself,
    so its first word named more often later is the same company, not a parent ("Google"
    beside "its cloud unit Google Cloud": a part's word says the full name is a branch)."""
    first = min(body.mentions, key=lambda m: m.span.start).span
    before = first.doc[first.start - 1] if first.start > 0 else None
    return (
        before is not None
        and before.pos_ == "NOUN"
        and before.lower_ in ORGANISATION_ROLE_WORDS
        and before.lower_ not in PART_OF_A_BODY_WORDS
    )


def _heads_a_the_phrase(span: Span) -> bool:
    """ "to the Moon": a word that heads its noun phrase after "the" names one thing of its
    own, not a company named short (a company's short name modifies: "the Yukos affair")."""
    root = span.root
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.lower_ == "the"
        and not (root.dep_ == "compound" and root.head.i >= span.end)
    )


def bodies_of_their_country(clusters: list[Cluster], generic: frozenset[str]) -> list[Cluster]:
    """Fold "the National Assembly" into the one National Assembly the article gives a country
    ("Kenya's National Assembly" before it)."""
    merged: set[int] = set()
    for cluster in clusters:
        if cluster.kind != "organisation" or cluster.name.casefold() not in generic:
            continue
        prefix = f"{cluster.name} (".casefold()
        owners = [c for c in clusters if c.name.casefold().startswith(prefix)]
        if len(owners) == 1:
            merged |= join(owners[0], [cluster], "bodies_of_their_country, the one the text owns")
    return [c for c in clusters if id(c) not in merged]
