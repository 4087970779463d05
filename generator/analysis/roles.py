"""What an actor is and does in a story: its role and the clauses in which it acts.

The role is the title or apposition right by a name ("Russian President Vladimir Putin" ->
President of Russia; "Yuri Ushakov, Putin's aide" -> aide to Vladimir Putin). The actions are
the finite clauses whose subject (or passive agent) is the name, as the article words them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import (
    CLAUSE_POS,
    clause_of,
    clause_text,
    clause_tokens,
    follows_another_verb,
    runs_on,
)
from generator.analysis.entity_index import entity_at
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.grammar import FINITE_TAGS
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.layout import is_prose
from generator.analysis.lexicon import (
    HONORIFICS,
    NOT_ROLE_WORDS,
    OFFICE_TITLES,
    ORGANISATION_ROLE_WORDS,
    PERSON_ROLE_WORDS,
    RANK_TITLES,
    ROLE_NOUNS_TAKING_TO,
    ROLE_SUFFIXES,
    SPEECH_VERBS,
)
from generator.analysis.quote_marks import quotations_of
from generator.analysis.token_lists import token_lists
from generator.analysis.whole_sentences import is_listing_entry, runs_captions_together
from generator.models import ActorKind

CONTENT_MARKS = ("that", "whether", "if")
MAX_ACTIONS = 3
MIN_ACTION_WORDS = 3
PLURAL_TAGS = ("NNS", "NNPS")
RELATIVE_TAGS = ("WP", "WP$", "WDT")
CLAUSE_DEPS = ("relcl", "acl")
PHRASE_ENDS = (",", ";", "(", "—", "–")
DANGLING_POS = ("ADP", "DET", "CCONJ", "SCONJ")
HYPHEN = "-"
MAX_SENTENCE_WORDS = 45
WHAT_IS_SAID_DEPS = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "prep", "advcl", "conj"})
"""How what a verb of saying says hangs on it: a clause said, an object, a topic ("about")."""
"""The longest sentence shown whole as an action (as long as the longest key fact)."""


def role_beside(
    name: Span,
    token_actor: dict[int, str],
    gazetteer: Gazetteer,
    kind: ActorKind,
    people: Collection[int] = frozenset(),
) -> str | None:
    """The role stated right by a name: a title before it or an apposition after it.

    token_actor maps tokens to the actor they name, so that an owner ("Putin's aide") is found;
    people holds the tokens of the article's people, whom no title names (`_after_a_person`).
    Only people and organisations bear titles: before a country or place, a noun is the
    parser's slip ("pop music, content Pyongyang has long treated as a hostile act"). A role
    must say what the actor is (`_says_what_it_is`): beside a name, the parser also finds
    captions, other names and the thing the sentence is about ("Nepal, the capital").
    """
    if kind == "place":
        return None
    title = _title_before(name) if kind in ("person", "organisation") else None
    for found in (title, _apposition(name)):
        if found is None or not _says_what_it_is(*found, name, kind):
            continue
        role = _phrase_role(_after_a_person(found[0], people), found[1], token_actor, gazetteer)
        if role:
            return role
    return None


def nouns_beside(name: Span) -> list[Token]:
    """The head nouns of the title before a name and of the apposition after it: "company" in
    "an outside company, Terminix," and "spokesman" in "Kremlin spokesman Dmitry Peskov"; not
    a title that names someone else."""
    return [
        found[1]
        for found in (_title_before(name), _apposition(name))
        if found is not None and not names_someone_else(found[1], name)
    ]


def _says_what_it_is(span: Span, head: Token, name: Span, kind: ActorKind) -> bool:
    """Tell a role ("Kremlin spokesman", "state-funded body") from what else sits beside a name:
    a plural ("haters"), a relative clause ("whose wife"), a word of the name itself ("Romain"
    beside Romain Grosjean), a phrase cut short, or a noun that is no role ("video",
    "capital")."""
    word = head.lower_.rstrip(".")
    if head.tag_ in PLURAL_TAGS or span[0].tag_ in RELATIVE_TAGS:
        return False
    if names_someone_else(head, name):
        return False
    if span[-1].pos_ in DANGLING_POS:
        # The parser lost what follows: "mother of [shot ... Chris Lane]".
        return False
    if word in {token.lower_ for token in name}:
        return False
    if kind != "person":
        return word in ORGANISATION_ROLE_WORDS or word in PERSON_ROLE_WORDS
    if word in PERSON_ROLE_WORDS:
        return True
    # A lower-case agent noun ("singer", "investigator"); a capitalised word no list knows is
    # more often part of a name ("Pastor Maldonado", "Friday Schumacher", "Leicester").
    is_agent_noun = (
        word.endswith(ROLE_SUFFIXES) and not word.endswith("ment") and word not in NOT_ROLE_WORDS
    )
    return head.pos_ == "NOUN" and head.is_lower and is_agent_noun


def names_someone_else(title: Token, name: Span) -> bool:
    """Whether a title has a person's name apposed of its own: in "The farmers'
    union, former senator Ada Morrow - and others", a list the parser read as
    appositions, "former senator" is Morrow's, not the union's; in "the Guild, a gruff ship
    captain (Torv)," the captain is Torv, whatever the model labels the bracketed name."""
    return any(
        child.dep_ == "appos"
        and (child.ent_type_ == "PERSON" or _bracketed_name(child))
        and not name.start <= child.i < name.end
        for child in title.children
    )


def _bracketed_name(token: Token) -> bool:
    """A name alone in brackets, written as a person's is: "(Torv)"; not an acronym, the
    short name of the title's body ("general secretary of the Union of Dockers (UD)")."""
    doc = token.doc
    return (
        token.pos_ == "PROPN"
        and token.text.istitle()
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].text == "("
        and doc[token.i + 1].text == ")"
    )


def _title_before(name: Span) -> tuple[Span, Token] | None:
    """'Russian President' in 'Russian President Vladimir Putin', with its head 'President'."""
    root = name.root
    lefts = [child for child in root.lefts if child.i < name.start and child.dep_ != "det"]
    if not lefts:
        return None
    start = _whole_title_start(name.doc, min(child.left_edge.i for child in lefts))
    doc = name.doc
    while start < name.start and doc[start].dep_ in ("det", "punct"):
        start += 1
    # A title never reaches back over a line break: the line above is a headline or caption.
    breaks = [token.i for token in doc[start : name.start] if "\n" in token.text]
    if breaks:
        start = breaks[-1] + 1
    if start >= name.start:
        return None
    return doc[_title_start(doc, start, name.start) : name.start], doc[name.start - 1]


def _after_a_person(span: Span, people: Collection[int]) -> Span:
    """The title without a person the parser coordinated into it, and what that person's own
    title: "US Trade Representative" of "Trump and US Trade Representative Robert Lighthizer",
    "Energy Secretary" of "Ambassador to the United Nations Helen Marsh and Energy
    Secretary Paul Ortega", where Trump and Marsh are people of the article or names the
    model calls a person's. An "and" inside a name ("Procter and Gamble chief executive"),
    between a title's owners ("Aston Villa and England midfielder") or between titles
    ("President and CEO") stays."""
    start = span.start
    for token in span[1:-1]:
        before = span.doc[token.i - 1]
        is_after_person = before.i in people or before.ent_type_ == "PERSON"
        if token.pos_ == "CCONJ" and token.ent_iob_ != "I" and is_after_person:
            start = token.i + 1
    return span.doc[start : span.end]


def _whole_title_start(doc: Doc, start: int) -> int:
    """Where the title before a name starts as a whole noun phrase about that person.

    The parser cuts a hyphenated title at its hyphen ("Chinese vice-premier" read as "vice"
    of the sentence and "-premier" of the name): the words glued to it by a hyphen are the
    title's, and so is a nationality right before it.
    """
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and HYPHEN in (doc[start - 1].text, doc[start].text)
    ):
        start -= 1
    while start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].pos_ == "ADJ":
        start -= 1
    return start


def _title_start(doc: Doc, start: int, end: int) -> int:
    """Where a title really starts when the words before it are another sentence's, run in
    by a page that lost a caption's full stop: after the nouns after "a" ("bagging a brace
    Barcelona midfielder Andreas Iniesta"), or at the owner ("Devastation in Nepal India's
    Prime Minister"). The words before an owner are the owner's ("Prime Minister Tony Blair's
    wife")."""
    if start > 0 and doc[start - 1].lower_ in ("a", "an"):
        # The object's nouns ("brace", "hat-trick") up to the capitalised title.
        first = start
        while first < end and (
            (doc[first].pos_ == "NOUN" and doc[first].is_lower) or doc[first].text == "-"
        ):
            first += 1
        if start < first < end - 1 and doc[first].is_title:
            start = first
    owners = [t.i - 1 for t in doc[start + 1 : end] if t.tag_ == "POS"]
    if owners:
        # Only a named owner, and not one a title word takes ("oil workers' union boss" and
        # "Assistant State's Attorney" stay whole).
        owner = doc[owners[-1]]
        entity = entity_at(owner)
        before = doc[entity.start - 1].lower_ if entity is not None and entity.start > 0 else ""
        if entity is not None and before not in PERSON_ROLE_WORDS:
            start = max(start, entity.start)
    return start


def _apposition(name: Span) -> tuple[Span, Token] | None:
    """'Putin's aide' in 'Yuri Ushakov, Putin's aide,' or in 'Putin's aide, Yuri Ushakov,'."""
    root = name.root
    # An apposition is set off by a comma: "Yuri Ushakov, Putin's aide" (not "an SNP vote").
    for child in root.rights:
        set_off = name.end < len(name.doc) and name.doc[name.end].text == ","
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and set_off:
            span = root.doc[child.left_edge.i : _end_of_noun_phrase(child)]
            return _strip_determiner(span), child
    set_off = name.start > 0 and name.doc[name.start - 1].text == ","
    head = root.head
    # A title set off before the name: "The German Chancellor, Angela Merkel," or "The head of
    # the union, Giannis Panagopoulos,".
    is_title = head.pos_ == "NOUN" or (
        head.pos_ == "PROPN" and head.lower_ in PERSON_ROLE_WORDS and not head.ent_type_
    )
    if root.dep_ == "appos" and is_title and head.i < name.start and set_off:
        end = min(_end_of_noun_phrase(head), name.start - 1)
        return _strip_determiner(root.doc[head.left_edge.i : end]), head
    return None


def _end_of_noun_phrase(head: Token) -> int:
    """Where an apposition's noun phrase ends: before a comma or a clause that tells more
    ("Belgium's secretary of state for digitisation[, whose country held ...]")."""
    end = head.right_edge.i + 1
    doc = head.doc
    # Not where the cut would leave "mother of" ("mother of shot baseball player Chris Lane").
    clauses = [
        child.left_edge.i
        for child in head.rights
        if child.dep_ in CLAUSE_DEPS and doc[child.left_edge.i - 1].pos_ not in ("ADP", "DET")
    ]
    commas = [t.i for t in doc[head.i + 1 : end] if t.text in PHRASE_ENDS]
    return min([end, *clauses, *commas])


def _strip_determiner(span: Span) -> Span:
    """The role without its determiner, and without a clause's opening word that a parse slip
    hung on its noun ("whether" of "is whether the firm's founder, X, ..."): no role starts
    with a subordinator or a conjunction."""
    start = span.start
    while start < span.end - 1 and span.doc[start].dep_ in ("det", "punct", "mark", "cc"):
        start += 1
    return span.doc[start : span.end]


def _phrase_role(
    span: Span, head: Token, token_actor: dict[int, str], gazetteer: Gazetteer
) -> str | None:
    """Turn a title phrase into a role: 'Russian President' -> 'President of Russia'."""
    if head.i in token_actor or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.ent_type_ and not (head.ent_type_ == "PERSON" and head.lower_ in RANK_TITLES):
        # Another name, unless a rank the model took into the person's ("Trooper Hakim").
        return None
    if span.text.lower() in HONORIFICS:  # "Mr Brown": a courtesy, not a role
        return None
    owner, rest = _owner_and_rest(span, token_actor, gazetteer)
    if owner is None or not rest:
        return span.text
    preposition = "to" if rest.split()[-1].lower() in ROLE_NOUNS_TAKING_TO else "of"
    return f"{rest} {preposition} {owner}"


def _owner_and_rest(
    span: Span, token_actor: dict[int, str], gazetteer: Gazetteer
) -> tuple[str | None, str]:
    """Split 'North Korea's supreme leader' into ('North Korea', 'supreme leader')."""
    first = span[0]
    owner = token_actor.get(first.i)
    end = span.start
    if owner is None:
        # A nationality that is no actor of its own here ("Russian President ...").
        country = gazetteer.country_for_demonym(first.text)
        if country is None:
            return None, ""
        owner, end = country.name, span.start + 1
    while end < span.end and token_actor.get(end) == owner:
        end += 1
    if end < span.end and span.doc[end].tag_ == "POS":
        end += 1
    rest = span.doc[end : span.end].text
    is_possessive = span.doc[end - 1].tag_ == "POS"
    is_demonym = gazetteer.country_for_demonym(span.doc[span.start : end].text) is not None
    if not (is_possessive or is_demonym) or len(rest.split()) > 2:
        return None, rest
    if not is_possessive and rest.split()[-1].lower() not in OFFICE_TITLES:
        return None, rest
    return _with_article(owner, gazetteer), rest


def _with_article(name: str, gazetteer: Gazetteer) -> str:
    """'United States' reads as 'the United States' after 'of'."""
    place = gazetteer.country_for_name(name)
    needs_article = place is not None and name.split()[0] in ("United", "Central", "Czech")
    return f"the {name}" if needs_article else name


def actions_of(names: Iterable[Span]) -> tuple[str, ...]:
    """What an actor said or did: clauses in which its names act, as the article words them."""
    actions: list[str] = []
    for name in names:
        # A sub-heading or a link card names an actor but says nothing it did (`is_prose`);
        # a results listing's entry ("Hawks (3-0): Reed 2 goals.") is a tally, not an act.
        text = _action_text(name) if _tells_acts(name.sent) else None
        if text and text not in actions and len(text.split()) >= MIN_ACTION_WORDS:
            actions.append(text)
        if len(actions) == MAX_ACTIONS:
            break
    return tuple(actions)


def _tells_acts(sent: Span) -> bool:
    """Whether a sentence is prose that can tell what someone did (not a heading or a listing)."""
    return is_prose(sent) and not is_listing_entry(sent)


def _action_text(span: Span) -> str | None:
    """The clause in which this mention is the doer, or None."""
    name = span.root
    subject = _subject_head(name)
    if subject is not None:
        return _clause(subject.head)
    if name.dep_ == "pobj" and name.head.dep_ == "agent":
        return _passive_action(name.head.head, span)
    relative = next(
        (
            c
            for c in name.children
            if c.dep_ == "relcl" and _has_relative_subject(c) and _follows_name(c, span)
        ),
        None,
    )
    if relative is not None and not _is_reported(relative):
        text = _clause(relative)
        return _named_relative(span, text) if text else None
    return None


def _clause(verb: Token) -> str | None:
    """The clause `verb` heads (`clause_text`), unless it is captions run together."""
    kept = clause_tokens(verb)
    if kept and _runs_together(verb.doc[kept[0].i : kept[-1].i + 1]):
        return None
    if _says_nothing(verb, kept) or (kept and _tells_no_act(verb, kept[0])):
        return None
    return clause_text(verb, kept)


def _tells_no_act(verb: Token, first: Token) -> bool:
    """Whether the clause tells nobody's act: its sentence asks in the writer's voice ("Is it
    the future, or will the service fall flat?"), or the clause opens inside a quotation whose
    mark lies before it, so the line would start mid-quote (the words are a quote's)."""
    quotations = quotations_of(verb.doc)
    tokens = token_lists(verb.doc)
    last = tokens.last_non_space(verb.sent)
    if last is not None and tokens.text[last] == "?":
        mark = tokens.idx[last]
        if not any(q.start <= mark < q.end for q in quotations):
            return True
    return any(q.start < first.idx < q.end for q in quotations)


def _says_nothing(verb: Token, kept: tuple[Token, ...]) -> bool:
    """Whether a verb of saying keeps none of what was said: the quotation is its own sentence
    or was left out, and the line would be the attribution alone ("said Derek Scissors, a China
    scholar ..."). The words are the quote's, under Quotes with their speaker."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    kept_indices = {token.i for token in kept}
    # The line may keep part of what was said without its head ("Trump said, “When people
    # come back ... you can handle it"); the parser may hang a quotation's verb as "punct".
    return not any(
        t.i in kept_indices
        for child in verb.children
        if child.dep_ in WHAT_IS_SAID_DEPS or (child.dep_ == "punct" and not child.is_punct)
        for t in child.subtree
    )


def _runs_together(span: Span) -> bool:
    """Whether the words are a page's pieces run together: a sentence start inside them
    (`runs_on`), or captions a long run holds (`whole_sentences.runs_captions_together`)."""
    return runs_on(span) or runs_captions_together(span)


def _subject_head(token: Token) -> Token | None:
    """The subject token the mention stands in, also within 'The US, South Korea, and ...' and
    beside a title ("Rio Grande do Sul's governor, Eduardo Leite, said ...")."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS:
        token = token.head
    verb = token.head
    # A relative clause ("the trips Putin has made") tells about its noun, not the actor.
    if token.dep_ not in SUBJECT_DEPS or verb.dep_ == "relcl" or _is_reported(verb):
        return None
    if follows_another_verb(token) or _is_addressed(token):
        return None
    return token if _is_finite_clause(verb) else None


def _is_addressed(subject: Token) -> bool:
    """Whether a name the parser made a subject is the person spoken to: set off by a comma
    before the verb's own subject ("Pamela, why are we talking about leadership?")."""
    after = subject.right_edge.i + 1
    if after >= len(subject.doc) or subject.doc[after].text != ",":
        return False
    return any(child.dep_ in SUBJECT_DEPS and child.i > after for child in subject.head.children)


def _is_reported(verb: Token) -> bool:
    """A clause inside someone else's statement or concern ("observers fear that Moscow ...")."""
    return any(
        t.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ in CONTENT_MARKS for c in t.children)
        for t in (verb, *verb.ancestors)
        if t.i != t.head.i
    )


def _passive_action(verb: Token, name: Span) -> str | None:
    """The clause around a passive whose agent is the actor.

    A reduced relative ("an invitation extended by ... Kim Jong Un") is only a noun phrase, so
    the clause that holds its noun is shown: "The visit follows an invitation extended by ...
    Kim Jong Un in September 2023". When that clause leaves the relative out as an aside, the
    whole sentence is shown, or the actor would not be in it.
    """
    if verb.dep_ != "acl":
        return _clause(verb)
    holder = clause_of(verb.head)
    if holder.pos_ not in CLAUSE_POS or _is_reported(holder):
        return None
    if name.root in clause_tokens(holder):
        return _clause(holder)
    sentence = name.sent
    words = sentence.text.strip().rstrip(" .;:")
    if len(words.split()) > MAX_SENTENCE_WORDS or _runs_together(sentence):
        return None
    return words[:1].upper() + words[1:]


def _follows_name(relative: Token, name: Span) -> bool:
    """Whether a relative clause is about the name: no other name it could be about comes
    between them. The parser also hangs on a name a clause that is about a name after it
    ("Berdymukhamedov, the successor of Saparmurat Niyazov, who ruled ..."), but not one of
    another kind ("Dana Pike of Channel 9, who will host ...")."""
    between = name.doc[name.end : relative.left_edge.i]
    if relative.left_edge.lower_ in ("who", "whom"):
        # "who" is about a person: a body or a place between is no rival.
        return all(token.ent_type_ != "PERSON" for token in between)
    return all(not token.ent_type_ for token in between)


def _has_relative_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in verb.children)


def _named_relative(name: Span, text: str) -> str:
    """'The US Federal Reserve has kept ...' for "the US Federal Reserve, which has kept ..."."""
    words = text.split(" ", 1)
    if len(words) < 2:
        return text
    before = name.doc[name.start - 1] if name.start > 0 else None
    article = "the " if before is not None and before.lower_ == "the" else ""
    named = f"{article}{name.text} {words[1]}"
    return named[:1].upper() + named[1:]


def _is_finite_clause(verb: Token) -> bool:
    """A verb with tense ("arrived", "is scheduled"), not a bare participle ("Moscow seeking")."""
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in verb.children
    )
