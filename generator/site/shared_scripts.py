"""The theme's inline scripts written once for the whole site, not on every page.

Material puts the same small scripts inline on every page: one that defines the local storage
helpers (`__md_scope`, `__md_get`, ...), one that applies the reader's colour scheme as soon as
the header's palette exists, one that opens the tab a link points at; about 1.1 KB a page, the
same text on every page of a depth (`__md_scope` names the site's root relative to the page).
Here each becomes a file of the site named by a digest of its text, and the page keeps a
`<script src>` in its place: a classic script with a `src` runs at the same point of the page,
before anything after it, as the inline one did, and the browser fetches it once.

Material's settings (`<script id="__config" type="application/json">`) are data the theme reads
from the page, so they stay inline, written compactly. Scripts inside the page's own content
(the HTML its Markdown became) are left as their author wrote them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable

from generator.site.lean_html import outside_content

SCRIPTS_FOLDER = "assets/javascripts/shared"
"""Where the shared scripts go in the built site, one file each, named by digest."""
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
"""A script of the theme without attributes: JavaScript, inline (Material writes them so)."""
THEME_SETTINGS = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


def script_path(code: str) -> str:
    """The script's file in the site: only the same code gets the same name."""
    digest = hashlib.sha1(code.encode(), usedforsecurity=False).hexdigest()[:10]
    return f"{SCRIPTS_FOLDER}/{digest}.js"


def with_scripts_shared(
    html: str, content: str | None, url_of: Callable[[str], str], scripts: dict[str, str]
) -> str:
    """The page with the theme's inline scripts loaded from shared files, its settings compact.

    `url_of` gives the address from the page of a file of the site; the scripts the page uses are
    added to `scripts` (code by path in the site). A page whose content cannot be found in it
    is left as it is.
    """

    def shared(match: re.Match[str]) -> str:
        code = match.group(1)
        path = script_path(code)
        scripts.setdefault(path, code)
        return f'<script src="{url_of(path)}"></script>'

    def compact(match: re.Match[str]) -> str:
        try:
            settings = json.loads(match.group(2))
        except ValueError:  # not the theme's JSON after all: left as it is
            return match.group(0)
        text = json.dumps(settings, separators=(",", ":")).replace("</", "<\\/")
        return match.group(1) + text + match.group(3)

    return outside_content(
        html, content, lambda chrome: THEME_SETTINGS.sub(compact, INLINE_SCRIPT.sub(shared, chrome))
    )
