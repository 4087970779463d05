"""Tests for `generator.analysis.quotes` and `quote_marks`: articles in, quotes and speakers out."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span

from generator.analysis.language import load_model
from generator.analysis.quote_marks import find_quotations
from generator.analysis.quotes import extract_quotes
from generator.models import Actor, Quote
from tests.made_actors import person

SEED = Path(__file__).parent.parent / "content" / "000_bc6acdc5faa14e28.txt"
SEED_FIRST = "Russian President Vladimir Putin arrived"
SEED_LAST = "Putin's visit reciprocates"

ACTORS = {
    "Jane Smith": "Jane Smith",
    "Smith": "Jane Smith",
    "Vladimir Putin": "Vladimir Putin",
    "Putin": "Vladimir Putin",
    "Yuri Ushakov": "Yuri Ushakov",
    "Ushakov": "Yuri Ushakov",
    "John Kirby": "John Kirby",
    "Kirby": "John Kirby",
    "Kim Jong Un": "Kim Jong Un",
    "Norman Cook": "Norman Cook",
    "Biden": "Joe Biden",
    "CNN": "CNN",
    "Reuters": "Reuters",
    "Zentrix Corp": "Zentrix Corp",
    "Amnesty International": "Amnesty International",
    "Harlow Tenants Union": "Harlow Tenants Union",
    "Brightway Homes": "Brightway Homes",
}


def speaker_name(span: Span) -> str | None:
    """Stand in for the actor extractor: look the span's text up in ACTORS."""
    text = span.text.strip().removesuffix("'s").removesuffix("’s")
    return ACTORS.get(text)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def quotes_in(nlp: Language, text: str) -> tuple[Quote, ...]:
    return extract_quotes(nlp(text), speaker_name, actors=())


CASES = [
    pytest.param(
        '"SMITH: We will win this fight, and we will win it soon."',
        [("direct", "We will win this fight, and we will win it soon.", "Smith")],
        id="a-transcript-line-is-the-labelled-speakers",
    ),
    pytest.param(
        "Jane Smith and John Kirby said the talks had failed.",
        [("reported", "the talks had failed", "Jane Smith and John Kirby")],
        id="speakers-joined-by-and-speak-together",
    ),
    pytest.param(
        'In a statement, Peabody said: "The company was highly successful a decade ago."',
        [("direct", "The company was highly successful a decade ago.", "Peabody")],
        id="a-speaker-who-is-no-actor-keeps-the-name-the-article-gives",
    ),
    pytest.param(
        'As Jane Smith put it, the plan is "a recipe for disaster and nothing else."',
        [
            (
                "partial",
                "a recipe for disaster and nothing else.",
                "Jane Smith",
            )
        ],
        id="as-someone-put-it",
    ),
    pytest.param(
        '"We will win this fight," Jane Smith said.',
        [("direct", "We will win this fight", "Jane Smith")],
        id="direct-before-said",
    ),
    pytest.param(
        'Jane Smith said: "We will win this fight."',
        [("direct", "We will win this fight.", "Jane Smith")],
        id="direct-after-said",
    ),
    pytest.param(
        '"We will win this fight," said Jane Smith, the party leader.',
        [("direct", "We will win this fight", "Jane Smith")],
        id="said-before-speaker",
    ),
    pytest.param(
        "“We will win this fight,” Jane Smith said.",
        [("direct", "We will win this fight", "Jane Smith")],
        id="curly-quotes",
    ),
    pytest.param(
        '"We will win this fight. Nobody can stop us now," Jane Smith said.',
        [("direct", "We will win this fight. Nobody can stop us now", "Jane Smith")],
        id="multi-sentence",
    ),
    pytest.param(
        'Jane Smith said the plan was "a disaster for the whole country" and would fail.',
        [("partial", "a disaster for the whole country", "Jane Smith")],
        id="partial",
    ),
    pytest.param(
        "Ushakov emphasized that the agreement is intended to ensure greater stability.",
        [("reported", "the agreement is intended to ensure greater stability", "Yuri Ushakov")],
        id="reported-that",
    ),
    pytest.param(
        "Yuri Ushakov, Putin's aide, said that the trip would feature a busy agenda.",
        [("reported", "the trip would feature a busy agenda", "Yuri Ushakov")],
        id="apposition-speaker",
    ),
    pytest.param(
        'Jane Smith arrived in Paris on Monday. "We will win this fight," she said.',
        [("direct", "We will win this fight", "Jane Smith")],
        id="pronoun-speaker",
    ),
    pytest.param(
        'The talks would cover "a busy agenda of trade and security", according to Reuters.',
        [("partial", "a busy agenda of trade and security", "Reuters")],
        id="according-to",
    ),
    pytest.param(
        'Jane Smith said: "We will win this fight."\n\n"Nobody can stop us now."',
        [
            ("direct", "We will win this fight.", "Jane Smith"),
            ("direct", "Nobody can stop us now.", "Jane Smith"),
        ],
        id="quote-continues-next-paragraph",
    ),
    pytest.param(
        "Reuters covered the talks. The member countries met in Seoul. "
        "They said the team would publish regular reports.",
        [],
        id="they-refers-to-an-unnamed-group",
    ),
    pytest.param(
        "Ushakov said the talks went well; Kirby later confirmed that the deal was signed.",
        [
            ("reported", "the talks went well", "Yuri Ushakov"),
            ("reported", "the deal was signed", "John Kirby"),
        ],
        id="semicolon-ends-the-reported-clause",
    ),
    pytest.param(
        "Ushakov said the talks went well, according to a reporter of the Kyiv Post.",
        [("reported", "the talks went well", "Yuri Ushakov")],
        id="a-source-named-after-the-report-is-no-part-of-it",
    ),
    pytest.param(
        "Jane Smith put it bluntly:\n\n“We will win this fight.”",
        [("direct", "We will win this fight.", "Jane Smith")],
        id="colon-introduces-next-paragraph",
    ),
    pytest.param(
        "“We will win this fight.” ― Jane Smith",
        [("direct", "We will win this fight.", "Jane Smith")],
        id="dash-sign-off",
    ),
    pytest.param(
        "“The show was really great, and the staff were kind to us.”\n\n– Man**\n\n"
        "“Beautiful costumes and a wonderful cast on the night.”\n\n– Ali***",
        [
            ("direct", "The show was really great, and the staff were kind to us.", "Man**"),
            ("direct", "Beautiful costumes and a wonderful cast on the night.", "Ali***"),
        ],
        id="a-reviews-sign-off-on-its-own-line",
    ),
    pytest.param(
        "“We will win this fight.”\n\n– and a list item of the page that runs on for words",
        [("direct", "We will win this fight.", None)],
        id="a-long-dashed-line-is-no-sign-off",
    ),
    pytest.param(
        "But you may still ask yourself, “What if I had kept going that day?”",
        [],
        id="the-readers-imagined-words-are-no-quote",
    ),
    pytest.param(
        'Jane Smith disputed Kirby\'s claim that the talks were "going nowhere at all."',
        [("partial", "going nowhere at all.", "John Kirby")],
        id="possessor-of-a-speech-noun",
    ),
    pytest.param(
        'Churchill\'s speech marked the start of the "Iron Curtain" era in Europe.',
        [],
        id="unattributed-scare-quote-ignored",
    ),
    pytest.param(
        'The diplomats talked about a so-called "peace dividend" for hours.',
        [],
        id="lower-case-scare-quote-ignored",
    ),
    pytest.param(
        'Jane Smith called the plan "reckless" on Monday.',
        [("partial", "reckless", "Jane Smith")],
        id="short-quote-kept-when-a-verb-attributes-it",
    ),
    pytest.param(
        '"The war is over and the soldiers are going home." The news spread quickly.',
        [("direct", "The war is over and the soldiers are going home.", None)],
        id="no-speaker-is-none",
    ),
    pytest.param(
        '"We will win this fight," a spokesman said.',
        [("direct", "We will win this fight", None)],
        id="unknown-speaker-is-none",
    ),
    pytest.param(
        "Jane Smith said one member of the council had not supported the cut; Austria's "
        "central bank governor, Kirby, later confirmed that he had voted against it.",
        [
            ("reported", "one member of the council had not supported the cut", "Jane Smith"),
            ("reported", "he had voted against it", "John Kirby"),
        ],
        id="semicolon-after-the-verb-ends-the-reported-clause",
    ),
    pytest.param(
        "Jane Smith told Kirby that the country was engaged in a hard fight to defend its "
        "borders and said the army would never give up.",
        [
            (
                "reported",
                "the country was engaged in a hard fight to defend its borders",
                "Jane Smith",
            ),
            ("reported", "the army would never give up", "Jane Smith"),
        ],
        id="no-dangling-and-after-the-reported-clause",
    ),
    pytest.param(
        "Jane Smith noted that wage growth remained strong and said inflation was likely to "
        "stay above target well into next year.",
        [
            ("reported", "wage growth remained strong", "Jane Smith"),
            (
                "reported",
                "inflation was likely to stay above target well into next year",
                "Jane Smith",
            ),
        ],
        id="speech-verb-joined-inside-the-report-is-a-second-statement",
    ),
    pytest.param(
        "First Vice Foreign Minister Kirby told the ambassador that any cooperation helping "
        "North Korea to build up its military breaches resolutions of the council, and urged "
        "Russia to stop its military cooperation with Pyongyang, Jane Smith said.",
        # The ministry reports what the minister told the ambassador: the words are his, and
        # neither his framing nor his second statement ("and urged ...") is part of them.
        [
            (
                "reported",
                "any cooperation helping North Korea to build up its military breaches "
                "resolutions of the council",
                "John Kirby",
            )
        ],
        id="a-report-of-what-someone-told-is-theirs-without-the-framing",
    ),
    pytest.param(
        "Kirby spoke on Monday. The party's leader, Jane Smith, said in February that taxes "
        "would fall. In June she said the cuts had begun.",
        [
            ("reported", "taxes would fall", "Jane Smith"),
            ("reported", "the cuts had begun", "Jane Smith"),
        ],
        id="pronoun-takes-up-a-name-beside-the-subject",
    ),
    pytest.param(
        'On "Face the Nation," Jane Smith said the talks had failed.',
        [("reported", "the talks had failed", "Jane Smith")],
        id="quoted-title-is-not-a-quote",
    ),
    pytest.param(
        "Asked by reporters whether the city would reopen its schools, Jane Smith answered, "
        '"Not this week."',
        [("direct", "Not this week.", "Jane Smith")],
        id="a-question-put-to-the-speaker-is-not-her-statement",
    ),
    pytest.param(
        "Jane Smith asked whether the city would reopen its schools this week.",
        [("reported", "whether the city would reopen its schools this week", "Jane Smith")],
        id="a-reported-question-stays-a-question",
    ),
    pytest.param(
        "Jane Smith shared the campaign's website, which contains the following statement: "
        "\u201cThe state has a problem. We can approach it from different angles.\u201d",
        [("direct", "The state has a problem. We can approach it from different angles.", None)],
        id="what-a-website-contains-is-not-the-words-of-whoever-shares-it",
    ),
    pytest.param(
        "Jane Smith shared the campaign's website, which contains the following statement:\n\n"
        "\u201cThe state has a problem. We can approach it from different angles.\u201d",
        [("direct", "The state has a problem. We can approach it from different angles.", None)],
        id="what-a-website-contains-is-not-the-sharers-in-the-next-paragraph-either",
    ),
    pytest.param(
        "Jane Smith, who chairs the committee, said on Monday: "
        "\u201cWe will not back down on this.\u201d",
        [("direct", "We will not back down on this.", "Jane Smith")],
        id="a-relative-clause-inside-the-lead-leaves-the-speaker-its-subject",
    ),
    pytest.param(
        "Jane Smith has said that the scheme is still alive, but has admitted it faces "
        "a hard winter.",
        [
            ("reported", "the scheme is still alive", "Jane Smith"),
            ("reported", "it faces a hard winter", "Jane Smith"),
        ],
        id="a-reported-clause-ends-before-the-speakers-next-verb-and-its-auxiliary",
    ),
    pytest.param(
        '"The board wants a bigger plan. Bigger than the small plan" announced in May, said '
        "Jane Smith, an adviser.",
        [("direct", "The board wants a bigger plan. Bigger than the small plan", "Jane Smith")],
        id="a-participle-describing-a-quoted-noun-is-not-the-verb-that-credits-the-quote",
    ),
    pytest.param(
        'Jane Smith said the vote went well. That would let the mayor keep his "tough on '
        'crime" stance, which holds appeal to voters.',
        [("reported", "the vote went well", "Jane Smith")],
        id="words-that-qualify-a-possessed-noun-are-nobodys-quote",
    ),
    # Issue #21: whose words are quoted in a sentence about someone else.
    pytest.param(
        "Jane Smith said on Friday that her team expects moderator Dana Wells to open the "
        "evening by calling the plan a \u201cfraud\u201d in her first question.",
        [("partial", "fraud", "Jane Smith")],
        id="words-someone-is-expected-to-say-are-those-of-whoever-reports-the-wish",
    ),
    pytest.param(
        "Jane Smith went on to call the plan \u201ca costly mistake\u201d on Monday.",
        [("partial", "a costly mistake", "Jane Smith")],
        id="an-infinitive-sharing-its-subject-is-said-by-that-subject",
    ),
    pytest.param(
        "The new rules allowed Jane Smith to claim that the city is now \u201ca safer place "
        "for every cyclist.\u201d",
        [("partial", "a safer place for every cyclist.", "Jane Smith")],
        id="words-someone-was-allowed-to-say-are-theirs",
    ),
    pytest.param(
        "\u201cWe are aware of the injury,\u201d Jane Smith said in a statement to reporters.",
        [("direct", "We are aware of the injury", "Jane Smith")],
        id="said-to-someone-is-no-infinitive-of-a-wish",
    ),
    pytest.param(
        "Jane Smith thanked her fans on Sunday after denouncing a stranger who had accused her "
        "husband of being a \u201cfortune hunter.\u201d",
        [("partial", "fortune hunter.", None)],
        id="an-unnamed-accusers-words-are-not-those-of-who-called-them-out",
    ),
    pytest.param(
        "John Kirby, who accused the board of being \u201casleep at the wheel\u201d, resigned.",
        [("partial", "asleep at the wheel", "John Kirby")],
        id="a-named-accusers-words-are-theirs",
    ),
    pytest.param(
        "\u201cWe are cooperating with the inquiry,\u201d said a Zentrix spokesperson when "
        "contacted by Reuters.",
        [("direct", "We are cooperating with the inquiry", "Zentrix")],
        id="a-companys-spokesperson-speaks-for-the-company",
    ),
    pytest.param(
        "\u201cWe are cooperating with the inquiry,\u201d said spokeswoman Jane Smith.",
        [("direct", "We are cooperating with the inquiry", "Jane Smith")],
        id="a-spokesperson-named-speaks-for-herself",
    ),
    pytest.param(
        "The group, Harlow Tenants Union, was set up by renters last month. The group announced "
        "that the council had reached a deal with Brightway Homes. However, the group said the "
        "deal was \u201cunfair to every tenant.\u201d",
        [("partial", "unfair to every tenant.", None)],
        id="the-group-is-no-body-named-in-passing-before-it",
    ),
    pytest.param(
        "The town lost its last bank on Monday, according to Reuters. Nobody has been told "
        "why, the commission said.",
        [],
        id="the-commission-is-not-the-source-named-before-it",
    ),
    pytest.param(
        "Jane Smith declined to say when the new plant would open. John Kirby did not say "
        "whether the talks would resume. Jane Smith later said the plant would open in May.",
        [("reported", "the plant would open in May", "Jane Smith")],
        id="a-refusal-or-a-denial-to-say-reports-no-statement",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extract_quotes(
    nlp: Language, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    found = [(q.kind, q.text, q.speaker) for q in quotes_in(nlp, text)]
    assert found == expected


def test_partial_quote_context_is_the_reported_clause(nlp: Language) -> None:
    (quote,) = quotes_in(
        nlp, 'Jane Smith said the plan was "a disaster for the whole country" and would fail.'
    )
    assert quote.context == 'the plan was "a disaster for the whole country" and would fail'


def test_a_quotation_that_is_the_whole_report_is_shown_without_its_framing(
    nlp: Language,
) -> None:
    # Issue #21: "In a letter ..., President X said that “...”" was shown whole.
    text = (
        "In a letter calling for the hearing, board President Dana Reyes said that "
        "“losing service is not a small nuisance — it puts lives at risk.”"
    )
    (quote,) = quotes_in(nlp, text)
    assert quote.kind == "partial"
    assert quote.context == ("“losing service is not a small nuisance — it puts lives at risk.”")


def test_a_fragment_in_the_writers_narration_is_shown_alone(nlp: Language) -> None:
    # Issue #21: the writer's sentence around a host's two words was shown as the host's.
    text = (
        "The singer left the contest in what host Sam Reyes described as the "
        "\u201ctoughest call of the series so far.\u201d"
    )
    (quote,) = quotes_in(nlp, text)
    assert (quote.kind, quote.speaker) == ("partial", "Sam Reyes")
    assert quote.context == "\u201ctoughest call of the series so far.\u201d"
    # Counter-examples: the speaker's own sentence is shown whole, as the act it tells; and
    # a verb with no named subject of its own leaves the sentence to say whose words they are.
    text = "The striker hit back at a fan who had called him a \u201cspent force\u201d online."
    (quote,) = quotes_in(nlp, text)
    assert quote.context == text
    (quote,) = quotes_in(nlp, 'Sam Reyes called the ruling a "grave mistake" on Monday.')
    assert quote.context == 'Sam Reyes called the ruling a "grave mistake" on Monday.'


def test_a_report_goes_on_past_the_point_of_a_name_inside_its_sentence(nlp: Language) -> None:
    # A model name written with a full stop ("the ID. Buzz") made the parser end the report at
    # "ID" and hang the rest on "says"; the sentence goes on, and so does what Zentrix says.
    text = (
        "Zentrix Corp says it plans to sell the ID. Nova van in Canada from 2027, "
        "a year after its launch at home."
    )
    (quote,) = quotes_in(nlp, text)
    assert quote.speaker == "Zentrix Corp"
    assert quote.text.startswith("it plans to sell the ID. Nova van in Canada from 2027")
    # Counter-example: the report of a sentence that ends there stops at its own end.
    (first, _) = quotes_in(nlp, "Zentrix Corp says it plans a van. Jane Smith said it is late.")
    assert first.text == "it plans a van"


def test_direct_quote_context_is_the_sentence(nlp: Language) -> None:
    text = 'The hall was full. "We will win this fight," Jane Smith said.'
    (quote,) = quotes_in(nlp, text)
    assert quote.context == '"We will win this fight," Jane Smith said.'
    assert quote.sentence_index == 1


def test_quotes_come_in_reading_order(nlp: Language) -> None:
    text = (
        "Jane Smith said that the talks had failed.\n\n"
        '"We will not give up," Ushakov said.\n\n'
        "Kirby told reporters that the United States was watching closely."
    )
    speakers = [q.speaker for q in quotes_in(nlp, text)]
    assert speakers == ["Jane Smith", "Yuri Ushakov", "John Kirby"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('a "b" c', ["b"], id="straight"),
        pytest.param("a “b” c", ["b"], id="curly"),
        pytest.param("a ”b” c", ["b"], id="wrong-curly-opening"),
        pytest.param("“a,’’ he said. “b.”", ["a,", "b."], id="two-curly-singles-closing"),
        pytest.param("a ‘‘b’’ c", ["b"], id="two-curly-singles"),
        pytest.param("“a “b” c”", ["a “b” c"], id="nested"),
        pytest.param("“a b\n\n“c”", ["a b", "c"], id="unclosed-runs-to-paragraph-end"),
        pytest.param("a ''b'' c", ["b"], id="two-apostrophes"),
        pytest.param(
            "'We won,' she said. 'It's ours.' He called it 'a disgrace' and left.",
            ["We won,", "It's ours.", "a disgrace"],
            id="single-marks",
        ),
        pytest.param(
            "‘We won,’ she said. ‘It’s ours,’ he said.",
            ["We won,", "It’s ours,"],
            id="single-curly",
        ),
        pytest.param(
            "'The fans' anger is real,' he said. It got 'Likes' on Facebook. 'Yes,' she said.",
            ["The fans' anger is real,", "Likes", "Yes,"],
            id="single-marks-and-plural-possessive",
        ),
        pytest.param(
            "'I love this club. 'The fans are great,' he said.",
            ["I love this club.", "The fans are great,"],
            id="single-reopened-in-the-next-paragraph",
        ),
        pytest.param(
            '"I love this club. "The fans are great," he said.',
            ["I love this club.", "The fans are great,"],
            id="double-reopened-after-a-lost-paragraph-break",
        ),
        pytest.param(
            "“We won. “The fans are great,” he said. “It’s ours.” He left.",
            ["We won.", "The fans are great,", "It’s ours."],
            id="curly-reopened-after-a-lost-paragraph-break",
        ),
        pytest.param(
            '"He said "no" and left," she said.',
            ['He said "no" and left,'],
            id="double-nested-inside-a-sentence",
        ),
        pytest.param(
            "It's the '90s and rock 'n' roll. \"We won,\" she said of Jones' team.",
            ["We won,"],
            id="apostrophes-in-a-text-quoting-with-double-marks",
        ),
    ],
)
def test_find_quotations(text: str, expected: list[str]) -> None:
    found = [text[q.inner_start : q.inner_end] for q in find_quotations(text)]
    assert found == expected


def seed_body() -> str:
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n")]
    first = next(i for i, p in enumerate(paragraphs) if p.startswith(SEED_FIRST))
    last = next(i for i, p in enumerate(paragraphs) if p.startswith(SEED_LAST))
    return "\n\n".join(paragraphs[first : last + 1])


def test_seed_article_quotes(nlp: Language) -> None:
    quotes = quotes_in(nlp, seed_body())
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("reported", "Yuri Ushakov"),
        ("reported", "Yuri Ushakov"),
        ("partial", "John Kirby"),
    ]
    trip, agreement, kirby = quotes
    assert trip.text.startswith("the trip would feature a busy agenda")
    assert agreement.text.startswith("the agreement is intended to ensure greater stability")
    assert kirby.text == "concerned about the trip"
    assert kirby.context == (
        'the Biden administration was not "concerned about the trip" itself but was worried '
        "about the deepening relationship between Russia and North Korea"
    )


def test_british_single_quotes_are_direct_quotes_with_their_speaker(nlp: Language) -> None:
    text = (
        "Jane Smith scored the winner against Newcastle on Sunday. "
        "'I always knew I would come back to this league,' Smith said. "
        "'Games like this are why I stayed.'"
    )
    quotes = quotes_in(nlp, text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", "Jane Smith"),
        ("direct", "Jane Smith"),
    ]
    assert quotes[0].text == "I always knew I would come back to this league"
    assert [q.context for q in quotes] == [
        "'I always knew I would come back to this league,' Smith said.",
        "'Games like this are why I stayed.'",
    ]


@given(st.text(alphabet="ab s.,\n'‘’\"“”", max_size=60))
def test_quotations_are_ordered_nested_spans_of_one_line(text: str) -> None:
    found = find_quotations(text)
    for quotation in found:
        assert 0 <= quotation.start <= quotation.inner_start <= quotation.inner_end
        assert quotation.inner_end <= quotation.end <= len(text)
        assert "\n" not in text[quotation.start : quotation.end]
    for earlier, later in itertools.pairwise(found):
        assert earlier.end <= later.start


def test_a_title_after_a_comma_is_no_quote_but_a_short_reply_is(nlp: Language) -> None:
    book = 'In her 2011 book, "Teach Your Dog to Read," Jane Smith argued for patience.'
    assert quotes_in(nlp, book) == ()
    reply = 'Asked about the deal, "Not yet," Jane Smith said.'
    assert [(q.kind, q.text, q.speaker) for q in quotes_in(nlp, reply)] == [
        ("direct", "Not yet", "Jane Smith")
    ]


def test_the_same_words_quoted_twice_show_once(nlp, gazetteer):
    from generator.analysis.analyse import brief_from_doc
    from generator.models import Article

    body = (
        "The city launched a campaign with the slogan \u201cPotholes. We\u2019re on it.\u201d "
        "on Tuesday, and the mayor praised it later that week.\n\n"
        "\u201cPotholes. We\u2019re on it\u201d is running on buses and "
        "billboards across the city this month."
    )
    article = Article(path="m.md", slug="m", title="Campaign", paragraphs=tuple(body.split("\n\n")))
    brief = brief_from_doc(article, nlp(article.body), gazetteer)
    slogans = [q for q in brief.quotes if q.text.rstrip(".").endswith("on it")]
    assert len(slogans) <= 1


@pytest.mark.parametrize(
    ("sentence", "name", "agrees"),
    [
        ("He spoke.", "Anna Ball", False),  # the census gives "Anna" to women
        ("He spoke.", "Yuri Ushakov", True),  # too rare in the census to tell
        ("She spoke.", "Norman Cook", False),
        ("He spoke.", "Norman Cook", True),
        ("He spoke.", "Kim Jong Un", True),  # "Kim" is 86 % female in the census: no evidence
        ("He spoke.", "Ball", True),  # a surname alone says nothing of sex
        ("They spoke.", "Anna Ball", True),
    ],
)
def test_he_or_she_stands_only_for_a_name_of_that_sex(nlp, sentence, name, agrees):
    from generator.analysis.antecedents import pronoun_agrees

    assert pronoun_agrees(nlp(sentence)[0], name) is agrees


def test_a_quote_reopened_without_its_paragraph_break_ends_before_the_narration(
    nlp: Language,
) -> None:
    # Text extracted without its paragraph breaks leaves a quote open where the writer's
    # paragraph ended: the next quote's opening mark, not the line's end, closes it.
    text = (
        '"We are always nervous before the final," Jane Smith said. "We trained for months. '
        '"This time we are ready." She promised more matches in more cities next year, '
        "despite the trouble after the last final."
    )
    quotes = quotes_in(nlp, text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("direct", "We are always nervous before the final", "Jane Smith"),
        ("direct", "We trained for months.", "Jane Smith"),
        ("direct", "This time we are ready.", "Jane Smith"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Britain's Jane Smith won the 400m final in Paris on Sunday. Smith led from the "
            'start. "It was a good day, but I know I can run faster," said the European '
            "champion, who hopes to break the record this year.",
            "Jane Smith",
            id="the-story-subject-described-by-her-title",
        ),
        pytest.param(
            "Jane Smith met the committee on Monday. A senior official attended the meeting. "
            '"We made some progress," the official said.',
            None,
            id="a-description-of-someone-introduced-unnamed-stays-unnamed",
        ),
        pytest.param(
            "Vladimir Putin arrived in Pyongyang on Tuesday. "
            '"The visit is going well," the Kremlin spokesman said.',
            "Kremlin",
            id="a-spokesman-tied-to-a-body-speaks-for-it-not-for-the-person-named-before",
        ),
        pytest.param(
            "Kenya raised taxes on Monday. Amnesty International criticised the move. "
            "\u201cThe taxes are fair,\u201d the government said.",
            None,
            id="the-government-is-no-body-named-before-but-a-countrys-voice",
        ),
        pytest.param(
            "Lions coach Jane Smith named her squad on Monday. The squad flies to Auckland in "
            'June. "They are a very strong side," said the Lions coach.',
            "Jane Smith",
            id="a-title-the-article-gave-a-named-person-is-that-person-not-the-team",
        ),
        pytest.param(
            "Norman Cook played to a crowd of 250,000 in Brighton on Saturday. The DJ said "
            "the crowds had a downside.",
            "Norman Cook",
            id="a-role-word-the-model-takes-for-a-body-is-still-the-person-described",
        ),
        pytest.param(
            "Small banks want a share of the market. They speak to their members' "
            "\u201cmoney worries and long-term goals,\u201d as one neo-bank CEO put it to me.",
            None,
            id="a-role-word-written-as-a-name-is-no-name",
        ),
    ],
)
def test_a_speaker_described_by_a_definite_title_is_the_person_it_describes(
    nlp: Language, text: str, speaker: str | None
) -> None:
    (quote,) = quotes_in(nlp, text)
    assert quote.speaker == speaker


def test_he_continues_the_same_he_before_it_not_a_name_in_passing(nlp: Language) -> None:
    text = (
        "Norman Cook spoke after the show on Monday. He said the tour had been long. "
        "He said it had been hard at times. He said he had struggled after the row with Kirby. "
        'He thanked the fans. "We made it," he said.'
    )
    speakers = {q.text: q.speaker for q in quotes_in(nlp, text)}
    assert speakers["We made it"] == "Norman Cook"


def test_a_quote_ending_in_a_full_stop_takes_no_speech_verb_from_the_next_sentence(
    nlp: Language,
) -> None:
    # Only a quote cut at "?" or "!" may end before its attribution ("...?" Smith asked.);
    # after a full stop the writer's next sentence is narration, whatever verbs it holds.
    text = (
        '"At first I was tired," Jane Smith explained. "Then I rested." '
        "And she pointed to a coincidence: a song written in May had become a hit."
    )
    speakers = {q.text: q.speaker for q in quotes_in(nlp, text)}
    assert speakers["Then I rested."] == "Jane Smith"


def test_a_quotation_that_names_the_noun_before_it_is_no_quote(nlp: Language) -> None:
    text = (
        "The city launched a recycling campaign with the slogan \u201cSort it, don\u2019t "
        "dump it.\u201d on Monday. Jane Smith said the campaign was \u201ca waste of public "
        "money from start to finish.\u201d"
    )
    assert [(q.kind, q.speaker) for q in quotes_in(nlp, text)] == [("partial", "Jane Smith")]


def test_a_quote_after_narration_about_someone_it_names_continues_the_speaker(
    nlp: Language,
) -> None:
    text = (
        "Jane Smith named her squad on Monday.\n\n"
        '"We have a strong group," said Smith. "Everyone has earned a place." '
        "And forward John Kirby looks certain to travel, if his knee recovers in time. "
        '"I learned from the last tour. "Kirby is an outstanding player and he will be on '
        'the plane."'
    )
    speakers = {q.text: q.speaker for q in quotes_in(nlp, text)}
    assert speakers["I learned from the last tour."] == "Jane Smith"
    assert speakers["Kirby is an outstanding player and he will be on the plane."] == "Jane Smith"


def test_an_honorific_of_the_other_sex_is_someone_else_with_the_same_surname(
    nlp: Language,
) -> None:
    text = (
        "Jane Smith drowned off a beach in Spain in May. Her father Mr Smith said he had "
        'warned her about the currents. "She was only paddling," he explained.'
    )
    speakers = {q.text: q.speaker for q in quotes_in(nlp, text)}
    assert speakers["he had warned her about the currents"] == "Mr Smith"
    assert speakers["She was only paddling"] == "Mr Smith"


def test_a_short_quoted_phrase_shows_the_reported_clause_not_the_narration(
    nlp: Language,
) -> None:
    text = (
        "Van Der Meer shared the sad news in a short clip later in the "
        "show, noting that he and Anneke had lived through every parent’s “worst nightmare.”"
    )
    (quote,) = quotes_in(nlp, text)
    assert quote.kind == "partial"
    assert quote.context == "he and Anneke had lived through every parent’s “worst nightmare.”"


@pytest.mark.parametrize(
    "text",
    [
        "The clip aired a week after Van Der Meer said that Anneke was pregnant on an "
        "earlier episode of “SYTYCD.”",
        "She said she had watched every episode of “NCIS” since it began.",
    ],
)
def test_a_show_title_in_capitals_is_no_quote(nlp: Language, text: str) -> None:
    assert quotes_in(nlp, text) == () or all(q.kind == "reported" for q in quotes_in(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        'A "phase one" trade deal was supposed to allow leaders to claim an easy victory.',
        "The app controls a new “functions on demand” system for the lights.",
        'It lets the governor run on keeping his "tough on crime" stance.',
    ],
)
def test_quoted_words_that_qualify_the_noun_after_them_are_no_quote(
    nlp: Language, text: str
) -> None:
    assert quotes_in(nlp, text) == ()


def test_a_named_speakers_words_before_a_noun_stay_a_quote(nlp: Language) -> None:
    (quote,) = quotes_in(nlp, 'Mr. Smith called it a "once in a lifetime" opportunity.')
    assert quote.kind == "partial"
    assert quote.text == "once in a lifetime"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Zentrix Corp cut 2,000 jobs on Monday as sales fell. The cuts will be "
            "\u201cdone by March,\u201d the company said in a statement.",
            "Zentrix Corp",
            id="the-company-is-the-body-the-sentence-before-is-about",
        ),
        pytest.param(
            "Harlow Homes, which rents out flats, said the lift was repaired, according to "
            "Zentrix Corp. The company said the work was \u201cdone in a day.\u201d",
            None,
            id="the-company-is-no-body-named-in-passing-before-it",
        ),
    ],
)
def test_a_company_described_is_the_body_the_story_is_about(
    nlp: Language, text: str, speaker: str | None
) -> None:
    body = Actor(
        id="zentrix-corp", name="Zentrix Corp", kind="organisation", role=None, aliases=(),
        mentions=2,
    )  # fmt: skip
    quotes = extract_quotes(nlp(text), speaker_name, actors=(body,))
    assert [quote.speaker for quote in quotes if quote.kind == "partial"] == [speaker]


def test_he_may_stand_for_a_person_the_model_labelled_a_body(nlp: Language) -> None:
    # The small model labels some people's names ORG ("<Name>, who represents X, said ...");
    # the actors, on more evidence, make them people, and "He said" after them is theirs.
    text = (
        "“We hope to reach a fair deal in this case,” said Alan Brook, who represents Carter.\n\n"
        "Delano Spriggs, who represents Dunn, said his client turned down a plea offer. "
        "He said Dunn is a father of two children, and a guilty plea would “wreck his life.”"
    )
    doc = nlp(text)
    doc.ents = [
        Span(doc, e.start, e.end, label="ORG") if e.text == "Delano Spriggs" else e
        for e in doc.ents
    ]
    names = {"Alan Brook": "Alan Brook", "Delano Spriggs": "Delano Spriggs", "Dunn": "Dunn"}
    people = tuple(person(name) for name in names)
    quotes = extract_quotes(doc, lambda span: names.get(span.text.strip()), actors=people)
    partial = next(quote for quote in quotes if quote.text.startswith("wreck"))
    assert partial.speaker == "Delano Spriggs"


def test_a_clause_of_saying_that_reports_nothing_is_no_statement(nlp: Language) -> None:
    # "He said, she said" as a sub-heading: the second "said" has a subject and no words.
    names = {"Dana Holt": "Dana Holt", "Holt": "Dana Holt"}
    text = (
        "Dana Holt wrote to the label on Friday about her old songs.\n\n"
        "He said, she said\n\n"
        "Holt says the label will not let her sing them on television."
    )
    quotes = extract_quotes(nlp(text), lambda span: names.get(span.text), actors=())
    assert [quote.text for quote in quotes] == [
        "the label will not let her sing them on television"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The tenants met on Monday. “We will not stop,” Jane Smith said, “until the rent falls.”",
        '"The water rose overnight," Ushakov told reporters on Friday, "and we moved out."',
        "Pay stalled for years. 'We asked politely', Smith said, 'and nothing happened.'",
    ],
)
def test_a_quoted_sentence_cut_by_its_attribution_is_one_quote(nlp: Language, text: str) -> None:
    (quote,) = quotes_in(nlp, text)
    first, second = quote.text.split(" … ")
    assert quote.kind == "direct"
    assert quote.speaker in {"Jane Smith", "Yuri Ushakov"}
    assert first in text and second in text and "said" not in quote.text


def test_two_quoted_sentences_of_one_speaker_stay_two_quotes(nlp: Language) -> None:
    text = "“We lost,” Jane Smith said. “The other side played better today.”"
    assert [q.text for q in quotes_in(nlp, text)] == [
        "We lost",
        "The other side played better today.",
    ]


def test_a_quotation_that_completes_the_writers_sentence_is_partial_however_long(nlp):
    text = (
        "Jane Smith said on Tuesday that the council "
        '"has to offer a deal that suits us. If it will not, we walk away."'
    )
    (quote,) = quotes_in(nlp, text)
    assert quote.kind == "partial"
    assert quote.speaker == "Jane Smith"
    assert quote.context.startswith('the council "has to offer')


def test_a_phrase_before_an_attribution_is_not_joined_to_the_quote_after_it(nlp):
    text = (
        "At the rally she sang the old song “my country, ’tis of thee,” Jane Smith said, "
        "“and then the crowd went home happy.”"
    )
    assert not any(" … " in quote.text for quote in quotes_in(nlp, text))


def test_a_speaker_going_on_to_say_more_keeps_the_quotation_after(nlp: Language) -> None:
    # The parser hangs ", going on to say" on the verb of the quotation after it ("want"), whose
    # subject is the quotation's own "young voters"; the one going on is the one who said.
    text = (
        '"We will not return to a time when you have them shut out, that old fight, I guess, '
        'is absurd," Smith said, going on to say that the nation has spent "generations '
        "fighting that fight, to have it again, young voters do not want that. They are past "
        'that. They do not want to think we blame anyone, and I think that will win them over."'
    )
    continued = [q for q in quotes_in(nlp, text) if q.text.startswith("generations")]
    assert [q.speaker for q in continued] == ["Jane Smith"]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # "had he denied it" is a condition ("if he had denied it"): no one says the clause.
        (
            "John Kirby chaired the panel. The driver admitted the offence and was banned - "
            "the ban would have been longer had he denied it.",
            [],
        ),
        # Counter-example: "had" after its subject is the perfect of a verb that reports.
        (
            "Jane Smith had denied that the ban was too long.",
            [("the ban was too long", "Jane Smith")],
        ),
    ],
)
def test_an_inverted_condition_reports_nothing(nlp: Language, text: str, reported: list) -> None:
    quotes = quotes_in(nlp, text)
    assert [(q.text, q.speaker) for q in quotes if q.kind == "reported"] == reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # "were she to say" supposes a statement ("if she said"): no one makes it.
        ("Were Jane Smith to say that the plant would close, the union would strike.", []),
        # A question with its auxiliary before the subject asks whether she said it.
        ("Had Jane Smith said that the talks had failed? Nobody could tell.", []),
        ("Why did Jane Smith say that the bridge would reopen?", []),
        # Counter-examples: "to say" after a subject that comes first is her statement; so is
        # a statement the writer reads out with a question mark, its subject first.
        (
            "Jane Smith wanted to say that the bridge would reopen.",
            [("the bridge would reopen", "Jane Smith")],
        ),
        (
            "Jane Smith said that the bridge would reopen? Readers were surprised.",
            [("the bridge would reopen", "Jane Smith")],
        ),
    ],
)
def test_a_supposition_or_a_question_reports_nothing(
    nlp: Language, text: str, reported: list
) -> None:
    quotes = quotes_in(nlp, text)
    assert [(q.text, q.speaker) for q in quotes if q.kind == "reported"] == reported
