"""A server's walk of the docs folder gives MkDocs' own `Files`, making only what is new."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import get_files
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.site.kept_files import KeptFiles
from generator.site.mkdocs_plugin import BriefsPlugin

PAGES = (
    "index.md",
    "zebra.md",
    "a/README.md",
    "a/index.md",
    "a/b/deep.md",
    "a/b/README.md",
    "drafts/plan.md",
    ".hidden/base.md",
    "pictures/map.png",
    "style.css",
)


def described(files: Files) -> list[tuple[str, str, str, str, str]]:
    """What a build reads of each file, in the collection's order."""
    return [(f.src_uri, f.dest_uri, f.url, f.inclusion.name, f.abs_src_path or "") for f in files]


def config_of(project: Path, settings: str = ""):
    (project / "mkdocs.yml").write_text(f"site_name: Walked\n{settings}", encoding="utf-8")
    return load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))


def write(docs: Path, paths: tuple[str, ...]) -> None:
    for path in paths:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("# A page\n", encoding="utf-8")


def test_the_kept_walk_gives_mkdocs_files_and_makes_only_new_paths(tmp_path):
    docs = tmp_path / "docs"
    write(docs, PAGES)
    config = config_of(tmp_path, "draft_docs: drafts/\n")
    kept = KeptFiles()
    assert described(kept.get_files(config)) == described(get_files(config))
    assert kept.made == len(PAGES)
    # Nothing new: copies of what was made, none shared with the last build's files.
    first = kept.get_files(config)
    again = kept.get_files(config)
    assert kept.made == 0
    assert described(again) == described(get_files(config))
    assert not {id(file) for file in first} & {id(file) for file in again}
    # A page set on a file by a build is not carried into the next one.
    first.src_uris["zebra.md"].page = object()  # type: ignore[assignment]
    assert kept.get_files(config).src_uris["zebra.md"].page is None
    # A page added and one removed: only the new one is made, the removed one is gone.
    write(docs, ("a/b/new.md",))
    (docs / "zebra.md").unlink()
    assert described(kept.get_files(config)) == described(get_files(config))
    assert kept.made == 1
    assert "zebra.md" not in kept.get_files(config).src_uris


def test_new_settings_make_every_file_anew(tmp_path):
    docs = tmp_path / "docs"
    write(docs, PAGES)
    kept = KeptFiles()
    kept.get_files(config_of(tmp_path))
    for settings in ("exclude_docs: drafts/\n", "use_directory_urls: false\n"):
        config = config_of(tmp_path, settings)
        assert described(kept.get_files(config)) == described(get_files(config))
        assert kept.made == len(PAGES)


def theme_files(files: Files, config) -> list[tuple[str, str, str]]:
    """The theme's files a build adds to files, in order."""
    env = config.theme.get_env()
    before = len(files)
    files.add_files_from_theme(env, config)
    return [(f.src_uri, f.src_dir or "", f.dest_uri) for f in list(files)[before:]]


def test_the_theme_is_listed_again_only_when_a_folder_of_it_changes(tmp_path):
    docs, theme = tmp_path / "docs", tmp_path / "overrides"
    write(docs, ("index.md", "extra.css"))
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "site.js").write_text("// a script\n", encoding="utf-8")
    (theme / "extra.css").write_text("/* overridden by the docs' own */\n", encoding="utf-8")
    config = config_of(tmp_path, f"theme:\n  name: mkdocs\n  custom_dir: {theme}\n")
    kept = KeptFiles()

    def both() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        return theme_files(kept.get_files(config), config), theme_files(get_files(config), config)

    ours, mkdocs_own = both()
    assert ours == mkdocs_own
    assert ("assets/site.js", str(theme), "assets/site.js") in ours
    assert not any(path == "extra.css" for path, _, _ in ours)  # the docs' file wins
    # Nothing changed: the same files, no new listing.
    assert both()[0] == mkdocs_own
    assert kept.theme.listings == 1
    # A file added deep in the theme, one removed: listed again, as MkDocs lists it.
    (theme / "assets" / "more").mkdir()
    (theme / "assets" / "more" / "added.js").write_text("// new\n", encoding="utf-8")
    (theme / "assets" / "site.js").unlink()
    ours, mkdocs_own = both()
    assert ours == mkdocs_own
    assert any(path == "assets/more/added.js" for path, _, _ in ours)
    assert not any(path == "assets/site.js" for path, _, _ in ours)
    assert kept.theme.listings == 2


def test_a_served_rebuilds_theme_environments_share_compiled_templates(tmp_path):
    write(tmp_path / "docs", ("index.md",))
    config = config_of(tmp_path, "theme:\n  name: mkdocs\n")
    plugin = BriefsPlugin()
    plugin.on_startup(command="serve", dirty=True)
    try:
        config.theme.get_env().get_template("main.html")
        compiled = dict(plugin.bytecode.kept)
        assert compiled
        # A later rebuild's environment (Material's search settings make one) compiles nothing.
        assert config.theme.get_env().bytecode_cache is plugin.bytecode
    finally:
        plugin.on_shutdown()
    assert config.theme.get_env().bytecode_cache is None
