"""Normalise dates as written: text such as "last September" and a `Reference` in, `DateValue`s out.

Dates become ISO prefixes where the text (and the article's date, for "Monday" or "last
September") allow it; the rest stay as written with precision "relative".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.analysis.lexicon import MONTHS
from generator.models import DatePrecision

FIRST_YEAR, LAST_YEAR = 1000, 2100
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_SHIFTS = frozenset({"last", "next", "this", "early", "late"})
"""Words before a weekday that place it in time ("last Friday"); they name no day."""
DAY_WORD_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_ANY_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_PART_OF_PERIOD = r"(?:(?:early|mid|late)[\s-]+|the\s+(?:start|beginning|middle|end)\s+of\s+)?"
# "1961", "1961, 2000, and 2001", "2000 or 2001".
_YEAR_LIST = r"\d{4}(?:(?:,|,?\s+and|,?\s+or)\s+\d{4})*"
_LEADING_WEEKDAY = rf"(?:{_ANY_WEEKDAY},?\s+)?"
# "14, 20 and 27 April", "3 and 4 May", "March 3, 5 or 9": several days of one month.
_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_LIST = rf"(?P<days>{_DAY_NUMBER}(?:(?:\s*,|,?\s+and|,?\s+or|\s+&)\s*{_DAY_NUMBER})+)"
_OPTIONAL_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"

# Each date form, matched against the whole date as written (case-insensitive).
DATE_PATTERNS = {
    "iso": rf"{_YEAR}-(?P<month_number>\d{{2}})-(?P<day>\d{{2}})",
    "day_month_year": rf"{_LEADING_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    "month_day_year": rf"{_LEADING_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    "month_year": rf"{_PART_OF_PERIOD}{_MONTH},?\s+(?:of\s+)?{_YEAR}",
    "years": rf"{_PART_OF_PERIOD}(?:the\s+year\s+)?(?P<years>{_YEAR_LIST})",
    "day_month": rf"{_LEADING_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}",
    "month_day": rf"{_LEADING_WEEKDAY}{_MONTH}\s+{_DAY}",
    "day_list_month": rf"(?:the\s+)?{_DAY_LIST}\s+(?:of\s+)?{_MONTH}{_OPTIONAL_YEAR}",
    "month_day_list": rf"{_MONTH}\s+{_DAY_LIST}{_OPTIONAL_YEAR}",
    "month": rf"(?:(?P<shift>last|next|this)\s+|(?:early|mid|late)[\s-]+)?{_MONTH}",
    "weekday": rf"(?:(?P<shift>last|next|this)\s+)?(?:(?:early|late)\s+)?{_WEEKDAY}{_PART_OF_DAY}",
    "day_word": rf"(?:(?:early|late)\s+)?(?P<word>yesterday|today|tonight|tomorrow|last\s+night)"
    rf"{_PART_OF_DAY}|this\s+(?P<today>morning|afternoon|evening)",
    "unit": r"(?:(?:earlier|later)\s+)?(?P<shift>last|next|this)\s+(?P<unit>year|month|week)",
    "ago": r"(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?"
    r"\s+ago",
    # "in two weeks' time": a count of units ahead of the story ("in two weeks" alone may be
    # how long something took, and stays undated).
    "time_ahead": r"(?:in\s+)?(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+"
    r"(?P<unit>day|week|month|year)s?['’]?\s+time",
}
# Dates the entity recogniser may miss, found in the running text; the `date` group is the date.
FALLBACK_PATTERNS = (
    rf"(?P<date>\b(?:{_ANY_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}})\b",
    rf"(?P<date>\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}})\b",
    r"\b(?:in|since|by|until|during|from)\s+(?P<date>\d{4})\b(?!\s+(?!and\b|or\b)[a-z])",
    r"(?-i:(?P<date>\b(?:(?:last|next|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday))\b)",
    r"(?P<date>\b(?:yesterday|today|tomorrow))\b",
    rf"(?P<date>\b(?:last|next)\s+(?:week|month|year|{_ANY_WEEKDAY}))\b",
)
RANGE_WORDS = r"to|until|till|through|and"
RANGE = re.compile(
    rf"(?:from\s+|(?P<between>between\s+))?(?P<start>.+?)\s*(?:\b(?P<word>{RANGE_WORDS})\b|[-–])\s*"
    r"(?P<end>.+)",
    re.IGNORECASE,
)
"""A span of time: "2002 to 2005", "March-June", "between 2006 and 2011" (its "and" only after
"between"; "2000 and 2001" is a list, which `DATE_PATTERNS` reads first)."""
RANGE_QUALIFIER = re.compile(r"^(?:at\s+least|as\s+early\s+as|around|about|circa)\s+", re.I)
"""What a span's start may say of how sure it is: "from at least 2002"."""
DAY_ALONE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
YEAR_IN = re.compile(r"\b\d{4}\b")
# "on Monday" is written "Monday" in the timeline; "last September" keeps its "last".
LEADING_PREPOSITION = re.compile(r"^(?:on|in)\s+", re.IGNORECASE)
TRAILING_POSSESSIVE = re.compile(r"['’]s$")

_COMPILED_PATTERNS = {
    name: re.compile(pattern, re.IGNORECASE) for name, pattern in DATE_PATTERNS.items()
}


@dataclass(frozen=True)
class DateValue:
    """One normalised date: what the timeline shows as its date."""

    value: str
    precision: DatePrecision
    text: str | None = None
    """The date as written when it is only part of the mention (one year of a list)."""
    starts: str | None = None
    """The day a period shown by a coarser value began ("last week" shown as its month sorts
    by its Monday, after the month's earlier days)."""


@dataclass(frozen=True)
class Reference:
    """What a relative date is resolved against."""

    article_date: dt.date | None
    is_future: bool
    year: int | None = None
    """The year the text refers back to ("in May of that year"): a day or month takes it."""
    ends_a_period: bool = False
    """The date ends a period ("until 4 June"): a day and month without a year are the nearest
    such day, before or after the article, since a window still open runs past it."""
    tense_unmarked: bool = False
    """The clause is in neither the past nor the future ("Obama leaves office on Jan. 20", "the
    Nov. 8 election could be pivotal"): a day and month are the nearest such day too."""


def normalise_date(text: str, reference: Reference) -> tuple[DateValue, ...]:
    """Return the normalised dates `text` names, or nothing when it is no point in time."""
    written = written_form(text)
    for name, pattern in _COMPILED_PATTERNS.items():
        match = pattern.fullmatch(written)
        if match:
            return _RESOLVERS[name](match, reference)
    span = RANGE.fullmatch(written)
    return () if span is None else _resolve_range(span, reference)


def _resolve_range(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    """A span of time ("2002 to 2005", "from at least 2002 to 2005", "3 to 7 July", "between
    2006 and 2011") is one date: its start, written as the span, so that the timeline shows
    one entry sorted by when it began. The start takes what it leaves to the end: "3 to 7
    July" starts on 3 July, "March to June 2021" in March 2021."""
    start, end = match["start"], match["end"]
    if (match["word"] or "").lower() == "and" and not match["between"]:
        return ()  # "May and June" is a list of two months
    ends = normalise_date(end, reference)
    if not ends:
        return ()
    bare = RANGE_QUALIFIER.sub("", start)
    if DAY_ALONE.fullmatch(bare):
        bare = DAY_ALONE.sub(bare, end, count=1)
    elif not YEAR_IN.search(bare) and (year := YEAR_IN.search(end)) is not None:
        bare = f"{bare} {year[0]}"
    starts = normalise_date(bare, reference)
    if not starts or (starts[0].precision != "relative" and starts[0].value > ends[-1].value):
        return ()
    first = starts[0]
    return (DateValue(first.value, first.precision, f"{start} to {end}"),)


def written_form(text: str) -> str:
    """Return a date as the timeline writes it: one space between words, no "on" or "'s"."""
    text = " ".join(text.split())
    return TRAILING_POSSESSIVE.sub("", LEADING_PREPOSITION.sub("", text))


def _resolve_iso(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    return _day(int(match["year"]), int(match["month_number"]), int(match["day"]))


def _resolve_full(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    return _day(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))


def _resolve_month_year(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    year, month = int(match["year"]), MONTHS[match["month"].lower()]
    return (DateValue(f"{year:04d}-{month:02d}", "month"),) if _is_plausible(year) else ()


def _resolve_years(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    years = re.findall(r"\d{4}", match["years"])
    if len(years) == 1:
        return (DateValue(years[0], "year"),) if _is_plausible(int(years[0])) else ()
    return tuple(DateValue(y, "year", y) for y in years if _is_plausible(int(y)))


def _resolve_day_month(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    month, day = MONTHS[match["month"].lower()], int(match["day"])
    return _day_of_month(month, day, reference, match[0])


def _resolve_day_list(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    """Each day of "14, 20 and 27 April", "16 or 17 March": a date of its own, written as the
    whole list, so that the timeline shows the list once, as the article has it."""
    month = MONTHS[match["month"].lower()]
    written = written_form(match[0])
    found: list[DateValue] = []
    for day in (int(day) for day in re.findall(r"\d{1,2}", match["days"])):
        if match["year"]:
            dates = _day(int(match["year"]), month, day)
        else:
            dates = _day_of_month(month, day, reference, f"{day} {match['month']}")
        found += [DateValue(date.value, date.precision, written) for date in dates]
    return tuple(found)


def _day_of_month(
    month: int, day: int, reference: Reference, written: str
) -> tuple[DateValue, ...]:
    """A day and month without a year: the year the text refers back to, or the one the
    article's date and the clause's tense point at."""
    if reference.year is not None:
        return _day(reference.year, month, day)
    if reference.article_date is None:
        return _relative(written)
    year = reference.article_date.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return ()
    if reference.ends_a_period or reference.tense_unmarked:
        year = _nearest_year(reference.article_date, month, day)
    elif not reference.is_future and candidate > reference.article_date:
        year -= 1
    elif reference.is_future and candidate < reference.article_date:
        year += 1
    return _day(year, month, day)


def _nearest_year(article: dt.date, month: int, day: int) -> int:
    """The year whose day and month lie nearest the article's date."""
    candidates = []
    for year in (article.year - 1, article.year, article.year + 1):
        with contextlib.suppress(ValueError):  # 29 February
            candidates.append(dt.date(year, month, day))
    return min(candidates, key=lambda date: abs(date - article)).year


def _resolve_month(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    month = MONTHS[match["month"].lower()]
    if reference.year is not None and not match["shift"]:
        year = reference.year
        return (DateValue(f"{year:04d}-{month:02d}", "month"),) if _is_plausible(year) else ()
    if reference.article_date is None:
        return _relative(match[0])
    article = reference.article_date
    shift = (match["shift"] or "").lower()
    year = article.year
    if shift == "last" or (not shift and not reference.is_future):
        # "last September": the most recent September strictly before the article's month.
        strictly = shift == "last"
        if month > article.month or (strictly and month == article.month):
            year -= 1
    elif shift == "next" or not shift:
        strictly = shift == "next"
        if month < article.month or (strictly and month == article.month):
            year += 1
    return (DateValue(f"{year:04d}-{month:02d}", "month"),)


def _resolve_weekday(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    shift = (match["shift"] or "").lower()
    core = f"{shift} {match['weekday']}".strip()
    if reference.article_date is None:
        return _relative(core)
    article = reference.article_date
    target = WEEKDAYS.index(match["weekday"].lower())
    days_back = (article.weekday() - target) % 7
    days_ahead = (target - article.weekday()) % 7
    if shift == "last":
        offset = -(days_back or 7)
    elif shift == "next":
        offset = days_ahead or 7
    else:
        offset = days_ahead if reference.is_future else -days_back
    return (DateValue((article + dt.timedelta(days=offset)).isoformat(), "day"),)


def _resolve_day_word(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    word = " ".join((match["word"] or "today").lower().split())
    if reference.article_date is None:
        return _relative(match[0])
    date = reference.article_date + dt.timedelta(days=DAY_WORD_OFFSETS[word])
    return (DateValue(date.isoformat(), "day"),)


def _resolve_unit(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    unit = match["unit"].lower()
    if reference.article_date is None:
        return _relative(match[0])
    step = {"last": -1, "this": 0, "next": 1}[match["shift"].lower()]
    if unit == "week":
        return _week_of(reference.article_date + dt.timedelta(weeks=step), match[0])
    return _shifted(reference.article_date, unit, step)


def _resolve_ago(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    return _counted(match, reference, -1)


def _resolve_time_ahead(match: re.Match[str], reference: Reference) -> tuple[DateValue, ...]:
    return _counted(match, reference, 1)


def _counted(match: re.Match[str], reference: Reference, direction: int) -> tuple[DateValue, ...]:
    """A count of units from the story's date, back ("two weeks ago") or ahead ("in two
    weeks' time")."""
    unit = match["unit"].lower()
    if reference.article_date is None:
        return _relative(match[0])
    count = match["count"].lower()
    amount = direction * (int(count) if count.isdigit() else NUMBER_WORDS[count])
    if unit == "week":
        return _week_of(reference.article_date + dt.timedelta(weeks=amount), match[0])
    return _shifted(reference.article_date, unit, amount)


def _week_of(day: dt.date, written: str) -> tuple[DateValue, ...]:
    """The week (Monday to Sunday) that holds `day`, as the month it lies in: a week has no
    date of its own, and "last week" of a 20 November story happened in November. A week
    across two months is no one month: it stays as written."""
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month) or not _is_plausible(day.year):
        return _relative(written)
    return (DateValue(f"{day.year:04d}-{day.month:02d}", "month", None, monday.isoformat()),)


def _shifted(article: dt.date, unit: str, step: int) -> tuple[DateValue, ...]:
    if unit == "year":
        year = article.year + step
        return (DateValue(f"{year:04d}", "year"),) if _is_plausible(year) else ()
    if unit == "month":
        year, month = divmod(article.year * 12 + article.month - 1 + step, 12)
        return (DateValue(f"{year:04d}-{month + 1:02d}", "month"),)
    return (DateValue((article + dt.timedelta(days=step)).isoformat(), "day"),)


def _day(year: int, month: int, day: int) -> tuple[DateValue, ...]:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return ()
    return (DateValue(date.isoformat(), "day"),) if _is_plausible(year) else ()


def _relative(text: str) -> tuple[DateValue, ...]:
    return (DateValue(_normal_case(text), "relative"),)


def _normal_case(text: str) -> str:
    """Write month and weekday names capitalised and every other word in lower case."""
    words = " ".join(text.split()).lower().split(" ")
    named = set(MONTHS) | set(WEEKDAYS)
    return " ".join(w.capitalize() if w.rstrip(".,") in named else w for w in words)


def _is_plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


_Resolver = Callable[[re.Match[str], Reference], tuple[DateValue, ...]]
_RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "day_month_year": _resolve_full,
    "month_day_year": _resolve_full,
    "month_year": _resolve_month_year,
    "years": _resolve_years,
    "day_month": _resolve_day_month,
    "month_day": _resolve_day_month,
    "day_list_month": _resolve_day_list,
    "month_day_list": _resolve_day_list,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "day_word": _resolve_day_word,
    "unit": _resolve_unit,
    "ago": _resolve_ago,
    "time_ahead": _resolve_time_ahead,
}
