"""Who the story is about, by its lead: the people and bodies the opening sentences name as
the subject or the object of their main clause ("American Kevin King and Australian Timothy
Weeks ... were handed over", "Britain's Conservative Party was accused ..."). They get a card
though the lead and key facts tell all they did, before the speakers the article quotes later:
a brief whose hostages or accused party stand in "Also named" misses what it is about."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.works import review_cues
from generator.analysis.competitions import is_a_competition
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS, PLACE_LABELS
from generator.analysis.lexicon import PERSON_ROLE_WORDS, SPEECH_VERBS
from generator.models import Actor

LEAD_SENTENCES = 2
"""The opening sentences that tell what the story is about: a news lead, or a standfirst and
the lead after it."""
MAIN_ROLES = NOMINAL_SUBJECT_DEPS | {"dobj"}
"""What a name is to its clause's verb when the clause is about it."""
ACTED_ON_ROLES = frozenset({"dobj", "nsubjpass"})
"""What a noun of an act is to its verb when whom it is "of" is what the story is about ("secured
the release of X", "the selection of X was announced"); a subject's "of" is whose officer or part
acts ("The controller of X has said")."""
SHARED_ROLE_DEPS = frozenset({"conj", "appos"})
"""A name joined to one in a main role has that role too: "King and Weeks were freed"."""
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp"})
"""A verb of the sentence's own statement or of what it reports ("X said Y was accused")."""
NAME_PARTS = frozenset({"compound", "flat"})
CARDED_KINDS = frozenset({"person", "organisation"})
"""A place or country is the scene of a story, not what a card tells. Only one the article
names again: a name told once ("National Insurance will be raised") is in passing, or no actor."""


def lead_subjects(actors: tuple[Actor, ...], doc: Doc) -> frozenset[str]:
    """The names of the actors the lead tells as its main clauses' subjects or objects."""
    by_name = {
        name.casefold(): actor.name
        for actor in actors
        if may_be_principal(actor) and actor.mentions > 1
        for name in (actor.name, *actor.aliases)
    }
    found = (_known(name, by_name) for name in _main_role_names(doc))
    return frozenset(name for name in found if name is not None)


def _known(name: Span, by_name: dict[str, str]) -> str | None:
    """The actor the name's words are, or its last words after a word that describes it
    ("Australian Timothy Weeks")."""
    return next(
        (
            by_name[words]
            for start in range(name.start, name.end)
            if (words := name.doc[start : name.end].text.casefold()) in by_name
        ),
        None,
    )


def _main_role_names(doc: Doc) -> Iterator[Span]:
    for sentence in list(doc.sents)[:LEAD_SENTENCES]:
        for token in sentence:
            if (
                token.pos_ == "PROPN"
                and _has_main_role(token)
                and not _is_owned(token)
                and not _is_a_work(token)
            ):
                yield _name_of(token)


def may_be_principal(actor: Actor) -> bool:
    """A person by a full name or a body, but a competition (`competitions`): a league or a
    prize is what the story's players play in or win, whatever the sentence makes of it."""
    return actor.kind in CARDED_KINDS and _is_full(actor) and not is_a_competition(actor.name)


def _has_main_role(token: Token) -> bool:
    token = _sharing_its_role(token)
    if _is_an_acts_object(token):
        # "announced the selection of SpaceX and Blue Origin", "the release of two hostages":
        # the act is what is said or done, and whom it is of is what the story is about.
        token = _sharing_its_role(token.head.head)
        if token.dep_ not in ACTED_ON_ROLES:
            return False
    elif token.dep_ not in MAIN_ROLES or (
        token.dep_ == "dobj" and token.head.lemma_ in SPEECH_VERBS
    ):
        # Whom one told is the audience, not the story's subject ("a source told AFP").
        return False
    verb = token.head
    while verb.dep_ in MAIN_CLAUSE_DEPS - {"ROOT"} and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _sharing_its_role(token: Token) -> Token:
    while token.dep_ in SHARED_ROLE_DEPS and token.head is not token:
        token = token.head
    return token


def _is_an_acts_object(token: Token) -> bool:
    """Whether a name is whom a common noun of the clause is "of" ("the selection of X"), not
    a person's title ("told the head of X": a body's officer is not the body)."""
    preposition = token.head
    noun = preposition.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ == "of"
        and noun.pos_ == "NOUN"
        and noun.lower_ not in PERSON_ROLE_WORDS
    )


def _name_of(token: Token) -> Span:
    """The words of the name the token ends: "Timothy Weeks" of "Weeks"."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ in NAME_PARTS
        and token.doc[start - 1].head.i in range(start, token.i + 1)
        and token.doc[start - 1].pos_ == "PROPN"
    ):
        start -= 1
    return token.doc[start : token.i + 1]


def _is_name_part(word: Token, name_end: Token) -> bool:
    return word.pos_ == "PROPN" and word.dep_ in NAME_PARTS and word.i < word.head.i <= name_end.i


def _is_owned(token: Token) -> bool:
    """A name someone owns is a thing of theirs, not who the story is about ("dismissed Gordon
    Brown's Budget", "showed off his inner Iron Man"); a country owns its bodies ("Britain's
    Conservative Party"); one owns a person by the noun that describes them ("its star Cate
    Blanchett", "his wife Jane")."""
    children = list(token.children)
    described = any(child.dep_ == "compound" and child.pos_ == "NOUN" for child in children)
    return any(
        child.dep_ == "poss" and child.ent_type_ not in PLACE_LABELS and not described
        for child in children
    )


def _is_full(actor: Actor) -> bool:
    """A person by a name of two words or more: a lone word the model typed a person ("Roe")
    is too thin to card for where it stands."""
    return actor.kind != "person" or " " in actor.name


def _is_a_work(token: Token) -> bool:
    """A name a kind of work describes is that work, whatever its kind on the brief ("British
    movie Vera Drake", "the album Blue Hour", "Blue Hour, the album")."""
    kinds = review_cues().kinds_of_works
    start = _name_of(token).start
    before = token.doc[start - 1] if start > 0 else None
    return (before is not None and before.lower_ in kinds) or any(
        child.dep_ == "appos" and child.lower_ in kinds for child in token.children
    )
