"""Names a page lists as things: a name only the model's label types, met only in the lines of a
list (a product's specs, a box's contents) or in a product's heading with its price, is marked
`UNSHOWN`; a name a sentence of prose also writes, and a person with a given name, are not."""

from __future__ import annotations

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.mentions import UNSHOWN
from generator.analysis.layout import list_lines

SPEC_PAGE = "\n\n".join(
    [
        "Garmin makes the watch, and Garmin said it sells well in Europe this autumn.",
        "Garmin Venu Sq",
        "Bright Crystal Glass display with an always-on mode",
        "Heart rate sensor with Pulse Ox",
        "Twin speaker Sound with rich Bass and clear voices",
        "Batteries are not included.",
        "Comes with a cradle, a charging lead and a quick start manual",
        "Up to ten days of battery life in smartwatch mode",
        "Prices may change at any time, the shop said in a note to buyers last week.",
    ]
)


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def _evidence(english, gazetteer, text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.evidence for a in extract_actors(english(text), gazetteer).actors}


def test_a_list_is_a_run_of_lines_without_a_sentence_of_their_own(english):
    lines = [line.text for line in list_lines(english(SPEC_PAGE))]
    assert "Bright Crystal Glass display with an always-on mode" in lines
    # A short sentence between two items is one of them; prose before and after is not.
    assert "Batteries are not included." in lines
    assert not any(line.startswith(("Garmin makes", "Prices may")) for line in lines)


def test_a_name_met_only_in_a_list_is_marked_and_one_met_in_prose_is_not(english, gazetteer):
    evidence = _evidence(english, gazetteer, SPEC_PAGE)
    assert UNSHOWN in evidence["Pulse Ox"]
    assert UNSHOWN in evidence["Sound"]
    assert UNSHOWN not in evidence["Garmin"]


def test_two_lines_without_a_clause_are_no_list(english):
    text = _page(
        "The council met on Monday and voted to close the bridge for repairs.",
        "A long wait",
        "Residents of Hove and Kemptown",
        "Work will start in May, the council said in a statement.",
    )
    assert list_lines(english(text)) == []


def test_a_person_with_a_given_name_in_a_list_is_not_marked(english, gazetteer):
    text = _page(
        "The relay team finished second at the county meet on Saturday afternoon.",
        "200 freestyle relay",
        "Sarah Okafor of Eastfield",
        "Megan Druce of Northbury",
        "Team totals",
    )
    evidence = _evidence(english, gazetteer, text)
    people = [name for name in evidence if name in ("Sarah Okafor", "Megan Druce")]
    assert people and all(UNSHOWN not in evidence[name] for name in people)


def test_a_products_heading_with_its_price_is_a_list_line(english):
    text = _page(
        "Shoppers will find these deals online this week, the retailer said on Monday.",
        "Polar Ignite Smart Band for $79.99",
        "The band tracks sleep and runs, and its battery lasts a week on one charge.",
    )
    assert [line.text for line in list_lines(english(text))] == [
        "Polar Ignite Smart Band for $79.99"
    ]


def test_a_person_whose_surname_the_census_knows_stays_in_a_row_of_scores(english, gazetteer):
    text = _page(
        "Eastfield beat Northbury 61-50 in the regional final on Friday night.",
        "Eastfield (4-1): Tavonne Brooks 18 points. Quarrin Ellis 9 points.",
        "Northbury (2-3): Zadrian Cole 15 points. Bexley Morrow 11 points.",
        "Up next",
    )
    # "Tavonne" is no given name the census knows, "Brooks" a surname it does.
    assert UNSHOWN not in _evidence(english, gazetteer, text)["Tavonne Brooks"]


def test_a_team_sheet_is_a_list_of_names_not_of_things(english):
    text = _page(
        "The coach named an unchanged side for the trip to Cardiff on Saturday.",
        "Harbour: T Okafor; R Vance, J Lutz (capt), D Moreau, K Brennan",
        "Replacements: P Nakamura, S Idowu, L Marsh",
        "Coach: F Ternan",
    )
    assert list_lines(english(text)) == []
