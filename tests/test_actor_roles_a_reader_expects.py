"""A card's role is what the text says the person is, wherever it says it: a title with "of"
inside it or a style of address ("Sir", "Dr") between it and the name, a definite description
that refers back to the one person named just before, the age and home set beside the name,
and a journalist's outlet where the story cites their reporting. Invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from generator.analysis.actors import extract_actors
from generator.analysis.appositions import apposition


def roles_of(english, gazetteer, text, headline=""):
    actors = extract_actors(english(text), gazetteer, headline=headline).actors
    return {actor.name: actor.role for actor in actors if actor.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # A title with "of" inside it: its head is the title's first word, not "State".
        (
            "Secretary of State Ada Morrow welcomed the ceasefire on Tuesday.",
            "Ada Morrow",
            "Secretary of State",
        ),
        # A style of address between the title and the name is no part of either.
        (
            "Union leader Sir Owen Pryce warned of strikes in the spring.",
            "Owen Pryce",
            "Union leader",
        ),
        ("Chief medical officer Dr Ana Ruiz urged caution.", "Ana Ruiz", "chief medical officer"),
        # A definite description, the subject of the next sentence, refers back to her.
        (
            "Ann Lowe withdrew from the final on Sunday with a sore wrist.\n\n"
            "The Welsh number three had been due to face a qualifier.",
            "Ann Lowe",
            "Welsh number three",
        ),
        (
            "Tom Hale toured a dairy farm in Devon on Friday. The prime minister put on "
            "wellington boots to meet the herd.",
            "Tom Hale",
            "prime minister",
        ),
        # Age and home where no role word is given.
        ("Tom Barr, 31, from Leeds, said the bus never came.", "Tom Barr", "aged 31, from Leeds"),
        (
            "43-year-old Gwen Hollis of Cornwall fell ill after buying a new quilt.",
            "Gwen Hollis",
            "aged 43, of Cornwall",
        ),
        # A journalist cited as a source, placed at the outlet.
        (
            "Two hospitals closed, according to Ann Lowe of the Daily Ledger. The wards were "
            "cleaned, reports Lowe.",
            "Ann Lowe",
            "reporter, Daily Ledger",
        ),
    ],
)
def test_the_role_the_text_gives_is_on_the_card(english, gazetteer, text, name, role):
    assert roles_of(english, gazetteer, text)[name] == role


SUBJECT_CARRIES_ON = (
    "Ann Lowe promised Tom Barr she would resign before the vote, a former aide says.\n\n"
    "But the minister stayed on after pressure from colleagues."
)
WINNER_DESCRIBED = (
    "Freja Holm beat Ann Lowe in the final at Leeds on Sunday. "
    "The 29-year-old Dane won in straight sets."
)


@pytest.mark.parametrize(
    ("text", "headline", "name", "role"),
    [
        # Two people before it: the headline's one person, the subject there, carries on.
        (SUBJECT_CARRIES_ON, "Lowe 'promised to resign'", "Ann Lowe", "minister"),
        # A noun for one of a country's people refers back as a title does.
        (WINNER_DESCRIBED, "Holm wins Leeds title", "Freja Holm", "29-year-old Dane"),
    ],
)
def test_a_description_refers_back_to_the_principal_who_carries_on(
    english, gazetteer, text, headline, name, role
):
    assert roles_of(english, gazetteer, text, headline=headline)[name] == role


@pytest.mark.parametrize(
    ("text", "headline", "name"),
    [
        # Without the headline's tie, either of the two may be meant.
        (SUBJECT_CARRIES_ON, "", "Ann Lowe"),
        (WINNER_DESCRIBED, "", "Freja Holm"),
        # The headline names both: no tie either.
        (SUBJECT_CARRIES_ON, "Lowe and Barr fall out", "Ann Lowe"),
        (SUBJECT_CARRIES_ON, "Lowe 'promised to resign'", "Tom Barr"),
        # The principal is no named subject of the sentence just before: the other person,
        # named there last, may be meant.
        (
            "Ann Lowe spoke at the party's spring conference on Saturday. She set her plan "
            "beside Tom Barr's budget of last year. The minister raised taxes after that budget.",
            "Lowe sets out plan",
            "Ann Lowe",
        ),
        # The other person's own title is the description: another country's prime minister.
        (
            "Tom Hale met French prime minister Jean Roux in Paris on Monday. "
            "The prime minister praised the trade deal.",
            "Hale holds Paris talks",
            "Tom Hale",
        ),
    ],
)
def test_a_description_either_person_could_bear_gives_no_role(
    english, gazetteer, text, headline, name
):
    assert roles_of(english, gazetteer, text, headline=headline).get(name) is None


def test_a_description_in_the_first_sentence_is_the_headlines_one_person(english, gazetteer):
    text = (
        "The prime minister put on wellington boots and crossed a muddy field.\n\n"
        "Tom Hale toured the dairy farm with its owners."
    )
    roles = roles_of(english, gazetteer, text, headline="Hale tours Devon dairy farm")
    assert roles["Tom Hale"] == "prime minister"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A style alone before a name is no role, nor part of the role of a friend.
        ("Sir Alex Ferguson said the team had played well.", "Alex Ferguson"),
        ("A friend of Sir Tom Barr said he was unwell.", "Tom Barr"),
        # Two people named before: which one the description means is a guess.
        ("Ann Lowe met Tom Barr on Sunday. The minister said the talks went well.", "Ann Lowe"),
        ("Ann Lowe met Tom Barr on Sunday. The minister said the talks went well.", "Tom Barr"),
        # The one person named is no subject there: the officer is someone else.
        ("Police held Tom Barr overnight. The officer said he was calm.", "Tom Barr"),
        ("Tom Barr's lawyer spoke outside. The minister said little.", "Tom Barr"),
        # An agent noun brings someone new in as often as it refers back.
        ("Ann Lowe crossed the road at noon. The driver did not stop.", "Ann Lowe"),
        # A description beside the person elsewhere is someone else's title.
        (
            "Ann Lowe denied claims the minister had lied. Ann Lowe then set out a plan. "
            "The minister answered within the hour.",
            "Ann Lowe",
        ),
        # "of" right after a name without an age is as often the name's own.
        ("Saint Agnes of Lindholm was honoured at the feast.", "Saint Agnes"),
        # Placed at a body but no reporter: an analyst of a bank reports nothing.
        ("Tom Barr of the Acme Bank said rates would rise.", "Tom Barr"),
    ],
)
def test_no_role_where_the_text_gives_none_of_theirs(english, gazetteer, text, name):
    assert roles_of(english, gazetteer, text).get(name) is None


def test_an_apposition_headed_by_an_outlet_has_its_title_as_head(english):
    # The parse the model sometimes gives "X, <outlet> <title>,": the outlet's name heads the
    # apposition and the title hangs on it as an apposition of its own.
    words = ["Nia", "Rhys", ",", "Acme", "News", "political", "correspondent", ",", "added"]
    heads = [1, 8, 1, 4, 1, 6, 4, 1, 8]
    deps = ["compound", "nsubj", "punct", "compound", "appos", "amod", "appos", "punct", "ROOT"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "ADJ", "NOUN", "PUNCT", "VERB"]
    doc = Doc(english.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG")]
    found = apposition(doc[0:2])
    assert found is not None
    assert (found[0].text, found[1].text) == ("Acme News political correspondent", "correspondent")
