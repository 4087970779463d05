"""The theme's inline scripts loaded from shared files; the page's own scripts stay inline."""

from __future__ import annotations

import json

from generator.site.shared_scripts import SCRIPTS_FOLDER, script_path, with_scripts_shared

SCOPE = '__md_scope=new URL("..",location)'
SETTINGS = '{"base": "..", "search": "../assets/a.js", "end": "</b>"}'
CONTENT = "<p>A widget:</p><script>drawChart()</script>"
PAGE = (
    f"<head><script>{SCOPE}</script></head><body><article>{CONTENT}</article>"
    f'<script id="__config" type="application/json">{SETTINGS}</script>'
    f"<script>{SCOPE}</script><script src=../bundle.js></script></body>"
)


def from_page(path: str) -> str:
    return f"../{path}"


def test_theme_scripts_become_one_shared_file_each():
    scripts: dict[str, str] = {}
    page = with_scripts_shared(PAGE, CONTENT, from_page, scripts)
    path = script_path(SCOPE)
    assert path.startswith(f"{SCRIPTS_FOLDER}/") and path.endswith(".js")
    assert scripts == {path: SCOPE}
    # In the same places, so each still runs before what follows it.
    assert page.count(f'<script src="../{path}"></script>') == 2
    assert SCOPE not in page
    assert "<script src=../bundle.js></script>" in page


def test_the_pages_own_scripts_stay_inline():
    scripts: dict[str, str] = {}
    page = with_scripts_shared(PAGE, CONTENT, from_page, scripts)
    assert CONTENT in page
    assert "drawChart()" not in "".join(scripts.values())


def test_the_theme_settings_stay_inline_and_compact():
    page = with_scripts_shared(PAGE, CONTENT, from_page, {})
    start = page.index('type="application/json">') + len('type="application/json">')
    settings = page[start : page.index("</script>", start)]
    assert json.loads(settings) == json.loads(SETTINGS)
    assert ": " not in settings and "</b>" not in settings


def test_a_page_whose_content_is_not_found_is_left_as_it_is():
    scripts: dict[str, str] = {}
    assert with_scripts_shared(PAGE, "<p>elsewhere</p>", from_page, scripts) == PAGE
    assert scripts == {}
