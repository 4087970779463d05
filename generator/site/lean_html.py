"""Built pages without the bytes a browser does not need: Material's indentation and comments.

Material's templates indent every line of its chrome; at 10,000 briefs that whitespace alone is
tens of megabytes. minify-html (MIT, Rust) parses the page as a browser does and drops what
cannot change what the browser shows: space between block tags, comments, optional quotes
around attribute values. Text, `<pre>` blocks and inline spacing stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable

import minify_html


def minified(html: str) -> str:
    """The page with the whitespace, comments and quotes a browser ignores taken out."""
    return minify_html.minify(
        html,
        # Kept so that any tool reading the site (Pagefind, a link checker, a test's
        # substring) sees well-formed markup; they cost a few hundred bytes a page.
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        minify_css=True,
        # Material's inline scripts are minified already; its settings are JSON, not code.
        minify_js=False,
    )


def outside_content(html: str, content: str | None, change: Callable[[str], str]) -> str:
    """The page with `change` made to the theme's markup around its content, not to the content.

    `content` is the page's own HTML (its Markdown rendered); where it is not found in the page,
    the page is left as it is, since what is the theme's cannot be told apart.
    """
    if not content:
        return change(html)
    before, separator, after = html.partition(content)
    if not separator:
        return html
    return change(before) + separator + change(after)
