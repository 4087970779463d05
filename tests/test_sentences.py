"""Sentences start and end where the text does: no cut at a model name, a quotation or a list's
lead-in."""

from __future__ import annotations

import pytest

from generator.analysis.at_a_glance import extract_at_a_glance
from generator.analysis.key_facts import extract_key_facts
from generator.analysis.whole_sentences import is_complete_sentence


def sentences(nlp, text: str) -> list[str]:
    return [sentence.text.strip() for sentence in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Hands up! Turn around slowly!" a guard shouted. He ran.',
            ['"Hands up! Turn around slowly!" a guard shouted.', "He ran."],
        ),
        (
            "VW says that while the XR. CLOUD RUNNER is still only a sketch today, it is near.",
            ["VW says that while the XR. CLOUD RUNNER is still only a sketch today, it is near."],
        ),
        (
            # After a name's stop, words with no verb of their own up to the next full stop
            # are the rest of the sentence, not a sentence.
            "The firm plans to sell the XR. Nova van in Canada from 2027, a year after launch.",
            ["The firm plans to sell the XR. Nova van in Canada from 2027, a year after launch."],
        ),
        (
            "'I know the motto \"measure twice\" but I never liked it,' she said.",
            ["'I know the motto \"measure twice\" but I never liked it,' she said."],
        ),
        (
            'The authors said the rise was "a potential public health concern."\n\nThe survey '
            "asked 505,796 people.",
            [
                'The authors said the rise was "a potential public health concern."',
                "The survey asked 505,796 people.",
            ],
        ),
        (
            # A paragraph of one word (a dateline) before a name: the name stays whole.
            "Denver\n\nMarco Reyes's late goal lifted the Hawks over the Owls on Tuesday night.",
            ["Denver", "Marco Reyes's late goal lifted the Hawks over the Owls on Tuesday night."],
        ),
    ],
)
def test_the_text_goes_on_where_the_model_would_cut_it(english, text, expected):
    assert sentences(english, text) == expected


def test_a_text_without_a_full_stop_is_one_sentence(english):
    assert sentences(english, "Prices rise in the XR region as winter comes") == [
        "Prices rise in the XR region as winter comes"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # An initialism ends a sentence; one capitalised name after it starts the next.
        "The case was handed to the FBI. NASA said it would help.",
        "Drought is a real worry in ND. Reddit made fun of the ad.",
        # Words after an initialism that have a verb of their own are a sentence of their own.
        "The firm moved to the UK. Its van sells well there.",
        # ... and so are words that open on no name, whatever the tagger made of their verb.
        "Both men were arrested by the FBI. The pair face long prison terms and big fines.",
        # A paragraph always starts a sentence, lower case or not.
        "The meeting ended.\n\nand then the vote came.",
        # A name ends one sentence, another name starts the next: the stop between them says so.
        "The final was won by Marco Reyes. Lena Morel came second.",
        # Text in lower case keeps its sentences: a full stop ends them.
        "the meeting ended on monday . the vote came a day later .",
    ],
)
def test_real_sentence_ends_stay(english, text):
    assert len(sentences(english, text)) == 2


LEAD_IN = (
    "The band played for two hours on Saturday night, and the album it released has seven "
    "classic rock tracks, including{colon}\n\nStairway to Heaven\n\nHotel California\n\n"
    "The concert raised money for the children's hospital in the city, the organisers said."
)


@pytest.mark.parametrize("colon", ["", ":"])
def test_a_list_lead_in_is_no_key_fact_and_no_lead(english, colon):
    doc = english(LEAD_IN.format(colon=colon))
    lead_in = next(doc.sents)
    assert not is_complete_sentence(lead_in)
    assert not is_complete_sentence(lead_in, needs_stop=False)
    facts = [fact.text for fact in extract_key_facts(doc, "Band plays for hospital")]
    assert not any("including" in fact for fact in facts)
    assert "including" not in extract_at_a_glance(doc, "Band plays for hospital")


def test_a_paragraph_of_one_sentence_is_whole_without_its_stop(english):
    doc = english(
        "The harbour reopened on Monday after the storm\n\nShips queued for hours to unload "
        "their cargo at the north quay\n\nThe port authority said repairs would cost £3 million."
    )
    whole = next(s for s in doc.sents if s.text.startswith("Ships queued"))
    assert is_complete_sentence(whole)


def test_a_longer_paragraphs_last_words_without_a_stop_are_no_sentence(english):
    doc = english(
        "The harbour reopened on Monday after the storm. Harbour staff clear the quay on "
        "Monday morning Ships queue for hours\n\nThe port authority said repairs would cost "
        "£3 million."
    )
    tail = next(s for s in doc.sents if "staff clear" in s.text)
    assert not is_complete_sentence(tail)


def test_a_paragraph_without_a_stop_that_is_cut_or_has_no_verb_stays_out(english):
    cut = english("The ships queued for hours at the quay and the\n\nThe port stayed shut.")
    label = english("Storm damage along the north quay and the old harbour wall\n\nIt rained.")
    assert not is_complete_sentence(next(iter(cut.sents)))
    assert not is_complete_sentence(next(iter(label.sents)))
