"""Tests for `generator.analysis.clauses`: sentences in, trimmed clauses and clause heads out."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from generator.analysis.clauses import clause_of, clause_text, clause_tokens, runs_on
from generator.analysis.language import load_model

ARRIVAL = (
    "Russian President Vladimir Putin arrived in North Korea on Wednesday morning, marking his "
    "first official visit to the East Asian nation in 24 years, according to CNN."
)
LAST_VISIT = (
    "Putin's last visit to Pyongyang was in July 2000, and this trip signifies the strengthening "
    "ties between the two countries, with Moscow seeking to source weapons from Pyongyang to "
    "support its war in Ukraine."
)
FEW_TRIPS = (
    "This visit is notable as it is one of the few overseas trips Putin has made since "
    "initiating the invasion of Ukraine in 2022."
)
INVITATION = (
    "The visit follows an invitation extended by North Korea's supreme leader Kim Jong Un in "
    "September 2023."
)
RECIPROCATES = (
    "Putin's visit reciprocates Kim Jong Un's trip last September, where the North Korean leader "
    "traveled in his armored train to Russia's far eastern region, making stops at a fighter jet "
    "factory and a rocket-launch facility."
)
HOST = (
    "For Kim Jong Un, who has not hosted another world leader since the onset of the COVID-19 "
    "pandemic, this visit is also significant."
)
MONITORED = (
    "This visit is expected to be closely monitored globally and is anticipated to further "
    "solidify the partnership between Russia and North Korea, founded on their mutual animosity "
    "towards the West."
)
HANOI = "Putin will travel to Hanoi on Thursday and meet Vietnamese leaders on Friday."


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


def find(doc: Doc, word: str) -> Token:
    """Return the first token spelled `word`."""
    return next(token for token in doc if token.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        (
            ARRIVAL,
            "arrived",
            "Russian President Vladimir Putin arrived in North Korea on Wednesday morning",
        ),
        (LAST_VISIT, "was", "Putin's last visit to Pyongyang was in July 2000"),
        (
            LAST_VISIT,
            "signifies",
            "This trip signifies the strengthening ties between the two countries",
        ),
        (
            RECIPROCATES,
            "reciprocates",
            "Putin's visit reciprocates Kim Jong Un's trip last September",
        ),
        (
            RECIPROCATES,
            "traveled",
            "The North Korean leader traveled in his armored train to Russia's far eastern region",
        ),
        (HOST, "is", "For Kim Jong Un, this visit is also significant"),
        (MONITORED, "expected", "This visit is expected to be closely monitored globally"),
        (
            MONITORED,
            "anticipated",
            "This visit is anticipated to further solidify the partnership between Russia and "
            "North Korea",
        ),
        (HANOI, "travel", "Putin will travel to Hanoi on Thursday"),
        (HANOI, "meet", "Putin will meet Vietnamese leaders on Friday"),
        (
            "According to Reuters, the talks collapsed on 19 June 2024.",
            "collapsed",
            "The talks collapsed on 19 June 2024",
        ),
        (
            "Putin, marking his first visit in 24 years, arrived in Pyongyang.",
            "arrived",
            "Putin arrived in Pyongyang",
        ),
        ("Arriving in Pyongyang, Putin was greeted by Kim.", "greeted", "Putin was greeted by Kim"),
        (
            "After Putin arrived on Wednesday, Kim greeted him at the airport.",
            "arrived",
            "Putin arrived on Wednesday",
        ),
        (
            "After Putin arrived on Wednesday, Kim greeted him at the airport.",
            "greeted",
            "Kim greeted him at the airport",
        ),
        ("If the talks fail, sanctions will follow.", "fail", "If the talks fail"),
        (
            "Moscow, which denies the claims, said on Friday that it had not received arms.",
            "said",
            "Moscow said on Friday that it had not received arms",
        ),
        (
            "The ministers met in Geneva, where they signed a deal, and then flew home.",
            "met",
            "The ministers met in Geneva",
        ),
        ('He said "we will win."', "said", 'He said "we will win"'),
        ("Ministers met yesterday and agreed a deal.", "met", "Ministers met yesterday"),
        ("Ministers met yesterday and agreed a deal.", "agreed", "Ministers agreed a deal"),
        (
            "North Korea sent about 600 balloons carrying rubbish across the border between "
            "Saturday night and Sunday, 2 June 2024, according to South Korea's Joint Chiefs of "
            "Staff, the second large wave in less than a week.",
            "sent",
            "North Korea sent about 600 balloons carrying rubbish across the border between "
            "Saturday night and Sunday, 2 June 2024, the second large wave in less than a week",
        ),
        (
            "Lagarde noted that wage growth remained strong and said inflation was likely to "
            "stay above target.",
            "said",
            "Lagarde said inflation was likely to stay above target",
        ),
        (
            "Minister Kim told the envoy that the aid breaches the rules, and urged Russia to "
            "stop it, the ministry said.",
            "urged",
            "Minister Kim urged Russia to stop it",
        ),
        (
            "The ECB moved ahead of the US Federal Reserve, which has kept its rate at 5.5 per "
            "cent, in June.",
            "moved",
            "The ECB moved ahead of the US Federal Reserve in June",
        ),
        (
            "The launch came a day after North Korea blew up sections of roads near the border.",
            "blew",
            "North Korea blew up sections of roads near the border",
        ),
        # The parser takes "North Korea" for the subject of "accepted"; dropping that clause
        # would take the place visited with it.
        (
            "Kim Jong Un invited Vladimir Putin to visit North Korea and the Russian leader "
            "accepted.",
            "invited",
            "Kim Jong Un invited Vladimir Putin to visit North Korea and the Russian leader "
            "accepted",
        ),
        # The clause keeps the closing bracket of the bracket it opens.
        (
            "Tom Keane scored twice. Detroit ended a four-game point streak (3-0-1).",
            "ended",
            "Detroit ended a four-game point streak (3-0-1)",
        ),
    ],
)
def test_clause_text(nlp: Language, sentence: str, word: str, expected: str) -> None:
    token = find(nlp(sentence), word)
    assert clause_text(token) == expected
    # A caller that holds the clause's tokens already gives them; the text is the same.
    assert clause_text(token, clause_tokens(token)) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        (ARRIVAL, "Wednesday", "arrived"),
        (ARRIVAL, "marking", "arrived"),
        (ARRIVAL, "CNN", "arrived"),
        (LAST_VISIT, "July", "was"),
        (LAST_VISIT, "countries", "signifies"),
        # "with Moscow seeking ..." is an absolute construction, not a clause of its own.
        (LAST_VISIT, "seeking", "signifies"),
        # Reduced and gapped relatives belong to the noun they describe.
        (FEW_TRIPS, "2022", "trips"),
        (INVITATION, "September", "invitation"),
        (RECIPROCATES, "train", "traveled"),
        (RECIPROCATES, "September", "reciprocates"),
        (HOST, "pandemic", "Un"),
        (HANOI, "Friday", "meet"),
        # "to be taken" has no tense: its clause is the one that calls for it.
        (
            "Protocol called for the nominee to be taken to a trauma centre after her collapse.",
            "centre",
            "called",
        ),
        ("Heavy rain in the capital.", "capital", "rain"),
    ],
)
def test_clause_of(nlp: Language, sentence: str, word: str, expected: str) -> None:
    assert clause_of(find(nlp(sentence), word)).text == expected


@pytest.mark.parametrize(
    ("sentence", "word", "is_kept"),
    [
        (ARRIVAL, "Wednesday", True),
        (ARRIVAL, "years", False),
        (ARRIVAL, "CNN", False),
        (LAST_VISIT, "Moscow", False),
        (RECIPROCATES, "September", True),
        (RECIPROCATES, "train", False),
    ],
)
def test_clause_tokens_keep_the_clause_only(
    nlp: Language, sentence: str, word: str, is_kept: bool
) -> None:
    doc = nlp(sentence)
    kept = {token.i for token in clause_tokens(doc[0].sent.root)}
    assert (find(doc, word).i in kept) is is_kept


@pytest.mark.parametrize(
    "sentence", [ARRIVAL, LAST_VISIT, FEW_TRIPS, INVITATION, RECIPROCATES, HOST, MONITORED, HANOI]
)
def test_every_clause_is_the_article_words_in_order(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        text = clause_text(token)
        assert text[:1].isupper() or not text[:1].isalpha()
        assert not text.endswith((".", ",", ";")), text
        assert ",," not in text and " ," not in text, text
        assert _is_subsequence(text.lower().split(), sentence.lower().split()), text


def _is_subsequence(words: list[str], sentence_words: list[str]) -> bool:
    remaining = iter(word.rstrip(".,") for word in sentence_words)
    return all(word.rstrip(",") in remaining for word in words)


@pytest.mark.parametrize(
    ("text", "is_run_on"),
    [
        # Photo captions the model left in one sentence.
        ("Don McLean sings on stage in 1972 Influenced by the Weavers, he wrote the song.", True),
        ("The players warm up before the match The coach watches from the bench.", True),
        ("Mr Okoro told The Guardian that he saw it as his calling.", False),
        ("The talks took place in The Hague last week.", False),
        ("She shared it on her Facebook page The Leeds Rhinos captain replied.", True),
        ("After the talks, Putin and To Lam oversaw the signing of agreements.", False),
        ("South Korea has so far sent Kyiv humanitarian aid.", False),
        ("Clarkson told the Argentinian ambassador that the plates were a joke.", False),
        ("The party leaders met for a TV debate that I watched.", False),
        # A capitalised preposition or conjunction opens a sentence, but not a title or name.
        ("The house could fetch far less In a survey published today, prices fell.", True),
        ("She was in Leeds ahead of a debate tonight When asked, she said nothing.", True),
        ("The striker limps off the pitch After the match, the manager was worried.", True),
        ("These are the closest thing to an adult edition of Where's Wally you can find.", False),
        ("The group gave money to For Our Future, a campaign fund.", False),
        ("In a piece on the Off the Wall gallery, the founder spoke of her sister.", False),
    ],
)
def test_runs_on(nlp: Language, text: str, is_run_on: bool) -> None:
    assert runs_on(nlp(text)[:]) is is_run_on


# The parser reads a gerund subject set off by a comma as an adverbial clause of its verb.
GERUND_SUBJECT = (
    "Two aides at the talks said the minister has decided that lifting the old quotas, "
    "along with dropping a planned levy on imported steel, "
    "needs wider reforms from the union."
)
RESPONDING = (
    "Answering a radio call from MV Orla, INS Tarkash on anti-piracy duty nearby, "
    "set off after the raiders in two boats."
)


@pytest.mark.parametrize(
    ("sentence", "expected_start"),
    [
        (GERUND_SUBJECT, "Two aides at the talks said the minister has decided that lifting"),
        (RESPONDING, "Answering a radio call from MV Orla, INS Tarkash"),
    ],
)
def test_a_dropped_phrase_never_leaves_a_tensed_verb_without_its_subject(
    nlp: Language, sentence: str, expected_start: str
) -> None:
    doc = nlp(sentence)
    assert clause_text(doc[0].sent.root).startswith(expected_start)
