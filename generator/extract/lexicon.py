"""Word lists the extractors share: data only, no logic."""

from __future__ import annotations

# Entity texts (casefolded) that spaCy's model sometimes labels as actors but never are.
NOT_ACTORS = frozenset(
    {
        "covid-19",
        "covid",
        "coronavirus",
        "sars-cov-2",
        "ebola",
        "zika",
        "mpox",
        "monkeypox",
        "hiv",
        "aids",
        "omicron",
        "delta",
        "h5n1",
        "internet",
        "twitter",  # platforms are channels in news copy, not parties to the story
        "x",
    }
)

# A name followed by one of these is a disease, product or event, not an actor
# ("the COVID-19 pandemic", "the Sputnik vaccine").
NOT_ACTOR_FOLLOWERS = frozenset(
    {"pandemic", "virus", "outbreak", "vaccine", "vaccines", "disease", "variant", "epidemic"}
)

# A person's name followed by one of these names an organisation ("the Biden administration").
CONTINUED_ORGANISATION_NOUNS = frozenset({"administration", "government", "campaign", "cabinet"})

# Last words of names that are places, even when named after people ("Kim Il Sung Square").
PLACE_NOUNS = frozenset(
    {
        "square", "street", "avenue", "road", "bridge", "airport", "station", "stadium",
        "palace", "park", "hall", "tower", "port", "harbour", "harbor", "cosmodrome", "center",
        "centre", "university", "hospital", "river", "lake", "mountain", "island", "islands",
    }
)  # fmt: skip

# Words stripped from the front of an entity before it is named.
LEADING_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

# Role nouns that attach to their principal with "to": "aide to Vladimir Putin".
ROLE_NOUNS_TAKING_TO = frozenset(
    {"aide", "adviser", "advisor", "assistant", "envoy", "spokesman", "spokeswoman", "spokesperson"}
)

# Text right before an organisation that marks it as the article's source, not an actor.
SOURCE_CUES = ("according to", "reported by", "citing")

# Verbs that introduce what someone said, quoted or reported.
SPEECH_VERBS = frozenset(
    {
        "acknowledge", "add", "admit", "allege", "announce", "answer", "argue", "ask", "assert",
        "boast", "caution", "claim", "comment", "complain", "concede", "conclude", "confirm",
        "contend", "counter", "declare", "deny", "emphasise", "emphasize", "explain", "insist",
        "joke", "maintain", "mention", "note", "predict", "proclaim", "promise", "recall",
        "reiterate", "remark", "reply", "report", "respond", "say", "shout", "state", "stress",
        "suggest", "tell", "testify", "tweet", "urge", "vow", "warn", "write",
    }
)  # fmt: skip
