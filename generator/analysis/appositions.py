"""The apposition beside a name that may say what its bearer is: "Putin's aide" in "Yuri
Ushakov, Putin's aide," or "The German Chancellor" in "The German Chancellor, Angela Merkel,".
`roles` reads a role from it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.lexicon import PERSON_ROLE_WORDS

CLAUSE_DEPS = ("relcl", "acl")
PHRASE_ENDS = (",", ";", "(", "—", "–")


def apposition(name: Span) -> tuple[Span, Token] | None:
    """'Putin's aide' in 'Yuri Ushakov, Putin's aide,' or in 'Putin's aide, Yuri Ushakov,'."""
    root = name.root
    # An apposition is set off by a comma: "Yuri Ushakov, Putin's aide" (not "an SNP vote").
    # The comma is looked at first: most names have none after them, nor an apposition.
    if name.end < len(name.doc) and name.doc[name.end].text == ",":
        for child in root.rights:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                title = _title_after_its_body(child)
                span = root.doc[child.left_edge.i : _end_of_noun_phrase(title)]
                return _strip_determiner(span), title
    set_off = name.start > 0 and name.doc[name.start - 1].text == ","
    if root.dep_ != "appos" or not set_off:
        return None
    head = root.head
    # A title set off before the name: "The German Chancellor, Angela Merkel," or "The head of
    # the union, Giannis Panagopoulos,".
    is_title = head.pos_ == "NOUN" or (
        head.pos_ == "PROPN" and head.lower_ in PERSON_ROLE_WORDS and not head.ent_type_
    )
    if is_title and head.i < name.start:
        end = min(_end_of_noun_phrase(head), name.start - 1)
        return _strip_determiner(root.doc[head.left_edge.i : end]), head
    return None


def _title_after_its_body(head: Token) -> Token:
    """The title noun of an apposition that opens with a body's name: the parser makes the name
    the head and hangs the title on it ("X, BBC News political correspondent," read as "X, BBC
    News" with "correspondent" its apposition), so the phrase's head is that title, with no
    comma between them (after a comma it is a list: "X, Acme, a bank")."""
    if not head.ent_type_:
        return head
    for child in head.rights:
        set_off = any(t.text == "," for t in head.doc[head.i + 1 : child.i])
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not set_off:
            return child
    return head


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
