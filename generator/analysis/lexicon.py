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
        "ai",
        "usb",
        "gps",
        "el niño",
        "la niña",
        "twitter",  # platforms are channels in news copy, not parties to the story
        "x",
        "gmt",  # time zones in datelines ("13:00 GMT")
        "bst",
        "utc",
        "est",
        "edt",
        "pst",
        "pdt",
        "cet",
        "cest",
        "dwi",  # charges
        "dui",
        "oscars",  # award ceremonies
        "emmys",
        "grammys",
        "baftas",
    }
)

# Capitalised words that, alone, name no one ("the Council", "Defence", "the North").
GENERIC_WORDS = frozenset(
    {
        "council", "defence", "defense", "group", "groups", "national", "state", "states",
        "parliament", "government", "ministry", "court", "army", "navy", "police", "north",
        "south", "east", "west", "official", "officials", "union", "party", "commission",
        "committee", "agency", "department", "office", "assembly", "senate", "house", "cabinet",
        "president", "minister", "republic", "kingdom", "federation", "administration",
        "attendance", "schedule", "standings", "results",
        # A title alone names no one ("Sheriff's Capt. Ray Peavy").
        "sheriff", "governor", "mayor", "sergeant", "captain", "lieutenant", "deputy",
        "detective", "coroner", "prosecutor",
        # "People said": the magazine, or the word opening a sentence.
        "people",
        # A street's abbreviation cut from its name.
        "ave", "ave.", "blvd", "blvd.",
    }
)  # fmt: skip

# Last words, or head words, of names of texts, not actors ("the Comprehensive Military
# Agreement", "the Treaty of Rome").
DOCUMENT_WORDS = frozenset(
    {
        "act", "agreement", "treaty", "accord", "accords", "convention", "protocol", "bill",
        "law", "journal", "declaration", "resolution", "charter", "pact", "plan", "report",
        # Events, not actors either: "the General Election", "the Winter Olympics", "the Dubai
        # Air Show", "the Lakeside Open", "the Monaco Grand Prix".
        "election", "elections", "referendum", "summit", "olympics", "championships",
        "championship", "tournament", "marathon", "prix", "open",
        "awards", "prize", "prizes", "festival", "cup", "show", "expo",
        # Honours, given to actors: "the Regional Film Critics' Award for Best Director".
        "award", "medal", "trophy",
    }
)  # fmt: skip

# Prefixes of ships' names ("MV Gibe", "HMS Belfast"): a vessel is no person or organisation.
# ("MS" and "SS" are left out: "MS Dhoni", "SS Lazio".)
SHIP_PREFIXES = frozenset({"MV", "HMS", "USS", "INS", "HMAS", "HMCS", "RMS", "USNS", "FV"})

# A name followed by one of these is a disease, product or event, not an actor
# ("the COVID-19 pandemic", "the Sputnik vaccine").
NOT_ACTOR_FOLLOWERS = frozenset(
    {"pandemic", "virus", "outbreak", "vaccine", "vaccines", "disease", "variant", "epidemic"}
)

# Last words of a body's name that the model sometimes labels a person's ("Surrey Police",
# "Somerset Fire", "Rite Aid Corporation").
ORGANISATION_NAME_ENDS = frozenset(
    {
        "police", "constabulary", "fire", "council", "club", "association", "foundation",
        "institute", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "dairy",
    }
)  # fmt: skip

# A person's name followed by one of these names an organisation ("the Biden administration",
# "the Haqqani network"): the body named after the person, never the person.
CONTINUED_ORGANISATION_NOUNS = frozenset(
    {"administration", "government", "campaign", "cabinet", "network", "movement"}
)

# Last words of names that are places, even when named after people ("Kim Il Sung Square").
PLACE_NOUNS = frozenset(
    {
        "square", "street", "avenue", "road", "bridge", "airport", "station", "stadium",
        "palace", "park", "tower", "port", "harbour", "harbor", "cosmodrome", "river", "lake",
        "mountain", "island", "islands", "township", "ave", "ave.", "blvd", "blvd.", "boulevard",
    }
)  # fmt: skip
# Words that end the name of a building and of the body that works in it ("Syracuse
# University", "German Aerospace Centre", "Carnegie Hall"), and some surnames ("Lee Hall"):
# a place only when the model does not call the name a body or a person.
INSTITUTION_NOUNS = frozenset({"university", "hospital", "centre", "center", "hall"})

# Nouns that introduce a place's name, with "of" ("the port of Rotterdam", "the valleys of
# the Taquari") or right before it ("the state capital Porto Alegre").
PLACE_HEADS = frozenset(
    {
        "city", "town", "village", "province", "region", "state", "capital", "county",
        "district", "valley", "port",
    }
)  # fmt: skip
# Plural nouns of places after a list of names, each name then named with the noun: "Orange
# and Riverside counties" are Orange County and Riverside County, "Napa and Sonoma valleys".
NAMED_PLACE_NOUNS = frozenset(
    {
        "county", "province", "state", "district", "region", "parish", "prefecture", "oblast",
        "governorate", "canton", "valley",
    }
)  # fmt: skip
# Nouns that introduce a place's name with "of" only: before a name, "hometown" is more often
# a caption's last word ("as their hometown Vocativ reported").
PLACE_HEADS_BEFORE_OF = PLACE_HEADS | {"hometown", "suburb", "suburbs", "outskirts", "township"}

# Lower-case words inside a name ("Rio Grande do Sul", "Ursula von der Leyen"), and those
# inside a hyphenated place's name ("Komsomolsk-on-Amur", "Stratford-upon-Avon").
NAME_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "van", "von", "bin", "ibn"}
)
HYPHENATED_PARTICLES = frozenset({"on", "upon", "sur", "en", "am", "le", "la", "de", "sous"})

# Words stripped from the front of an entity before it is named.
LEADING_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

# Words before a name that make it a place ("in Jordan"); "to" and "from" could be either.
PLACE_PREPOSITIONS = frozenset(
    {"in", "into", "inside", "outside", "across", "throughout", "within", "near", "via"}
)

# Words of the compass: "the northern Sierra Nevada", "southern Zabul province", "North
# America" say that a name is a place's; nothing else is placed on a compass.
COMPASS_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "northeastern", "northwestern", "southeastern", "southwestern", "central",
    }
)  # fmt: skip

# Words of geography inside a name the model calls a place: "the Gulf of Aden", "Mount
# Everest", "the Indian Ocean", "the Northern Hemisphere" name places no town list holds.
GEOGRAPHY_WORDS = frozenset(
    {
        "gulf", "ocean", "sea", "bay", "mount", "mountains", "coast", "peninsula", "desert",
        "strait", "straits", "channel", "valley", "plateau", "basin", "delta", "canyon",
        "hemisphere", "river", "lake", "island", "islands",
    }
)  # fmt: skip

# Prepositions of a journey or a surface: a place's only before a name the model calls a
# location ("to Mars", "life on Earth"); before other names as often a service's ("on Netflix").
PATH_PREPOSITIONS = frozenset({"to", "from", "on", "off", "around", "toward", "towards"})

# Pronouns that take up a thing or a country, and those that take up a person.
THING_PRONOUNS = frozenset({"it", "its", "itself"})
READER_WORDS = frozenset({"you", "your", "yours", "yourself", "yourselves"})
"""Words by which a writer speaks to the reader."""
WRITER_SELF_WORDS = frozenset({"i", "me", "my", "mine", "myself"})
"""Words by which a writer speaks of themself alone (a company's voice is "we")."""
EARLIER_TIME_WORDS = frozenset({"last", "ago", "previous", "previously", "earlier", "formerly"})
"""Words by which a time lies before the story's ("last year", "three years ago")."""
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})

# Verbs a headline in title case sets after a name, which then reads as part of it ("Obama
# Says", "Putin Makes"): a person's name never ends in one.
HEADLINE_VERBS = frozenset(
    {
        "accuses",
        "admits",
        "agrees",
        "announces",
        "arrives",
        "asks",
        "attacks",
        "backs",
        "blames",
        "blasts",
        "calls",
        "claims",
        "condemns",
        "defends",
        "denies",
        "dies",
        "faces",
        "gets",
        "gives",
        "has",
        "heads",
        "hits",
        "insists",
        "is",
        "joins",
        "launches",
        "leads",
        "leaves",
        "makes",
        "meets",
        "names",
        "plans",
        "pledges",
        "praises",
        "promises",
        "quits",
        "rejects",
        "resigns",
        "returns",
        "reveals",
        "said",
        "says",
        "seeks",
        "signs",
        "slams",
        "speaks",
        "takes",
        "tells",
        "threatens",
        "to",
        "urges",
        "visits",
        "vows",
        "wants",
        "warns",
        "was",
        "welcomes",
        "will",
        "wins",
    }
)

# Ranks and offices written before a person's name ("Trooper William Hakim", "Constable Tim
# Fanning"): when the model takes one into a name, it is the person's title, not their name.
# (Royal and religious titles are how such names are written: "Prince Harry", "Sister Gertrud";
# "Pastor" and "Major" are names too: "Pastor Maldonado", "John Major".)
RANK_TITLES = frozenset(
    {
        "trooper", "deputy", "constable", "detective", "sheriff", "superintendent", "chief",
        "officer", "sergeant", "captain", "lieutenant", "inspector", "agent", "judge", "justice",
        "senator", "governor", "mayor", "president", "minister", "coach", "professor",
        "representative", "magistrate", "congressman", "congresswoman", "commissioner",
        "councillor", "councilman", "councilwoman", "prosecutor", "attorney", "ambassador",
        "chancellor", "general", "colonel", "corporal", "admiral", "commander",
    }
)  # fmt: skip

# Courtesy titles, with or without the full stop: "Mr Asberg" is the Asberg the article named
# in full before, and a name that ends in one ran on into the next sentence.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "mr.", "mrs.", "ms.", "mx.", "dr."})
HONORIFIC_SEXES = {
    "mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female",
    "ms.": "female", "miss": "female",
}  # fmt: skip
"""The sex an honorific tells: "Mr Robertson" is not Summer Robertson, whoever shares his name."""

# Titles of nobility and royalty that name a person with one word after them ("Lord Falconer",
# "Prince Harry", "Baroness Morgan"): with that word, the title is how the person is named.
NOBLE_TITLES = frozenset(
    {
        "lord", "lady", "baron", "baroness", "prince", "princess", "queen", "king", "sir", "dame",
        "duke", "duchess", "earl", "countess", "emperor", "empress", "sheikh", "pope",
    }
)  # fmt: skip

# Role nouns that attach to their principal with "to": "aide to Vladimir Putin".
ROLE_NOUNS_TAKING_TO = frozenset(
    {"aide", "adviser", "advisor", "assistant", "envoy", "spokesman", "spokeswoman", "spokesperson"}
)

# Lower-case nouns that say what a person is ("Russia's ambassador to the UN, Vassily
# Nebenzia"): a name beside one is a person's, whatever the model labelled it.
PERSON_TITLES = ROLE_NOUNS_TAKING_TO | frozenset(
    {
        "ambassador", "minister", "president", "governor", "secretary", "chairman",
        "chairwoman", "leader", "chief", "director", "senator", "mayor", "premier",
        "chancellor", "commander", "general", "lawmaker", "legislator", "judge", "lawyer",
        "attorney", "prosecutor", "coach", "manager", "captain", "player", "striker",
        "official", "diplomat", "king", "queen", "prince", "princess", "founder", "executive",
        "economist", "analyst", "professor", "scientist", "researcher", "author", "journalist",
        "correspondent", "editor", "activist", "candidate", "deputy", "wife", "husband", "son",
        "daughter", "father", "mother", "brother", "sister", "widow", "spouse",
    }
)  # fmt: skip

# Offices a nationality owns: "Russian President" is the President of Russia, whereas a
# "Canadian inventor" is no inventor of Canada.
OFFICE_TITLES = ROLE_NOUNS_TAKING_TO | frozenset(
    {
        "admiral", "ambassador", "chairman", "chairwoman", "chancellor", "chief", "commander",
        "commissioner", "diplomat", "emperor", "general", "governor", "king", "lawmaker",
        "leader", "legislator", "mayor", "minister", "monarch", "official", "premier",
        "president", "prince", "princess", "queen", "secretary", "senator",
    }
)  # fmt: skip

# Nouns that can say what a person is beyond PERSON_TITLES; a lower-case noun ending as an
# agent noun does ("singer", "investigator", "assistant") counts too (ROLE_SUFFIXES).
PERSON_ROLE_WORDS = PERSON_TITLES | frozenset(
    {
        "academic", "agent", "aide", "anchor", "astronaut", "athlete", "aunt", "baron", "bishop",
        "boss", "ceo", "cfo", "chair", "champion", "chef", "child", "citizen", "colleague",
        "congressman", "congresswoman", "constable", "counsel", "cousin", "cto", "dad", "dj",
        "detective", "duchess", "duke", "earl", "emir", "envoy", "expert", "fan", "fiance",
        "fiancee", "fiancé", "fiancée", "friend", "gen", "girlfriend", "boyfriend", "gov",
        "graduate", "guard", "head", "heir", "host", "hostage", "icon", "imam", "jockey",
        "justice", "lady", "legend", "lord", "magistrate", "marine", "mate", "mayor", "member",
        "mep", "militant", "model", "mom", "monk", "mp", "mum", "native", "nephew", "niece",
        "nun", "parent", "pilot", "pope", "priest", "prodigy", "pundit", "pupil", "rabbi", "rep",
        "rookie", "sen", "sheikh", "sheriff", "sibling", "spy", "star", "sultan", "surgeon",
        "suspect", "teammate", "teen", "tsar", "twin", "uncle", "veteran", "victim", "whip",
        "witness", "grandson", "granddaughter", "grandfather", "grandmother", "stepfather",
        "stepmother", "nurse", "midwife", "tycoon", "magnate", "billionaire", "millionaire",
        "celebrity", "poet", "playwright", "hopeful", "nominee", "landlord", "clerk",
        "sergeant", "lt", "capt", "col", "sgt", "corporal", "prop", "hooker", "lock",
        "substitute", "vet", "cleric", "compatriot", "shepherd", "student",
        # Titles written capitalised before a name ("EU Internal Market Commissioner ...").
        "commissioner", "admiral", "archbishop", "cardinal", "colonel", "inspector",
        "superintendent", "councillor", "councilor", "representative", "speaker", "actor",
        "actress", "singer", "officer", "dame", "reverend", "rev", "adm", "lieutenant",
    }
)  # fmt: skip
# Person role words that name what a body is too ("market leader Tesco", "estate agent
# Foxtons", "fashion icon Chanel"): beside a name, they do not make it a person's.
ROLES_OF_BODIES_TOO = frozenset(
    {
        "agent", "champion", "head", "host", "icon", "leader", "legend", "member", "native",
        "partner", "rival", "veteran",
    }
)  # fmt: skip
ROLE_SUFFIXES = (
    "er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "ess", "man", "woman", "ive", "ary",
)  # fmt: skip
# Lower-case nouns with an agent noun's ending that say nothing of what someone is.
NOT_ROLE_WORDS = frozenset(
    {
        "man", "woman", "person", "number", "matter", "paper", "letter", "order", "water",
        "power", "center", "centre", "computer", "corner", "poster", "quarter", "border",
        "error", "color", "colour", "factor", "sector", "motor", "mirror", "floor", "door",
        "event", "moment", "comment", "statement", "document", "department", "government",
        "payment", "element", "percent", "accident", "incident", "content", "tournament",
        "restaurant", "plant", "grant", "business", "address", "access", "success", "press",
        "process", "dress", "progress", "fitness", "illness", "stress", "archive", "drive",
        "motive", "objective", "initiative", "incentive", "alternative", "committee", "fee",
        "degree", "guarantee", "character", "summary", "library", "salary", "anniversary",
        "boundary", "dictionary", "documentary", "territory", "history", "story",
    }
)  # fmt: skip
# Nouns that say what an organisation is ("a state-funded body", "the CNN affiliate").
ORGANISATION_ROLE_WORDS = frozenset(
    {
        "academy", "administration", "affiliate", "agency", "airline", "alliance", "army",
        "assembly", "association", "authority", "bank", "board", "body", "brand", "broadcaster",
        "bureau", "carrier", "centre", "center", "chain", "channel", "charity", "clinic", "club",
        "coalition", "college", "commission", "committee", "company", "conglomerate",
        "corporation", "council", "court", "daily", "department", "developer", "exchange",
        "faction", "federation", "firm", "force", "foundation", "fund", "gallery", "giant",
        "government", "group", "hospital", "institute", "institution", "insurer", "journal",
        "lab", "laboratory", "label", "league", "lender", "magazine", "maker", "manufacturer",
        "militia", "ministry", "monitor", "movement", "museum", "network", "newspaper", "office",
        "operator", "organisation", "organization", "outlet", "owner", "paper", "parliament",
        "party", "provider", "publisher", "regulator", "retailer", "school", "service", "side",
        "site", "sponsor", "startup", "station", "studio", "subsidiary", "supplier", "tabloid",
        "tank", "team", "trust", "union", "unit", "university", "watchdog", "website", "wing",
    }
)  # fmt: skip

# Of ORGANISATION_ROLE_WORDS, those that say a body is part of another ("its music unit").
PART_OF_A_BODY_WORDS = frozenset(
    {"affiliate", "subsidiary", "unit", "wing", "division", "arm", "branch", "brand", "label"}
)

# Text right before an organisation that marks it as the article's source, not an actor.
SOURCE_CUES = ("according to", "reported by", "citing")

# Verbs that introduce what someone said, quoted or reported (quotes) and that mark a sentence
# as reported speech (key facts).
SPEECH_VERBS = frozenset(
    {
        "acknowledge", "add", "admit", "allege", "announce", "answer", "argue", "ask", "assert",
        "boast", "caution", "claim", "comment", "complain", "concede", "conclude", "confirm",
        "contend", "counter", "declare", "deny", "emphasise", "emphasize", "explain", "insist",
        "joke", "maintain", "mention", "note", "observe", "predict", "proclaim", "promise",
        "recall", "reiterate", "remark", "reply", "report", "respond", "retort", "say", "shout",
        "state", "stress", "suggest", "tell", "testify", "tweet", "urge", "vow", "warn",
        "write",
    }
)  # fmt: skip

# A verb that says with its object or particle what a speech verb says alone: "as Simonyan put
# it, ...", "it pointed out that ...", "she spelled out why ...".
SPEECH_IDIOMS = frozenset({("put", "it"), ("point", "out"), ("spell", "out")})

# Verbs that credit a quotation to their subject ("called it "a disaster"") but do not report
# a clause the way speech verbs do.
QUOTING_VERBS = frozenset(
    {
        "accuse", "attack", "blast", "brand", "call", "chant", "cite", "condemn", "continue",
        "criticise", "criticize", "demand", "denounce", "describe", "dismiss", "dub", "label",
        "laud", "mock", "pledge", "praise", "quip", "read", "scold", "sing", "slam", "term",
    }
)  # fmt: skip

# Conjunctions that open a clause of time. Set off by a comma at the end of what someone said
# ("said ... it would be withdrawn, a day after protesters stormed parliament"), such a clause
# is the writer's account of when, not the speaker's words.
TIME_CONJUNCTIONS = frozenset({"after", "before", "since", "as", "while", "when", "once", "until"})

# Nouns whose possessor is the speaker of a quotation inside them ("Trump's claim that ...").
SPEECH_NOUNS = frozenset(
    {
        "accusation", "admission", "allegation", "announcement", "answer", "argument",
        "assertion", "claim", "comment", "complaint", "declaration", "denial", "description",
        "explanation", "letter", "message", "missive", "pledge", "plea", "post", "prediction",
        "promise", "question", "remark", "reply", "response", "speech", "statement",
        "suggestion", "testimony", "tweet", "vow", "warning", "word",
    }
)  # fmt: skip

# What speaks for its owner: "Ivana Trump's brief said", "Clinton's campaign said"; whereas
# "Obama's former campaign strategist said" is the strategist speaking, not Obama.
OWNER_VOICES = SPEECH_NOUNS | frozenset(
    {"brief", "campaign", "filing", "lawsuit", "office", "report", "suit", "team", "website"}
)

# Who speaks for a country named only by its adjective: "Russian officials said" is Russia
# speaking; "Russian reporters asked" and "Kenyan protesters said" are not.
OFFICIAL_NOUNS = frozenset(
    {
        "administration", "ambassador", "army", "authority", "cabinet", "delegation",
        "diplomat", "embassy", "envoy", "force", "government", "guard", "leader", "leadership",
        "military", "minister", "ministry", "navy", "negotiator", "official", "police",
        "president", "prosecutor", "regulator", "side", "spokesman", "spokesperson",
        "spokeswoman", "state", "troop",
    }
)  # fmt: skip

# Speech verb forms the tagger mislabels in inverted attributions ("Said Ellis: ...").
SAID_FORMS = frozenset({"said", "says", "told", "tells", "wrote", "writes", "added", "adds"})

# Pronouns that, as a subject, stand for a person speaking, and for a group or organisation.
SPEAKER_PRONOUNS = frozenset({"he", "she", "his", "her"})
PRONOUN_SEXES = {"he": "male", "his": "male", "she": "female", "her": "female"}
"""The sex a speaker pronoun tells, to check against a given name's (`place_names`)."""
GROUP_PRONOUNS = frozenset({"they", "their"})

# Pronouns that open a relative clause ("Kirby, who said ...").
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})

# Words a title may leave in lower case ("Face the Nation", "Contract with America").
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)

# How datelines abbreviate months ("WASHINGTON, Sept. 3"); full names start the same way.
MONTH_ABBREVIATIONS = frozenset(
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
"""English month names and their abbreviations (lower case) -> the month's number: dates in
bylines and in articles' text are read by them."""
