"""The actor registry: validated by line, recognised ahead of the model, suggested from briefs."""

from __future__ import annotations

import textwrap

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.registry import RegisteredActor, Registry, install_registry, parse_registry
from generator.corpus.suggest import suggest_actors, suggestions_yaml
from generator.errors import BriefError

VALID = textwrap.dedent(
    """\
    - name: Vladimir Putin
      aliases: [Putin]
      description: President of Russia.
      wikidata: Q7747
    - name: Security Council of the United Nations
      kind: organisation
      aliases: [Security Council]
      id: unsc
    """
)


def test_valid_registry():
    registry = parse_registry(VALID, "content/actors.yml")
    assert [a.id for a in registry.actors] == ["vladimir-putin", "unsc"]
    assert registry.by_name("putin").name == "Vladimir Putin"
    assert registry.descriptions == {"vladimir-putin": "President of Russia."}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- name: A\n  kind: robot\n",
            "content/actors.yml:1: 'kind': expected one of person, organisation, country, place, "
            "group, got 'robot'",
        ),
        (
            "- name: A\n- kind: person\n",
            "content/actors.yml:2: 'name' is required and must be text",
        ),
        (
            "- name: A\n  alias: [B]\n",
            "content/actors.yml:1: unknown field 'alias'; expected one of name, id, kind, aliases, "
            "description, country, wikidata",
        ),
        (
            "- name: A\n  wikidata: 7747\n",
            "content/actors.yml:1: 'wikidata': expected an id like Q7747, got 7747",
        ),
        (
            "- name: A\n  aliases: [B]\n- name: C\n  aliases: [B]\n",
            "content/actors.yml:3: name 'b' of C is already used by A (line 1)",
        ),
        ("name: A\n", "content/actors.yml:1: expected a list of actors"),
        (
            "- name: [A\n",
            "content/actors.yml:2: not valid YAML: expected ',' or ']', but got '<stream end>'",
        ),
    ],
)
def test_errors_name_the_line(text, message):
    with pytest.raises(BriefError) as caught:
        parse_registry(text, "content/actors.yml")
    assert str(caught.value) == message


def test_every_problem_is_reported_at_once():
    with pytest.raises(BriefError) as caught:
        parse_registry("- kind: robot\n- name: B\n  wikidata: x\n", "actors.yml")
    assert len(str(caught.value).splitlines()) == 3


@pytest.fixture
def registered_english(english):
    registry = parse_registry(VALID, "actors.yml")
    install_registry(english, registry)
    yield english, registry
    install_registry(english, Registry())


def test_registered_names_are_found_and_merged(registered_english, gazetteer):
    english, registry = registered_english
    doc = english("Putin spoke to the Security Council on Monday. Later Putin left for Minsk.")
    index = extract_actors(doc, gazetteer, registry=registry)
    names = {actor.name: actor for actor in index.actors}
    assert names["Vladimir Putin"].mentions == 2
    assert names["Security Council of the United Nations"].id == "unsc"


def test_registry_match_inside_a_longer_name_is_left_to_the_model(registered_english, gazetteer):
    english, registry = registered_english
    doc = english("The US National Security Council spokesman John Kirby spoke on Monday.")
    index = extract_actors(doc, gazetteer, registry=registry)
    assert "Security Council of the United Nations" not in {a.name for a in index.actors}


def test_suggestions_leave_out_registered_actors_and_known_countries(english, gazetteer):
    from generator.analysis.analyse import brief_from_doc
    from generator.models import Article

    registry = Registry((RegisteredActor("vladimir-putin", "Vladimir Putin", "person"),))
    text = (
        "Vladimir Putin met Dmitry Peskov in Moscow. Dmitry Peskov, the Kremlin spokesman, spoke."
    )
    article = Article(path="a.md", slug="a", title="A", paragraphs=(text,))
    brief = brief_from_doc(article, english(text), gazetteer, registry)
    suggestions = suggest_actors([brief], registry, gazetteer)
    assert [s.name for s in suggestions] == ["Dmitry Peskov", "Kremlin"]
    assert suggestions_yaml(suggestions).startswith(
        "# seen in 1 brief, 2 mentions\n- name: Dmitry Peskov\n  kind: person\n"
        "  description: Kremlin spokesman\n"
    )


class Unlisted(tuple):
    def __iter__(self):
        raise AssertionError("the registry was scanned for one name")


def test_names_and_ids_are_found_by_index_not_by_scanning_every_actor():
    registry = parse_registry(VALID, "actors.yml")
    first = registry.actors[1]
    object.__setattr__(registry, "actors", Unlisted(registry.actors))
    assert registry.by_name(first.name.upper()) == first
    assert all(registry.by_name(alias.casefold()) == first for alias in first.aliases)
    assert registry.by_id(first.id) == first
    assert registry.by_name("nobody registered") is None
