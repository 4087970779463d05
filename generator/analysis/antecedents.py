"""Who a pronoun stands for: a pronoun of a parsed article in, the actor name it continues out.

"He", "she" and "they" continue the topic of the sentences before them; the search prefers the
writer's own subjects, follows a chain of earlier "he"s, and skips names the census gives only
to the other sex. `referents.name_for_subject` asks it for every pronoun subject.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from generator.analysis.entity_index import entities_starting, entity_at
from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.grammar import NOUN_CLAUSE_DEPS
from generator.analysis.lexicon import (
    GROUP_PRONOUNS,
    HONORIFIC_SEXES,
    PRONOUN_SEXES,
    QUOTING_VERBS,
)
from generator.analysis.place_names import place_names
from generator.analysis.reported_clauses import is_speech_verb, opens_a_condition
from generator.analysis.roles import is_person_noun
from generator.analysis.token_lists import token_lists
from generator.analysis.told_sexes import told_sex

if TYPE_CHECKING:
    # Only for annotations: referents imports this module to resolve its pronouns.
    from generator.analysis.referents import ParsedArticle

PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
PLURAL_NOUN_TAGS = frozenset({"NNS"})
EXISTENTIAL_DEPS = frozenset({"expl"})
"""The "there" of "there are": what it introduces (the verb's attribute) is a subject too."""
PRONOUN_LOOKBACK_SENTENCES = 4
"""How many sentences before a pronoun to search for the actor it stands for."""
MAX_PRONOUN_CHAIN = 10
"""How many earlier "he"s in a row a "he" may follow back to the name they all stand for."""
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
"""A person noun as a subject: "grader" of "The fifth-grader" is tagged NNP."""
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another"})
"""Determiners that bring someone new into the story ("a spokesman for the ministry"): no one
named before."""
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
"""How the clause a verb of saying reports hangs on it."""


def antecedent(
    article: ParsedArticle,
    pronoun: Token,
    labels: frozenset[str],
    hops: int = 0,
    skipped: frozenset[str] = frozenset(),
) -> str | None:
    """Return the actor a pronoun stands for: the latest one named a few sentences before.

    Actors named as subjects are preferred, as a pronoun usually continues the topic: so is an
    earlier "he" (or "she") as the writer's subject, which stands for whom it stands for; a
    name in passing after it ("... the split from Ball. He thanked ...") is not the topic. For
    "they", a plural noun subject that names no actor ("the member countries") ends the search
    with no name. `skipped` names are no candidates (whom the quotation the pronoun says
    calls by name: `vocatives`).
    """
    window_start = _lookback_start(article, pronoun)
    # Only the window's names and subjects, not the whole article's for every pronoun.
    window = pronoun.doc[window_start : pronoun.i]
    is_plural = pronoun.lower_ in GROUP_PRONOUNS
    candidates = [
        *(
            e
            for e in entities_starting(article.doc, window.start, window.end)
            if e.label_ in labels or _is_carded_person(article, e, labels)
        ),
        *(_unnamed_groups(window) if is_plural else ()),
        *(people_taken_up_by_who(window) if labels == PERSON_LABELS else ()),
    ]
    fallback: str | None = None
    chained = _same_pronoun_before(article, window, pronoun) if hops < MAX_PRONOUN_CHAIN else None
    unnamed = unnamed_person_before(article, pronoun)
    # Latest first; where a group and a name start together ("Ruritania and the council"),
    # the group.
    for candidate in sorted(candidates, key=_latest_group_first, reverse=True):
        # Names inside quotations are what the speaker talks about, rarely the speaker.
        if not window_start <= candidate.start < pronoun.i or article.is_quoted(candidate[0]):
            continue
        if unnamed is not None and candidate.start < unnamed.i:
            break
        if chained is not None and candidate.start < chained.i:
            name = antecedent(article, chained, labels, hops + 1, skipped)
            if name is not None:
                return name
            chained = None
        if not candidate.label_:
            # The unnamed plural subject ("Twenty-seven states ... They argue") is who "they"
            # are, not a name after it that is no subject ("the U.S. Court of Appeals").
            return None
        if _counted_people(candidate):
            # "Nearly 150 Indians returned home ... they appeared sad": they are those people,
            # whom the text names by no actor, not the country their name comes from.
            return None
        name = article.speaker_name(candidate) or _as_written(candidate)
        name = None if name is None else unless_other_sex(candidate, name)
        if is_plural and name is not None and name in article.people:
            # "they" are no one person: McKinley is not the estimates his claim is checked by.
            continue
        if name is not None and (name in skipped or not pronoun_agrees(pronoun, name)):
            continue
        if name is not None and _names_a_subject(candidate.root):
            return _conjunct_of_its_sex(article, candidate, pronoun) or name
        if (
            fallback is None
            and name is not None
            and not _people_named_between(article, candidate, pronoun, skipped)
        ):
            fallback = name
    if unnamed is not None and (chained is None or chained.i < unnamed.i):
        # "The student then messaged Toby: '...' Later, she wrote": she is the student, whom
        # the text does not name; better no name than one named before her.
        return None
    if chained is not None:
        return antecedent(article, chained, labels, hops + 1, skipped) or fallback
    return fallback


def unnamed_person_before(article: ParsedArticle, pronoun: Token) -> Token | None:
    """The person who speaks in the writer's sentence right before "he" or "she" (or in the
    pronoun's own sentence before it) without a name: a definite singular person noun as the
    subject of the quotation's verb ("The student then messaged Toby: '...' Later, she
    wrote"). A name set beside it ("the teen's attorney, John Waldron,") names it: then it is
    no such person, and the name is found as a candidate."""
    if pronoun.lower_ not in PRONOUN_SEXES:
        return None
    tokens = token_lists(pronoun.doc)
    for i in reversed(range(_writers_sentence_before(article, pronoun), pronoun.i)):
        # The columns first: a `Token` only for a singular noun subject without a name.
        if (
            tokens.tag[i] in SINGULAR_NOUN_TAGS
            and tokens.dep[i] in SUBJECT_DEPS
            and not tokens.ent_type[i]
            and _is_unnamed_person(article, pronoun.doc[i])
        ):
            return pronoun.doc[i]
    return None


def _speaks_a_quotation(article: ParsedArticle, verb: Token) -> bool:
    """Whether a verb says or writes the quoted words of a clause it governs ("texted him:
    'She threatened ...'"): its subject is a speaker. A quoted phrase ("vowed to punish
    “those who ...”", "called it "a mistake"") makes no one a speaker."""
    return any(
        child.dep_ in REPORTED_CLAUSE_DEPS and article.is_quoted(child) for child in verb.children
    )


def _writers_sentence_before(article: ParsedArticle, pronoun: Token) -> int:
    """Where the sentence before the pronoun's starts: the writer's, which a quotation it
    opens may run on past its full stop ("The student messaged him: 'She ... week. I am
    angry,' the report said." is one)."""
    index = max(article.sentence_index(pronoun.i) - 1, 0)
    tokens = token_lists(pronoun.doc)
    while index > 0:
        start = article.sentence_starts[index]
        first_word = next(
            (i for i in range(start, article.sentences[index].end) if tokens.is_alpha[i]), start
        )
        if not article.is_quoted_at(tokens.idx[first_word]):
            break
        index -= 1
    return article.sentence_starts[index]


def _is_unnamed_person(article: ParsedArticle, noun: Token) -> bool:
    """A person noun ("the teenager", "the officer", "her mother") the writer's own clause
    has as its subject, definite and with no name beside it."""
    # Lower case: a capitalised noun no list knows is more often part of a name.
    if not is_person_noun(noun.lower_) or not noun.is_lower or not _names_a_subject(noun):
        return False
    children = list(noun.children)
    if article.is_quoted(noun) or any(_names_the_person(c) for c in children):
        return False
    determiners = [c for c in children if c.i < noun.i]
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in determiners):
        # "A spokesman for the ministry defended the plan. He said": someone new, whom no name
        # before stands for, whether or not the sentence quotes them.
        return True
    # A definite one may describe someone named before ("the boss"): only one who speaks.
    is_definite = any(c.lower_ in DEFINITE_DETERMINERS or c.dep_ == "poss" for c in determiners)
    return is_definite and _speaks_a_quotation(article, noun.head)


def people_taken_up_by_who(window: Span) -> Iterator[Span]:
    """Yield, as person spans, the names a subject of the writer's clause gives and takes up
    with "who" ("Okafor, who lost the final to Reyes, will meet him again ... He said"):
    English takes up a person so, whatever the model labelled the name (a body, nothing) or
    the actors kept; "he" goes on with that subject, not with a person named in its clause.
    So does a given name and surname the model labelled nothing."""
    tokens = token_lists(window.doc)
    for i in range(window.start, window.end):
        # The columns first: a `Token` only for a proper noun as a subject.
        if tokens.tag[i] != "NNP" or tokens.dep[i] not in SUBJECT_DEPS:
            continue
        name = window.doc[i]
        words = [c for c in name.children if c.dep_ == "compound" and c.tag_ == "NNP"]
        if name.text[:1].isupper() and (
            _taken_up_by_who(name) or _is_given_name_unlabelled(name, words)
        ):
            entity = entity_at(name)
            start = entity.start if entity is not None else min((w.i for w in words), default=i)
            yield Span(window.doc, start, i + 1, label="PERSON")


def _is_given_name_unlabelled(name: Token, words: list[Token]) -> bool:
    """A name the model labelled nothing whose word before the surname is a census given
    name ("Lt Col Eric Dunmore of the agency told ..."): a person's name in full."""
    given = [w for w in words if w.i == name.i - 1]
    return not name.ent_type_ and bool(given) and place_names().is_given_name(given[0].text)


def _taken_up_by_who(name: Token) -> bool:
    return any(
        clause.dep_ == "relcl" and any(word.lower_ == "who" for word in clause.children)
        for clause in name.children
    )


def _as_written(candidate: Span) -> str | None:
    """The name of a person no actor names (`people_taken_up_by_who`), as the text writes it
    (as `referents.name_as_written` names the same words as a subject)."""
    root = candidate.root
    is_missed = _taken_up_by_who(root) or (not root.ent_type_ and candidate.start < root.i)
    return candidate.text if candidate.label_ in PERSON_LABELS and is_missed else None


def _names_the_person(child: Token) -> bool:
    """Whether a word on a person noun is the person's name ("the lawyer, Ann Roe,", "lawyer Ann
    Roe"): not the body or person they work for ("a Labour Party spokesman", "Mr Reed's
    spokesman"), who is someone else."""
    if child.dep_ == "appos":
        return True
    return child.pos_ == "PROPN" and child.dep_ != "poss" and child.ent_type_ == "PERSON"


def _lookback_start(article: ParsedArticle, pronoun: Token) -> int:
    """Where the search for a pronoun's actor starts: a few of the writer's sentences back. A
    sentence inside a quotation is the speaker's and does not count: after "Ann Roe shouts that
    ... "Stop. Stop. Please stop," she says." "she" is still Roe."""
    index = article.sentence_index(pronoun.i)
    tokens = token_lists(pronoun.doc)
    narrated = 0
    while index > 0 and narrated < PRONOUN_LOOKBACK_SENTENCES:
        index -= 1
        sentence = article.sentences[index]
        # The columns, not a `Token` for every word of every sentence looked back over.
        words = [i for i in range(sentence.start, sentence.end) if tokens.is_alpha[i]]
        ends_quoted = [article.is_quoted_at(tokens.idx[i]) for i in words[:1] + words[-1:]]
        if not words or not all(ends_quoted):
            narrated += 1
    return article.sentence_starts[index]


def subject_of_a_clause_before(article: ParsedArticle, pronoun: Token) -> Token | None:
    """The subject of an earlier clause that the pronoun's own clause joins, in its sentence:
    "Though the agency has said ..., it has also acknowledged ..." and "The agency cut rates,
    and it said ..." are the agency, whatever the sentence before was about. A pronoun
    subject there gives nothing (the sentence before may say whom both stand for)."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    clauses = [child for child in verb.children if child.dep_ == "advcl" and child.i < pronoun.i]
    if verb.dep_ == "conj" and verb.head.i < pronoun.i:
        clauses.append(verb.head)
    for clause in clauses:
        for subject in clause.children:
            if subject.dep_ in SUBJECT_DEPS and subject.i < pronoun.i:
                is_named = subject.pos_ != "PRON" and not article.is_quoted(subject)
                return subject if is_named else None
    return None


def _is_carded_person(article: ParsedArticle, entity: Span, labels: frozenset[str]) -> bool:
    """Whether "he" or "she" may stand for a name the model labelled otherwise that the actors,
    on more evidence, made a person ("Montell Figgins, who represents ..." labelled a body)."""
    if labels != PERSON_LABELS or not article.people:
        return False
    return article.speaker_name(entity) in article.people


def _counted_people(candidate: Span) -> bool:
    """Whether a nationality is a number of its people ("150 Indians", "thousands of Kenyans")."""
    root = candidate.root
    number = root.head.head  # "thousands" of "thousands of Kenyans"
    counted = root.dep_ == "pobj" and (number.like_num or number.ent_type_ == "CARDINAL")
    return candidate.label_ == "NORP" and (
        counted or any(child.dep_ == "nummod" for child in root.children)
    )


def _same_pronoun_before(article: ParsedArticle, window: Span, pronoun: Token) -> Token | None:
    """The latest "he" (or "she", as `pronoun` is) before `pronoun` that is the subject of the
    writer's own clause in the window."""
    if pronoun.lower_ not in PRONOUN_SEXES:
        return None
    tokens = token_lists(window.doc)
    for i in reversed(range(window.start, window.end)):
        # The lists first: a `Token` only for the same pronoun as a subject.
        if tokens.lower[i] != pronoun.lower_ or tokens.dep[i] not in SUBJECT_DEPS:
            continue
        token = window.doc[i]
        if not article.is_quoted(token) and _names_a_subject(token):
            return token
    return None


def unless_other_sex(mention: Span, name: str) -> str:
    """The actor name a mention was looked up as, or the mention as written when its honorific
    tells the other sex than the name's given name: "Her father Mr Robertson said" is not
    his daughter Summer Robertson, whose surname the lookup matched."""
    doc = mention.doc
    words = [doc[mention.start - 1]] if mention.start > 0 else []
    words.extend(mention)
    honorific = next((t for t in words if t.lower_ in HONORIFIC_SEXES), None)
    if honorific is None:
        return name
    sex = place_names().sex_of_given_name(name.split()[0])
    if sex is None or sex == HONORIFIC_SEXES[honorific.lower_]:
        return name
    return f"{honorific.text} {mention[-1].text}"


def pronoun_agrees(pronoun: Token, name: str) -> bool:
    """Whether "he" or "she" may stand for the name: not a name the census gives only to the
    other sex ("he" after "Zoe Ball" is someone else); any name for "they", and any name whose
    given name says nothing of sex (a surname alone, "Kim", "Jean")."""
    sex = PRONOUN_SEXES.get(pronoun.lower_)
    if sex is None:
        return True
    return _known_sex(pronoun.doc, name) in (None, sex)


def _known_sex(doc: Doc, name: str) -> str | None:
    """The sex of a person's given name in the census, or the one the text gives them."""
    words = name.split()
    return place_names().sex_of_given_name(words[0]) or told_sex(doc, words[-1])


def _conjunct_of_its_sex(article: ParsedArticle, candidate: Span, pronoun: Token) -> str | None:
    """Of people named together as one subject ("Knight and rapper Size have released ... She
    said"), another one when only that one is known to be of the pronoun's sex."""
    sex = PRONOUN_SEXES.get(pronoun.lower_)
    name = article.speaker_name(candidate)
    if sex is None or name is None or _known_sex(pronoun.doc, name) is not None:
        return None
    subject = candidate.root
    while subject.dep_ in ("appos", "conj") and subject.head.i != subject.i:
        subject = subject.head
    phrase = (subject.left_edge.i, subject.right_edge.i + 1)
    # The model may give a surname alone no entity ("Knight and ..."): the words named too.
    named_words = [pronoun.doc[t.i : t.i + 1] for t in (subject, *subject.conjuncts)]
    people = [e for e in entities_starting(article.doc, *phrase) if e.label_ in PERSON_LABELS]
    for other in (*people, *(span for span in named_words if span.root.pos_ == "PROPN")):
        named = article.speaker_name(other)
        if named is not None and named != name and _known_sex(pronoun.doc, named) == sex:
            return named
    return None


def _people_named_between(
    article: ParsedArticle, mention: Span, pronoun: Token, skipped: frozenset[str] = frozenset()
) -> bool:
    """Whether a person is named between a mention and a pronoun: a body or country the text
    names only in passing ("United States intelligence officials") is then no more what "they"
    means than the people named since ("what of Mr. King? And how about Mr. Schultz? They
    are ..."). A `skipped` name a quotation calls in between is none of them."""
    between = entities_starting(article.doc, mention.end, pronoun.i)
    return any(
        entity.label_ in PERSON_LABELS and not (skipped and article.speaker_name(entity) in skipped)
        for entity in between
    )


def _names_a_subject(token: Token) -> bool:
    """A subject, or a name set beside one ("South Korea's defence minister, Shin Won-sik,"),
    of the writer's own clause: the subject of someone's statement is who the statement is
    about, not who speaks next ("Ushakov told reporters that Putin and Kim planned to sign
    ... He said" is Ushakov speaking)."""
    if token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return _speaks_in_its_relative_clause(token)
    return not any(_is_embedded(verb) for verb in (token.head, *token.head.ancestors))


def _speaks_in_its_relative_clause(name: Token) -> bool:
    """A name whose relative clause has it speak ("..., the producer Tom Grant, who called
    her a “true original”."): wherever the sentence puts the name, its bearer is the one
    speaking, whom the next "he said" goes on with."""
    return any(
        clause.dep_ == "relcl"
        and is_speech_verb(clause, QUOTING_VERBS)
        and any(c.dep_ in SUBJECT_DEPS and c.tag_ == "WP" for c in clause.children)
        for clause in name.children
    )


def _is_embedded(verb: Token) -> bool:
    """Whether a clause is no part of what the writer's sentence is about: someone's statement
    (a reported clause), or a clause describing a noun ("criticised the way Mr Hart handled
    it": Hart is what the critic spoke of, not who speaks next). The clause the parser hangs on
    an inverted condition ("it would have cost more had he denied it") is the main clause."""
    if verb.dep_ == "ccomp":
        return not opens_a_condition(verb.head)
    return verb.dep_ in NOUN_CLAUSE_DEPS


def _latest_group_first(span: Span) -> tuple[int, bool]:
    return span.start, not span.label_


def _unnamed_groups(span: Span) -> Iterator[Span]:
    """Yield the groups "they" may stand for that no single name gives, as spans without an
    entity label: a plural common noun that is a subject or what "there are" introduces
    ("While there are estimates ..., they are less sure"), and subjects joined by "and"
    ("Ruritania and the council refuse to yield; they ..."): "they" means them, not a name
    before them. An object is not counted: "Holland scored two goals. They became ..." is
    Holland."""
    for token in span:
        is_plural_noun = token.tag_ in PLURAL_NOUN_TAGS and not token.ent_type_
        is_subject = token.dep_ in SUBJECT_DEPS or _is_introduced_by_there(token)
        is_joined_subject = token.dep_ in SUBJECT_DEPS and any(
            child.dep_ == "conj" for child in token.children
        )
        if (is_plural_noun and is_subject) or is_joined_subject:
            yield token.doc[token.i : token.i + 1]


def _is_introduced_by_there(token: Token) -> bool:
    """Whether a noun is what "there is" or "there are" introduces (the verb's attribute)."""
    return token.dep_ == "attr" and any(c.dep_ in EXISTENTIAL_DEPS for c in token.head.children)
