"""Every command has --help and is documented in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.seed_build import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_and_is_in_readme(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert f"`briefs {name}" in README


def test_readme_gives_the_two_fresh_machine_commands():
    assert "make serve" in README and "make test" in README
