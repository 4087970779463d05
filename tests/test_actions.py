"""What an actor said or did (`actions.actions_of`): clauses in which the actor is the doer."""

from __future__ import annotations

import pytest

from generator.analysis.actions import actions_of
from tests.prerequisites import missing


def _actions(english, text: str, name: str) -> tuple[str, ...]:
    doc = english(text)
    start = text.index(name)
    return actions_of([doc.char_span(start, start + len(name))])


def test_the_person_spoken_to_is_not_the_speaker(english):
    text = (
        "Here’s why taking charge of a remote team matters\n\n"
        "“Pamela, why are we talking about teams?”\n\n"
        "I’ve had teams on my mind for most of this year."
    )
    assert _actions(english, text, "Pamela") == ()


@pytest.mark.parametrize(
    ("text", "name", "action"),
    [
        (
            "Pamela, the chief executive, said the firm would grow.",
            "Pamela",
            "Pamela, the chief executive, said the firm would grow",
        ),
        (
            "Boris Johnson, who leads the party, said he would resign.",
            "Boris Johnson",
            "Boris Johnson said he would resign",
        ),
    ],
    ids=["apposition", "relative clause"],
)
def test_a_name_set_off_by_commas_before_its_verb_is_still_its_doer(english, text, name, action):
    assert _actions(english, text, name) == (action,)


def test_no_action_is_a_pages_captions_run_together(english):
    """Daily Mail bodies run picture captions into the sentences beside them without a stop;
    an actor's line taken whole from such a run would read as one garbled sentence."""
    from benchmarks.common import DEFAULT_EVAL_DIR, read_jsonl
    from generator.analysis.whole_sentences import runs_captions_together

    path = DEFAULT_EVAL_DIR / "cnndm_dev.jsonl"
    if not path.is_file():
        missing(f"the evaluation data {path} (../shared/eval beside the project)")
    records = [r for r in read_jsonl(path, 120) if str(r["id"]).startswith("dm-")]
    for doc in english.pipe(record["article"] for record in records):
        people = [doc[e.start : e.end] for e in doc.ents if e.label_ == "PERSON"]
        for action in (action for person in people for action in actions_of([person])):
            start = doc.text.find(action)
            span = doc.char_span(start, start + len(action), alignment_mode="expand")
            assert start < 0 or span is None or not runs_captions_together(span), action


def test_a_verb_of_saying_without_what_was_said_is_no_line(english):
    """The quotation before an inverted attribution is its own sentence: the line would be the
    attribution alone ("Said Derek Scissors, a China scholar ..."), the words are the quote's."""
    text = (
        '"The mayor wants a bigger budget. Bigger than last year\'s" plan, said Dana Whitfield, '
        "a scholar at the city's university."
    )
    assert _actions(english, text, "Dana Whitfield") == ()
    # Counter-example: a verb of saying with what it says keeps its line.
    told = "Dana Whitfield said the mayor wanted a bigger budget than last year."
    assert _actions(english, told, "Dana Whitfield") == (told.rstrip("."),)


def test_a_question_is_nobodys_act(english):
    text = (
        "The console service opens today. Is it the start of a new era, or will Glimmer fall "
        "flat on its face? Here is what critics say."
    )
    assert _actions(english, text, "Glimmer") == ()
    assert _actions(english, "Glimmer opened its service in ten countries on Tuesday.", "Glimmer")


def test_a_line_does_not_open_inside_a_quotation(english):
    text = (
        "The firm showed its new hatchback on Monday. \u201cWe have sold more than two million "
        "of these cars. We think the new model will go further still. The wider grille from "
        "the bigger coupe gives the hatchback a bold new face,\u201d said Tom Reyes, regional "
        "vice president at the firm."
    )
    assert _actions(english, text, "Tom Reyes") == ()


def test_a_results_listings_entry_tells_no_act(english):
    text = (
        "Hillcrest beat Eastfield on Friday to stay unbeaten.\n\n"
        "Hillcrest (2-1): Mia Sol scored twice. Dara Finch made 3 saves.\n\n"
        "Coach Ada Moyo praised the defence after the game."
    )
    assert _actions(english, text, "Dara Finch") == ()
    assert _actions(english, text, "Mia Sol") == ()
    assert _actions(english, text, "Ada Moyo") == (
        "Coach Ada Moyo praised the defence after the game",
    )


def test_the_writers_use_of_a_bodys_work_is_no_act_of_the_body(english):
    text = "To map the trade, we drew on figures compiled in 2019 by the Coast Guard."
    assert _actions(english, text, "Coast Guard") == ()
    text = "The report drew on figures compiled in 2019 by the Coast Guard."
    assert _actions(english, text, "Coast Guard") != ()


@pytest.mark.parametrize(
    ("text", "name", "action"),
    [
        (
            "The league cleared the club. Still, Marta Reyes has been fined for the delay.",
            "Marta Reyes",
            "Marta Reyes has been fined for the delay",
        ),
        (
            "Rivals cut their prices. But Orvell Foods said it would hold its own.",
            "Orvell Foods",
            "Orvell Foods said it would hold its own",
        ),
        (
            "In addition to the fine, Marta Reyes must repay the grant.",
            "Marta Reyes",
            "In addition to the fine, Marta Reyes must repay the grant",
        ),
    ],
    ids=["set off by a comma", "a conjunction", "a phrase's opener stays"],
)
def test_a_line_cut_from_its_sentence_drops_the_connective_it_opens_on(
    english, text: str, name: str, action: str
) -> None:
    assert _actions(english, text, name) == (action,)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Thanks to newer bricks, you can find laptop chargers that are far smaller "
            "than what Acme includes in the box.",
            "Acme",
            (),
        ),
        (
            "When Acme shipped the charger last spring, reviewers liked it a lot.",
            "Acme",
            ("Acme shipped the charger last spring",),
        ),
    ],
    ids=["free relative names a thing", "temporal clause tells an act"],
)
def test_a_free_relative_names_a_thing_not_an_act(english, text, name, expected):
    assert _actions(english, text, name) == expected


@pytest.mark.parametrize(
    ("text", "name", "action"),
    [
        (
            "Lima officials said on Tuesday that the bridge would reopen in June.",
            "Lima",
            "Lima officials said on Tuesday that the bridge would reopen in June",
        ),
        (
            "Inspector General Tomas Varga's office said the audit had found three errors.",
            "Tomas Varga",
            "Inspector General Tomas Varga's office said the audit had found three errors",
        ),
        (
            "Norwegian officials confirmed that the ferry had been recalled.",
            "Norwegian",
            "Norwegian officials confirmed that the ferry had been recalled",
        ),
    ],
    ids=["a capital's officials", "a holder's office", "a nationality's officials"],
)
def test_those_who_speak_for_a_name_act_for_it(english, text, name, action):
    """The government, office or body acts through people the story leaves unnamed: an
    analyst credits "the capital's officials said" to the government, as the line reads."""
    assert _actions(english, text, name) == (action,)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chile's ambassador, Rosa Pinto, said the talks would resume in May.", "Chile"),
        ("Peru's consumer ombudsman's office said the prices were unfair.", "Peru"),
        (
            "Besides the two deaths on Friday, Chile’s public defender’s office said ten more "
            "people had been hurt.",
            "Chile",
        ),
        ("Marta Quispe's husband said the shop had been sold.", "Marta Quispe"),
    ],
    ids=["the voice is named", "a title between", "two owners of the office", "her husband"],
)
def test_a_name_beside_someone_of_their_own_does_not_act(english, text, name):
    assert _actions(english, text, name) == ()


def test_a_names_own_acts_come_before_its_officials(english):
    text = (
        "Quito officials said the road was closed. Quito hosted the summit in March, and "
        "Quito signed the treaty in April."
    )
    doc = english(text)
    starts = [i for i in range(len(text)) if text.startswith("Quito", i)]
    names = [doc.char_span(start, start + len("Quito")) for start in starts]
    assert actions_of(names) == (
        "Quito hosted the summit in March",
        "Quito signed the treaty in April",
        "Quito officials said the road was closed",
    )
