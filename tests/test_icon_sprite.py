"""The theme's icons shared through one sprite file; the page's own SVG stays inline."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from generator.site.icon_sprite import sprite, symbols_of, with_icons_shared

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
CONTENT = '<p>A chart:</p><svg viewBox="0 0 10 10"><circle r="4"/></svg>'
PAGE = f"<header>{ICON}</header><article>{CONTENT}</article><nav>{ICON}</nav>"


def test_theme_icons_become_uses_of_one_symbol():
    symbols: dict[str, str] = {}
    page = with_icons_shared(PAGE, CONTENT, "../assets/images/icons.svg", symbols)
    assert len(symbols) == 1
    (name,) = symbols
    use = f'<use href="../assets/images/icons.svg#{name}"></use>'
    # The <svg> element and its attributes stay, so the theme's CSS sizes and colours it; its
    # namespace, which an HTML page gives it anyway, goes.
    element = f'<svg viewBox="0 0 24 24">{use}</svg>'
    assert page.count(element) == 2
    assert "M3 6h18v2H3z" not in page


def test_the_pages_own_svg_stays_inline():
    symbols: dict[str, str] = {}
    page = with_icons_shared(PAGE, CONTENT, "icons.svg", symbols)
    assert CONTENT in page
    assert all("circle" not in symbol for symbol in symbols.values())


def test_a_page_whose_content_is_not_found_is_left_as_it_is():
    symbols: dict[str, str] = {}
    assert with_icons_shared(PAGE, "<p>elsewhere</p>", "icons.svg", symbols) == PAGE
    assert symbols == {}


def test_the_sprite_is_svg_with_each_symbol_and_its_view_box():
    symbols: dict[str, str] = {}
    with_icons_shared(PAGE, None, "icons.svg", symbols)
    tree = ElementTree.fromstring(sprite(symbols))
    found = tree.findall("{http://www.w3.org/2000/svg}symbol")
    assert sorted(s.get("id") for s in found) == sorted(symbols)
    assert {s.get("viewBox") for s in found} == {"0 0 24 24", "0 0 10 10"}
    # A rebuild that writes a few pages reads the symbols back and adds to them.
    assert symbols_of(sprite(symbols)) == symbols
