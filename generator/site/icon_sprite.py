"""The theme's icons written once for the whole site, not inline on every page.

Material inlines each icon of its chrome as an `<svg>` element on every page: the logo and the
repository's icon twice (header and drawer), the search, clear, back and edit icons, the two
colour-scheme toggles; about 4 KB a page, a third of an actor page. Here each of those icons
becomes a `<symbol>` of one sprite file, and the page keeps its `<svg>` element (its attributes,
so Material's CSS sizes and colours it as before) with a `<use>` of the symbol inside: about
110 bytes an icon, and the browser fetches the sprite once for the whole site.

Only the icons of the theme are moved: an `<svg>` inside the page's own content (the HTML that
its Markdown became) stays where its author put it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from generator.site.lean_html import outside_content

SPRITE_PATH = "assets/images/icons.svg"
"""Where the sprite goes in the built site."""
SVG_ELEMENT = re.compile(r"<svg\b([^>]*)>(.*?)</svg>", re.DOTALL)
"""An inline icon: Material's icons hold paths only, never a nested `<svg>`."""
SVG_NAMESPACE = re.compile(r"""\s+xmlns\s*=\s*["']http://www\.w3\.org/2000/svg["']""")
"""Needless in an HTML page, whose parser puts every `<svg>` in the SVG namespace anyway."""
VIEW_BOX = re.compile(r"""\bviewBox\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def symbol_id(attributes: str, children: str) -> str:
    """A name for the icon that only the same markup gets (so it is stable from build to build)."""
    digest = hashlib.sha1(f"{attributes}>{children}".encode(), usedforsecurity=False)
    return f"i{digest.hexdigest()[:8]}"


def symbol(attributes: str, children: str) -> str:
    """The icon as a `<symbol>` of the sprite, drawn in its own coordinates."""
    view_box = VIEW_BOX.search(attributes)
    box = f' viewBox="{view_box.group(1)}"' if view_box else ""
    return f'<symbol id="{symbol_id(attributes, children)}"{box}>{children}</symbol>'


def with_icons_shared(
    html: str, content: str | None, sprite_url: str, symbols: dict[str, str]
) -> str:
    """The page with each of the theme's inline icons made a use of the sprite.

    `content` is the page's own HTML (its Markdown rendered), whose icons stay inline;
    `sprite_url` is the sprite's address from the page; the symbols the page uses are added to
    `symbols` (by id). A page whose content cannot be found in it is left as it is.
    """

    def shared(match: re.Match[str]) -> str:
        attributes, children = match.group(1), match.group(2)
        name = symbol_id(attributes, children)
        symbols.setdefault(name, symbol(attributes, children))
        kept = SVG_NAMESPACE.sub("", attributes)
        return f'<svg{kept}><use href="{sprite_url}#{name}"></use></svg>'

    return outside_content(html, content, lambda chrome: SVG_ELEMENT.sub(shared, chrome))


def sprite(symbols: Mapping[str, str]) -> str:
    """The sprite file: every symbol, in the order of their ids (the same site, the same bytes)."""
    body = "".join(markup for _, markup in sorted(symbols.items()))
    return f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>\n'


def symbols_of(sprite_text: str) -> dict[str, str]:
    """The symbols of a sprite written before, by id (a dirty rebuild adds to them)."""
    return {
        match.group(1): match.group(0)
        for match in re.finditer(r'<symbol id="([^"]+)".*?</symbol>', sprite_text, re.DOTALL)
    }
