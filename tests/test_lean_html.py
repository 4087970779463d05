"""Built pages minified: what a browser ignores goes, what it shows stays."""

from __future__ import annotations

import json
from html import escape, unescape

from hypothesis import given
from hypothesis import strategies as st

from generator.site.lean_html import minified

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <!-- Material's chrome -->
    <script id="__config" type="application/json">{"base": "..", "search": "a b.js"}</script>
  </head>
  <body>
    <div data-pagefind-body>
      <h1 id="ports">Ports</h1>
      <p>Rotterdam <strong>reopened</strong> on Monday, officials said.</p>
      <pre><code>two  spaces
  and an indent</code></pre>
    </div>
  </body>
</html>
"""


def test_indentation_and_comments_go():
    lean = minified(PAGE)
    assert "\n" not in lean.split("<pre>", 1)[0]
    assert "Material's chrome" not in lean
    assert len(lean) < len(PAGE) * 0.8


def test_text_inline_spacing_and_preformatted_text_stay():
    lean = minified(PAGE)
    assert "<p>Rotterdam <strong>reopened</strong> on Monday, officials said.</p>" in lean
    assert "<pre><code>two  spaces\n  and an indent</code></pre>" in lean


def test_search_marker_and_settings_stay():
    lean = minified(PAGE)
    assert "<div data-pagefind-body>" in lean
    settings = lean.split("type=application/json>", 1)[1].split("</script>", 1)[0]
    assert json.loads(settings) == {"base": "..", "search": "a b.js"}


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=80))
def test_words_of_a_paragraph_survive(text):
    lean = minified(f"<p>{escape(text, quote=False)}</p>")
    assert lean.startswith("<p>") and lean.endswith("</p>")
    # A browser collapses runs of spaces; the words it shows are the same.
    assert unescape(lean[3:-4]).split() == text.split()
