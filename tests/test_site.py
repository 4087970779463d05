"""The site: a strict MkDocs build of generated briefs passes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.seed_build import PROJECT, build_seed


def test_strict_site_build(tmp_path):
    report, brief = build_seed(tmp_path)
    assert not report.has_errors
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / brief.stem / "index.html").read_text(encoding="utf-8")
    assert "Vladimir Putin" in page and 'class="grid cards"' in page
    assert "admonition abstract" in page
    # Each quote is a blockquote of its own, its speaker beneath it (not one merged block).
    quotes = page.split("id=quotes", 1)[1].split("id=related-reading", 1)[0]
    assert quotes.count("<blockquote>") == 2
    assert "— <strong>John Kirby</strong>" in quotes
    # Pages are minified (generator/site/lean_html.py): none of Material's indentation is left.
    assert "\n  " not in page and "<!--" not in page
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
    assert '"search": "../assets/javascripts/workers/pagefind.js"' in page
    assert (tmp_path / "site" / "assets" / "javascripts" / "workers" / "pagefind.js").is_file()


def test_site_is_byte_identical_across_builds(tmp_path):
    build_seed(tmp_path)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    # Sitemaps carry the build date; SOURCE_DATE_EPOCH pins it (the Makefile sets it from git).
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1718755200"}
    trees = []
    for name in ("first", "second"):
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", name],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            check=True,
        )
        folder = tmp_path / name
        trees.append(
            {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        )
    assert trees[0] == trees[1]
