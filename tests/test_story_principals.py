"""The story's principals get cards: the persons and bodies an article names most, the people
it names again and quotes, and whom the lead's act is "of"; a competition is no principal
however often named. Invented sentences and actors."""

from __future__ import annotations

from generator.analysis.competitions import is_a_competition
from generator.analysis.lead_subjects import lead_subjects
from generator.analysis.most_named import most_named
from generator.analysis.one_place import voices
from generator.analysis.rule_files import packaged_data
from generator.models import Actor, Article, Brief, Quote


def _actor(name: str, mentions: int, kind: str = "organisation") -> Actor:
    return Actor(name.lower(), name, kind, None, (), mentions)


STORY = "Pearfruit cut prices. Harbour Party and Green Party met. Northern Premiership ended."


def test_the_body_named_far_more_than_any_other_is_a_principal(english):
    actors = (
        _actor("Pearfruit", 14),
        _actor("Cablecraft", 4),
        _actor("Norvale", 3, kind="place"),
        _actor("Ann Pike", 5, kind="person"),
    )
    assert most_named(actors, english(STORY)) == {"Pearfruit"}


def test_two_bodies_named_nearly_as_often_are_both_principals(english):
    actors = (
        _actor("Green Party", 6),
        _actor("Harbour Party", 4),
        _actor("Tom Reyes", 1, "person"),
    )
    assert most_named(actors, english(STORY)) == {"Green Party", "Harbour Party"}


def test_names_told_once_or_twice_make_no_principal(english):
    actors = (_actor("Pearfruit", 2), _actor("Lone", 5, kind="person"))
    # A lone word typed a person is too thin, however often counted.
    assert most_named(actors, english(STORY)) == frozenset()


def test_a_name_that_mostly_names_a_kind_of_thing_is_no_principal(english):
    doc = english(
        "Listeners of Wave 2 fell again. Wave 5 gained listeners, and Wave 2 lost its host. "
        "Pearfruit products sold out, and Pearfruit raised its prices."
    )
    actors = (_actor("Wave", 4), _actor("Pearfruit", 3))
    assert most_named(actors, doc) == {"Pearfruit"}


def test_a_league_or_prize_is_no_principal_however_often_named(english):
    data = packaged_data("competitions.yml")
    assert is_a_competition(data["example"])
    assert not any(is_a_competition(name) for name in data["counter_examples"])
    actors = (_actor("Northern Premiership", 9), _actor("Harbour Town Rovers", 5))
    assert most_named(actors, english(STORY)) == {"Harbour Town Rovers"}


def test_a_person_named_again_and_quoted_once_is_a_voice():
    actors = (
        Actor("rosa-lind", "Rosa Lind", "person", None, ("Lind",), 2),
        Actor("karl-moss", "Karl Moss", "person", None, (), 1),
    )
    quotes = tuple(
        Quote(text, text, speaker, "direct", n)
        for n, (speaker, text) in enumerate(
            (("Rosa Lind", "I never expected to win here."), ("Karl Moss", "She deserved it."))
        )
    )
    article = Article(path="a.md", slug="a", title="A", paragraphs=("Text.",))
    brief = Brief(article, "Rosa Lind won.", None, (), actors, (), quotes, ())
    assert voices(brief) == {"Rosa Lind": 1}


def test_whom_the_leads_act_is_of_is_its_subject(english):
    doc = english(
        "The agency announced the selection of Orbitra and Lunex Works to build landers. "
        "The head of Dunmore Labs said the choice was fair."
    )
    actors = (_actor("Orbitra", 3), _actor("Lunex Works", 2), _actor("Dunmore Labs", 2))
    # Whose officer speaks is not what the lead is about.
    assert lead_subjects(actors, doc) == {"Orbitra", "Lunex Works"}
