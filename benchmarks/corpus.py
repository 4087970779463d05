"""A corpus of real, cased news for the site benchmarks: eval records in, content/ files out.

Every cased English news set of the eval folder gives its articles once (BBC News, the
CNN/DailyMail dev stories, the ECB+ documents, the PolNeAR articles); copies of them under new
slugs, titles and dates make up the rest, round after round, until the corpus has the size asked
for. The files are written at run time into a folder of the caller's choosing: eval text never
enters the repository. The same size always gives the same files, byte for byte, so the analyses
a build keeps in its cache (by file name and bytes) serve every later run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import read_jsonl

TITLE_WORDS = 10
COPY_YEARS = 2
"""A copy of round r is dated r times this many years after its original."""


@dataclass(frozen=True)
class EvalSet:
    """One eval file and how its records become articles."""

    file: str
    source: str
    first_day: dt.date | None
    """Articles without a date of their own are spread over the two years from this day; None
    leaves them undated (as ECB+ documents are), so undated briefs are part of the site too."""


EVAL_SETS = (
    EvalSet("bbc_news.jsonl.gz", "BBC News", dt.date(2004, 1, 1)),
    EvalSet("cnndm_dev.jsonl", "CNN / Daily Mail", dt.date(2015, 1, 1)),
    EvalSet("clusters_dev.jsonl", "ECB+", None),
    EvalSet("quotes_polnear_dev.jsonl", "PolNeAR", None),
)


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the corpus, ready to write as Markdown with front matter."""

    name: str
    """File name in content/."""
    title: str
    date: dt.date | None
    source: str
    slug: str
    text: str

    def markdown(self) -> str:
        front = {"title": self.title, "source": self.source, "slug": self.slug}
        if self.date is not None:
            front["date"] = self.date.isoformat()
        # JSON strings are valid YAML scalars, whatever the title holds.
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n" + self.text.strip() + "\n"


def originals(eval_dir: Path) -> list[CorpusArticle]:
    """Every article of the cased eval sets once, in file order."""
    articles = []
    for eval_set in EVAL_SETS:
        for record in read_jsonl(eval_dir / eval_set.file):
            articles.append(_article(record, eval_set))
    return articles


def _article(record: dict[str, Any], eval_set: EvalSet) -> CorpusArticle:
    text = record.get("text") or record["article"]
    title = record.get("title") or " ".join(text.split()[:TITLE_WORDS])
    identifier = record["id"].replace("/", "-").replace("_", "-").lower()
    date = _date(record, eval_set)
    return CorpusArticle(
        f"{identifier}.md", " ".join(title.split()), date, eval_set.source, identifier, text
    )


def _date(record: dict[str, Any], eval_set: EvalSet) -> dt.date | None:
    if record.get("publication_date"):
        return dt.date.fromisoformat(record["publication_date"])
    if eval_set.first_day is None:
        return None
    # The same record always gets the same day, whatever else the corpus holds.
    day = int(hashlib.sha256(record["id"].encode()).hexdigest(), 16) % 730
    return eval_set.first_day + dt.timedelta(days=day)


def corpus(eval_dir: Path, size: int) -> Iterator[CorpusArticle]:
    """The originals, then copies of them round by round, size articles in all."""
    found = originals(eval_dir)
    for number in range(size):
        original = found[number % len(found)]
        round_ = number // len(found)
        yield original if round_ == 0 else _copy(original, round_)


def _copy(original: CorpusArticle, round_: int) -> CorpusArticle:
    date = original.date
    if date is not None:
        date = date.replace(year=date.year + COPY_YEARS * round_, day=min(date.day, 28))
    slug = f"{original.slug}-copy-{round_}"
    return CorpusArticle(
        f"{slug}.md",
        f"{original.title} (copy {round_})",
        date,
        original.source,
        slug,
        original.text,
    )


def write_corpus(eval_dir: Path, size: int, content_dir: Path) -> int:
    """Write the corpus of size articles into content_dir, leaving files already equal as they
    are (so their times, and the build's record of them, stay); return the number of files."""
    content_dir.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for article in corpus(eval_dir, size):
        wanted.add(article.name)
        path = content_dir / article.name
        text = article.markdown()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in content_dir.glob("*.md"):
        if path.name not in wanted:
            path.unlink()
    return len(wanted)
