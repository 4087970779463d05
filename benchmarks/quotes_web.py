"""Speakers on real web pages, against our own labels: web_dev pages in, speaker accuracy out.

PolNeAR is 2016 US election coverage; web pages quote differently (campaign slogans, a doctor
in a case study, a company statement on a website). The labels below are our own annotations
(issue #21): for quotes in a handful of web_dev pages, the page (the first 12 hex digits of its
id), the first words of the quote (a key to find it, not its text) and who says it, or None where
the page names no speaker (a slogan, people in an advert, "one user quipped"). A quote counts as
right when the analysis credits the labelled speaker (benchmarks.quotes.same_speaker), or no one
where the label is None.
"""

from __future__ import annotations

import gzip
import time

from spacy.language import Language

from benchmarks.common import Options, Section, Target, number, ratio
from benchmarks.quotes import same_speaker
from generator.analysis.actors import extract_actors
from generator.analysis.gazetteer import Gazetteer, load_gazetteer
from generator.analysis.language import load_model
from generator.analysis.quotes import extract_quotes
from generator.ingest.web_page import decode_html, read_html_article
from generator.models import Quote

FOLDER = "web_dev/html"
TARGET_ACCURACY = 0.9
LABELS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "3f65af7b6b98": (
        ("Meth. We’re on", None),
        ("I’m on meth", None),
        ("Hey Twitter, the", "Kristi Noem"),
        ("So I think", "Kristi Noem"),
        ("South Dakota has a", None),
        ("Don’t jerk and", None),
    ),
    "156770d676ce": (
        # The campaign's slogan after "the slogan" is what the campaign is called, not a quote
        # (quotes.py, `_names_the_noun_before`): no label.
        ("Meth is IN", "Kristi Noem"),
        ("needs to be a", "Kristi Noem"),
        ("we need everyone", "Kristi Noem"),
        ("I’m on meth", None),
        ("South Dakota: if", None),
        ("the number of young", "Department of Social Services"),
    ),
    "d0382c0d9573": (
        ("A virtually rainless", "PG&E"),
        ("One Napa County", "Scott Strenfel"),
        ("The northern Sierra", "Scott Strenfel"),
        ("This lack of rain", "Scott Strenfel"),
        ("The weather should", "Mark Quinlan"),
        ("terribly disruptive", "Andy Vesey"),
        ("we won’t roll", "Andy Vesey"),
        ("lack of service", "Marybel Batjer"),
        ("residents do not", "Marybel Batjer"),
        ("unacceptable", "Office of Emergency Services"),
    ),
    "9eef8162bbb6": (
        ("Two months after", "Martin Taylor"),
        ("His general practitioner", "Owen John Dempsey"),
        ("a bit like", "Owen John Dempsey"),
        ("he didn't own", "Martin Taylor"),
        ("I have a particular", "Owen John Dempsey"),
        ("Most doctors, in", "Owen John Dempsey"),
        ("doctors should always", "Owen John Dempsey"),
        # "As Sherlock would say, ..." is no quote: words a character would say (text31).
    ),
    "42aad16bde92": (
        ("We have a need", "Steve Clarke"),
        ("nine US companies", "NASA"),
        ("We’re honoured to", "Brent Sherwood"),
        ("Space exploration, and", "Michael Sims"),
    ),
    "3cb5e2f46626": (("Nissan has a vibrant", "David Kershaw"),),
}


def run(options: Options) -> Section:
    """Credit each labelled quote and count the speakers that are right."""
    started = time.perf_counter()
    nlp, gazetteer = load_model(), load_gazetteer()
    right, found, labelled = 0, 0, 0
    misses: list[str] = []
    for prefix, labels in LABELS.items():
        quotes = _page_quotes(options, prefix, nlp, gazetteer)
        for key, speaker in labels:
            labelled += 1
            quote = next((q for q in quotes if q.text.startswith(key)), None)
            if quote is None:
                misses.append(f"{prefix}: no quote starting {key!r}")
                continue
            found += 1
            is_right = (
                quote.speaker is None if speaker is None else same_speaker(quote.speaker, speaker)
            )
            right += is_right
            if not is_right:
                misses.append(f"{prefix}: {key!r} credited to {quote.speaker!r}, not {speaker!r}")
    accuracy = ratio(right, found)
    return Section(
        title="Quotes on web pages",
        data=f"{len(LABELS)} web_dev pages, {labelled} quotes with our own speaker labels",
        tables=[
            (
                ["system", "quotes found", "speaker right (or rightly none)"],
                [["Briefs quotes", f"{found} / {labelled}", f"{number(accuracy)} ({right})"]],
            )
        ],
        notes=[
            "Labels are the project's own (benchmarks/quotes_web.py): page, the quote's first "
            "words, its speaker or none. Quotes come from extract_quotes on the page as "
            "`briefs add` imports it, before the brief keeps each statement to two places."
        ],
        targets=[
            Target(
                "quotes on web pages: speaker right ≥ 0.9",
                number(accuracy),
                "≥ 0.9",
                accuracy >= TARGET_ACCURACY,
            )
        ],
        examples=misses,
        seconds=time.perf_counter() - started,
    )


def _page_quotes(
    options: Options, prefix: str, nlp: Language, gazetteer: Gazetteer
) -> tuple[Quote, ...]:
    """The quotes of one page as the project imports and analyses it."""
    path = next((options.eval_dir / FOLDER).glob(f"{prefix}*.html.gz"))
    name = path.name.removesuffix(".gz")
    html = decode_html(gzip.decompress(path.read_bytes()), name)
    article = read_html_article(html, name, prefix)
    doc = nlp(article.body)
    actors = extract_actors(doc, gazetteer, headline=article.title, tags=article.tags)
    return extract_quotes(doc, actors.speaker_name, actors.actors)
