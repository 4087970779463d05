"""What a build did to each page, and every problem it met: the build's answer to its caller."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.site.conflicts import FoundBlock
from generator.site.write import WriteOutcome, WriteResult


@dataclass
class BuildReport:
    """What a build did (or, with check, would do) to each page, and every problem it met."""

    results: dict[str, WriteResult] = field(default_factory=dict)
    """Page file name -> what happened to it."""
    removed: list[str] = field(default_factory=list)
    """Briefs removed because their article is gone and nobody edited them."""
    orphans: list[str] = field(default_factory=list)
    """Briefs whose article is gone, kept because they hold hand edits."""
    errors: list[str] = field(default_factory=list)
    reviews: dict[str, tuple[FoundBlock, ...]] = field(default_factory=dict)
    """Pages holding "Regenerated text" blocks that await a reviewer, after this build."""
    analysed: int = 0
    """Articles parsed in this run; the others' analyses came from a cache."""
    articles: int = 0

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def count(self, outcome: WriteOutcome) -> int:
        return sum(1 for result in self.results.values() if result.outcome is outcome)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(o)} {o.value}" for o in WriteOutcome if self.count(o))
        extra = f", {len(self.removed)} removed" if self.removed else ""
        reused = self.articles - self.analysed
        analysis = f"{_articles(self.analysed)} analysed" + (
            f", {reused} unchanged from the cache" if reused else ""
        )
        return (
            f"{len(self.results)} pages: {counts or 'none'}{extra}; {analysis}; "
            f"{len(self.errors)} errors"
        )

    def stale(self) -> list[str]:
        """Pages a build would change or that await a reviewer (for `build --check`)."""
        changing = (WriteOutcome.NEW, WriteOutcome.UPDATED, WriteOutcome.MERGED)
        return sorted(
            [name for name, r in self.results.items() if r.outcome in changing]
            + [name for name, r in self.results.items() if r.outcome is WriteOutcome.CONFLICT]
            + self.removed
        )


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"
