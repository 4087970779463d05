"""Articles in a language the analysis does not cover still find their relatives by their words,
but not by the words every text of that language has (its stop words)."""

from __future__ import annotations

import pytest

from generator.analysis.analyse import analyse_articles
from generator.corpus.relate import relate_briefs
from generator.ingest.language import stop_words
from generator.ingest.web_page import read_html_article
from tests.test_relate import CORPUS

PARK = (
    "Мэрия Казани открыла новый парк",
    "<p>В субботу мэрия Казани открыла новый парк на берегу реки. На открытие пришли тысячи "
    "жителей, и многие из них сказали, что давно ждали этого.</p><p>По словам мэра, в парке "
    "будут работать кафе, а летом там будут проходить концерты. Это уже третий парк, который "
    "город открыл за последние два года, и мэр обещал, что он не будет последним.</p>",
)
PARK_AGAIN = (
    "Тысячи жителей Казани пришли на открытие парка",
    "<p>Тысячи жителей Казани пришли в субботу на открытие нового парка на берегу реки.</p>"
    "<p>Мэр пообещал, что летом в парке будут концерты, а кафе откроются уже в этом месяце.</p>",
)
GAME = (
    "Как ускорить загрузку игры на старом компьютере",
    "<p>Если ваша игра долго загружается, это не всегда значит, что компьютер слишком старый. "
    "Часто помогает очистить диск и закрыть все программы, которые работают в фоне.</p><p>Также "
    "можно уменьшить качество графики: на старой видеокарте это даёт больше, чем все остальные "
    "советы. Если и это не помогло, стоит проверить, не перегревается ли процессор.</p>",
)


def _briefs(english, gazetteer, *stories):
    articles = [
        read_html_article(
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>",
            f"{number}.html",
            f"{number}",
        )
        for number, (title, body) in enumerate(stories)
    ]
    # English briefs beside them, as in a real corpus: there another language's common words
    # are rare, and rare words weigh most.
    return relate_briefs([*analyse_articles(articles, english, gazetteer), *CORPUS])


def _related(briefs, number):
    """The slugs of the briefs the story at `number` (in the order given) links to."""
    return [link.slug for link in briefs[number].related]


def test_articles_in_another_language_do_not_relate_by_its_common_words(english, gazetteer):
    briefs = _briefs(english, gazetteer, PARK, GAME)
    assert _related(briefs, 0) == []
    assert _related(briefs, 1) == []


def test_articles_in_another_language_on_one_story_still_relate(english, gazetteer):
    briefs = _briefs(english, gazetteer, PARK, GAME, PARK_AGAIN)
    assert _related(briefs, 0) == [briefs[2].article.slug]


@pytest.mark.parametrize(
    ("language", "word", "listed"),
    [("ru", "и", True), ("pt-BR", "de", True), ("ru", "парк", False), ("xx", "и", False)],
)
def test_a_languages_stop_words_come_from_spacys_list(language, word, listed):
    assert (word in stop_words(language)) is listed
