"""Tests for `generator.analysis.one_place`: a brief in, the brief (or page) with each statement
in at most two places and the page shorter than its article out."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from generator.analysis.one_place import (
    is_from,
    keep_to_two_places,
    principals,
    words_of,
)
from generator.analysis.page_length import (
    PAGE_SHARE,
    fit_to_page,
    page_words,
)
from generator.models import Actor, Article, Brief, KeyFact, Quote, TimelineEvent
from tests.made_actors import person as made_person

FILLER = "word"
FURNITURE = " ".join(["furniture"] * 250)
"""What a page holds beside the article's words: headings, actors, related reading."""


def sentence(topic: str, words: int) -> str:
    """A sentence of `words` words about a topic, its own words distinct from any other's."""
    return f"{topic.capitalize()} " + " ".join(f"{topic}{n}" for n in range(words - 1)) + "."


def article(words: int) -> Article:
    return Article(path="a.md", slug="a", title="A", paragraphs=(" ".join([FILLER] * words),))


def person(name: str, actions: tuple[str, ...] = ()) -> Actor:
    return made_person(name, role="minister", mentions=2, actions=actions)


def brief(body_words: int = 400, **fields: object) -> Brief:
    values: dict[str, object] = {
        "article": article(body_words),
        "at_a_glance": "Jane Roe resigned as minister on Monday after the vote.",
        "why_it_matters": None,
        "key_facts": (),
        "actors": (person("Jane Roe"),),
        "timeline": (),
        "quotes": (),
        "tags": (),
    }
    values.update(fields)
    return Brief(**values)  # type: ignore[arg-type]


def plain_page(shown: Brief) -> str:
    """A page of every text the brief shows, one a line, labels as the brief's page has them."""
    lines = [FURNITURE, shown.at_a_glance, shown.why_it_matters or ""]
    lines += [fact.text for fact in shown.key_facts]
    lines += [f"{event.date_text}: {event.event}" for event in shown.timeline]
    lines += [f"{quote.text} — {quote.speaker}" for quote in shown.quotes]
    lines += [action for actor in shown.actors for action in actor.actions]
    return "\n".join(lines)


def quote(speaker: str, text: str, index: int) -> Quote:
    return Quote(text=text, context=text, speaker=speaker, kind="direct", sentence_index=index)


def event(text: str, date: str, index: int, is_expected: bool = False) -> TimelineEvent:
    return TimelineEvent(date, date, "year", text, index, is_expected)


def test_words_are_a_readers_without_added_names_or_escapes():
    assert words_of(r"He \[William Ruto\] said it's \*done\*.") == (
        "he",
        "said",
        "it",
        "s",
        "done",
    )
    assert page_words("---\ntitle: x y z\n---\n# A [B](actors/b.md)\n<div markdown>c</div>\n") == 3


def test_a_clause_without_the_sentences_insert_comes_from_that_sentence():
    whole = words_of("Okafor, a lifelong Londoner, became a sort of compass for them.")
    assert is_from(words_of("Okafor became a sort of compass for them"), whole)
    assert not is_from(words_of("a sort of compass for Okafor"), whole)
    # A short piece must be a run of the sentence's words, or it would come from any sentence.
    assert is_from(words_of("a lifelong Londoner"), whole)
    assert not is_from(words_of("Okafor became"), whole)


def test_an_actors_clause_of_a_key_fact_sentence_is_not_shown_again(english):
    text = (
        "Jane Roe resigned on Monday. "
        "For Jane Roe, who has led the party since 2019, the defeat is also significant."
    )
    facts = (KeyFact(text="For Jane Roe, who has led the party since 2019, the defeat is also "
                     "significant.", sentence_index=1),)  # fmt: skip
    action = "Jane Roe has led the party since 2019"
    shown = keep_to_two_places(
        brief(key_facts=facts, actors=(person("Jane Roe", (action,)),)), english(text)
    )
    assert shown.actors[0].actions == ()


def test_a_short_article_keeps_everything():
    facts = tuple(KeyFact(sentence(f"f{n}", 30), n) for n in range(5))
    whole = brief(body_words=300, key_facts=facts)
    assert fit_to_page(whole, plain_page) == plain_page(whole)


def test_a_page_too_long_gives_up_what_an_analyst_needs_least_first():
    facts = tuple(KeyFact(sentence(f"fact{n}", 20), n) for n in range(4))
    events = (
        event(sentence("visit", 12), "2000", 3),
        event(sentence("invasion", 12), "2022", 4),
        event(sentence("forecast", 12), "2026", 5, is_expected=True),
    )
    quotes = (
        quote("John Doe", sentence("aide", 15), 6),
        quote("Jane Roe", sentence("principal", 15), 7),
        quote("John Doe", sentence("again", 15), 8),
    )
    # Room beside the first three key facts, which go last (`test_the_first_three_key_facts_...`).
    limit = 250 + 110 + 30
    whole = brief(
        body_words=int(limit / PAGE_SHARE),
        key_facts=facts,
        timeline=events,
        quotes=quotes,
        # John Doe speaks without a card (a carded person's first quote outlasts the events).
        actors=(person("Jane Roe", (sentence("did", 10),)), person("Max Poe", ("He waved.",))),
    )
    page = fit_to_page(whole, plain_page)
    assert page_words(page) <= limit
    # Kept: the lead, the first key fact, what the principal said and did, the story's dated
    # and expected events (what a timeline is read for).
    kept = (
        whole.at_a_glance,
        *(f.text for f in facts[:3]),
        quotes[1].text,
        whole.actors[0].actions[0],
    )
    for text in (*kept, events[0].event, events[1].event, events[2].event):
        assert text in page
    # Given up: the other actor's action, a speaker's second quote, then key facts and other
    # voices, the last told first, before the forecast.
    for gone in ("He waved.", quotes[2].text, facts[3].text):
        assert gone not in page


def test_dated_events_outlast_later_key_facts_and_other_voices():
    facts = tuple(KeyFact(sentence(topic, 20), n) for n, topic in enumerate(("a", "b", "c", "d")))
    events = (event(sentence("visit", 12), "2000", 5), event(sentence("invasion", 12), "2022", 6))
    quotes = (
        quote("Jane Roe", sentence("principal", 10), 2),
        quote("John Doe", sentence("aide", 10), 3),
    )
    whole = brief(key_facts=facts, timeline=events, quotes=quotes)
    # Room for one of the three pieces beyond what always stays.
    bare = brief(key_facts=facts[:3], quotes=quotes[:1])
    limit = page_words(plain_page(bare)) + 16
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    assert events[0].event not in page or events[1].event not in page
    assert events[0].event in page or events[1].event in page
    assert facts[3].text not in page and quotes[1].text not in page


def test_an_event_a_quote_shows_with_its_speaker_gives_way_first():
    said = "Jane Roe told reporters on Monday that the vote had been fair and final."
    quoted = quote("Jane Roe", "the vote had been fair and final", 2)
    facts = (KeyFact(sentence("first", 20), 0), KeyFact(sentence("second", 20), 1))
    whole = brief(key_facts=facts, timeline=(event(said, "Monday", 2),), quotes=(quoted,))
    limit = page_words(plain_page(whole)) - 5
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    assert said not in page
    assert quoted.text in page and facts[1].text in page


def test_a_later_key_fact_the_timeline_states_gives_way_before_other_facts():
    dated = sentence("dated", 20)
    leading = tuple(KeyFact(sentence(topic, 20), n) for n, topic in enumerate(("a", "b", "c")))
    facts = (*leading, KeyFact(dated, 3), KeyFact(sentence("n", 20), 4))
    timeline = (event(dated, "2023", 3),)
    limit = page_words(plain_page(brief(key_facts=facts, timeline=timeline))) - 10
    whole = brief(body_words=int(limit / PAGE_SHARE), key_facts=facts, timeline=timeline)
    page = fit_to_page(whole, plain_page)
    assert page.count(dated) == 1 and f"2023: {dated}" in page
    assert facts[4].text in page


def test_the_first_three_key_facts_outlast_every_other_section():
    # A story told in many dated sentences: the timeline, quotes and actors' lines give way
    # before the brief's own first three facts, restated in the timeline or not.
    facts = tuple(KeyFact(sentence(topic, 20), n) for n, topic in enumerate(("a", "b", "c", "d")))
    events = (event(facts[1].text, "2019", 1), event(sentence("visit", 12), "2000", 5))
    quotes = (quote("Jane Roe", sentence("principal", 15), 6),)
    actors = (person("Jane Roe", (sentence("did", 10),)),)
    whole = brief(key_facts=facts, timeline=events, quotes=quotes, actors=actors)
    limit = page_words(plain_page(brief(key_facts=facts[:3]))) + 2
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    assert all(fact.text in page for fact in facts[:3])
    for gone in (facts[3].text, events[1].event, quotes[0].text, actors[0].actions[0]):
        assert gone not in page


def test_an_event_a_leading_key_fact_holds_gives_way_before_other_events():
    facts = tuple(KeyFact(sentence(topic, 20), n) for n, topic in enumerate(("a", "b", "c")))
    events = (event(facts[1].text, "2019", 1), event(sentence("visit", 12), "2000", 5))
    whole = brief(key_facts=facts, timeline=events)
    limit = page_words(plain_page(brief(key_facts=facts, timeline=events[1:]))) + 2
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    assert f"2000: {events[1].event}" in page
    assert f"2019: {facts[1].text}" not in page and facts[1].text in page


def test_the_principal_is_whom_the_lead_names():
    assert principals(brief(actors=(person("John Doe"), person("Jane Roe")))) == {"Jane Roe"}
    assert principals(brief(at_a_glance="Rain fell.", actors=(person("John Doe"),))) == {"John Doe"}


@given(
    fact_words=st.lists(st.integers(6, 40), max_size=6),
    event_words=st.lists(st.integers(6, 40), max_size=6),
    quote_words=st.lists(st.integers(1, 40), max_size=6),
    body_words=st.integers(301, 900),
)
def test_a_fitted_page_is_shorter_than_its_article_or_holds_only_what_always_stays(
    fact_words, event_words, quote_words, body_words
):
    facts = tuple(KeyFact(sentence(f"f{n}", w), n) for n, w in enumerate(fact_words))
    events = tuple(event(sentence(f"e{n}", w), "2020", n) for n, w in enumerate(event_words))
    quotes = tuple(quote("John Doe", sentence(f"q{n}", w), n) for n, w in enumerate(quote_words))
    whole = brief(body_words, key_facts=facts, timeline=events, quotes=quotes)
    page = fit_to_page(whole, plain_page)
    always = brief(body_words, key_facts=facts[:1])
    assert page_words(page) <= PAGE_SHARE * body_words or page == plain_page(always)
    assert whole.at_a_glance in page
    assert not facts or facts[0].text in page


def test_a_country_the_lead_names_after_its_subject_is_no_principal():
    kenya = Actor("kenya", "Kenya", "country", None, ("Nairobi",), 6)
    lead = "Kenyan President William Ruto said he would not sign the bill, after a day in Nairobi."
    actors = (kenya, person("William Ruto"))
    assert principals(brief(at_a_glance=lead, actors=actors)) == {"William Ruto"}
    korea = Actor("north-korea", "North Korea", "country", None, (), 6)
    lead = "North Korea launched 600 balloons towards South Korea, its military said."
    assert principals(brief(at_a_glance=lead, actors=(korea,))) == {"North Korea"}


def test_a_principal_without_a_role_keeps_a_line_the_lead_shows_and_gets_its_card(english):
    text = "Jane Roe won the final on Sunday in Leeds. John Doe finished second behind her."
    lead = "Jane Roe won the final on Sunday in Leeds."
    roe = replace(person("Jane Roe", ("Jane Roe won the final on Sunday in Leeds",)), role=None)
    doe = replace(person("John Doe", ("John Doe finished second behind her",)), role=None)
    shown = keep_to_two_places(brief(at_a_glance=lead, actors=(roe, doe)), english(text))
    assert shown.actors[0].actions == ("Jane Roe won the final on Sunday in Leeds",)
    assert shown.boxed_actors == shown.actors
    # Another actor's line that the lead shows is not shown again.
    other = keep_to_two_places(
        brief(at_a_glance=lead, actors=(replace(doe, actions=roe.actions), roe)), english(text)
    )
    assert other.actors[0].actions == ()


def test_a_principals_line_the_lead_shows_whole_gives_way_before_dated_events():
    lead = "Jane Roe won the final on Sunday in Leeds."
    events = (event(sentence("invasion", 12), "2022", 4),)
    limit = 250 + 30
    whole = brief(
        body_words=int(limit / PAGE_SHARE),
        at_a_glance=lead,
        timeline=events,
        actors=(person("Jane Roe", ("Jane Roe won the final on Sunday in Leeds",)),),
    )
    page = fit_to_page(whole, plain_page)
    assert events[0].event in page
    assert "Jane Roe won the final on Sunday in Leeds\n" not in f"{page}\n"


def test_a_person_quoted_twice_or_more_gets_a_card_with_the_count(english):
    """A voice of the story, whose words fill the Quotes section, is carded even when the
    lead and quotes leave it no line of its own; a speaker quoted once and named once is
    not (one named again is: `test_story_principals`)."""
    # After a lead about neither: the lead's subjects are carded (`lead_subjects`).
    text = "The hall was full. The band played. Jane Roe spoke. John Doe spoke."
    said = [("We won", "Jane Roe"), ("It was hard", "Jane Roe"), ("Thanks", "John Doe")]
    quotes = tuple(
        Quote(text=words, context=words, speaker=who, kind="direct", sentence_index=0)
        for words, who in (*said, ("We won", "Jane Roe"))
    )
    roe, doe = (replace(person(name), role=None) for name in ("Jane Roe", "John Doe"))
    doe = replace(doe, mentions=1)
    shown = keep_to_two_places(brief(actors=(doe, roe), quotes=quotes), english(text))
    assert [(a.name, a.quoted) for a in shown.boxed_actors] == [("Jane Roe", 2)]
    assert [a.name for a in shown.named_actors] == ["John Doe"]
    # A body the article quotes is carded with its count too: its statements are the body's.
    body = replace(person("Acme"), kind="organisation", role=None)
    acme = tuple(replace(quote, speaker="Acme") for quote in quotes)
    carded = keep_to_two_places(brief(actors=(body,), quotes=acme), english(text)).boxed_actors
    assert [(a.name, a.quoted) for a in carded] == [("Acme", 3)]
    # A second voice quoted twice is carded too, not only the one quoted most.
    more = (*quotes, replace(quotes[2], text="See you soon", context="See you soon"))
    both = keep_to_two_places(brief(actors=(doe, roe), quotes=more), english(text))
    assert [(a.name, a.quoted) for a in both.boxed_actors] == [("John Doe", 2), ("Jane Roe", 2)]


def test_a_page_shows_no_partial_quote_credited_to_no_one(english):
    # Issue #21: "the “Netflix of games”" under "speaker not named" is the writer's own term.
    text = (
        "Critics call the service the “Netflix of games” in reviews. "
        "Jane Roe said the service was “a fair deal for players” on Monday."
    )
    term = Quote("Netflix of games", text.split(". ")[0] + ".", None, "partial", 0)
    said = Quote("a fair deal for players", text.split(". ")[1], "Jane Roe", "partial", 1)
    shown = keep_to_two_places(brief(quotes=(term, said)), english(text))
    assert shown.quotes == (said,)


def test_a_first_person_page_shows_no_quotation_credited_to_no_one(english):
    # Issue #21: a blog's "“Ugh! I know I have to start!”" is the writer's imagined voice.
    text = (
        "I have written about fear before, and my advice is the one I gave then. "
        "“Ugh! I know I have to start but it feels huge!” "
        "Jane Roe, who coaches writers, said: “Fear is normal.”"
    )
    thought = Quote("Ugh! I know I have to start but it feels huge!", "", None, "direct", 1)
    said = Quote("Fear is normal.", "", "Jane Roe", "direct", 2)
    shown = keep_to_two_places(brief(quotes=(thought, said)), english(text))
    assert shown.quotes == (said,)


def test_a_third_person_page_shows_a_quotation_whose_speaker_is_not_named(english):
    text = "Police searched the flat on Monday. “Open the door! We are coming in!”"
    shout = Quote("Open the door! We are coming in!", "", None, "direct", 1)
    assert keep_to_two_places(brief(quotes=(shout,)), english(text)).quotes == (shout,)


def test_the_headlines_subject_gets_a_card_with_no_line_of_its_own(english):
    """ "NASA adds five companies ...": the lead shows what NASA did, so NASA keeps no line,
    yet the story's subject is carded; a place is not, nor "us" written in lower case."""
    # After a lead about neither: the lead's subjects are carded (`lead_subjects`).
    text = "The day was warm. Crowds came. NASA said it added five companies. Houston hosted it."
    lead = "NASA said it added five companies."
    # Named twice: not so often that its count alone makes it a principal (`most_named`).
    nasa = Actor("nasa", "NASA", "organisation", None, (), 2, (lead.rstrip("."),))
    houston = Actor("houston", "Houston", "place", None, (), 1)
    america = Actor("united-states", "United States", "country", None, ("US",), 2)
    actors = (houston, america, nasa)
    for title, carded in [
        ("Houston event: NASA adds five companies", ["NASA"]),
        ("Tell us about the five companies", []),
    ]:
        whole = brief(at_a_glance=lead, actors=actors)
        whole = replace(whole, article=replace(whole.article, title=title))
        shown = keep_to_two_places(whole, english(text))
        assert [a.name for a in shown.boxed_actors] == carded
        assert shown.actors[2].actions == ()


def test_a_person_the_headline_asks_about_is_its_subject_though_they_do_nothing(english):
    """A fact-check asks "Does Jane Roe own a yacht?" and tells of Roe only as an object: named
    in full and again in the article, she is its subject; named once and doing nothing, or by
    one word the model typed a person, she is not."""
    text = "A post claimed that Jane Roe owns a yacht. Records show no boat in Roe's name."
    roe = replace(person("Jane Roe"), role=None, aliases=("Roe",))
    title = "Does Jane Roe own a yacht?"
    # A lone word typed a person ("Roe" the model's guess) is too thin to card for that.
    for name, mentions, carded in [
        ("Jane Roe", 2, ["Jane Roe"]),
        ("Jane Roe", 1, []),
        ("Roe", 2, []),
    ]:
        whole = brief(actors=(replace(roe, name=name, mentions=mentions),))
        whole = replace(whole, article=replace(whole.article, title=title))
        shown = keep_to_two_places(whole, english(text))
        assert [a.name for a in shown.boxed_actors] == carded


def test_a_quote_whose_statement_a_key_fact_states_is_not_quoted_again(english):
    """One statement, one place: a partial quote and the key fact that holds its sentence."""
    text = (
        "The mayor opened the bridge on Friday. "
        "Jane Roe said the old crossing had been “a danger to every cyclist” for years."
    )
    fact = KeyFact(text.split(". ")[1], 1)
    fragment = Quote(
        "a danger to every cyclist",
        "the old crossing had been “a danger to every cyclist” for years",
        "Jane Roe",
        "partial",
        1,
    )
    shown = keep_to_two_places(brief(key_facts=(fact,), quotes=(fragment,)), english(text))
    assert shown.key_facts == (fact,)
    assert shown.quotes == ()
    # Without the key fact, the quote shows the statement.
    assert keep_to_two_places(brief(quotes=(fragment,)), english(text)).quotes == (fragment,)


def test_a_reported_statement_a_quotation_of_its_sentence_holds_is_not_quoted_again(english):
    text = (
        "John Doe said he was not worried about the cost of the road, "
        "but he did fear “a long delay” if the council voted again."
    )
    reported = Quote(
        "he was not worried about the cost of the road", text, "John Doe", "reported", 0
    )
    fragment = Quote("a long delay", text, "John Doe", "partial", 0)
    other = Quote(
        "the vote was fair", "Jane Roe said the vote was fair.", "Jane Roe", "reported", 1
    )
    shown = keep_to_two_places(
        brief(quotes=(reported, fragment, other)),
        english(f"{text} Jane Roe said the vote was fair."),
    )
    assert shown.quotes == (fragment, other)


def test_a_phrase_quoted_again_from_a_quotation_shown_is_one_statement(english):
    """A partial quote of words the speaker's whole quotation holds, before or after it."""
    whole_text = "My job was no side channel, but the proper channel."
    text = (
        f"Jane Roe said she had kept every rule. “{whole_text}” she told the panel. "
        "Roe said her job had been “no side channel” at any point."
    )
    fragment = Quote(
        "no side channel",
        "Roe said her job had been “no side channel” at any point",
        "Jane Roe",
        "partial",
        2,
    )
    whole = Quote(whole_text, whole_text, "Jane Roe", "direct", 1)
    other = Quote("no side channel", fragment.context, "John Doe", "partial", 2)
    shown = keep_to_two_places(brief(quotes=(fragment, whole)), english(text))
    assert shown.quotes == (whole,)
    # A short quotation before the whole one that holds it.
    short = Quote("No side channel", "“No side channel,” she said.", "Jane Roe", "direct", 0)
    assert keep_to_two_places(brief(quotes=(short, whole)), english(text)).quotes == (whole,)
    # Another speaker's words are another statement.
    assert keep_to_two_places(brief(quotes=(other, whole)), english(text)).quotes == (other, whole)


def test_a_principals_line_is_no_statement_a_quote_shows(english):
    text = "Jane Roe won the final on Sunday. Jane Roe said the win was “the best day of my life”."
    lead = "Jane Roe won the final on Sunday."
    said = "Jane Roe said the win was “the best day of my life”"
    roe = replace(person("Jane Roe", (said,)), role=None)
    fragment = Quote("the best day of my life", said, "Jane Roe", "partial", 1)
    shown = keep_to_two_places(
        brief(at_a_glance=lead, actors=(roe,), quotes=(fragment,)), english(text)
    )
    assert shown.quotes == (fragment,)
    assert shown.actors[0].actions == ()


def test_a_caption_shown_as_the_lead_leaves_the_sentence_it_ran_into_to_the_key_facts(english):
    # The page ran a photo's caption (no full stop) into the story's first sentence: the lead
    # shows the caption, and the sentence after it is a sentence of its own, no place of it.
    caption = "Accused: Mark Lowe, 41, of Leeds, has denied three counts of fraud"
    first = (
        "A former bank clerk who moved money from the accounts of his older customers has gone "
        "on trial."
    )
    doc = english(f"{caption} {first} He told the court he had meant to pay it back.")
    facts = (KeyFact(text=first, sentence_index=1),)
    shown = keep_to_two_places(brief(at_a_glance=f"{caption}.", key_facts=facts), doc)
    assert shown.key_facts == facts


def test_every_voice_is_heard_once_before_the_principal_is_heard_again():
    quotes = (
        quote("Jane Roe", sentence("first", 15), 2),
        quote("Jane Roe", sentence("second", 15), 3),
        quote("Jane Roe", sentence("third", 15), 4),
        quote("John Doe", sentence("reply", 15), 5),
    )
    events = (event(sentence("vote", 12), "2021", 6),)
    whole = brief(quotes=quotes, timeline=events)
    # Room for the principal's first quote, the other side's reply and the dated event.
    kept = brief(quotes=(quotes[0], quotes[3]), timeline=events)
    limit = page_words(plain_page(kept)) + 2
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    for heard in (quotes[0].text, quotes[3].text, events[0].event):
        assert heard in page
    assert quotes[1].text not in page and quotes[2].text not in page


def test_a_forecast_outlasts_a_speakers_second_quote():
    quotes = (
        quote("John Doe", sentence("aide", 15), 2),
        quote("John Doe", sentence("more", 15), 3),
    )
    events = (event(sentence("election", 12), "2027", 4, is_expected=True),)
    whole = brief(quotes=quotes, timeline=events)
    limit = page_words(plain_page(brief(quotes=quotes[:1], timeline=events))) + 2
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    assert events[0].event in page and quotes[0].text in page
    assert quotes[1].text not in page


def page_with_cards(shown: Brief) -> str:
    """`plain_page` and a card for each boxed actor, as the brief's page boxes them."""
    cards = [
        f"{a.name} · {a.kind} Role: {a.role} Mentions: {a.mentions}" for a in shown.boxed_actors
    ]
    return "\n".join([plain_page(shown), *cards])


def test_a_card_whose_role_a_key_fact_gives_goes_before_a_voice():
    deputy = made_person("John Doe", role="deputy finance minister", mentions=1)
    facts = (
        KeyFact(sentence("first", 20), 0),
        KeyFact("The talks were held with deputy finance minister John Doe in the capital.", 1),
    )
    quotes = (quote("Max Poe", sentence("reply", 15), 3),)
    whole = brief(key_facts=facts, quotes=quotes, actors=(person("Jane Roe"), deputy))
    kept = brief(key_facts=facts, quotes=quotes)
    limit = page_words(page_with_cards(kept)) + 3
    shown = replace(whole, article=article(int(limit / PAGE_SHARE) + 1))
    page = fit_to_page(shown, page_with_cards)
    assert quotes[0].text in page and "Role: deputy finance minister" not in page
    # Where no other place gives the role, the card stays and the voice gives way.
    alone = replace(shown, key_facts=(*facts[:1], KeyFact(sentence("other", 13), 1)))
    page = fit_to_page(alone, page_with_cards)
    assert "Role: deputy finance minister" in page and quotes[0].text not in page


def _page_with_cards(shown: Brief) -> str:
    cards = [
        f"{a.name} {a.kind} Mentions {a.mentions} Quoted {a.quoted}" for a in shown.boxed_actors
    ]
    return "\n".join([plain_page(shown), *cards])


def test_a_side_bodys_card_for_its_quotes_gives_way_before_dated_events():
    events = (event(sentence("invasion", 12), "2022", 4),)
    body = Actor("fen-water-agency", "Fen Water Agency", "organisation", None, (), 1, quoted=1)
    whole = brief(timeline=events, actors=(person("Jane Roe"), body))
    full = page_words(_page_with_cards(whole))
    # Room for all but the card: the dated event stays, the body is listed with those named.
    tight = fit_to_page(
        replace(whole, article=article(int((full - 3) / PAGE_SHARE))), _page_with_cards
    )
    assert events[0].event in tight
    assert "Fen Water Agency" not in tight
    # Room for all: the card stays.
    roomy = fit_to_page(
        replace(whole, article=article(int(full / PAGE_SHARE) + 1)), _page_with_cards
    )
    assert "Fen Water Agency organisation" in roomy


def test_a_carded_persons_first_quote_outlasts_dated_events_and_an_uncarded_voice():
    quotes = (
        quote("Jane Roe", sentence("principal", 10), 2),
        quote("Ann Lee", sentence("treasurer", 10), 3),
        quote("Bo Park", sentence("bystander", 10), 4),
    )
    events = (event(sentence("visit", 12), "2000", 5), event(sentence("invasion", 12), "2022", 6))
    actors = (person("Jane Roe"), person("Ann Lee"))
    whole = brief(quotes=quotes, timeline=events, actors=actors)
    # Room for the principal's and the carded treasurer's quotes and one dated event.
    kept = brief(quotes=quotes[:2], timeline=events[:1], actors=actors)
    limit = page_words(plain_page(kept)) + 2
    page = fit_to_page(replace(whole, article=article(int(limit / PAGE_SHARE) + 1)), plain_page)
    assert quotes[0].text in page and quotes[1].text in page
    assert quotes[2].text not in page
    assert events[0].event not in page or events[1].event not in page
