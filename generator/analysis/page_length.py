"""Fit a brief's page to its article's length: a `Brief` and its page renderer in, the page
without padding out.

The page's length is known only once it is rendered, related reading and actors included, so
`fit_to_page` renders, counts and gives up what an analyst needs least until the page is
shorter than its article (`DROP_ORDER`). Which sentence fills which place is `one_place`'s.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from generator.analysis.key_facts import MIN_FACTS
from generator.analysis.one_place import (
    MIN_SOURCE_WORDS,
    WORD,
    is_from,
    principals,
    quoted_words,
    words_of,
)
from generator.models import Actor, Article, Brief, KeyFact, Quote, TimelineEvent

BRIEF_SHARE = 0.6
"""The brief's words taken from the article (at a glance, why it matters, key facts, timeline,
quotes, actors' actions), at most, as a share of the article's words."""
PAGE_SHARE = 0.9
"""The whole page's words, at most, as a share of the article's: well shorter than it."""
SHORT_ARTICLE_WORDS = 300
"""An article this short or shorter keeps all its places: there is little to shorten."""
LABEL_WORDS = 2
"""Words a piece's label adds beside its own (a date's resolution, "reported speech", "Said or
did"): an estimate; `fit_to_page` counts the page again."""
CARD_LABEL_WORDS = 4
"""Words a card adds beside its name and role: its kind and "Role", "Mentions" and their count."""
TURN_ORDER = ("card", "action", "quote", "event", "fact")
"""Of pieces from one sentence (`_turn`), the first of these goes first: an action, a voice, an
event; a key fact stays longest."""
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
HTML_TAG = re.compile(r"<[^>\n]+>")
DROP_ORDER = (
    "restated",
    "another actor's action",
    "speaker's further quote",
    "fact or voice",
    "expected event",
    "dated event",
    "principal's statement",
    "leading fact",
)
"""What a page too long gives up, first to last: a key fact whose statement an event or a
quote shows whole with its date or speaker, an event whose sentence a quote shows with its
speaker (or a quote of the first key fact, which stays); what actors other than the principals
did; any speaker's second quote, the principals' too (each voice is heard once before any is
heard twice); then key facts and other speakers' first quotes; then forecasts and plans
(what the story expects, which no key fact after the first ones says apart from them);
then the story's dated events (what an analyst reads a timeline for); then what the principals
said or did and the first quote of each person carded (or the article's first voice, when it
quotes no principal). Within each, the last
the article tells goes first (`_turn`); the first `MIN_FACTS` key facts go last, every other
section trimmed before them (the brief's own summary of the story). The at-a-glance line, why
it matters and the first key fact stay."""


@dataclass(frozen=True)
class _Piece:
    """A piece of the page that `fit_to_page` may give up."""

    kind: str
    """"fact", "event", "quote", "action" or "card"."""
    key: int | str | tuple[int, int]
    """Which one: a key fact's or quote's index, an event's words, (actor, action) indexes,
    an actor's index."""
    words: int
    """Its words on the page, its label's (date, speaker) included."""
    reason: str
    """Why it goes when it does: one of `DROP_ORDER`."""
    told_at: int
    """Where the article tells it: the later told go first within a reason."""


def article_words(article: Article) -> int:
    """The article's words, as a reader counts them."""
    return len(WORD.findall(article.body))


_TOLD_ABOVE = "are told above, in the sentences that hold them."
_LEFT_OUT = "are left out to keep this page shorter than the article."
SECTION_NOTES: dict[tuple[str, str | None], str] = {
    ("events", "key facts"): f"The article's dated events {_TOLD_ABOVE}",
    ("events", "length"): f"The article's dated events {_LEFT_OUT}",
    ("quotes", "above"): f"The article's quotes {_TOLD_ABOVE}",
    ("quotes", "length"): f"The article's quotes {_LEFT_OUT}",
}
"""What a section the fit emptied says in place of its pieces (`where_events_went`,
`where_quotes_went`), so that the reader can tell "none" from "not shown here"."""
_NOTES = re.compile("|".join(re.escape(note) for note in SECTION_NOTES.values()))


def page_words(markdown: str) -> int:
    """A page's words as a reader counts them: no front matter, link targets or HTML tags, nor
    the notes of emptied sections (counted, a note would give up one more event or quote)."""
    body = _NOTES.sub(" ", FRONT_MATTER.sub("", markdown, count=1))
    return len(WORD.findall(HTML_TAG.sub(" ", LINK_TARGET.sub("]", body))))


def fit_to_page(brief: Brief, render: Callable[[Brief], str]) -> str:
    """Return the brief's page, giving up pieces in `DROP_ORDER` until the page holds at most
    `PAGE_SHARE` of its article's words and takes at most `BRIEF_SHARE` of them from it. An
    article of `SHORT_ARTICLE_WORDS` or fewer keeps everything (`fitted_brief`)."""
    return fitted_brief(brief, render)[1]


def fitted_brief(brief: Brief, render: Callable[[Brief], str]) -> tuple[Brief, str]:
    """Return the brief as its page shows it (the pieces given up left out) and that page, as
    `render` makes it.

    Each piece's words on the page (its text and its label) tell how many pieces to give up;
    the page is rendered again to check, and gives up one more piece while it is still over.
    """
    page = render(brief)
    words = article_words(brief.article)
    # A card listed compactly shortens the page but takes no fewer words from the article.
    cards = page_words(page) > PAGE_SHARE * words
    pieces = _drop_order(brief, cards) if words > SHORT_ARTICLE_WORDS else []
    over = _words_over(brief, page, words)
    if over <= 0 or not pieces:
        return brief, page
    dropped = 0
    while over > 0 and dropped < len(pieces):
        over -= pieces[dropped].words
        dropped += 1
    while True:
        shown = _without(brief, pieces[:dropped])
        page = render(shown)
        if _words_over(shown, page, words) <= 0 or dropped == len(pieces):
            return _cards_given_back(brief, render, pieces[:dropped], words, (shown, page))
        dropped += 1


def _cards_given_back(
    brief: Brief,
    render: Callable[[Brief], str],
    dropped: Sequence[_Piece],
    words: int,
    fitted: tuple[Brief, str],
) -> tuple[Brief, str]:
    """The fitted page with each card it gave up boxed again where the page still fits: a card
    goes before the pieces after it in `DROP_ORDER`, which the page may have had to give up
    as well, and then it went for nothing."""
    for card in [piece for piece in dropped if piece.kind == "card"]:
        kept = [piece for piece in dropped if piece != card]
        shown = _without(brief, kept)
        page = render(shown)
        if _words_over(shown, page, words) <= 0:
            dropped, fitted = kept, (shown, page)
    return fitted


def _words_over(brief: Brief, page: str, words: int) -> float:
    """How many words the page, or what it takes from the article, holds beyond its share."""
    return max(page_words(page) - PAGE_SHARE * words, _taken_words(brief) - BRIEF_SHARE * words)


def _taken_words(brief: Brief) -> int:
    texts = [
        brief.at_a_glance,
        brief.why_it_matters or "",
        *(fact.text for fact in brief.key_facts),
        *dict.fromkeys(event.event for event in brief.timeline),
        *(quoted_words(quote) for quote in brief.quotes),
        *(action for actor in brief.actors for action in actor.actions),
    ]
    return sum(len(words_of(text)) for text in texts)


def _drop_order(brief: Brief, cards: bool) -> list[_Piece]:
    """Every piece the page may give up, the first to go first (`DROP_ORDER`); the cards
    `_card_pieces` gives up when `cards`."""
    main = principals(brief)
    elsewhere = [
        *(words_of(text) for text in dict.fromkeys(event.event for event in brief.timeline)),
        *(words_of(quoted_words(quote)) for quote in brief.quotes),
    ]
    pieces = [
        *_fact_pieces(brief.key_facts, elsewhere),
        *_event_pieces(
            brief.timeline,
            [words_of(quoted_words(quote)) for quote in brief.quotes],
            [words_of(fact.text) for fact in brief.key_facts[:MIN_FACTS]],
        ),
        *_quote_pieces(brief.quotes, brief.key_facts, main, _carded_people(brief)),
        *_action_pieces(brief.actors, main, _other_places(brief)),
        *(_card_pieces(brief, main) if cards else ()),
    ]
    rank = {reason: number for number, reason in enumerate(DROP_ORDER)}
    return sorted(pieces, key=lambda piece: (rank[piece.reason], *_turn(piece)))


def _carded_people(brief: Brief) -> frozenset[str]:
    """The people the page cards for what they are or did (a role, an action, the story's
    subject): a card that names a speaker points the reader to their words, so their first
    quote stays as long as a principal's (a card with nothing said reads as a quote lost)."""
    return frozenset(
        actor.name
        for actor in brief.actors
        if actor.kind == "person" and (actor.role or actor.actions or actor.is_story_subject)
    )


def _other_places(brief: Brief) -> list[tuple[str, ...]]:
    """The words of every place of the page but the actors' lines."""
    return [
        words_of(text)
        for text in (
            brief.at_a_glance,
            brief.why_it_matters or "",
            *(fact.text for fact in brief.key_facts),
            *(event.event for event in brief.timeline),
            *(quoted_words(quote) for quote in brief.quotes),
        )
    ]


def _turn(piece: _Piece) -> tuple[int, int]:
    """Where a piece goes within its reason, first to go first: the last the article tells,
    whatever its section (news tells what matters first); of one sentence, a voice goes first,
    then an event."""
    return (-piece.told_at, TURN_ORDER.index(piece.kind))


def _fact_pieces(facts: Sequence[KeyFact], elsewhere: list[tuple[str, ...]]) -> Iterable[_Piece]:
    """Key facts after the first: the first `MIN_FACTS` lead the brief and go last; a later one
    that an event or a quote states too is restated there, with its date or its speaker."""
    for number, fact in enumerate(facts[1:], 1):
        words = words_of(fact.text)
        restated = any(is_from(words, other) for other in elsewhere)
        if number < MIN_FACTS:
            reason = "leading fact"
        else:
            reason = "restated" if restated else "fact or voice"
        yield _Piece("fact", number, len(words), reason, fact.sentence_index)


def _event_pieces(
    events: Sequence[TimelineEvent], quoted: list[tuple[str, ...]], leading: list[tuple[str, ...]]
) -> Iterable[_Piece]:
    """Every event; one whose sentence a quote shows is restated there, with its speaker
    ("Kirby told reporters on Monday that ..."), and one that a leading key fact holds whole is
    restated there, its date in the fact's words."""
    # One event with several dates ("1961, 2000 and 2001") is one piece.
    first: dict[str, TimelineEvent] = {}
    dated: Counter[str] = Counter()
    for event in events:
        first.setdefault(event.event, event)
        dated[event.event] += len(words_of(event.date_text)) + LABEL_WORDS
    for text, event in first.items():
        words = words_of(text)
        is_quoted = any(
            len(quote) >= MIN_SOURCE_WORDS and is_from(quote, words) for quote in quoted
        )
        if is_quoted or any(is_from(words, fact) for fact in leading):
            reason = "restated"
        elif event.is_expected:
            reason = "expected event"
        else:
            reason = "dated event"
        size = len(words) + dated[text]
        yield _Piece("event", text, size, reason, event.sentence_index)


def _quote_pieces(
    quotes: Sequence[Quote],
    facts: Sequence[KeyFact],
    main: frozenset[str],
    carded: frozenset[str] = frozenset(),
) -> Iterable[_Piece]:
    """Every quote, by whom it is and whether the first key fact states it already; the first
    quote of a principal or of a person carded (`_carded_people`) stays longest."""
    # The first key fact stays: a quote of its sentence is restated. A later fact gives way to
    # the quote instead (`_fact_pieces`).
    first_fact = words_of(facts[0].text) if facts else ()
    # A principal the article does not quote: its first voice speaks for the story.
    is_quoted = any(quote.speaker in main for quote in quotes)
    first_voice = next((n for n, q in enumerate(quotes) if q.speaker and not is_quoted), None)
    speakers: list[str | None] = []
    for number, quote in enumerate(quotes):
        words = words_of(quoted_words(quote))
        if is_from(words, first_fact):
            reason = "restated"
        elif quote.speaker is not None and quote.speaker in speakers:
            reason = "speaker's further quote"
        elif quote.speaker in main or quote.speaker in carded or number == first_voice:
            reason = "principal's statement"
        else:
            reason = "fact or voice"
        if reason != "restated":
            # A quote the first key fact states is not heard here: the next one is the first.
            speakers.append(quote.speaker)
        label = words_of(quote.speaker or quote.speaker_description or "speaker not named")
        size = len(words) + len(label) + LABEL_WORDS * (quote.kind == "reported")
        yield _Piece("quote", number, size, reason, quote.sentence_index)


def _action_pieces(
    actors: Sequence[Actor], main: frozenset[str], shown: list[tuple[str, ...]]
) -> Iterable[_Piece]:
    """What actors said or did; a principal's line another place shows too (`_actor`) is
    restated there, and goes first."""
    for number, actor in enumerate(actors):
        reason = "principal's statement" if actor.name in main else "another actor's action"
        for index, action in enumerate(actor.actions):
            # Actions come in the article's order; an actor's later ones go first.
            words = words_of(action)
            restated = any(is_from(words, text) for text in shown)
            size = len(words) + LABEL_WORDS
            yield _Piece("action", (number, index), size, "restated" if restated else reason, index)


def _card_pieces(brief: Brief, main: frozenset[str]) -> Iterable[_Piece]:
    """The card of an actor boxed for its role alone, when another place of the page gives
    that role with the name ("... met Deputy Secretary of State Kurt Campbell"): restated
    there, it goes first, and the actor is listed with those named. So does the card of a body
    carded only for its quotes (`_is_a_side_bodys_voice`), with another actor's lines. The card
    of a principal, of a speaker the brief quotes, of someone acting, and of the story's
    subject stays."""
    shown = _other_places(brief)
    speakers = {quote.speaker for quote in brief.quotes}
    for number, actor in enumerate(brief.actors):
        if _is_a_side_bodys_voice(actor, main):
            # Its words stay in the quotes under its name: the card only counts them.
            size = len(actor.name.split()) + CARD_LABEL_WORDS
            yield _Piece("card", number, size, "another actor's action", 0)
            continue
        if not actor.role or actor.actions or actor.quoted or actor.is_story_subject:
            continue
        if actor.name in speakers:
            continue
        role = words_of(actor.role)
        if actor.name in main or not any(is_from(role, text) for text in shown):
            continue
        yield _Piece("card", number, len(role) + CARD_LABEL_WORDS, "restated", 0)


def _is_a_side_bodys_voice(actor: Actor, main: frozenset[str]) -> bool:
    """A body carded only for its quotes (`one_place.voices`), neither a principal nor the
    story's subject: its card goes before the story's facts and dated events on a page too
    long, and comes back where the page still fits (`_cards_given_back`)."""
    return (
        actor.kind == "organisation"
        and actor.quoted > 0
        and not (actor.role or actor.actions or actor.is_story_subject or actor.name in main)
    )


def where_events_went(brief: Brief, shown: Brief) -> str | None:
    """Where the article's dated events are when the fitted page shows none of them: "key
    facts" when the places above (`_told_places`: mostly the key facts) hold each one's words
    (the page says so under its Timeline heading rather than dropping the section), "length"
    when the fit gave some up to keep the page short; None when the page shows an event or
    the article has none."""
    if shown.timeline or not brief.timeline:
        return None
    places = _told_places(shown)
    told = all(
        any(is_from(words_of(event.event), place) for place in places) for event in brief.timeline
    )
    return "key facts" if told else "length"


def _told_places(shown: Brief) -> list[tuple[str, ...]]:
    """The words of the places a page tells the story in before its Timeline and Quotes: the
    glance, why it matters, the key facts and what the actors said or did."""
    return [
        words_of(text)
        for text in (
            shown.at_a_glance,
            shown.why_it_matters or "",
            *(fact.text for fact in shown.key_facts),
            *(action for actor in shown.actors for action in actor.actions),
        )
    ]


def where_quotes_went(brief: Brief, shown: Brief) -> str | None:
    """Where the article's quotes are when the page shows none of them, as `where_events_went`
    says of dated events: "above" when the page's other places (the glance, why it matters,
    key facts, what actors said) hold each quote's words, "length" when some were given up to
    keep the page short; None when the page shows a quote or the article has none."""
    found = brief.quotes_found or brief.quotes
    if shown.quotes or not found:
        return None
    places = _told_places(shown)
    told = all(any(is_from(words_of(quote.text), place) for place in places) for quote in found)
    return "above" if told else "length"


def _without(brief: Brief, dropped: Sequence[_Piece]) -> Brief:
    """The brief without the dropped pieces."""
    gone = {(piece.kind, piece.key) for piece in dropped}
    facts = tuple(
        fact for number, fact in enumerate(brief.key_facts) if ("fact", number) not in gone
    )
    timeline = tuple(event for event in brief.timeline if ("event", event.event) not in gone)
    quotes = tuple(
        quote for number, quote in enumerate(brief.quotes) if ("quote", number) not in gone
    )
    actors = tuple(
        replace(
            actor,
            actions=tuple(
                action
                for index, action in enumerate(actor.actions)
                if ("action", (number, index)) not in gone
            ),
            role=None if ("card", number) in gone else actor.role,
            quoted=0 if ("card", number) in gone else actor.quoted,
        )
        for number, actor in enumerate(brief.actors)
    )
    return replace(brief, key_facts=facts, timeline=timeline, quotes=quotes, actors=actors)
