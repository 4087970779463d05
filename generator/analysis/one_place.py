"""Keep each statement of an article to at most two places on its brief: a `Brief` and its
parsed `Doc` in, the brief without repeats out.

A sentence can surface as the at-a-glance line, why it matters, a key fact, a quote, a timeline
event and an actor's "said or did" all at once; read on one page, that is padding, and a brief
longer than its article. Places are filled in order of importance: the at-a-glance line, why it
matters and the key facts show each sentence once; the timeline may give one of them again with
its date; a quote shows a statement no other place states, with its speaker; actors' "said or
did" show only what no other place shows. A piece of a brief comes from a sentence when its
words are the sentence's, in order (a clause leaves out the sentence's inserts: "McLean[, a
native New Yorker,] became ...").

Fitting the page to its article's length is `page_length`'s.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from generator.analysis.competitions import is_a_competition
from generator.analysis.lead_subjects import lead_subjects
from generator.analysis.most_named import most_named
from generator.analysis.quote_marks import narrates_in_first_person
from generator.analysis.token_lists import span_text
from generator.analysis.whole_sentences import parts_of
from generator.models import Actor, Brief, KeyFact, Quote, TimelineEvent

MAX_PLACES = 2
"""How many places on a brief one sentence of the article may fill."""
VOICE_QUOTES = 2
"""A speaker of fewer statements is quoted in passing, not a voice of the story."""
MIN_SOURCE_WORDS = 6
KIND_ORDER = {"direct": 0, "partial": 1, "reported": 2}
"""Which quote of one statement a page shows first: the whole quotation, a phrase of it, the
reported clause."""
"""Words a piece needs to be matched to a sentence in order with gaps (a clause without the
sentence's inserts); a shorter one must be a run of the sentence's words ("unacceptable" is in
many sentences without coming from them)."""
MAX_ACTIONS = 2
"""What an actor said or did, at most: the rest is in the key facts, timeline and quotes."""
WORD = re.compile(r"\w+")
WORDS_KEPT = 4096
"""How many texts' words `words_of` keeps: a brief's texts and its article's sentences."""
BRACKETED = re.compile(r"\\?\[[^\]]*\\?\]")
"""A name the brief adds after a pronoun ("He [William Ruto]"): no word of the article."""


@functools.lru_cache(maxsize=WORDS_KEPT)
def words_of(text: str) -> tuple[str, ...]:
    """The words of a text as a reader counts them, lowercased, without the names a brief adds
    in brackets and without Markdown escapes. Kept for the texts read last: each quote is
    weighed against every other, and each place's text against every sentence."""
    return tuple(WORD.findall(BRACKETED.sub(" ", text).lower().replace("\\", " ")))


def is_from(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether a piece's words come from a text: in order, with gaps for a longer piece (a clause
    leaves out inserts), as one run for a shorter one."""
    if not part or len(part) > len(whole):
        return False
    if len(part) < MIN_SOURCE_WORDS:
        return f" {' '.join(part)} " in f" {' '.join(whole)} "
    remaining = iter(whole)
    return all(word in remaining for word in part)


class _Sentences:
    """The doc's sentences as words, to tell which ones a piece of a brief comes from. A caption
    the page ran into the next sentence is a sentence of its own (`whole_sentences.parts_of`),
    as the lead and the key facts read it: otherwise a caption shown as the lead would count
    as a place of the sentence after it, and the key facts would lose that one."""

    def __init__(self, doc: Doc) -> None:
        self.words = [words_of(span_text(part)) for part, _ in parts_of(doc)]
        self.vocabularies = [frozenset(words) for words in self.words]
        """Each sentence's words as a set: a piece with a word the sentence lacks is not from
        it, found without walking the sentence (most pieces come from one sentence of many)."""
        self.shown: Counter[int] = Counter()
        self.stated: set[int] = set()
        """The sentences a place shows whole as a statement, which no quote repeats."""
        self.quoted: set[int] = set()
        """The sentences a quote shows, which no actor's line repeats."""

    def sources(self, text: str) -> set[int]:
        """The sentences a brief's text is taken from (whole, or a clause of them), or that it
        holds whole (a quote's context of two sentences)."""
        words = words_of(text)
        vocabulary = frozenset(words)
        return {
            i
            for i, (sentence, held) in enumerate(zip(self.words, self.vocabularies, strict=True))
            if (vocabulary <= held and is_from(words, sentence))
            or (
                len(sentence) >= MIN_SOURCE_WORDS
                and held <= vocabulary
                and is_from(sentence, words)
            )
        }

    def take(self, text: str, places: int = 1, states: bool = False) -> bool:
        """Count a place for the text's sentences; False when one of them already fills as many
        places as the text may share it with (`places`: 1 for a sentence no place shows yet).
        A place that `states` the sentence (at a glance, why it matters, a key fact) shows its
        statement whole: no quote gives it again."""
        sources = self.sources(text)
        if any(self.shown[i] >= places for i in sources):
            return False
        self.shown.update(sources)
        if states:
            self.stated.update(sources)
        return True

    def take_quote(self, text: str) -> bool:
        """Count a place for a quote's words, as a sentence's second place at most; False when
        a place already states the statement they come from (one statement, one place: "the
        ruling was “a grave mistake”" is no quote beside the key fact "Smith said the ruling
        was “a grave mistake”.")."""
        sources = self.sources(text)
        if sources & self.stated or not self.take(text, places=MAX_PLACES):
            return False
        self.quoted.update(sources)
        return True


def keep_to_two_places(brief: Brief, doc: Doc) -> Brief:
    """Return the brief with no sentence of its article in more than two places."""
    sentences = _Sentences(doc)
    sentences.take(brief.at_a_glance, states=True)
    if brief.why_it_matters is not None:
        sentences.take(brief.why_it_matters, states=True)
    key_facts = tuple(_facts(brief.key_facts, brief.why_it_matters, sentences))
    timeline = tuple(_events(brief.timeline, sentences))
    is_first_person = narrates_in_first_person(doc)
    quotes = _quotes_once(
        [q for q in _once_each(brief.quotes) if is_someones(q, is_first_person)], sentences
    )
    main = principals(brief)
    quoted = voices(brief)
    subjects = (
        {headline_subject(brief)} | lead_subjects(brief.actors, doc) | most_named(brief.actors, doc)
    )
    actors = tuple(
        replace(
            _actor(actor, sentences, actor.name in main, quoted.get(actor.name, 0)),
            is_story_subject=actor.name in subjects,
        )
        for actor in brief.actors
    )
    return replace(brief, key_facts=key_facts, quotes=quotes, timeline=timeline, actors=actors)


def headline_subject(brief: Brief) -> str | None:
    """The first actor the headline names that does something in the article, but a place:
    what the story is about ("NASA adds five companies ...", "Nelson's OT goal lifts Isles",
    "BREAKING NEWS: Chelsea Activate ..."). It gets a card though it has no role and the lead
    and key facts show every line of it: given only its mentions, it keeps no sentence from
    the other places of the page. A name that does nothing in the article ("Opening Bell",
    "PS4 DualShock Controller") is no subject of it; a person the article names again is,
    though it only asks or tells about them ("Does Jane Roe own a yacht?" over a fact-check
    whose every sentence has Roe as its object)."""
    found = [
        (at.start(), number, actor.name)
        for number, actor in enumerate(brief.actors)
        if actor.kind != "place"
        and not is_a_competition(actor.name)
        and (actor.actions or _is_named_again(actor))
        for name in (actor.name, *actor.aliases)
        # As written: "US" names a country, "us" in "Join us" does not. Most names are not in
        # the headline: a substring test spares compiling a pattern for each.
        if name in brief.article.title
        and (at := re.search(rf"(?<!\w){re.escape(name)}(?!\w)", brief.article.title))
    ]
    return min(found)[2] if found else None


def _is_named_again(actor: Actor) -> bool:
    """A person named in full and again: a lone word typed a person ("Viera" of a swim meet's
    headline) is too thin to card without anything it did."""
    return actor.kind == "person" and " " in actor.name and actor.mentions > 1


def voices(brief: Brief) -> dict[str, int]:
    """The people who speak at least `VOICE_QUOTES` of the article's distinct statements, and
    the bodies that speak any, with their number: whose words fill the Quotes section and leave
    no line of their own. Not only the one quoted most: a second expert or a reviewer quoted
    twice is as much a voice of the story as the first, and would otherwise stand in "Also
    named" beside people named in passing. One quoted once is a voice where the article names
    them again in full (the prize's winner, the match's youngest player: introduced, then
    quoted), not one quoted in passing. A body is quoted for what it stated as a body (the
    commission's ruling, the agency's findings, the platform's pledge): the story's source or
    party, never a passer-by, and its card is what tells its words are the body's."""
    speakers = {
        actor.name: actor for actor in brief.actors if actor.kind in ("person", "organisation")
    }
    counts = Counter(
        quote.speaker for quote in _once_each(brief.quotes) if quote.speaker in speakers
    )
    return {
        speaker: count
        for speaker, count in counts.items()
        if count >= VOICE_QUOTES
        or speakers[speaker].kind == "organisation"
        or _is_named_again(speakers[speaker])
    }


def _facts(
    facts: Iterable[KeyFact], why_it_matters: str | None, sentences: _Sentences
) -> Iterable[KeyFact]:
    for fact in facts:
        if fact.text != why_it_matters and sentences.take(fact.text, states=True):
            yield fact


def _quotes_once(quotes: Sequence[Quote], sentences: _Sentences) -> tuple[Quote, ...]:
    """The quotes that state something no other place or quote states, in their order. A
    whole quotation goes before a partial one, and both before a reported statement of their
    sentence: "He said he was not worried, but feared “consequences”" holds "he was not
    worried" too, which is no second quote; a phrase quoted again ("it was “no side channel”")
    from the speaker's whole quotation shown ("“My role was no side channel ...”") is too."""
    ranked = sorted(range(len(quotes)), key=lambda number: _rank(quotes[number]))
    shown: list[tuple[str, ...]] = []
    shown_quotes: list[Quote] = []
    kept = set()
    for number in ranked:
        quote = quotes[number]
        words = words_of(quoted_words(quote))
        if any(is_from(words, other) for other in shown):
            continue
        if any(_quotes_again(quote, other) for other in shown_quotes):
            continue
        if sentences.take_quote(quoted_words(quote)):
            kept.add(number)
            shown.append(words)
            shown_quotes.append(quote)
    return tuple(quote for number, quote in enumerate(quotes) if number in kept)


def _rank(quote: Quote) -> tuple[int, int]:
    """Whole quotations first, then partial ones, then reported clauses; the longer first of
    a kind, as it may hold the other ("“Not a side channel”" of "“My role was not a side
    channel ...”")."""
    return KIND_ORDER[quote.kind], -len(words_of(quote.text))


def _quotes_again(quote: Quote, shown: Quote) -> bool:
    """Whether a quote's own words come from a quote shown, by the same speaker or by one the
    text does not name: the same statement, given again in part."""
    is_same_voice = quote.speaker is None or quote.speaker == shown.speaker
    return is_same_voice and is_from(words_of(quote.text), words_of(shown.text))


def _once_each(quotes: Iterable[Quote]) -> Iterable[Quote]:
    """The quotes without a repeat of the same words ("Shop local. It pays." quoted twice)."""
    seen: set[tuple[str, ...]] = set()
    for quote in quotes:
        words = words_of(quote.text)
        if words not in seen:
            seen.add(words)
            yield quote


def is_someones(quote: Quote, is_first_person: bool = False) -> bool:
    """Whether a page shows the quote as someone's words. A partial quote credited to no one is
    words set off in the writer's own sentence (a term, a scare quote, "the “Netflix of
    games”"), or words whose source the analysis missed; either way its sentence says more
    than the fragment under "speaker not named". Where the writer narrates as "I" (a blog, a
    review), a quotation credited to no one is their own voice or a thought they imagine
    ("“Ugh! Why did I put this off again?”"). `briefs analyse` keeps every quote found."""
    if quote.speaker is not None or quote.speaker_description or quote.kind == "reported":
        # A speaker the text describes ("a doctor on the scene") says the words too.
        return True
    return quote.kind == "direct" and not is_first_person


def quoted_words(quote: Quote) -> str:
    """The words a quote shows on the page: its context for a partial quote."""
    return quote.context if quote.kind == "partial" else quote.text


def _events(events: Iterable[TimelineEvent], sentences: _Sentences) -> Iterable[TimelineEvent]:
    # One event with several dates ("1961, 2000 and 2001") is one place.
    taken: dict[str, bool] = {}
    for event in events:
        if event.event not in taken:
            taken[event.event] = sentences.take(event.event, places=MAX_PLACES)
        if taken[event.event]:
            yield event


def _actor(actor: Actor, sentences: _Sentences, is_principal: bool, statements: int = 0) -> Actor:
    """The actor with what it said or did that no other place shows.

    A principal person with no role who would lose every line keeps the first as that
    sentence's second place, as a quote or an event may be: a card is given for a role or a
    line (`Brief.boxed_actors`), and the lead and key facts that tell what the story's subject
    did would otherwise leave the subject in "Also named" while the people around get cards.
    (A country or body the lead names first is carded by what it did elsewhere: given a line
    again, it would push the story's dated events off a page of limited length.)
    """
    actions = tuple(action for action in actor.actions if sentences.take(action))
    if not actions and is_principal and actor.kind == "person" and not actor.role:
        # Not a sentence a quote shows: the card would give the same statement twice.
        repeatable = (a for a in actor.actions if not sentences.sources(a) & sentences.quoted)
        actions = next(((a,) for a in repeatable if sentences.take(a, places=MAX_PLACES)), ())
    # Only one the role does not card: a page gives up its lines (`fit_to_page`), and the
    # count, given to a carded voice too, would push dated events off it.
    quoted = 0 if actor.role else statements
    return replace(actor, actions=actions[:MAX_ACTIONS], quoted=quoted)


def principals(brief: Brief) -> frozenset[str]:
    """The actors whose statements a page keeps longest: the first the at-a-glance line names
    (the lead names its subject first: "Kenyan President William Ruto said ... in Nairobi"),
    and the people it names; else the first person or body the brief lists."""
    lead = f" {' '.join(words_of(brief.at_a_glance))} "
    named: dict[int, Actor] = {}
    for actor in brief.actors:
        found = [
            lead.find(f" {' '.join(words_of(name))} ") for name in (actor.name, *actor.aliases)
        ]
        at = min((where for where in found if where >= 0), default=-1)
        if at >= 0 and actor.kind != "place":
            named.setdefault(at, actor)
    if named:
        first = named[min(named)]
        return frozenset({first.name, *(a.name for a in named.values() if a.kind == "person")})
    listed = next(
        (actor for actor in brief.actors if actor.kind in ("person", "organisation")), None
    )
    return frozenset() if listed is None else frozenset({listed.name})
