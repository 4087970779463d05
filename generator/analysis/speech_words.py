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

# Documents that "say" what their author wrote in them: "the statement said", "according to the
# report". The author is the one the text says issued it, or the document stays the source.
DOCUMENT_NOUNS = frozenset(
    {
        "announcement", "bulletin", "communique", "document", "email", "filing", "letter",
        "memo", "memorandum", "note", "release", "report", "statement", "study", "submission",
    }
)  # fmt: skip

# Verbs by which someone makes or puts out a document, whose subject (or agent: "published by")
# is its author: "The ministry issued a statement". Not "obtained", "read" or "combed through".
ISSUING_VERBS = frozenset(
    {
        "draft", "email", "file", "issue", "make", "post", "prepare", "produce", "publish",
        "put", "release", "send", "sign", "submit", "tweet", "write",
    }
)  # fmt: skip
