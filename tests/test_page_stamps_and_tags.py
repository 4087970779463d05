"""What a page prints about itself in any language stays out of the article text: a line above
the text that restates the page's date with its labels ("sábado, 4 de maio de 2024 às 10:20"),
and the list of the page's tags (links marked `rel="tag"`) under its label."""

from __future__ import annotations

import datetime as dt

from generator.ingest.web_page import read_html_article, split_body

BODY = (
    "<p>A equipa de manutenção da ponte velha terminou ontem a pintura do tabuleiro, três "
    "semanas antes do prazo que a câmara tinha marcado no início do ano.</p>"
    "<p>O trânsito volta a passar nos dois sentidos a partir de segunda-feira, disse o "
    "vereador responsável pelas obras numa visita ao local com os moradores.</p>"
    "<p>Os comerciantes da margem sul contam recuperar agora os clientes que perderam "
    "durante os meses em que a ponte esteve fechada aos carros.</p>"
)


def page(before: str = "", after: str = "") -> str:
    return (
        "<html><head><title>Ponte velha reabre antes do prazo</title>"
        '<meta property="article:published_time" content="2024-05-04T10:20:00-03:00">'
        '<link rel="canonical" href="https://jornal.example.com.br/noticias/ponte-reabre">'
        "</head><body><article><h1>Ponte velha reabre antes do prazo</h1>"
        f'{before}<div class="texto">{BODY}</div>{after}</article></body></html>'
    )


def read(html: str) -> tuple[str, ...]:
    return read_html_article(html, "ponte.html", "ponte").paragraphs


def test_a_stamp_line_in_another_language_is_not_the_first_paragraph():
    for stamp in (
        "sábado, 4 de maio de 2024 às 10:20",
        "04/05/2024 - Publicado por: Marta Reis - Categoria: Cidade",
    ):
        paragraphs = read(page(f'<p class="data">{stamp}</p>'))
        assert paragraphs[0].startswith("A equipa de manutenção")
        assert not any(stamp in paragraph for paragraph in paragraphs)


def test_a_line_of_another_day_or_a_sentence_stays():
    blocks = [
        "Balanço de 2024: 12 obras, 3 pontes",
        "Em 4 de maio de 2024 a ponte reabriu aos carros depois de meses de obras na margem.",
    ]
    body = split_body(blocks, ("Ponte velha reabre",), None, dt.date(2024, 5, 4))
    assert body.paragraphs == tuple(blocks)


def test_a_stamp_line_below_the_first_paragraph_is_the_articles():
    blocks = ["A ponte reabriu hoje aos carros, três semanas antes do prazo.", "4/5/2024 10:20"]
    body = split_body(blocks, ("Ponte velha reabre",), None, dt.date(2024, 5, 4))
    assert body.paragraphs == tuple(blocks)


def test_the_pages_tag_list_and_its_label_are_not_article_text():
    tags = (
        '<p><strong>Etiquetas<br><a href="/tag/ponte" rel="tag">ponte velha</a>, '
        '<a href="/tag/obras" rel="tag">obras públicas</a>, '
        '<a href="/tag/transito" rel="category tag">trânsito</a></strong></p>'
    )
    paragraphs = read(page(after=tags))
    assert paragraphs[-1].startswith("Os comerciantes da margem sul")
    assert not any("obras públicas" in paragraph for paragraph in paragraphs)


def test_a_sentence_that_links_a_tag_page_stays():
    line = (
        '<p>As obras fazem parte do plano de <a href="/tag/obras" rel="tag">obras públicas</a> '
        "que a câmara aprovou no ano passado para as pontes do concelho.</p>"
    )
    paragraphs = read(page(after=line))
    assert paragraphs[-1].startswith("As obras fazem parte do plano")
