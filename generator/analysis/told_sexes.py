"""What the article itself tells of a person's sex: "Knight said she was shocked" calls Knight
"she". Where the census gives a given name to neither sex or to both ("Beverley", "Roni"),
this tells "she" which of two people named together the writer means."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.lexicon import PRONOUN_SEXES, SPEECH_VERBS
from generator.analysis.token_lists import token_lists

TOLD_SEXES_KEY = "briefs_told_sexes"
SUBJECT_PRONOUNS = {pronoun: PRONOUN_SEXES[pronoun] for pronoun in ("he", "she")}
"""The pronouns that stand for the subject of the verb above them ("said she would"), with the
sex the lexicon gives them."""


def told_sex(doc: Doc, surname: str) -> str | None:
    """The sex the text gives the person of this last name, if it gives one and only one."""
    found: dict[str, str | None] | None = doc.user_data.get(TOLD_SEXES_KEY)
    if found is None:
        found = doc.user_data[TOLD_SEXES_KEY] = _told_sexes(doc)
    return found.get(surname.casefold())


def _told_sexes(doc: Doc) -> dict[str, str | None]:
    """Each name that says something of itself with "he" or "she" ("Size said he had ...",
    "Knight said she was ..."): the reported clause's subject is the speaker, most often."""
    tokens = token_lists(doc)
    found: dict[str, str | None] = {}
    for i, word in enumerate(tokens.lower):
        sex = SUBJECT_PRONOUNS.get(word)
        if sex is None or tokens.dep[i] not in SUBJECT_DEPS:
            continue
        clause = tokens.head[i]
        verb = tokens.head[clause]
        if tokens.dep[clause] != "ccomp" or tokens.lemma[verb].lower() not in SPEECH_VERBS:
            continue
        speakers = [
            c for c in tokens.children[verb] if tokens.dep[c] in SUBJECT_DEPS and c < clause
        ]
        if len(speakers) != 1 or tokens.pos[speakers[0]] != "PROPN":
            continue
        name = tokens.lower[speakers[0]]
        found[name] = sex if found.get(name, sex) == sex else None
    return found
