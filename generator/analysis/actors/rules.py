"""Actor rules kept as data: `data/actor_rules.yml` in, each name's rule decisions out.

A rule is a spaCy `Matcher` pattern (`token_pattern`) or `DependencyMatcher` pattern
(`dependency_pattern`) with the kind it decides for the name it finds, an example and a
counter-example (tests are generated from them). `ActorRules.decisions` runs every pattern over a
parsed doc once and says, for each token, which rules decided what about the name it belongs to.
Which pattern tokens are the name: `name` lists their positions in a token pattern; in a
dependency pattern the node whose RIGHT_ID is `name`.
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass
from typing import Any, Literal, get_args

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from generator.analysis.entity_index import entities_in, entity_at
from generator.analysis.gate_table import GateTable, keys_of
from generator.analysis.layout import text_of
from generator.analysis.rule_files import field_problems, read_entries
from generator.analysis.tree_matcher import TreeMatcher
from generator.analysis.window_matcher import WindowMatcher
from generator.analysis.word_gates import (
    WORD_ATTRS,
    Gate,
    gate_of,
    node_gate_of,
    passes,
    words_of,
)
from generator.errors import BriefError
from generator.models import ActorKind

Decision = Literal["person", "organisation", "country", "place", "group", "none"]
"""A kind, or `none`: the name is no actor there."""
Scope = Literal["root", "whole"]
"""`root`: the rule decides for a name whose head word it finds; `whole`: only for a name it
finds whole ("J." alone, not the "J." of "J. K. Rowling")."""
RULES_FILE = "actor_rules.yml"
FIELDS = frozenset(
    {"name", "decides", "why", "token_pattern", "dependency_pattern", "name_tokens", "scope"}
    | {"requires_place", "named_after_a_town", "unless_listed", "unless_given_name"}
    | {"requires_given_name", "plural_nickname", "extends_a_place"}
    | {"joins_places", "requires_text"}
    | {"for_every_mention", "even_where_it_acts", "whole_phrase", "names_its_line", "names_a_work"}
    | {"keeps_possessive", "named_after_a_subdivision", "unless_subdivision"}
    | {"example", "counter_example"}
)
REQUIRED = ("name", "decides", "why", "example", "counter_example")
NAME_NODE = "name"


@dataclass(frozen=True)
class Case:
    """A text and the name in it a rule must (example) or must not (counter-example) decide."""

    text: str
    name: str


@dataclass(frozen=True)
class Rule:
    """One entry of the rules file."""

    name: str
    decides: Decision
    why: str
    example: Case
    counter_example: Case
    scope: Scope = "root"
    requires_place: bool = False
    """Decides only for a name the gazetteer or the model calls a place."""
    named_after_a_town: bool = False
    """Decides only for a name whose words before the last are a town a gazetteer knows and
    which no gazetteer knows whole ("Manchester City", not "Kansas City" or "Forbidden City")."""
    unless_listed: bool = False
    """Decides only for a name no gazetteer knows as a country or a place: "president of SpaceX"
    is the body the person works for, "President of France" and "head of Punjab" stay where."""
    unless_given_name: bool = False
    """Decides only for a name whose first word is no given name the census knows: "Group D"
    is a label, "Malcolm X" a person."""
    requires_given_name: bool = False
    """Decides only for a name whose first word is a given name the census knows; such a rule
    also finds a person's name the model missed ("Timothy Weeks", its surname taken for a
    date)."""
    plural_nickname: bool = False
    """Decides only for one capitalised word in the plural that names no place or person (a
    team's "Steelers"); such a rule also finds the name where the model missed it."""
    extends_a_place: bool = False
    """The name is the word the model left out before a place it labelled and that place
    ("Real" + "Madrid"), where neither the word nor the whole is a place or a person's name
    (`clubs.clubs_named_after_their_town`); no decision about the place's own mention."""
    joins_places: bool = False
    """Decides only for a name whose every part between hyphens is a country or a place a
    gazetteer knows ("U.S.-Mexico"; not "Rolls-Royce")."""
    for_every_mention: bool = False
    """The decision (none) holds for every mention of the name in the article, and for a longer
    name ending with it ("Nintendo Switch" of "a Switch"), unless one of them is the subject of
    a verb (`found.without_things`)."""
    even_where_it_acts: bool = False
    """With for_every_mention: the name is a thing even where a mention is the subject of a
    verb ("the 2020 e-tron Sportback ... the new Sportback will have"): the cue says what the
    name is, not who acts; only a mention that speaks ("Toyota said") keeps it an actor."""

    names_its_line: bool = False
    """With for_every_mention: the thing's owner is named apart, so its name's first word,
    named alone and typed no body or person, is its line ("Mustang" of "Ford's Mustang Mach
    E SUV"), not a place (`found.without_things`)."""
    names_a_work: bool = False
    """With for_every_mention: the cue names a work, so a person's name there is its title too
    ("the movie Ray", "her leading role in Elizabeth")."""
    whole_phrase: bool = False
    """(Dependency rules) every name in the name node's phrase is decided, outside the other
    nodes' phrases: a title holds names of its own ("Sky" of "Lucy in the Sky, his debut")."""

    named_after_a_subdivision: bool = False
    """Decides only for a name whose words before the last are a subdivision ISO 3166-2 lists
    ("Yobe North"), and which no gazetteer knows whole."""
    unless_subdivision: bool = False
    """Not for such a name: a region's district ("Derby North") is no town's school."""
    keeps_possessive: bool = False
    """The possessive after the name is its last word, in every mention of the name in the
    article where the name never stands without it ("Kohl's said", "Kohl's stores")."""

    @property
    def evidence(self) -> str:
        return f"rule {self.name}"


@dataclass(frozen=True)
class Decided:
    """A rule's decision about the name at a span of the doc."""

    rule: Rule
    span: Span
    """The tokens the rule found as the name."""

    def applies_to(self, name: Span) -> bool:
        """Whether the decision is about this name (its head word, or all of it)."""
        if self.rule.scope == "whole":
            return (self.span.start, self.span.end) == (name.start, name.end)
        at = self.span  # only a decision over the name holds its root (Span.root walks it)
        return at.start < name.end and name.start < at.end and at.start <= name.root.i < at.end


class ActorRules:
    """Every rule of the file, compiled into Matchers and DependencyMatchers: for each doc, the
    rules whose words the doc has (`word_gates`), a token rule only where it can match
    (`window_matcher`)."""

    def __init__(self, entries: list[tuple[Rule, dict[str, Any]]], vocab: Vocab) -> None:
        self.rules = {rule.name: rule for rule, _ in entries}
        self._order = {rule.name: index for index, (rule, _) in enumerate(entries)}
        self._name_tokens: dict[str, tuple[int, ...]] = {}
        self._token_patterns: dict[str, list[dict[str, Any]]] = {}
        self._dependency_patterns: dict[str, list[dict[str, Any]]] = {}
        self._gates: dict[str, Gate] = {}
        self._node_gates: dict[str, tuple[str, ...]] = {}  # keys of `node_gate_of`'s nodes
        self._required_text = {
            rule.name: str(entry["requires_text"])
            for rule, entry in entries
            if "requires_text" in entry
        }
        """What a doc's text must hold for a rule whose cue the word gates cannot see (the "@"
        of a handle, the "_" of a joined name): spaCy tests a REGEX at every token."""
        self._token_matchers: dict[str, WindowMatcher] = {}
        """Each token rule's Matcher, run only where the rule can match."""
        self._dependency_matchers: dict[str, TreeMatcher] = {}
        """Each dependency rule's matcher, compiled once with the rules: a matcher compiled for
        each set of rules a doc passes cost more than it matched (most docs pass a new set)."""
        for rule, entry in entries:
            if "token_pattern" in entry:
                self._token_patterns[rule.name] = entry["token_pattern"]
                self._token_matchers[rule.name] = WindowMatcher(
                    vocab, rule.name, entry["token_pattern"]
                )
                self._gates[rule.name] = gate_of(entry["token_pattern"], vocab)
                self._node_gates[rule.name] = keys_of(node_gate_of(entry["token_pattern"], vocab))
                self._name_tokens[rule.name] = tuple(entry["name_tokens"])
            else:
                pattern = entry["dependency_pattern"]
                self._dependency_patterns[rule.name] = pattern
                self._dependency_matchers[rule.name] = TreeMatcher(vocab)
                self._dependency_matchers[rule.name].add(rule.name, [pattern])
                nodes = [node.get("RIGHT_ATTRS", {}) for node in pattern]
                self._gates[rule.name] = gate_of(nodes, vocab)
                self._node_gates[rule.name] = keys_of(node_gate_of(nodes, vocab))
                ids = [node["RIGHT_ID"] for node in pattern]
                self._name_tokens[rule.name] = (ids.index(NAME_NODE),)
        patterns = [*self._token_patterns.values(), *self._dependency_patterns.values()]
        self._gate_table = GateTable(patterns, vocab)  # every node's tokens, found together

    def decisions(self, doc: Doc) -> list[Decided]:
        """Every rule decision in the doc, in the file's order of rules, then of position."""
        found: list[Decided] = []
        matches = [
            match
            for name in self._wanted(self._token_patterns, doc)
            for match in self._token_matchers[name](doc)
        ]
        for match_id, start, _end, alignments in matches:
            rule = self.rules[doc.vocab.strings[match_id]]
            wanted = self._name_tokens[rule.name]
            tokens = [start + at for at, part in enumerate(alignments) if part in wanted]
            found += [Decided(rule, doc[first:last]) for first, last in _runs(tokens)]
        # A DependencyMatcher gives its matches rule by rule, in the order the rules were added:
        # each wanted rule's own matcher, in the file's order, gives the same list.
        dependency_matches: list[tuple[int, list[int]]] = [
            match
            for name in self._wanted(self._dependency_patterns, doc)
            for match in self._dependency_matchers[name](doc)
        ]
        for match_id, token_ids in dependency_matches:
            rule = self.rules[doc.vocab.strings[match_id]]
            token = token_ids[self._name_tokens[rule.name][0]]
            found.append(Decided(rule, _entity_or_token(doc, token)))
            if rule.whole_phrase:
                others = [doc[i] for i in token_ids if i != token]
                found += [Decided(rule, name) for name in _names_in_phrase(doc[token], others)]
        return sorted(found, key=lambda d: (self._order[d.rule.name], d.span.start, d.span.end))

    def _wanted(self, patterns: dict[str, list[dict[str, Any]]], doc: Doc) -> tuple[str, ...]:
        """The rules whose words (and text, `requires_text`) the doc holds, each node's on one
        token: spaCy's matchers pay for every pattern at every token, and most docs hold no
        "United", "Minister" or "@"."""
        words, text = words_of(doc), text_of(doc)
        return tuple(
            name
            for name in patterns
            if passes(self._gates[name], words)
            and self._required_text.get(name, "") in text
            and self._gate_table.has(doc, self._node_gates[name])
        )

    def decision_for(self, name: Span, decided: list[Decided]) -> Decided | None:
        """The first decision about a name, by the file's order of rules. A rule for every
        mention decides none here: `found.without_things` weighs all the name's mentions ("a
        new AI Office ... will oversee" is a body that acts), nor a rule that extends a place's
        name: `clubs` makes the longer name's mention."""
        return next(
            (
                d
                for d in decided
                if d.applies_to(name) and not (d.rule.for_every_mention or d.rule.extends_a_place)
            ),
            None,
        )


def _runs(tokens: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of token indexes as (start, end): each side of "Kent v Surrey"."""
    runs: list[tuple[int, int]] = []
    for token in tokens:
        if runs and runs[-1][1] == token:
            runs[-1] = (runs[-1][0], token + 1)
        else:
            runs.append((token, token + 1))
    return runs


def _names_in_phrase(head: Token, others: list[Token]) -> list[Span]:
    """The names the model labels in the head word's phrase before the other nodes' phrases,
    but not the head's own name (decided already), an owner's nor a conjunct's ("Sky" of "Lucy
    in the Sky, his debut"; not "the Beatles" of "the Beatles' Abbey Road, their album", nor
    "Ann Lee" of "Tom Baker and Ann Lee's show"): a list of names is no title."""
    end = min((other.left_edge.i for other in others if other.i > head.i), default=None)
    phrase = head.doc[head.left_edge.i : end if end is not None else head.right_edge.i + 1]
    owners = {
        t.i for child in head.children if child.dep_ in ("poss", "conj") for t in child.subtree
    }
    own = entity_at(head)
    return [
        entity
        for entity in entities_in(phrase)
        if entity != own and not {entity.start, entity.end - 1} & owners
    ]


def _entity_or_token(doc: Doc, index: int) -> Span:
    entity = entity_at(doc[index])
    return doc[index : index + 1] if entity is None else doc[entity.start : entity.end]


@functools.cache
def load_rules(vocab: Vocab) -> ActorRules:
    """The packaged rules, compiled once per vocabulary (once per process)."""
    resource = importlib.resources.files("generator.analysis") / "data" / RULES_FILE
    return ActorRules(parse_rules(resource.read_text(encoding="utf-8"), str(resource)), vocab)


def parse_rules(text: str, source: str) -> list[tuple[Rule, dict[str, Any]]]:
    """Check the rules file; raise one `BriefError` naming each bad entry by line."""
    problems: list[str] = []
    entries: list[tuple[Rule, dict[str, Any]]] = []
    names: set[str] = set()
    for where, entry in read_entries(text, source, "rule"):
        rule = _rule(entry, where, problems)
        if rule is not None and rule.name in names:
            problems.append(f"{where}: rule '{rule.name}' is already defined")
        elif rule is not None:
            names.add(rule.name)
            entries.append((rule, entry))
    if problems:
        raise BriefError("\n".join(problems))
    return entries


def _rule(entry: object, where: str, problems: list[str]) -> Rule | None:
    before = len(problems)
    problems += field_problems(entry, where, "rule", REQUIRED, FIELDS)
    if not isinstance(entry, dict):
        return None
    has_tokens, has_dependencies = "token_pattern" in entry, "dependency_pattern" in entry
    if has_tokens == has_dependencies:
        problems.append(f"{where}: give one of 'token_pattern' or 'dependency_pattern'")
    if has_tokens and not isinstance(entry.get("name_tokens"), list):
        problems.append(f"{where}: a token pattern needs 'name_tokens', the name's positions")
    if has_dependencies and NAME_NODE not in {
        node.get("RIGHT_ID") for node in entry["dependency_pattern"]
    }:
        problems.append(f"{where}: a dependency pattern needs a node with RIGHT_ID 'name'")
    if entry.get("decides") not in get_args(Decision):
        expected = ", ".join(get_args(Decision))
        problems.append(
            f"{where}: 'decides': expected one of {expected}, got {entry.get('decides')!r}"
        )
    required = entry.get("requires_text")
    if required is not None and not (isinstance(required, str) and required):
        problems.append(f"{where}: 'requires_text': expected the characters the text must hold")
    if entry.get("for_every_mention") is True and entry.get("decides") != "none":
        problems.append(f"{where}: 'for_every_mention' is for rules that decide none")
    if entry.get("even_where_it_acts") is True and entry.get("for_every_mention") is not True:
        problems.append(f"{where}: 'even_where_it_acts' is for rules for every mention")
    problems += [f"{where}: {problem}" for problem in _words_not_text(entry)]
    cases = [_case(entry.get(key), f"{where}: '{key}'", problems) for key in REQUIRED[3:]]
    if len(problems) > before or cases[0] is None or cases[1] is None:
        return None
    return Rule(
        name=str(entry["name"]),
        decides=entry["decides"],
        why=str(entry["why"]),
        example=cases[0],
        counter_example=cases[1],
        scope="whole" if entry.get("scope") == "whole" else "root",
        requires_place=entry.get("requires_place") is True,
        named_after_a_town=entry.get("named_after_a_town") is True,
        unless_listed=entry.get("unless_listed") is True,
        unless_given_name=entry.get("unless_given_name") is True,
        requires_given_name=entry.get("requires_given_name") is True,
        plural_nickname=entry.get("plural_nickname") is True,
        extends_a_place=entry.get("extends_a_place") is True,
        joins_places=entry.get("joins_places") is True,
        for_every_mention=entry.get("for_every_mention") is True,
        even_where_it_acts=entry.get("even_where_it_acts") is True,
        whole_phrase=entry.get("whole_phrase") is True,
        names_its_line=entry.get("names_its_line") is True,
        names_a_work=entry.get("names_a_work") is True,
        keeps_possessive=entry.get("keeps_possessive") is True,
        named_after_a_subdivision=entry.get("named_after_a_subdivision") is True,
        unless_subdivision=entry.get("unless_subdivision") is True,
    )


def _words_not_text(entry: dict[str, Any]) -> list[str]:
    """The words of ORTH, LOWER or LEMMA that YAML read as no text: unquoted, `on`, `off`,
    `yes` and `no` are booleans, and a pattern would look for the word "True"."""
    nodes = entry.get("token_pattern") or [
        node.get("RIGHT_ATTRS", {}) for node in entry.get("dependency_pattern") or []
    ]
    problems = []
    for node in nodes if isinstance(nodes, list) else []:
        for key in WORD_ATTRS:
            value = node.get(key) if isinstance(node, dict) else None
            words = value.get("IN", []) if isinstance(value, dict) else [value]
            problems += [
                f"{key}: expected a word, got {word!r}; quote it"
                for word in words
                if word is not None and not isinstance(word, str)
            ]
    return problems


def _case(value: object, where: str, problems: list[str]) -> Case | None:
    if isinstance(value, dict) and isinstance(value.get("text"), str) and value.get("name"):
        if str(value["name"]) not in value["text"]:
            problems.append(f"{where}: the name '{value['name']}' is not in its text")
            return None
        return Case(value["text"], str(value["name"]))
    if value is not None:
        problems.append(f"{where}: expected {{text: ..., name: ...}}")
    return None


def decided_kind(decision: Decision) -> ActorKind | None:
    """The kind a decision gives, or None when it says the name is no actor."""
    return None if decision == "none" else decision
