"""The pages that list briefs and actors: every `Brief` in, the home page and indexes out.

No page lists thousands of items, whatever the corpus: the home page shows the newest briefs and
links a page per month (undated briefs by the first letter of their title); the actors and tags
indexes link a page per letter; a month or letter of more than `PAGE_ITEMS` items is split
into numbered pages. Each page's key is what it shows, so a changed brief renders again only the
pages that list it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from jinja2 import Environment

from generator.corpus.actor_pages import ActorPagesMade
from generator.corpus.pages import PlannedPage, page_key
from generator.models import ActorPage, Brief
from generator.site.render import (
    period_heading,
    render_actor_letter,
    render_actors_index,
    render_archive_page,
    render_index,
    render_tags_letter,
    render_tags_page,
)

INDEX_PAGE = "index.md"
TAGS_PAGE = "tags.md"
ACTORS_INDEX = "actors/index.md"
MONTHS_FOLDER = "months"
"""Pages of the briefs of one month (`months/2024-06.md`), or undated ones by letter."""
ACTORS_BY_NAME = "actors/by-name"
"""Pages of the actors whose names start with one letter; no actor id has a slash."""
TAGS_FOLDER = "tags"
HOME_BRIEFS = 50
"""The newest briefs the home page lists itself."""
PAGE_ITEMS = 500
"""The most items one listing page holds: more and it is split."""
OTHER_LETTER = "#"
"""Where names that do not start with a letter of the Latin alphabet are listed."""
MIN_BRIEFS_FOR_A_PAGE = 2
"""An actor seen in fewer briefs has no page (unless registered): its brief's card says it all."""

Item = TypeVar("Item")


@dataclass(frozen=True)
class ListingPage:
    """One page of a paged list: where it is, what it is called and how many items it lists."""

    name: str
    """Its path in briefs/."""
    label: str
    """What a link to it says ("June 2024", "A", "S (2)")."""
    count: int


def has_actor_page(page: ActorPage, registered: Collection[str]) -> bool:
    """Tell whether an actor gets a page: seen in two briefs or more, or in the registry."""
    return len(page.appearances) >= MIN_BRIEFS_FOR_A_PAGE or page.id in registered


@functools.cache  # `briefs serve` files the same 16,000 names at every rebuild
def letter_of(name: str) -> str:
    """The letter a name is listed under: its first letter, accents dropped ("Émile": "e")."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    first = next((char for char in decomposed if char.isalnum()), "")
    return first if "a" <= first <= "z" else OTHER_LETTER


def paged(
    items: Sequence[Item], folder: str, key: str, label: str
) -> list[tuple[ListingPage, Sequence[Item]]]:
    """Split items into pages of at most PAGE_ITEMS: `folder/key.md`, then `folder/key-2.md`."""
    parts = [items[start : start + PAGE_ITEMS] for start in range(0, len(items), PAGE_ITEMS)]
    pages = []
    for number, part in enumerate(parts, 1):
        suffix, label_suffix = ("", "") if number == 1 else (f"-{number}", f" ({number})")
        page = ListingPage(f"{folder}/{key}{suffix}.md", f"{label}{label_suffix}", len(part))
        pages.append((page, part))
    return pages


def by_key(items: Sequence[Item], key: Callable[[Item], str]) -> dict[str, list[Item]]:
    """Items grouped by a key, keeping their order within each group."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def plan_home(
    newest: Sequence[Brief], environment: Environment, context: str
) -> dict[str, PlannedPage]:
    """The home page and the archive: a page per month, and undated briefs by letter.

    newest: every brief, newest first, undated ones last by title.
    """
    pages: dict[str, PlannedPage] = {}
    dated = by_key([b for b in newest if b.article.date], lambda b: str(b.article.date)[:7])
    undated = by_key(
        [b for b in newest if not b.article.date], lambda b: letter_of(b.article.title)
    )
    archive: list[ListingPage] = []
    for period, briefs in dated.items():
        for listing, part in paged(briefs, MONTHS_FOLDER, period, period_heading(period)):
            archive.append(listing)
            pages[listing.name] = _briefs_page(listing, part, environment, context)
    undated_pages: list[ListingPage] = []
    for letter in sorted(undated):
        key = "undated-other" if letter == OTHER_LETTER else f"undated-{letter}"
        for listing, part in paged(undated[letter], MONTHS_FOLDER, key, letter.upper()):
            undated_pages.append(listing)
            pages[listing.name] = _briefs_page(listing, part, environment, context)
    shown = list(newest[:HOME_BRIEFS])
    pages[INDEX_PAGE] = PlannedPage(
        page_key(
            context,
            INDEX_PAGE,
            str(len(newest)),
            _briefs_digest(shown),
            repr(archive),
            repr(undated_pages),
        ),
        partial(render_index, shown, len(newest), archive, undated_pages, environment),
    )
    return pages


def _briefs_page(
    listing: ListingPage, briefs: Sequence[Brief], environment: Environment, context: str
) -> PlannedPage:
    return PlannedPage(
        page_key(context, listing.name, listing.label, _briefs_digest(briefs)),
        partial(render_archive_page, listing, list(briefs), environment),
    )


def _briefs_digest(briefs: Sequence[Brief]) -> str:
    """What a listing shows of each brief: most changes to a brief leave it as it was."""
    return repr(
        [(b.article.slug, b.article.title, str(b.article.date), b.at_a_glance) for b in briefs]
    )


def plan_actors_index(
    actor_pages: Sequence[ActorPage],
    with_pages: Collection[str],
    environment: Environment,
    context: str,
    made: ActorPagesMade | None = None,
) -> dict[str, PlannedPage]:
    """The actors index: a page per letter of every actor, with or without a page of their own.

    With made (`briefs serve`), a letter's key is taken again while it lists the very same
    actor pages objects, each with or without a page as before.
    """
    pages: dict[str, PlannedPage] = {}
    letters: list[ListingPage] = []
    groups = by_key(actor_pages, lambda page: letter_of(page.name))
    for letter in sorted(groups):
        key = "other" if letter == OTHER_LETTER else letter
        for listing, part in paged(groups[letter], ACTORS_BY_NAME, key, letter.upper()):
            letters.append(listing)
            make = partial(_actor_letter_key, listing, part, with_pages, context)
            if made is None:
                key = make()
            else:
                linked = tuple(page.id in with_pages for page in part)
                key = made.key_once(listing.name, part, (listing.label, context, linked), make)
            pages[listing.name] = PlannedPage(
                key, partial(render_actor_letter, listing, list(part), with_pages, environment)
            )
    pages[ACTORS_INDEX] = PlannedPage(
        page_key(context, ACTORS_INDEX, repr(letters), str(len(actor_pages)), str(len(with_pages))),
        partial(render_actors_index, letters, len(actor_pages), len(with_pages), environment),
    )
    return pages


def _actor_letter_key(
    listing: ListingPage, part: Sequence[ActorPage], with_pages: Collection[str], context: str
) -> str:
    shown = [
        (
            page.id,
            page.name,
            page.kind,
            page.id in with_pages,
            page.appearances[0].slug,
            page.appearances[0].title,
            len(page.appearances),
        )
        for page in part
    ]
    return page_key(context, listing.name, listing.label, repr(shown))


def plan_tags(
    briefs: Sequence[Brief], environment: Environment, context: str
) -> dict[str, PlannedPage]:
    """The tags index: a page per letter, each listing its tags with their briefs.

    Material's tags plugin fills each page in; the page names the tags it lists.
    """
    tags = sorted({tag for brief in briefs for tag in brief.tags}, key=lambda t: (t.casefold(), t))
    pages: dict[str, PlannedPage] = {}
    letters: list[ListingPage] = []
    groups = by_key(tags, letter_of)
    for letter in sorted(groups):
        key = "other" if letter == OTHER_LETTER else letter
        for listing, part in paged(groups[letter], TAGS_FOLDER, key, letter.upper()):
            letters.append(listing)
            pages[listing.name] = PlannedPage(
                page_key(context, listing.name, listing.label, repr(part)),
                partial(render_tags_letter, listing, list(part), environment),
            )
    pages[TAGS_PAGE] = PlannedPage(
        page_key(context, TAGS_PAGE, repr(letters)),
        partial(render_tags_page, letters, environment),
    )
    return pages
