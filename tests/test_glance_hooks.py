"""The at-a-glance line of a page that is no news report: a feature that opens on a hook (a
question, "you", "There's ...") and tells no event is summed up by its headline, and a page
without a headline opens on a line of its own rather than a call to the reader."""

from __future__ import annotations

from spacy.language import Language

from generator.analysis.at_a_glance import extract_at_a_glance
from generator.analysis.news_lead import addresses_the_reader, opens_on_a_hook

FEATURE = (
    "There's an odd gap in how small firms think about hiring. "
    "Most owners would rather do the work themselves. "
    "It feels safer, and it costs less in the short run. "
    "Yet the firms that grow tend to be the ones that hand work over early. "
    "Handing over work is a skill that can be learned."
)
NEWS = (
    "There were 40 flights cancelled at Eastport airport on Monday after a power cut. "
    "Airport staff said the terminal lights failed at about 6am. "
    "Passengers were moved to hotels in the town."
)


def test_a_feature_that_opens_on_a_hook_is_summed_up_by_its_headline(english: Language):
    headline = "Why small firms should hire sooner"
    assert extract_at_a_glance(english(FEATURE), headline) == headline


def test_a_news_lead_that_opens_on_there_were_keeps_it(english: Language):
    doc = english(NEWS)
    assert not opens_on_a_hook(next(iter(doc.sents)))
    assert extract_at_a_glance(doc, "Flights cancelled at Eastport").startswith("There were 40")


def test_an_address_to_the_reader_is_no_lead(english: Language):
    doc = english(
        "You have just moved to a new town and want to meet people quickly. "
        "The Eastport walking club meets every Sunday at the harbour steps."
    )
    first = next(iter(doc.sents))
    assert addresses_the_reader(first)
    assert extract_at_a_glance(doc, "Walking club").startswith("The Eastport walking club")


def test_a_reader_quoted_as_you_is_no_address(english: Language):
    doc = english('"You have to see the harbour at dawn," the ferry captain told visitors.')
    assert not addresses_the_reader(next(iter(doc.sents)))


def test_a_page_without_a_headline_does_not_open_on_its_call_to_the_reader(english: Language):
    doc = english(
        "We hope you will all come to our spring concert! "
        "I have sung in the harbour choir for ten years."
    )
    assert extract_at_a_glance(doc, "") == "I have sung in the harbour choir for ten years."
