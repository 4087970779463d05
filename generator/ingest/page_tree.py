"""Prepare a saved page's tree for trafilatura: HTML in, HTML out, with what a reader of the
page sees as apart from the article taken out, and an article body the site split into chunks
joined again.

trafilatura judges blocks by their text and their place in the page. Three things its rules let
through, or cut, are told apart by the page's links and classes instead:

- a card of links that pops up over a name inside a paragraph (`_is_link_cluster`);
- a teaser of another story of the same site: a paragraph or a list item that is nothing but a
  link to one of the site's other pages ("Related stories", "Our latest stories", a headline
  in capitals set between two paragraphs), or a list item whose heading is such a link (a card
  with the other story's headline above its summary). Links to other sites are the article's
  own (a deals list, a round-up of reviews) and stay;
- a body that the site cuts into sibling chunks of the same class around its advertisements,
  of which trafilatura reads the first only;
- a deck: the heading the page sets right after its headline, in the headline's block, above
  the byline ("Twenty teams are through; four places are left"), which is the page's summary,
  not the article's first line (standfirst.py gives it back when the body goes on from it);
- a dialog the page keeps hidden until a button opens it (an "email this article" box with
  its messages, "Thank you", "An error has occurred"): a hidden element holding a form's
  controls, which a reader of the page never sees in the article;
- a list of the page's tags (links marked `rel="tag"`, the microformat WordPress and most
  publishing systems write) under a label ("Tags", "Etiquetas"): the page's index, in any
  language, not the article's text;
- a post embedded from another site (a quotation of the post, with its author's name and
  date and a link to it), which the page frames in an element whose class trafilatura takes
  for a share button ("social-embed"): the post is the article's, quoted as the writer set it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from generator.ingest.clean import ALSO_READ_LINE, is_sentence, one_line

MIN_CLUSTER_LINKS = 3
"""Links a card inside a paragraph holds (its person and two articles, at least); a sentence
may link a name or two."""
CLUSTER_LINK_SHARE = 0.9
"""The share of a cluster's text that is link text: a card holds links and little else."""
TEASER_LINK_SHARE = 0.8
"""The share of a teaser's text that links to another page of the site: a headline, with at
most a label ("Related:") or a mark beside it."""
MAX_TEASER_WORDS = 30
"""A teaser is a headline; a longer paragraph that links is the article's own text."""
TEASER_TAGS = ("p", "li")
CARD_TAGS = ("div", "article", "section")
MIN_CARDS = 2
MAX_CARD_WORDS = 2 * MAX_TEASER_WORDS
"""A card is a headline and a summary of a sentence or two."""
LIST_TAGS = ("ul", "ol")
MIN_LINK_LIST_ITEMS = 3
MAX_TITLE_WORDS = 8
BLOCK_TAGS = ("p", "ul", "ol", "li", "table", "div")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
INLINE_PARENT_TAGS = ("p", "li", "span", "strong", "b", "em", "i", "td", *HEADING_TAGS)
MIN_CHUNK_PARAGRAPHS = 2
"""Paragraphs of prose each chunk of a split body holds: a card holds one summary at most."""
MIN_PROSE_WORDS = 12
MAX_CHUNK_LINK_SHARE = 0.25
"""A chunk of the article is mostly the writer's text; a block of story cards, mostly links."""
MAX_DECK_WORDS = 40
"""A deck is a sentence or two under the headline; a longer block is the article's."""
FORM_CONTROL_TAGS = ("form", "button", "input", "select", "textarea")
HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hide|hidden)(?:\s|$)", re.IGNORECASE)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
"""How a page hides an element: the `hidden` attribute, a class named so, or its style."""
SCRIPT_TAGS = ("script", "noscript", "style")
FRAME_STOP_TAGS = ("body", "article", "main", "html")
"""Elements that are the page's or the article's own, never an embedded post's frame."""
PAGE_ADDRESS_KEYS = ("canonical", "og:url")
CREDIT_MARK = re.compile(r"author|byline|contributor|writer|reporter|staff", re.IGNORECASE)
"""How a page marks the link to its writer's page: rel, class or address."""
WORD = re.compile(r"\w+")
TAG_LINKS = lxml.etree.XPath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
TAG_LINKS_OF = lxml.etree.XPath("a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
MAX_TAG_LABEL_WORDS = 1
CONTROL_ICONS = lxml.etree.XPath("//body//*[@aria-label or @title][not(*)]")
MAX_CONTROL_WORDS = 4
LABEL_LEVELS = 3
"""How far up a dropped element may open its block for the label before it to lead into it
(a story link, in its heading, in the first item of a list)."""
"""A control's label is a verb and its object at most ("Order Reprints", "Save to list")."""


def prepared_page(html_text: str) -> str:
    """The page without link clusters and teasers, its split body joined; the page as it came
    when it has none of them (or does not parse)."""
    try:
        tree = lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return html_text
    site = _Site(_page_address(tree))
    dropped = [
        *_link_clusters(tree),
        *_teasers(tree, site),
        *decks(tree),
        *_hidden_dialogs(tree),
        *_tag_lists(tree),
    ]
    dropped += list(_labels_of(dropped))
    joined = _join_split_body(tree)
    unframed = _unframe_embedded_posts(tree, site)
    if not dropped and not joined and not unframed:
        return html_text
    for element in dropped:
        if element.getparent() is not None:
            element.drop_tree()  # keeps its tail: the paragraph's text after it
    return str(lxml.html.tostring(tree, encoding="unicode"))


class _Site:
    """Tells a link to another page of the page's own site: a relative address, or one on the
    page's host ("www." aside), other than the page itself and its anchors."""

    def __init__(self, address: str | None) -> None:
        parts = urlsplit(address or "")
        self.address = address if parts.netloc else None
        self.host = _host(parts.netloc)
        self.path = parts.path.rstrip("/")

    def teases(self, link: lxml.html.HtmlElement) -> bool:
        """A link to another page of the site that is not the page's credit of its writer
        (a byline's "<a class="author" href="/author/...">"), which trafilatura reads."""
        marks = " ".join((link.get("rel") or "", link.get("class") or "", link.get("href") or ""))
        return self.links_elsewhere(link.get("href")) and not CREDIT_MARK.search(marks)

    def links_elsewhere(self, href: str | None) -> bool:
        if not href or href.startswith("#"):
            return False
        target = urlsplit(urljoin(self.address, href) if self.address else href)
        if target.scheme not in ("", "http", "https"):
            return False
        if target.netloc and _host(target.netloc) != self.host:
            return False
        return target.path.rstrip("/") != self.path

    def is_other_site(self, href: str | None) -> bool:
        """A link to a page of another site (a post's address on its platform)."""
        target = urlsplit(href or "")
        return target.scheme in ("http", "https") and _host(target.netloc) != self.host


def _host(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def _page_address(tree: lxml.html.HtmlElement) -> str | None:
    for element in tree.iter("link", "meta"):
        key = (element.get("rel") or element.get("property") or element.get("name") or "").lower()
        address = element.get("href") or element.get("content")
        if key in PAGE_ADDRESS_KEYS and isinstance(address, str):
            return address
    return None


def _link_clusters(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The clusters of links a site sets inside a paragraph: a card that pops up over a name
    with the person's other articles ("Kristi NoemKristi Lynn NoemSouth Dakota governor
    doubles down ... MORE"), which a browser hides and trafilatura reads as prose, glued to
    the name. A cluster is the innermost element inside a paragraph with
    `MIN_CLUSTER_LINKS` links or more whose text is nearly all theirs."""
    found = {
        element
        for paragraph in tree.iter("p")
        for element in paragraph.iterdescendants()
        if isinstance(element.tag, str) and element.tag != "a" and _is_link_cluster(element)
    }
    # The innermost: the card, not the span that also holds the linked name it pops up from.
    return [e for e in found if not any(inner in found for inner in e.iterdescendants())]


def _is_link_cluster(element: lxml.html.HtmlElement) -> bool:
    links = element.findall(".//a")
    if len(links) < MIN_CLUSTER_LINKS:
        return False
    text = len(_text(element))
    linked = sum(len(_text(link)) for link in links)
    return text > 0 and linked >= CLUSTER_LINK_SHARE * text


def _teasers(tree: lxml.html.HtmlElement, site: _Site) -> Iterator[lxml.html.HtmlElement]:
    """Paragraphs, list items and lists that tease other stories of the site (module
    docstring). An "Also read: ..." line stays: the body's reader keeps its title as related
    reading."""
    for element in tree.iter(*TEASER_TAGS):
        text = _text(element)
        if not text or ALSO_READ_LINE.match(text):
            continue
        if _is_site_link_line(element, text, site) or (
            element.tag == "li"
            and any(_is_site_link_line(h, _text(h), site) for h in element.iter(*HEADING_TAGS))
        ):
            yield element
    for link in tree.iter("a"):
        if _stands_alone(link) and site.teases(link):
            text = _text(link)
            if 0 < len(WORD.findall(text)) <= MAX_TEASER_WORDS and not is_sentence(text):
                yield link
    for parent in tree.iter():
        for group in _sibling_groups(parent):
            if len(group) >= MIN_CARDS and all(_is_story_card(card, site) for card in group):
                yield from group
    for found in tree.iter(*LIST_TAGS):
        if _is_list_of_site_links(found, site):
            yield found
            title = found.getprevious()
            if title is not None and _is_title(title):
                yield title  # "More stories": alone, it would read as the article's heading


def _is_story_card(card: lxml.html.HtmlElement, site: _Site) -> bool:
    """A block that holds a heading linking another story of the site, with at most a short
    summary beside it: one of a row of cards ("More stories") set as blocks, not as a
    list. A section of the article under a linked heading is longer, or stands alone."""
    heading = next((e for e in card.iter(*HEADING_TAGS)), None)
    return (
        card.tag in CARD_TAGS
        and heading is not None
        and _is_site_link_line(heading, _text(heading), site)
        and len(WORD.findall(_text(card))) <= MAX_CARD_WORDS
    )


def _stands_alone(link: lxml.html.HtmlElement) -> bool:
    """A link set as a block of its own between blocks (a card: "Also on the site" above the
    other story's headline), not a link inside a line of text."""
    parent = link.getparent()
    if parent is None or parent.tag in INLINE_PARENT_TAGS or (link.tail or "").strip():
        return False
    before = link.getprevious()
    return not ((parent.text if before is None else before.tail) or "").strip()


def _is_title(element: lxml.html.HtmlElement) -> bool:
    """A short line that is no sentence, holding no blocks: a list's title."""
    if (
        not isinstance(element.tag, str)
        or next(element.iterdescendants(*BLOCK_TAGS), None) is not None
    ):
        return False
    text = _text(element)
    return 0 < len(WORD.findall(text)) <= MAX_TITLE_WORDS and not is_sentence(text)


def _is_list_of_site_links(element: lxml.html.HtmlElement, site: _Site) -> bool:
    """A list of `MIN_LINK_LIST_ITEMS` or more short items, each linking another page of the
    site, most of them headlines ("More stories": "The strange life and <a>death of a
    coder</a>"); a list of the article's points is sentences, or links elsewhere."""
    items = [_text(item) for item in element.findall("li")]
    headlines = sum(1 for text in items if not is_sentence(text))
    return (
        len(items) >= MIN_LINK_LIST_ITEMS
        and 2 * headlines > len(items)
        and all(0 < len(WORD.findall(text)) <= MAX_TEASER_WORDS for text in items)
        and all(any(site.teases(a) for a in item.iter("a")) for item in element.findall("li"))
    )


def _is_site_link_line(element: lxml.html.HtmlElement, text: str, site: _Site) -> bool:
    if not text or len(WORD.findall(text)) > MAX_TEASER_WORDS:
        return False
    linked = sum(len(_text(a)) for a in element.iter("a") if site.teases(a))
    return linked >= TEASER_LINK_SHARE * len(text)


def decks(tree: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Headings set right after a headline (`<h1>`), its next element, with no paragraph of
    prose after them in the headline's block: the headline's block holds the headline, the
    deck and the byline; a body set flat under its headline goes on with its paragraphs."""
    for headline in tree.iter("h1"):
        deck = _next_element(headline)
        if deck is None or deck.tag not in HEADING_TAGS[1:]:
            continue
        words = len(WORD.findall(_text(deck)))
        after = deck.itersiblings()
        if 0 < words <= MAX_DECK_WORDS and not any(
            e.tag == "p" and _is_prose(e) for e in after if isinstance(e.tag, str)
        ):
            yield deck


def _tag_lists(tree: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Elements holding tag links and, besides them, a label of a word at most."""
    holders = dict.fromkeys(link.getparent() for link in TAG_LINKS(tree))
    for holder in holders:
        if holder is None or holder.tag in FRAME_STOP_TAGS:
            continue
        rest = _text(holder)
        for link in TAG_LINKS_OF(holder):
            rest = rest.replace(_text(link), " ", 1)
        if len(WORD.findall(rest)) <= MAX_TAG_LABEL_WORDS:
            yield holder


def _labels_of(dropped: list[lxml.html.HtmlElement]) -> Iterator[lxml.html.HtmlElement]:
    """The labels that lead into dropped elements ("More:" over a list of the site's
    stories): a label ending in a colon, right before one of them or before the block they
    open, leads into nothing once they go."""
    for element in dropped:
        for opened in (element, *element.iterancestors())[:LABEL_LEVELS]:
            label = _previous_element(opened)
            if label is not None:
                break
        if label is None or label in dropped:
            continue
        text = _text(label)
        if text.endswith(":") and len(WORD.findall(text)) <= MAX_CONTROL_WORDS:
            yield label


def _previous_element(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next((e for e in element.itersiblings(preceding=True) if isinstance(e.tag, str)), None)


def control_labels(tree: lxml.html.HtmlElement) -> Iterator[str]:
    """The words of the page's controls: an element of a few words that open on the label
    (`aria-label`, `title`) of an icon it holds, an empty element a screen reader names
    ("Order Reprints", "Print Article" beside icons labelled so, or "Print"). Words the page
    writes as prose hold no empty labelled icon. Their words, not their elements: the
    extraction weighs the page's structure, and a toolbar taken away can tip its reading of
    the article's end (`web_page.split_body` sets the words aside)."""
    for icon in CONTROL_ICONS(tree):
        control = icon.getparent()
        if control is None or control.tag in FRAME_STOP_TAGS or _text(icon):
            continue
        label = one_line(icon.get("aria-label") or icon.get("title") or "").casefold()
        words = _text(control)
        if (
            label
            and words.casefold().startswith(label)
            and len(WORD.findall(words)) <= MAX_CONTROL_WORDS
        ):
            yield words


def _hidden_dialogs(tree: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The outermost hidden elements (module docstring) that hold a form's controls."""
    for element in tree.iter():
        if (
            isinstance(element.tag, str)
            and _is_hidden(element)
            and next(element.iter(*FORM_CONTROL_TAGS), None) is not None
            and not any(_is_hidden(outer) for outer in element.iterancestors())
        ):
            yield element


def _is_hidden(element: lxml.html.HtmlElement) -> bool:
    return (
        element.get("hidden") is not None
        or HIDDEN_CLASS.search(element.get("class") or "") is not None
        or HIDDEN_STYLE.search(element.get("style") or "") is not None
    )


def _next_element(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str):
            return sibling
    return None


def _unframe_embedded_posts(tree: lxml.html.HtmlElement, site: _Site) -> bool:
    """Set each embedded post in its frame's place: a `<blockquote>` whose last link leads to
    another site (the post's address), alone in the elements around it but for scripts (the
    platform's loader). Returns whether any was unframed."""
    unframed = False
    for quote in list(tree.iter("blockquote")):
        links = quote.findall(".//a")
        if not links or not site.is_other_site(links[-1].get("href")):
            continue
        frame = quote
        while _frames(frame.getparent(), frame):
            frame = frame.getparent()
        if frame is not quote:
            quote.tail = frame.tail
            frame.getparent().replace(frame, quote)
            unframed = True
    return unframed


def _frames(parent: lxml.html.HtmlElement | None, child: lxml.html.HtmlElement) -> bool:
    """Whether an element holds nothing but the child, scripts and white space: a frame."""
    if parent is None or parent.tag in FRAME_STOP_TAGS or (parent.text or "").strip():
        return False
    for other in parent:
        if other is child:
            continue
        if isinstance(other.tag, str) and other.tag not in SCRIPT_TAGS:
            return False
        if (other.tail or "").strip():
            return False
    return not (child.tail or "").strip()


def _join_split_body(tree: lxml.html.HtmlElement) -> bool:
    """Move the blocks of a split body into its first chunk: sibling elements of one tag and
    class that each hold `MIN_CHUNK_PARAGRAPHS` paragraphs of prose and few links, their prose
    in elements of one tag and class too. Returns whether any were joined."""
    joined = False
    for parent in list(tree.iter()):
        for chunks in _sibling_groups(parent):
            if len(chunks) < 2 or not all(_is_prose_chunk(chunk) for chunk in chunks):
                continue
            bodies = [_prose_parent(chunk) for chunk in chunks]
            if len({(body.tag, body.get("class")) for body in bodies}) > 1:
                continue
            for body in bodies[1:]:
                _move_blocks(body, bodies[0])
            joined = True
    return joined


def _prose_parent(chunk: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element that holds most of a chunk's paragraphs of prose: the body's own element
    (the chunk may hold an advertising rail beside it)."""
    parents = Counter(p.getparent() for p in chunk.iter("p") if _is_prose(p))
    return parents.most_common(1)[0][0]


def _move_blocks(source: lxml.html.HtmlElement, target: lxml.html.HtmlElement) -> None:
    if source.text and source.text.strip():
        paragraph = lxml.html.Element("p")
        paragraph.text = source.text
        target.append(paragraph)
    source.text = None
    for child in list(source):
        target.append(child)  # in the page's order, after the first chunk's own blocks


def _sibling_groups(parent: lxml.html.HtmlElement) -> Iterator[list[lxml.html.HtmlElement]]:
    groups: dict[tuple[str, str], list[lxml.html.HtmlElement]] = defaultdict(list)
    for child in parent:
        if isinstance(child.tag, str) and child.get("class"):
            groups[(child.tag, child.get("class", ""))].append(child)
    yield from groups.values()


def _is_prose_chunk(chunk: lxml.html.HtmlElement) -> bool:
    if sum(1 for p in chunk.iter("p") if _is_prose(p)) < MIN_CHUNK_PARAGRAPHS:
        return False
    text = len(_text(chunk))
    linked = sum(len(_text(a)) for a in chunk.iter("a"))
    return linked <= MAX_CHUNK_LINK_SHARE * text


def _is_prose(paragraph: lxml.html.HtmlElement) -> bool:
    return len(WORD.findall(_text(paragraph))) >= MIN_PROSE_WORDS


def _text(element: lxml.html.HtmlElement) -> str:
    return one_line("".join(element.itertext()))
