"""Rendering: article text is escaped so it never becomes markup."""

from __future__ import annotations

import markdown
import pytest

from generator.render import escape_markdown, safe_url

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences"]


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<iframe src='https://example.org'></iframe>",
        "[click](javascript:alert(1))",
        "![x](https://example.org/x.png)",
        "**bold** _under_ `code`",
        "ends with an attribute list { onclick=alert(1) }",
        "{: .admonition onclick=alert(1) }",
        "# heading",
        "- list item",
        "1961. A year",
        "&lt;b&gt; entity &amp;",
    ],
)
def test_escaped_text_renders_as_the_same_text(payload):
    html = markdown.markdown(f"- {escape_markdown(payload)}", extensions=EXTENSIONS)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "href" not in html and "onclick=" not in html.replace("onclick=alert", "")
    text = html.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert unescaped.replace("&amp;", "&") == payload


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("javascript:alert(1)", ""),
        ("https://example.org/<script>", ""),
        (None, ""),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected
