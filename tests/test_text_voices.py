"""Words that tell no fact, event or stake of the story: a seller's copy, the reader's own step,
an unnamed member of the public as a speaker, and background dated in an earlier year. (A
question or a line opening inside a quotation is nobody's act: `test_roles`.)"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.analysis.analyse import analyse_articles
from generator.analysis.at_a_glance import extract_why_it_matters
from generator.analysis.key_facts import calls_out
from generator.analysis.timeline import extract_timeline
from generator.models import Article

STORY_DATE = dt.date(2019, 11, 19)


@pytest.mark.parametrize(
    ("sentence", "sells"),
    [
        ("Save $31 if you get a green console with your choice of game and a case.", True),
        ("Get it at the corner store for $20 while stocks last.", True),
        ("Luckily, the price of the Buds 3 fell today to the lowest price we have seen.", True),
        ("You can pick one up for $99 at most stores this week.", True),
        # Counter-examples: a price in news, or in someone's words, is a fact of the story.
        ("The firm paid $5m for the site on Tuesday, the filing shows.", False),
        ("We cut the price to $5 on Monday, the owner of the cafe said.", False),
        ('"We paid $5m for it," the chief executive told the meeting.', False),
        ("We signed a deal with the union on Monday, the chairman told reporters.", False),
        ("Once you divide the sum by 12 months, the cost is about $3.1 million a month.", False),
        ("The clubs are free to join, and they let you run up $40 of debt before any fee.", False),
        # Issue #21: product copy stresses words in capitals; acronyms and quoted stress stay.
        ("These unlocked handsets work ONLY with networks such as Vodafone and EE.", True),
        ("They WILL NOT WORK on older networks in rural areas of the country.", True),
        ("NASA said the UK and the EU would join the GSM talks in May.", False),
        ("The toolbar links a page to a shop when it finds a book's ISBN on the page.", False),
        ("NEW DELHI: Nearly 90 students returned home on Friday after their visas lapsed.", False),
        ('"I did NOT say that to anyone," the senator told reporters on Monday.', False),
    ],
)
def test_a_sellers_copy_is_no_fact(english, sentence, sells):
    assert calls_out(next(iter(english(sentence).sents))) is sells


def _events(english, text: str) -> list[str]:
    return [event.event for event in extract_timeline(english(text), STORY_DATE)]


def test_an_event_does_not_end_inside_brackets(english):
    text = (
        "About half of the games came out this year, one is a console exclusive (Glint), and "
        "almost all of them are sold elsewhere."
    )
    assert all(event.count("(") == event.count(")") for event in _events(english, text))


def test_a_time_that_comes_round_is_no_event_and_the_readers_step_none(english):
    text = "When March rolls around and the free trials begin, you should give it a try."
    assert _events(english, text) == []


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: the writer's verdict on the year's best apps is no event of that year.
        ("We rated the app as one of the best budgeting tools of 2019.", False),
        # Counter-examples: the writer's own dated acts.
        ("We launched the app on Monday after two years of work.", True),
        ("We rated the app highly in 2019 and again this year.", True),
    ],
)
def test_the_writers_verdict_on_a_years_things_is_no_event(english, text, dated):
    assert bool(_events(english, text)) is dated


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: the newsroom's method is no event; the date is the police's measure's.
        (
            "We chose to use a rough estimate of street price used by the county police in "
            "measuring a seizure in March 2019.",
            False,
        ),
        # Counter-examples: what the writer reports is the story's; an opinion's object too.
        ("We reported that the plant closed in May.", True),
        ("I think the council made a mistake in May.", True),
        # Issue #21: the writer's own present is no event; a company's "we" may announce one.
        ("I'm choosing my picks a little differently this year.", False),
        ("I will test the new headset next week.", False),
        ("We are opening two new stores next week.", True),
        # Issue #21: the writer's own past in a first-person page is no event either.
        ("Last year I reviewed the cheapest cordless drills on sale.", False),
        ("I tried the headset for a week in March.", False),
        ("I moved to the coast in March.", False),
    ],
)
def test_the_writers_own_act_dates_no_event_of_the_story(english, text, dated):
    assert bool(_events(english, text)) is dated


def test_a_time_clause_dates_the_clause_it_times(english):
    events = _events(english, "When Monday came, the army attacked the town.")
    assert events and all(not event.startswith("Monday came") for event in events)


def test_a_date_read_as_a_passive_subject_times_no_clause(english):
    """The parser reads "since 2016" as the subject of "were released": a misparse, not a
    time clause; the sentence is dated by its own day."""
    text = "Two climbers held by the rebels since 2016 were released Tuesday in a swap."
    events = extract_timeline(english(text), STORY_DATE)
    assert [event.date_text for event in events] == ["Tuesday"]


def test_a_platform_is_where_words_were_posted_not_who_said_them(english, gazetteer):
    paragraphs = (
        "Officials in Beijing confirmed a second case of the illness on Tuesday.",
        "Censors removed many posts about the case from Weibo, the social network.",
        '"Stop hiding things like this," one Weibo user wrote on Tuesday.',
        "A Kremlin spokesman said the talks would continue next week.",
        "Two-time world champion Ana Ruiz said: 'Of course, the crowd will be hard on him.'",
    )
    article = Article("t.md", "t", "Second case", paragraphs, date=STORY_DATE)
    (brief,) = analyse_articles([article], english, gazetteer)
    speakers = {quote.text: quote.speaker for quote in brief.quotes_found}
    assert speakers["Stop hiding things like this"] is None
    assert speakers["the talks would continue next week"] == "Kremlin"
    assert speakers["Of course, the crowd will be hard on him"] == "Ana Ruiz"


def test_background_dated_in_an_earlier_year_is_no_stake(english):
    text = (
        "Ruritania struck a deal with its creditors on Tuesday to restructure its bonds. "
        "Ruritania defaulted on its debt in December 2001, the biggest default ever at the time."
    )
    assert extract_why_it_matters(english(text), article_date=STORY_DATE) is None
    assert extract_why_it_matters(english(text)) is not None


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: the writer's own lasting state is no event of the story.
        ("I've been worrying about my garden a great deal this year.", False),
        ("I’ve been worrying about my garden a great deal this year.", False),
        ("We have been on the road since March.", False),
        # Counter-example: a company's "we", a perfect that tells an act.
        ("We have opened a second shop this year.", True),
    ],
)
def test_the_writers_own_state_dates_no_event(english, text, dated):
    assert bool(_events(english, text)) is dated


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: what something is today is a state, no event of the day.
        ("Today, such infections are rare in the region.", False),
        ("The car is only a concept today, the firm says.", False),
        ("The firm says the car may only be a concept today.", False),
        # Counter-examples: what happens today, and a day's own noun.
        ("The show opens today in Leeds.", True),
        ("Today is the deadline for applications.", True),
        ("The minister is in Paris today for talks.", True),
        ("The minister will be in Paris today for talks.", True),
        ("The talks may open today in Geneva.", True),
    ],
)
def test_what_something_is_today_is_no_event(english, text, dated):
    assert bool(_events(english, text)) is dated
