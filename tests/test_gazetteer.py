"""Tests for generator.analysis.gazetteer: the packaged country list, its lookups and its checks."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.analysis.gazetteer import Gazetteer, load_gazetteer
from generator.errors import BriefError


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "countries.yml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(path: Path) -> str:
    with pytest.raises(BriefError) as caught:
        load_gazetteer(path)
    return str(caught.value)


# --- the packaged data ------------------------------------------------------------------------


def test_packaged_list_has_un_members_and_the_extras(gazetteer: Gazetteer) -> None:
    kinds = [place.kind for place in gazetteer.places]
    assert len(gazetteer.places) == 206
    # The United Kingdom's four nations are countries of their own beside it, and the Soviet
    # Union a former country news still names as a party.
    assert kinds.count("country") == 202
    assert "Soviet Union" in {place.name for place in gazetteer.places}
    nations = {place.name for place in gazetteer.places if place.kind == "country"}
    assert {"England", "Northern Ireland", "Scotland", "Wales", "United Kingdom"} <= nations
    assert {place.name for place in gazetteer.places if place.kind != "country"} == {
        "European Union",
        "United Nations",
        "Hong Kong",
        "Western Sahara",
    }


def test_packaged_list_is_sorted_by_name(gazetteer: Gazetteer) -> None:
    def sort_key(name: str) -> str:
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()

    names = [place.name for place in gazetteer.places]
    assert names == sorted(names, key=sort_key)


def test_default_gazetteer_is_loaded_once() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_an_explicit_path_loads_that_file(tmp_path: Path) -> None:
    path = write(tmp_path, "- name: Atlantis\n  kind: place\n  capitals: [Poseidonia]\n")
    loaded = load_gazetteer(path)
    assert [place.name for place in loaded.places] == ["Atlantis"]
    place = loaded.places[0]
    assert (place.kind, place.aliases, place.demonyms) == ("place", (), ())
    assert loaded.country_for_capital("Poseidonia") is place


# --- names and aliases ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea", "North Korea"),
        ("DPRK", "North Korea"),
        ("Democratic People's Republic of Korea", "North Korea"),
        ("N. Korea", "North Korea"),
        ("United States", "United States"),
        ("US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Russian Federation", "Russia"),
        ("PRC", "China"),
        ("ROK", "South Korea"),
        ("Viet Nam", "Vietnam"),
        ("Czechia", "Czech Republic"),
        ("Burma", "Myanmar"),
        ("Swaziland", "Eswatini"),
        ("Holland", "Netherlands"),
        ("Türkiye", "Turkey"),
        ("EU", "European Union"),
        ("Hong Kong", "Hong Kong"),
        ("Vatican", "Vatican City"),
        ("Côte d'Ivoire", "Ivory Coast"),
        # Typographic apostrophes and decomposed accents are the same name.
        ("Côte d’Ivoire", "Ivory Coast"),
        (unicodedata.normalize("NFD", "Türkiye"), "Turkey"),
        ("  North   Korea ", "North Korea"),
    ],
)
def test_names_and_aliases(gazetteer: Gazetteer, text: str, expected: str) -> None:
    place = gazetteer.country_for_name(text)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the United States", "United States"),
        ("The United States", "United States"),
        ("the US", "United States"),
        ("the Netherlands", "Netherlands"),
        ("The Gambia", "Gambia"),
        ("the Philippines", "Philippines"),
        ("North Korea's", "North Korea"),
        ("North Korea’s", "North Korea"),
        ("Russia's", "Russia"),
        ("the US'", "United States"),
        ("the U.S.'s", "United States"),
        ("the Philippines'", "Philippines"),
        ("the Netherlands'", "Netherlands"),
    ],
)
def test_leading_the_and_possessives(gazetteer: Gazetteer, text: str, expected: str) -> None:
    place = gazetteer.country_for_name(text)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NORTH KOREA", "North Korea"),
        ("North korea", "North Korea"),
        ("north korea", "North Korea"),
        ("TURKEY", "Turkey"),
        ("UNITED STATES'", "United States"),
        ("NORTH KOREA'S", "North Korea"),
        ("Bih", "Bosnia and Herzegovina"),
    ],
)
def test_case_is_ignored_for_names_that_are_not_abbreviations(
    gazetteer: Gazetteer, text: str, expected: str
) -> None:
    place = gazetteer.country_for_name(text)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize(
    "text",
    [
        # Abbreviations match only in capitals: "us" and "Us" are the pronoun.
        "us",
        "Us",
        "the us",
        "u.s.",
        "uk",
        "car",
        # A single lowercase word is an ordinary noun, not a country.
        "turkey",
        "china",
        "chad",
        "chile",
        "jordan",
        # Unknown words, fragments and empty text.
        "Atlantis",
        "Korea",
        "Congo",
        "North",
        "the",
        "'s",
        "",
        "   ",
        # A leading 'the' is dropped only as a whole word.
        "theUS",
    ],
)
def test_no_place(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.country_for_name(text) is None
    assert gazetteer.lookup(text) is None


# --- demonyms and capitals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian", "Russia"),
        ("Russians", "Russia"),
        ("North Korean", "North Korea"),
        ("North Koreans", "North Korea"),
        ("American", "United States"),
        ("Americans", "United States"),
        ("Israeli", "Israel"),
        ("Israelis", "Israel"),
        ("British", "United Kingdom"),
        ("Britons", "United Kingdom"),
        ("Dutch", "Netherlands"),
        ("Chinese", "China"),
        ("Ivorian", "Ivory Coast"),
        ("Palestinians", "Palestine"),
        ("the Russians", "Russia"),
        ("NORTH KOREAN", "North Korea"),
    ],
)
def test_demonyms(gazetteer: Gazetteer, text: str, expected: str) -> None:
    place = gazetteer.country_for_demonym(text)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pyongyang", "North Korea"),
        ("Washington", "United States"),
        ("Washington, D.C.", "United States"),
        ("Moscow", "Russia"),
        ("Moscow's", "Russia"),
        ("Beijing", "China"),
        ("Seoul", "South Korea"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Hanoi", "Vietnam"),
        ("Tehran", "Iran"),
        ("London", "United Kingdom"),
        ("Paris", "France"),
        ("Berlin", "Germany"),
        ("Tokyo", "Japan"),
        ("The Hague", "Netherlands"),
        ("Brussels", "Belgium"),
        ("St. John's", "Antigua and Barbuda"),
        ("Malé", "Maldives"),
    ],
)
def test_capitals(gazetteer: Gazetteer, text: str, expected: str) -> None:
    place = gazetteer.country_for_capital(text)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize(
    "text",
    ["Male", "male", "Victoria", "Hague", "Dominican Republic", "Russian"],
)
def test_not_a_capital(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.country_for_capital(text) is None


def test_each_lookup_answers_only_its_own_kind_of_string(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_for_name("Russian") is None
    assert gazetteer.country_for_name("Moscow") is None
    assert gazetteer.country_for_demonym("Russia") is None
    assert gazetteer.country_for_demonym("Moscow") is None
    assert gazetteer.country_for_capital("Russia") is None


@pytest.mark.parametrize(
    ("text", "expected_name", "expected_role"),
    [
        ("the US'", "United States", "name"),
        ("DPRK", "North Korea", "name"),
        ("North Korean", "North Korea", "demonym"),
        ("Pyongyang", "North Korea", "capital"),
        ("Taiwanese", "Taiwan", "demonym"),
        ("Pristina", "Kosovo", "capital"),
        ("Sahrawis", "Western Sahara", "demonym"),
    ],
)
def test_lookup_says_what_matched(
    gazetteer: Gazetteer, text: str, expected_name: str, expected_role: str
) -> None:
    found = gazetteer.lookup(text)
    assert found is not None
    place, role = found
    assert (place.name, role) == (expected_name, expected_role)


# --- checks on load ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "- name: North Korea\n  aliases: [DPRK]\n- name: South Korea\n  aliases: [ROK, DPRK]\n",
            "{path}:3: entry 'South Korea': alias 'DPRK' is already claimed by "
            "entry 'North Korea' (line 1) as its alias",
            id="duplicate alias",
        ),
        pytest.param(
            "- name: Georgia\n- name: GEORGIA\n",
            "{path}:2: entry 'GEORGIA': name 'GEORGIA' is already claimed by "
            "entry 'Georgia' (line 1) as its name",
            id="duplicate name in other case",
        ),
        pytest.param(
            "- name: Monaco\n  capitals: [Monaco]\n",
            "{path}:1: entry 'Monaco': capital 'Monaco' is already claimed by this entry "
            "as its name",
            id="capital repeats the name",
        ),
        pytest.param(
            "- name: France\n- aliases: [Gaul]\n  capitals: [Lutetia]\n",
            "{path}:2: entry 2: missing 'name'",
            id="missing name",
        ),
        pytest.param(
            "- name: ''\n",
            "{path}:1: entry 1: 'name' must be a non-empty string, got ''",
            id="empty name",
        ),
        pytest.param(
            "- name: 42\n",
            "{path}:1: entry 1: 'name' must be a non-empty string, got 42",
            id="name not a string",
        ),
        pytest.param(
            "- name: North Korea\n  aliases: DPRK\n",
            "{path}:1: entry 'North Korea': 'aliases' must be a list of strings, got 'DPRK'",
            id="aliases not a list",
        ),
        pytest.param(
            "- name: Japan\n  capitals: [Tokyo, 3, null]\n",
            "{path}:1: entry 'Japan': 'capitals' item 2 must be a non-empty string, got 3\n"
            "{path}:1: entry 'Japan': 'capitals' item 3 must be a non-empty string, got nothing",
            id="capital not a string",
        ),
        pytest.param(
            "- name: Japan\n  capital: [Tokyo]\n",
            "{path}:1: entry 'Japan': unknown field 'capital'; "
            "expected one of name, kind, aliases, demonyms, capitals",
            id="misspelt field",
        ),
        pytest.param(
            "- name: Lagos\n  kind: city\n",
            "{path}:1: entry 'Lagos': 'kind' must be one of country, place, organisation, "
            "got 'city'",
            id="unknown kind",
        ),
        pytest.param(
            "- name: United States\n  aliases: [US, the USA]\n",
            "{path}:1: entry 'United States': alias 'the USA' starts with 'the'; write 'USA', "
            "lookups ignore a leading 'the'",
            id="alias with leading the",
        ),
        pytest.param(
            "- France\n",
            "{path}:1: entry 1: expected a mapping with 'name' and lists, got 'France'",
            id="entry not a mapping",
        ),
        pytest.param(
            "name: France\n",
            "{path}: expected a list of entries like '- name: France', got a mapping",
            id="top level not a list",
        ),
        pytest.param(
            "",
            "{path}: expected a list of entries like '- name: France', got nothing",
            id="empty file",
        ),
        pytest.param(
            "- name: France\n  aliases: [French Republic\n",
            "{path}:3: not valid YAML: expected ',' or ']', but got '<stream end>'",
            id="broken YAML",
        ),
    ],
)
def test_load_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    assert error_for(path) == expected.format(path=path)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- name: Chile\n"
        "  demonyms: [Chilean]\n"
        "- demonyms: [Chilean]\n"
        "- name: Peru\n"
        "  kind: nation\n"
        "  capitals: Lima\n",
    )
    assert error_for(path).splitlines() == [
        f"{path}:3: entry 2: missing 'name'",
        f"{path}:3: entry 2: demonym 'Chilean' is already claimed by entry 'Chile' (line 1) "
        "as its demonym",
        f"{path}:4: entry 'Peru': 'kind' must be one of country, place, organisation, got 'nation'",
        f"{path}:4: entry 'Peru': 'capitals' must be a list of strings, got 'Lima'",
    ]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.yml"
    assert error_for(path) == f"{path}: cannot read the gazetteer: No such file or directory"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A headline's title case and spaced initials are the abbreviation (#20).
        ("Uk", "United Kingdom"),
        ("U. K.", "United Kingdom"),
        ("U.N.", "United Nations"),
        ("U.S", "United States"),
        ("Eu", "European Union"),
    ],
)
def test_abbreviations_as_pages_print_them(gazetteer: Gazetteer, text: str, name: str) -> None:
    found = gazetteer.country_for_name(text)
    assert found is not None and found.name == name


def test_a_word_is_no_abbreviation(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_for_name("Us") is None


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("Guangdong", "ISO 3166-2 province"),  # ISO writes "Guangdong Sheng"
        ("Xinjiang Uygur", "ISO 3166-2 autonomous region"),  # "... Zizhiqu"
        ("Guangdong Sheng", "ISO 3166-2 province"),
        ("Beijing", "GeoNames city"),  # "Beijing Shi": the town list knows it better
    ],
)
def test_a_subdivision_is_known_without_its_types_local_word(name: str, source: str) -> None:
    from generator.analysis.place_names import place_names

    assert place_names().place_source(name) == source


def test_an_english_type_word_stays_in_a_subdivisions_name() -> None:
    # "Central Province" (Sri Lanka), "Gilbert Islands" (Kiribati): an English word names the
    # type, and the words before it alone name no place.
    from generator.analysis.place_names import _local_type_words

    words = {word for found in _local_type_words().values() for word in found}
    assert {"Sheng", "Zizhiqu", "oblast"} <= words
    assert not {"Province", "Islands", "Region", "River", "of"} & words
