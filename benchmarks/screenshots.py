"""Screenshots of a built site for a person to look at: the home page, a paged index, a brief, an
actor page and the search box with results, light and dark.

python -m benchmarks.screenshots SITE_DIR NAME [--query WORD] [--actor ID] [--letter L]
                                            [--brief SLUG]

Writes test-artifacts/NAME-<page>-<scheme>.png (git-ignored) with headless Chromium.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.site_server import CHROMIUM, CHROMIUM_ARGS, serve

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SCHEMES = {"light": "default", "dark": "slate"}


def take(site: Path, name: str, query: str, actor: str, letter: str, brief: str = "") -> list[Path]:
    """Take every screenshot of the site; return their paths."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    taken = []
    pages = {"home": "", "index": f"actors/by-name/{letter}/", "actor": f"actors/{actor}/"}
    if brief:
        pages["brief"] = f"{brief}/"
    with serve(site) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for scheme, color in SCHEMES.items():
            context = browser.new_context(
                color_scheme="dark" if scheme == "dark" else "light",
                viewport={"width": 1280, "height": 900},
            )
            context.route("https://**", lambda route: route.fulfill(status=200, body="{}"))
            page = context.new_page()
            for label, path in pages.items():
                page.goto(f"{url}/{path}")
                page.wait_for_load_state("networkidle")
                assert page.locator("body").get_attribute("data-md-color-scheme") == color
                taken.append(ARTIFACTS / f"{name}-{label}-{scheme}.png")
                page.screenshot(path=str(taken[-1]))
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(query, delay=60)
            page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
            page.wait_for_timeout(500)
            taken.append(ARTIFACTS / f"{name}-search-{scheme}.png")
            page.screenshot(path=str(taken[-1]))
            context.close()
        browser.close()
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("name")
    parser.add_argument("--query", default="Putin")
    parser.add_argument("--actor", default="vladimir-putin")
    parser.add_argument("--letter", default="k")
    parser.add_argument("--brief", default="putin-makes-first-visit-to-north-korea-in-24-years")
    arguments = parser.parse_args()
    for path in take(
        arguments.site,
        arguments.name,
        arguments.query,
        arguments.actor,
        arguments.letter,
        arguments.brief,
    ):
        print(path)


if __name__ == "__main__":
    main()
