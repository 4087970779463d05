"""The site: a strict MkDocs build of generated briefs passes."""

from __future__ import annotations

import json
import re

from tests.seed_build import build_seed
from tests.strict_site import build_strict_site


def test_strict_site_build(tmp_path):
    report, brief = build_seed(tmp_path)
    assert not report.has_errors
    build_strict_site(tmp_path)
    page = (tmp_path / "site" / brief.stem / "index.html").read_text(encoding="utf-8")
    assert "Vladimir Putin" in page and 'class="grid cards"' in page
    assert "admonition abstract" in page
    # Each quote is a blockquote of its own, its speaker beneath it (not one merged block).
    quotes = page.split("id=quotes", 1)[1].split("id=related-reading", 1)[0]
    assert quotes.count("<blockquote>") == quotes.count("— <strong>") >= 1
    assert "— <strong>Yuri Ushakov</strong>" in quotes
    # Pages are minified (generator/site/lean_html.py): none of Material's indentation is left.
    assert "\n  " not in page and "<!--" not in page
    # The theme's icons are uses of one sprite file (generator/site/icon_sprite.py), not inline.
    assert "<use href=../assets/images/icons.svg#" in page and "<path" not in page
    sprite = (tmp_path / "site" / "assets" / "images" / "icons.svg").read_text(encoding="utf-8")
    assert sprite.count("<symbol") >= 5
    # The generator's bookkeeping folder is not published.
    assert not (tmp_path / "site" / ".generated").exists()
    # Search is Pagefind's: Material's own index keeps its settings (which its search box reads)
    # and no page; Pagefind indexes the brief, not the home page or the timeline that repeat it.
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text())
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert "data-pagefind-body" in page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    year = (tmp_path / "site" / "timeline" / "2000" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in home and "data-pagefind-body" not in year
    # Material's search box asks the Pagefind worker, which the site ships.
    settings = re.search(r'<script id="?__config"? type="?application/json"?>(.*?)</script>', page)
    assert settings and json.loads(settings.group(1))["search"] == (
        "../assets/javascripts/workers/pagefind.js"
    )
    # The theme's inline scripts are files of the site, which the page loads where they were.
    shared = re.findall(r'<script src="?(\.\./assets/javascripts/shared/[0-9a-f]+\.js)"?>', page)
    assert len(shared) >= 2 and "<script>__md_scope" not in page
    assert all((tmp_path / "site" / brief.stem / path).resolve().is_file() for path in shared)
    assert (tmp_path / "site" / "assets" / "javascripts" / "workers" / "pagefind.js").is_file()


def test_site_is_byte_identical_across_builds(tmp_path):
    build_seed(tmp_path)
    trees = []
    for name in ("first", "second"):
        folder = build_strict_site(tmp_path, name)
        trees.append(
            {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        )
    assert trees[0] == trees[1]
