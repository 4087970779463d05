"""Words that tell whose words a quote holds, read by the speaker search (`speakers`,
`referents`); data only, beside `lexicon`'s speech verbs and nouns."""

# Verbs of wanting or expecting someone else to act: "expects the host to call out ...", "urged
# her to say ...": what follows is not done yet, so no words of its subject's ("allowed him
# to claim ..." and "led her to say ..." tell what was said).
WISH_VERBS = frozenset(
    {
        "ask", "challenge", "dare", "demand", "encourage", "expect", "hope", "invite", "need",
        "press", "push", "urge", "want", "wish",
    }
)  # fmt: skip

# Who speaks for the body named beside them, a company's or a ministry's voice rather than a
# person of their own: "a WeWork spokesperson said", "a spokeswoman for the agency said".
BODY_VOICES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "statement"}
)
