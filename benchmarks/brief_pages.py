"""Brief pages as an analyst reads them: the sample corpus and the dev sets in, one row of page
checks per corpus out (issue #21).

Each corpus is analysed, related and rendered as `briefs build` does, then its pages are read
back as Markdown: whether "why it matters" is there, whether the at-a-glance line comes back as
a key fact, how many places on the page one sentence of the article fills (each line of the page
counted once, a line taken from a sentence when its words are inside it), and whether a page is
longer than its article when the article is over 300 words (the page's words after its front
matter against the article body's).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import REPO_ROOT, Options, Section, Target, read_jsonl
from generator.analysis.analyse import analyse_articles
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.jsonl import article_from_record
from generator.analysis.key_facts import MIN_FACTS
from generator.analysis.language import load_model
from generator.analysis.one_place import (
    MAX_PLACES,
    MIN_SOURCE_WORDS,
    is_from,
    words_of,
)
from generator.analysis.page_length import (
    SHORT_ARTICLE_WORDS,
    article_words,
    page_words,
)
from generator.analysis.registry import Registry, install_registry, load_registry
from generator.analysis.whole_sentences import parts_of
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.corpus.relate import relate_briefs
from generator.errors import ContentError
from generator.ingest.read import discover_articles, read_article
from generator.ingest.web_page import decode_html, read_html_article
from generator.models import Article, Brief
from generator.site.render import make_environment, render_brief

CONTENT = REPO_ROOT / "content"
TEMPLATES = REPO_ROOT / "templates"
PER_SET = {"web_dev": 70, "PolNeAR": 84, "CNN/DM": 250, "BBC": 250}
"""Articles read from each dev set: all of them, but for BBC's first 250 of 2,068."""
NO_FACT = "No complete sentence in the article could serve as a key fact."
LINE_MARKS = re.compile(
    r"^(?:[-*]\s+|>\s*|—\s+|\*\*Why it matters:\*\*\s*|\*\*[^*]+\*\*(?: \([^)]*\))?:\s*)+"
)
"""What the page puts before a line's text: a list mark, a quote's bar, a label or a date."""


@dataclass(frozen=True)
class Page:
    """One rendered brief with what the checks need of its article."""

    brief: Brief
    markdown: str
    sentences: tuple[tuple[str, ...], ...]
    """The article's sentences, as lower-case words (`one_place.words_of`)."""

    @property
    def article_words(self) -> int:
        return article_words(self.brief.article)

    @property
    def page_words(self) -> int:
        return page_words(self.markdown)

    @property
    def is_longer_than_article(self) -> bool:
        return self.article_words > SHORT_ARTICLE_WORDS and self.page_words >= self.article_words

    @property
    def repeats_the_lead(self) -> bool:
        lead = words_of(self.brief.at_a_glance)
        return any(words_of(fact.text) == lead for fact in self.brief.key_facts)

    @property
    def facts_shown(self) -> int:
        """The key facts the page shows: the list items of its "Key facts" section."""
        section = self.markdown.split("\n## Key facts\n", 1)[-1].split("\n## ", 1)[0]
        lines = section.splitlines() if "\n## Key facts\n" in self.markdown else []
        return sum(1 for line in lines if line.startswith("- ") and NO_FACT not in line)

    @property
    def is_short_of_facts(self) -> bool:
        """Whether the page shows fewer than `MIN_FACTS` key facts of the analysis's, which
        found that many."""
        found = min(len(self.brief.key_facts), MIN_FACTS)
        return self.facts_shown < found

    def places(self) -> Counter[int]:
        """How many lines of the page each sentence of the article fills (of those of
        `MIN_SOURCE_WORDS` or more; the title is the headline's): a line comes from a sentence
        when its words are the sentence's in order, or holds it whole."""
        shown: Counter[int] = Counter()
        for line in self.markdown.split("\n---\n", 1)[-1].splitlines():
            words = words_of(LINE_MARKS.sub("", line.strip()))
            if len(words) < MIN_SOURCE_WORDS or line.startswith(("# ", "— ")):
                continue  # the title is the headline's; a quote's speaker line is a label
            shown.update(
                i
                for i, sentence in enumerate(self.sentences)
                if len(sentence) >= MIN_SOURCE_WORDS
                and (is_from(words, sentence) or is_from(sentence, words))
            )
        return shown

    def most_places(self) -> int:
        """How many lines of the page the most shown sentence of the article fills."""
        return max(self.places().values(), default=0)


def run(options: Options) -> Section:
    """Render each corpus's briefs and check their pages."""
    started = time.perf_counter()
    corpora = read_corpora(options)
    rows, examples = [], []
    longer_total = 0
    for name, (articles, registry) in corpora.items():
        pages = render_pages(articles, registry)
        longer = [page for page in pages if page.is_longer_than_article]
        long_ones = [page for page in pages if page.article_words > SHORT_ARTICLE_WORDS]
        longer_total += len(longer)
        over = sum(1 for page in pages if page.article_words > SHORT_ARTICLE_WORDS)
        present = sum(1 for page in pages if page.brief.why_it_matters)
        rows.append(
            [
                name,
                str(len(pages)),
                f"{present} / {len(pages)}",
                str(sum(page.repeats_the_lead for page in pages)),
                str(max((page.most_places() for page in pages), default=0)),
                f"{len(longer)} / {over}",
                f"{sum(page.is_short_of_facts for page in pages)} / {len(pages)}",
                f"{_median([page.page_words / page.article_words for page in long_ones]):.2f}",
            ]
        )
        examples += [f"{name} why it matters: {page.brief.why_it_matters}" for page in pages[:12]]
        examples += [
            f"{name} longer: {page.brief.article.path} {page.page_words} / {page.article_words}"
            for page in longer
        ]
    return Section(
        title="Brief pages",
        data=(
            "the sample corpus (content/, with its registry) and the dev sets: "
            + ", ".join(f"{name} {count}" for name, count in PER_SET.items())
            + " (BBC: its first articles)"
        ),
        tables=[
            (
                [
                    "corpus",
                    "briefs",
                    "why it matters present",
                    "at a glance repeated as a key fact",
                    "most places one sentence fills",
                    "pages longer than an article of over 300 words",
                    f"pages showing fewer than {MIN_FACTS} key facts of those found",
                    "median page words / article words (articles over 300 words)",
                ],
                rows,
            )
        ],
        notes=[
            "Words as a reader counts them (`page_length.page_words`): a page's after its front "
            "matter, without link targets and HTML tags; an article's, its body's. "
            "A sentence fills a place when a line of the page (a fact, an event, a quote, a "
            "said-or-did) is inside it or holds it whole.",
        ],
        targets=[
            Target(
                f"no sentence in more than {MAX_PLACES} places",
                str(max((int(row[4]) for row in rows), default=0)),
                f"≤ {MAX_PLACES}",
                all(int(row[4]) <= MAX_PLACES for row in rows),
            ),
            Target(
                "every page shorter than its article of over 300 words",
                str(longer_total),
                "0",
                longer_total == 0,
            ),
        ],
        examples=examples,
        seconds=time.perf_counter() - started,
    )


def read_corpora(options: Options) -> dict[str, tuple[list[Article], Registry]]:
    """Every corpus's articles, with the registry its build uses (the sample's own, else none)."""
    none = Registry(actors=())
    limit = options.limit
    return {
        "sample": (sample_articles(), load_registry(CONTENT)),
        "web_dev": (web_articles(options.eval_dir, _at_most(PER_SET["web_dev"], limit)), none),
        "PolNeAR": (
            record_articles(
                options.eval_dir / "quotes_polnear_dev.jsonl",
                _at_most(PER_SET["PolNeAR"], limit),
                lambda r: {"date": r["publication_date"], "title": r["title"]},
            ),
            none,
        ),
        "CNN/DM": (
            record_articles(
                options.eval_dir / "cnndm_dev.jsonl",
                _at_most(PER_SET["CNN/DM"], limit),
                lambda r: {"text": r["article"]},
            ),
            none,
        ),
        "BBC": (
            record_articles(
                options.eval_dir / "bbc_news.jsonl.gz",
                _at_most(PER_SET["BBC"], limit),
                lambda r: {"title": r["title"]},
            ),
            none,
        ),
    }


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _at_most(count: int, limit: int | None) -> int:
    return count if limit is None else min(count, limit)


def sample_articles() -> list[Article]:
    """The sample corpus's articles, as `briefs build` reads them."""
    return [read_article(path, CONTENT) for path in discover_articles(CONTENT)]


def web_articles(eval_dir: Path, count: int, seed: int | None = None) -> list[Article]:
    """web_dev pages as `briefs build` imports them: in id order, or `count` drawn with a seed."""
    folder = eval_dir / "web_dev" / "html"
    paths = sorted(folder.glob("*.html.gz"))
    if seed is not None:
        paths = sorted(random.Random(seed).sample(paths, min(count, len(paths))))
    articles = []
    for path in paths[:count]:
        name = path.name.removesuffix(".gz")
        try:
            html = decode_html(gzip.decompress(path.read_bytes()), name)
            articles.append(read_html_article(html, name, name.split(".")[0][:12]))
        except ContentError:
            continue  # a page without an article is the import benchmark's concern
    return articles


def record_articles(
    path: Path, count: int, fields: Callable[[dict[str, str]], dict[str, str]]
) -> list[Article]:
    """Articles of a JSON Lines dev set, each record's fields mapped to `briefs analyse`'s."""
    records = read_jsonl(path, count)
    return [
        article_from_record(
            {"id": str(record["id"]), "text": "", **record, **fields(record)}, "", i
        )
        for i, record in enumerate(records, 1)
    ]


def render_pages(articles: list[Article], registry: Registry) -> list[Page]:
    """Analyse, relate and render the articles as one corpus, as `briefs build` does."""
    nlp = load_model()
    install_registry(nlp, registry)
    briefs = settle_corpus_actors(
        relate_briefs(list(analyse_articles(articles, nlp, load_gazetteer(), registry)))
    )
    environment = make_environment(TEMPLATES)
    docs = nlp.pipe(brief.article.body for brief in briefs)
    return [
        # A caption the page ran into a sentence is a sentence of its own, as the brief counts
        # its places (`one_place`, `whole_sentences.parts_of`).
        Page(
            brief,
            render_brief(brief, environment),
            tuple(words_of(part.text) for part, _ in parts_of(doc)),
        )
        for brief, doc in zip(briefs, docs, strict=True)
    ]


def pages_of(corpus: str, options: Options) -> Iterator[Page]:
    """One corpus's rendered pages, for reading them (`python -m benchmarks.brief_pages`)."""
    articles, registry = read_corpora(options)[corpus]
    yield from render_pages(articles, registry)


def main() -> None:
    """Write one corpus's pages to a folder to read them: CORPUS FOLDER [--seed N --count N]."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("corpus", choices=["sample", *PER_SET])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, help="web_dev: draw --count pages with this seed")
    parser.add_argument("--count", type=int, default=10)
    arguments = parser.parse_args()
    options = Options()
    if arguments.corpus == "web_dev" and arguments.seed is not None:
        pages = render_pages(
            web_articles(options.eval_dir, arguments.count, arguments.seed), Registry(actors=())
        )
    else:
        pages = list(pages_of(arguments.corpus, options))
    arguments.folder.mkdir(parents=True, exist_ok=True)
    summary = []
    for page in pages:
        (arguments.folder / f"{page.brief.article.slug}.md").write_text(page.markdown, "utf-8")
        summary.append(
            {
                "slug": page.brief.article.slug,
                "article": page.brief.article.path,
                "page_words": page.page_words,
                "article_words": page.article_words,
                "most_places": page.most_places(),
            }
        )
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
