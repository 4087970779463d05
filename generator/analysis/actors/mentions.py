"""The working data of extraction: one `Mention` per name in the text, one `Cluster` per actor,
and the small operations the passes share on them."""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass, field

import yaml
from spacy.tokens import Span, Token

from generator.analysis.lexicon import (
    NAME_PARTICLES,
    NOBLE_TITLES,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
)
from generator.analysis.post_nominals import NAME_SUFFIXES
from generator.models import ActorKind

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
"""The spaCy entity labels that can name an actor."""

MAX_TAGS = 6

MAX_NAME_WORDS = 4

SURNAME_PARTICLES = NAME_PARTICLES | {"al", "el", "ben", "abu", "le", "la"}
"""Words a surname of several words opens with: the lower-case particles of names and the
Arabic and French articles and kinship words written capitalised at a name's start ("El
Guerrouj"); a sentence's first word capitalises the others too ("Van Persie said")."""
"""The longest name looked for in a line of capitals."""

HEADLINE_WEIGHT = 3.0

TAG_LINE_WEIGHT = 3.0

DEMONYM_WEIGHT = 0.5
"""'Russian flags' says less about Russia than 'Russia' does."""

SUBJECT_WEIGHT = 1.0

PLACE_MODIFIED_NOUNS = PLACE_HEADS | frozenset({"site", "coast", "valley", "peninsula", "area"})
"""Nouns a name before them makes a place's: "the Amur region", "the Sohae launch site"."""


@dataclass
class Mention:
    """One reference to an actor in the body."""

    span: Span
    """The cleaned name span (no determiner, no possessive)."""
    kind: ActorKind
    key: str
    """Name the mention is grouped under before people's surnames are merged."""
    is_demonym: bool = False
    by_label: bool = False
    """Typed by the model's label alone, with nothing in the text or gazetteer to go by."""
    evidence: str = ""
    """What typed the mention: a rule's name, a gazetteer's source, the registry or the model's
    label ("rule team-before-score", "gazetteer country", "model PERSON")."""
    is_list_part: bool = False
    """Part of a list that shares its head ("Orange" of "Orange and Riverside counties"): it
    names the actor with the head only, and is no other name of it."""


@dataclass
class Cluster:
    """All mentions of one actor while extraction is under way."""

    name: str
    kind: ActorKind
    mentions: list[Mention] = field(default_factory=list)
    surface_forms: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    """What the passes decided about the whole actor, in order ("merged 'Putin': surname")."""

    @property
    def first_token(self) -> int:
        return min(m.span.start for m in self.mentions)


def after_place_preposition(span: Span, prepositions: frozenset[str] = PLACE_PREPOSITIONS) -> bool:
    """'in Hull', but not 'in Putin's Russia' nor 'interested in Halvane'."""
    doc = span.doc
    if span.start == 0 or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return False
    before = doc[span.start - 1]
    return before.lower_ in prepositions and not completes_its_head(before)


COMPLETING_PREPOSITIONS_FILE = "prepositions_that_complete.yml"


def completes_its_head(preposition: Token) -> bool:
    """Whether the preposition completes the word it hangs on ("interested in", "buying
    into") rather than says where something is ("based in", "moved into")."""
    heads = heads_completed_by().get(preposition.lower_, frozenset())
    return preposition.head.i != preposition.i and preposition.head.lemma_.lower() in heads


@functools.cache
def heads_completed_by() -> dict[str, frozenset[str]]:
    """Preposition -> the lemmas it completes, from the data file."""
    resource = (
        importlib.resources.files("generator.analysis") / "data" / COMPLETING_PREPOSITIONS_FILE
    )
    heads: dict[str, set[str]] = {}
    for entry in yaml.safe_load(resource.read_text(encoding="utf-8")):
        heads.setdefault(entry["preposition"], set()).update(h.lower() for h in entry["heads"])
    return {preposition: frozenset(words) for preposition, words in heads.items()}


def overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def clusters_by_name(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    """The clusters of each name (casefolded), in their order."""
    by_name: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        by_name.setdefault(cluster.name.casefold(), []).append(cluster)
    return by_name


def retype(cluster: Cluster, kind: ActorKind, because: str) -> None:
    """Give the cluster another kind, and say which pass did and why."""
    if kind != cluster.kind:
        cluster.evidence.append(f"{kind}: {because}")
    cluster.kind = kind
    for mention in cluster.mentions:
        mention.kind = kind


PART_OF_THE_NAME = "merge_people, part of the name"
KIND_OF_THE_NAME = "one_kind_per_name, the kind the text shows"
MODEL_EVIDENCE = "model "
"""How evidence from the model's label alone starts ("model PERSON ×2")."""
LISTED = ", listed: "
"""Joins the model's label to the list that knows the name as a place, with no cue in the text
("model GPE, listed: GeoNames town"): the passes and the corpus weigh it as the label, since a
list knows "Elche" as a town, not whether a mention is the town or its football club."""
UNPLACED = "places_on_the_label_alone, no list or words place it"
"""Marks a place only the model's label makes one: the corpus may show what the name is
("BT", a body in other briefs); a name still a place after the corpus is settled is dropped."""
UNSHOWN = "marked_unshown, a name only the model's label types, which does and is called nothing"
"""Marks a person or body the model's label alone makes one, doing and called nothing, named
once in ordinary words or only in a list (`weak_names`, which says which before it): the
corpus shows it only where another brief shows its kind on evidence of its own."""
SURNAME_OF_A_FULL_NAME = "the surname of a full name"
"""What types a surname alone: its full name's kind, shown by the full name's own evidence."""
NAME_MERGES = (PART_OF_THE_NAME, KIND_OF_THE_NAME)
"""Reasons of merges that put a name's mentions together: they show no kind of their own
(the keeper's own evidence does)."""


def join(keeper: Cluster, others: list[Cluster], because: str) -> set[int]:
    """Move the others' mentions to the keeper, under its kind; return the others' ids."""
    for other in others:
        for mention in other.mentions:
            mention.kind = keeper.kind
        keeper.mentions += other.mentions
        keeper.surface_forms |= other.surface_forms
        keeper.evidence.append(f"merged '{other.name}' ({other.kind}): {because}")
        keeper.evidence += other.evidence
    return {id(other) for other in others}


def contains_words(long: list[str], short: list[str]) -> bool:
    """True when short is the start or the end of long ("Putin" in "Vladimir Putin"), titles
    and suffixes apart ("Lord Falconer" in "Charles Falconer", "Connick" in "Harry Connick
    Jr")."""
    core, short_core = name_key(long), name_key(short)
    n = len(short_core)
    # Shorter as written or as a core: "Lord Coe" holds "Coe", "Charles Falconer" holds
    # "Lord Falconer"; "Lord Falconer" does not hold "Charles Falconer".
    is_shorter = n < len(core) or (n == len(core) and len(short) < len(long))
    return is_shorter and (core[:n] == short_core or core[-n:] == short_core)


def name_key(words: list[str]) -> list[str]:
    """A person's name as names are compared: its core (`name_core`) with a surname's particle
    in lower case however it is written ("Van Persie" of "Robin van Persie")."""
    return [w.casefold() if w.casefold() in SURNAME_PARTICLES else w for w in name_core(words)]


def name_core(words: list[str]) -> list[str]:
    """A person's name without a leading title of nobility or a trailing suffix: "Falconer" of
    "Lord Falconer", "Harry Connick" of "Harry Connick Jr"."""
    start, end = 0, len(words)
    if end - start > 1 and words[0].lower() in NOBLE_TITLES:
        start += 1
    while end - start > 1 and words[end - 1].lower() in NAME_SUFFIXES:
        end -= 1
    return words[start:end]


def names_one_person(span: Span, demonyms: tuple[str, ...]) -> bool:
    """Whether a country's demonym is a noun for one of its people ("the Frenchman said", "an
    American", "Swede Carolina ..."): a person, whom the country's mentions must not count
    nor take the acts of. A singular noun whose plural the country lists ("Frenchmen",
    "Americans"), heading its phrase or compounded to a person's name; not the adjective
    ("the American embassy", "He is American") nor a people ("the French", "the Swedes")."""
    token, word = span.root, span.text
    # "Frenchman" -> "Frenchmen", but "German" -> "Germans": a word ending "man" may take either.
    plurals = {word + "s", word[:-3] + "men"} if word.endswith("man") else {word + "s"}
    if len(span) != 1 or token.tag_ not in ("NN", "NNP") or plurals.isdisjoint(demonyms):
        return False
    if token.dep_ in ("amod", "compound", "nmod"):
        return token.head.ent_type_ == "PERSON"
    return True
