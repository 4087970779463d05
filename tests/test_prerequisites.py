"""A missing prerequisite skips a test locally, saying why, and fails it in CI."""

from __future__ import annotations

import pytest

from tests.prerequisites import import_or_missing, missing


@pytest.mark.parametrize("value", ["true", "1", "TRUE"])
def test_in_ci_a_missing_prerequisite_fails_and_names_it(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=r"^missing in CI: no browser at /x$"):
        missing("no browser at /x")


@pytest.mark.parametrize("value", [None, "", "false"])
def test_locally_a_missing_prerequisite_skips_and_says_why(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception, match=r"^no browser at /x \(in CI this fails\)$"):
        missing("no browser at /x")


def test_a_module_that_is_not_installed_is_named_with_its_install(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(
        pytest.fail.Exception,
        match=r"^missing in CI: Python module no_such_module is not installed \(pip x\)$",
    ):
        import_or_missing("no_such_module", "pip x")
