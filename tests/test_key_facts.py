"""Key facts, at a glance and why it matters: whole sentences of the article, best first."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from generator.analysis.actors import extract_actors
from generator.analysis.at_a_glance import (
    extract_at_a_glance,
    extract_why_it_matters,
    stakes_weight,
)
from generator.analysis.key_facts import (
    ScoredSentence,
    content_lemmas,
    extract_key_facts,
    fact_text,
    is_near_duplicate,
    order_after_what_they_follow,
)
from generator.analysis.referents import pronoun_names
from generator.analysis.whole_sentences import is_complete_sentence, is_listing_entry

ARTICLE = "\n\n".join(
    [
        "The city council of Leeds approved a new budget on Tuesday, raising spending on "
        "buses by ten percent.",
        "The vote was close, with 25 councillors in favour and 22 against.",
        "Council leader Mary Hill said that the plan would cut waiting times across the city.",
        "Opposition members argued that the bus companies should pay more of the cost.",
        "The budget also funds two new libraries in the east of the city.",
        "The decision signifies a shift towards public transport after years of road building.",
        "Click here to subscribe to our newsletter.",
        "They said it was expensive.",
        "The buses will run more often from April.",
    ]
)


@pytest.fixture(scope="module")
def doc(english):
    return english(ARTICLE)


def test_key_facts_are_whole_sentences_after_the_lead(doc):
    facts = extract_key_facts(doc, "Leeds approves bus budget")
    texts = [fact.text for fact in facts]
    assert 4 <= len(texts) <= 7
    # The lead is the at-a-glance line, which the key facts do not repeat.
    assert not any(text.startswith("The city council of Leeds") for text in texts)
    assert all(text in ARTICLE for text in texts)
    assert not any("subscribe" in text for text in texts)
    # "They" names no one the text gives: the fact gives way.
    assert "They said it was expensive." not in texts


def test_at_a_glance_is_the_whole_lead(doc):
    # Cut to its main clause, the lead would lose its point.
    assert extract_at_a_glance(doc, "Leeds approves bus budget") == (
        "The city council of Leeds approved a new budget on Tuesday, raising spending on buses "
        "by ten percent."
    )


def test_at_a_glance_is_no_ones_quoted_words(english):
    doc = english(
        '"We are like a team here, and we are all in grief." Lionel Pratt says the woman '
        "accused of shooting two co-workers at the Ardmore plant is a good person."
    )
    assert extract_at_a_glance(doc, "Co-worker calls shooter spiritual").startswith(
        "Lionel Pratt says the woman accused"
    )


@pytest.mark.parametrize(
    "call",
    [
        "We hope to see you soon!",
        "Book your tickets for the show today!",
        # A line to the reader the splitter joined to the story's first words.
        "Watch the video: the cast rehearsed on a bare stage.",
    ],
)
def test_at_a_glance_is_no_call_to_the_reader(english, call):
    doc = english(
        f"{call} The Jeongdong Theater staged the play for visitors from 40 countries last year."
    )
    assert extract_at_a_glance(doc, "More reviews").startswith("The Jeongdong Theater staged")


@pytest.mark.parametrize(
    "scene",
    [
        # A general truth, a hedge, what happened before the story: background, not the news.
        "The making of a good cheese is a slow contest between salt, milk and time.",
        "Hatchbacks may have won over most drivers, but that does not mean the estate car is gone.",
        "Fights between rival fans have ended in court cases before.",
        # A state or a habit: no event.
        "It was the talk of every market town in the north.",
        "Cheese used to be a simple thing to buy.",
    ],
)
def test_at_a_glance_is_the_opening_sentence_that_tells_the_event(english, scene):
    event = "Last week, a dairy in Wensleydale has launched a blue cheese aged for two years."
    doc = english(f"{scene} {event} The cheese sells for twelve pounds a wheel.")
    assert extract_at_a_glance(doc, "New cheese") == event


@pytest.mark.parametrize(
    "link", ["In fact, Kia still believes in hatchbacks", "Still, Kia believes in hatchbacks"]
)
def test_a_sentence_that_goes_on_with_the_scene_is_no_lead(english, link):
    scene = (
        "Hatchbacks may have lost the market to SUVs, but that does not mean the small car is dead."
    )
    event = "Two weeks after showing its new Picanto, Kia has unveiled the sixth Rio."
    doc = english(f"{scene} {link} for their price and room. {event}")
    assert extract_at_a_glance(doc, "New Rio") == event


def test_a_linked_sentence_that_tells_an_event_is_the_lead(english):
    scene = (
        "Hatchbacks may have lost the market to SUVs, but that does not mean the small car is dead."
    )
    event = "But Kia unveiled the sixth Rio on Monday in Seoul."
    doc = english(f"{scene} {event} It costs ten thousand pounds.")
    assert extract_at_a_glance(doc, "New Rio") == event


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        # An actor who has already acted: news, not background.
        (
            "Anna Berg has already begun filming the series but keeps its plot a secret.",
            "She will also play a small part in the last episode.",
        ),
        # A first sentence that reports a speech with its quotation.
        (
            'The mayor, opening the new library on Saturday, said it would be "a home for every '
            'reader, young and old, rich and poor, for a hundred years to come".',
            "Speaking to a crowd of 500, he said the town had waited long enough.",
        ),
        # A lead that names its actors or a figure is news whatever its tense.
        (
            "Up to 40 nurses could lose their jobs at York Hospital under a plan to cut costs.",
            "The board met on Monday and approved the first stage of the plan.",
        ),
        # A present sentence that a period of the story's dates.
        (
            "Forty new cheeses are among the entries on show this week at the York fair.",
            "A dairy in Wensleydale has launched a blue cheese for the show.",
        ),
        # None of the opening sentences tells an event: the first stays.
        (
            "The making of a good cheese is a slow contest between salt, milk and time.",
            "Each wheel needs turning by hand every few days in its cellar.",
        ),
        # After a scene, a speaker's words framed by the writer are no event.
        (
            "Damp rooms are a quiet danger for people with weak lungs.",
            '"Three weeks after the move, I could not climb the stairs without resting twice '
            'on the way up," wrote a retired nurse from Carlisle in a letter to the paper.',
        ),
    ],
)
def test_at_a_glance_stays_the_first_sentence_when_it_tells_the_story(english, lead, rest):
    assert extract_at_a_glance(english(f"{lead} {rest}"), "Headline") == lead


def test_at_a_glance_is_a_match_reports_lead_though_the_parser_made_its_verb_a_participle(
    english,
):
    # Issue #21: "capped" read as a participle describing "goal", the sentence had no
    # predicate and the scene-setting sentence after it became the lead.
    lead = (
        "Sam Keller's first goal of the season 4:05 into overtime capped a stunning rally to "
        "lift the New York Rangers over the Boston Bruins 6-5 Saturday night to extend "
        "their points streak to 11 games."
    )
    doc = english(f"{lead} The Rangers were down two goals midway through the third.")
    assert extract_at_a_glance(doc, "Keller's OT goal lifts Rangers") == lead


def test_at_a_glance_is_the_lead_though_the_parser_lost_its_subject(english):
    # Issue #21: an official's title opening the lead was read as an adverbial noun, the
    # verb had no subject and the lead's second sentence became the at-a-glance line.
    lead = (
        "Senator representing Oyo West , Femi Adeyemi , on Wednesday moved a motion to "
        "suspend plenary over the death of two former lawmakers."
    )
    doc = english(f"{lead}\n\nThe chamber then held a minute of silence for both men.")
    assert extract_at_a_glance(doc, "Senate adjourns") == lead


def test_a_noun_phrase_with_a_participle_is_no_sentence(english):
    doc = english("Canadian dairy products praised by the minister in March at the fair.")
    assert not is_complete_sentence(doc[:])


def test_a_writers_exclamation_is_no_fact_and_no_stake(english):
    # Issue #21: a deals page's pitch, with no "you", was its why-it-matters line.
    doc = english(
        "Apple cut the price of the iPad to $229 on Friday, its lowest ever. "
        "A few of the finest Cyber Monday offers we've found this season on Apple gear are live "
        "right now! The cut is the first on this model since it came out in 2019."
    )
    pitch = "A few of the finest Cyber Monday offers"
    assert not any(fact.text.startswith(pitch) for fact in extract_key_facts(doc, "iPad deal"))
    assert not (extract_why_it_matters(doc) or "").startswith(pitch)


def test_at_a_glance_keeps_the_subject_the_parser_hung_on_a_dropped_clause(english):
    # The parser reads "INS Mysore" as part of the opening "Responding ..." clause, which a main
    # clause drops: the line would start "Swung into action".
    lead = (
        "Answering a radio call from MV Orla, INS Tarkash on anti-piracy duty nearby, "
        "set off after the raiders in two boats, a Navy statement said."
    )
    glance = extract_at_a_glance(english(lead), "Navy foils pirate attack")
    assert glance.startswith("Answering a radio call from MV Orla, INS Tarkash")


def test_why_it_matters_comes_from_the_article(doc):
    assert extract_why_it_matters(doc) == (
        "The decision signifies a shift towards public transport after years of road building."
    )


def test_why_it_matters_someone_said_keeps_who_said_it(english):
    doc = english(
        "Riots broke out in Athens as parliament voted on new cuts. The Finnish Finance "
        "Minister, Aino Laakso, said on Monday that the "
        "debt crisis in Greece underlined the need to rewrite the EU's budget rules."
    )
    assert extract_why_it_matters(doc) == (
        "The Finnish Finance Minister, Aino Laakso, said on Monday that the debt crisis in Greece "
        "underlined the need to rewrite the EU's budget rules."
    )


def test_a_reaction_counts_only_as_the_sentences_own(english):
    doc = english(
        "North Korea sent about 600 balloons carrying rubbish into South Korea on Sunday night. "
        "Groups led by defectors regularly send balloons north carrying leaflets that criticise "
        "the government in Pyongyang."
    )
    assert extract_why_it_matters(doc) is None


def test_stakes_in_a_clause_that_describes_something_else_are_not_the_sentences(english):
    doc = english(
        "The United States said on Monday that North Korea had sent missiles to Russia. "
        "Moscow and Pyongyang have repeatedly denied any arms transfers, which would violate "
        "UN Security Council resolutions banning weapons trade with North Korea."
    )
    assert extract_why_it_matters(doc) is None


def test_a_forecast_counts_as_stakes_only_when_someone_makes_it(english):
    lead = "The central bank cut its key rate on Thursday for the first time since 2019. "
    plan = "South Korea, which proposed the team, is expected to take a leading role in it."
    said = "Lagarde said inflation was likely to stay above target well into next year."
    assert extract_why_it_matters(english(lead + plan)) is None
    assert extract_why_it_matters(english(lead + said)) == said


@pytest.mark.parametrize(
    "sentence",
    [
        "The sensor turns brain activity into electrical signals that a laptop can read.",
        "The survey covers a single state and does not reflect the country as a whole.",
        "The two products emerged as a result of acquisitions made last year.",
        "The console will cost about 200 euros when it goes on sale in March.",
        "The eurozone will put in a weak performance, growing by only 1%.",
    ],
    ids=["a noun", "denied", "a cause", "a price", "a phrase"],
)
def test_words_that_only_look_like_stakes_are_not_stakes(english, sentence):
    assert stakes_weight(next(iter(english(sentence).sents))) == 0.0


def test_a_stake_in_the_writers_voice_is_about_the_lead(english):
    lead = "Jason Gardener won both 60m races at the indoor meeting in Glasgow on Saturday. "
    side = "There was a setback for Jade Johnson, who hurt her back in the long jump."
    assert extract_why_it_matters(english(lead + side)) is None
    on_topic = "Gardener's wins were a boost to Britain's hopes for the European championships."
    assert extract_why_it_matters(english(lead + side + " " + on_topic)) == on_topic


def test_what_happened_before_the_story_is_background_not_a_stake(english):
    lead = "The government of Argentina agreed a new deal with its creditors on Monday."
    history = "Argentina missed a bond payment four years ago, its ninth default since 1816."
    assert extract_why_it_matters(english(f"{lead} {history}")) is None
    # Counter-examples: the event's own record, and an earlier time inside a clause of its own.
    record = "The deal was the biggest debt restructuring in modern history."
    assert extract_why_it_matters(english(f"{lead} {record}")) == record
    since = "Argentina won support for the first time since it defaulted three years ago."
    assert extract_why_it_matters(english(f"{lead} {since}")) == since


def test_a_stake_someone_states_needs_no_word_of_the_lead(english):
    lead = "The central bank cut its key rate on Thursday. "
    said = "The finance minister warned that the cut would hurt savers."
    assert extract_why_it_matters(english(lead + said)) == said


def test_why_it_matters_is_never_the_lead(english):
    doc = english(
        "The decision signifies a shift towards public transport after years of road building. "
        "The council approved the budget on Tuesday by 25 votes to 22."
    )
    assert extract_why_it_matters(doc) is None


def test_why_it_matters_is_none_when_the_article_does_not_say(english):
    assert extract_why_it_matters(english("The bridge opened on Monday. Cars crossed it.")) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council approved the budget on Tuesday.", True),
        ("Bus fares, up ten percent.", False),
        ("Will the buses run on time?", False),
        ("approved the budget on Tuesday after a debate.", False),
        ("Vladimir Putin Kim Jong Un", False),
        ("Officials in Rome noted that the budget and !", False),
        ("But that her party wants chaos at Westminster to force a new vote.", False),
        ("Because Russia is a permanent member, its vote was enough to block it.", True),
        ("If the council approves the budget, fares will rise in May.", True),
        ("Shows a man in a top hat; it was one of the paintings stolen in 1990.", False),
        # An answer to a question the page asked a sentence before: no fact on its own.
        ("Yes, the exclamation mark is part of the company's name.", False),
        ("Well, the plan failed in March.", False),
        # A quotation that opens in lower case began in the sentence before.
        ("\u201cfinancial health,\u201d as one bank chief told me, and easing the pain.", False),
        ("\u201cWe will win this vote,\u201d she said on Monday.", True),
        # Issue #21: a main verb in the infinitive predicates nothing (a headline's form, or a
        # call to follow an account the parser read as "[Follow @Desk] to keep up ...").
        ("Rail workers to strike on Monday over pay and pensions.", False),
        ("The union wants its members to strike on Monday over pay.", True),
    ],
)
def test_is_complete_sentence(english, sentence, expected):
    assert is_complete_sentence(next(iter(english(sentence).sents))) is expected


def test_near_duplicates():
    assert is_near_duplicate(frozenset("abcd"), frozenset("abcde"))
    assert not is_near_duplicate(frozenset("abcd"), frozenset("cdefgh"))


def test_a_one_sentence_article_says_it_at_a_glance_only(english):
    doc = english("The bridge opened on Monday after two years of work.")
    assert extract_at_a_glance(doc, "") == "The bridge opened on Monday after two years of work."
    assert extract_key_facts(doc, "") == ()


def test_a_caption_run_into_a_sentence_is_split_from_it(english):
    doc = english(
        "Joe Sullivan will leave his role as security chief to help the firm defend safety "
        "concerns There were three assault cases involving its drivers in December 2014."
    )
    # The caption is a sentence too, given the full stop the page printed it without.
    assert extract_at_a_glance(doc, "") == (
        "Joe Sullivan will leave his role as security chief to help the firm defend safety "
        "concerns."
    )
    assert [f.text for f in extract_key_facts(doc, "")] == [
        "There were three assault cases involving its drivers in December 2014.",
    ]


def test_a_long_sentence_whose_subject_the_parser_lost_is_not_cut_to_its_verb(english):
    # A parse as the small model gave it on a real story: the subject hangs off "Speaking", so
    # the main clause alone would open on "Was quick to note ...".
    text = (
        "Speaking in an interview with the paper , the singer , who plays a retired "
        "judge in the new drama , was quick to point out the criticism the mayor has met "
        "over his spending in recent months , while also rushing to the official 's "
        "defence ."
    )
    words = text.split()
    root = words.index("was")
    heads = [root] * len(words)
    deps = ["dep"] * len(words)
    deps[0], deps[root] = "advcl", "ROOT"
    doc = Doc(english.vocab, words=words, heads=heads, deps=deps)
    sentence = doc[:]
    assert fact_text(sentence) == sentence.text


@pytest.mark.parametrize("mark", ["'", '"'])
def test_a_sentence_inside_a_quotation_is_speech_not_a_fact(english, mark):
    doc = english(
        "Lewis Carney scored the only goal of the derby against Newcastle on Sunday. "
        f"{mark}I always wanted to play in England again,{mark} he told reporters. "
        f"{mark}Games like this are the reason I signed here in the summer.{mark} "
        "The win lifted Sunderland out of the bottom three for the first time since March."
    )
    facts = [f.text for f in extract_key_facts(doc, "")]
    assert extract_at_a_glance(doc, "").startswith("Lewis Carney scored the only goal")
    assert any(fact.startswith("The win lifted Sunderland") for fact in facts)
    assert not any("Games like this" in fact for fact in facts)


def test_captions_run_together_into_a_long_sentence_are_no_key_fact(english):
    run_on = (
        "Sunderland forward Lewis Carney thinks his fine volley against Newcastle has "
        "shown his value to the club and to the coach who bought him in the January window "
        "Carney's brilliant first-half goal was enough to earn a tight win in the derby "
        "Newcastle keeper Ian Cole could do nothing as the ball flew into "
        "the top corner of the net."
    )
    long_sentence = (
        "The ban followed a decision by the government on 4 June to suspend the whole of the "
        "military agreement, the accord signed on 19 September 2018 during a summit in "
        "Pyongyang between then President Moon Jae-in and Kim Jong Un, which had set up buffer "
        "zones along the border."
    )
    doc = english(
        f"Sunderland beat Newcastle 1-0 at the Stadium of Light on Sunday. {run_on} "
        f"{long_sentence} The win lifted Sunderland out of the bottom three."
    )
    facts = [f.text for f in extract_key_facts(doc, "")]
    # The long sentence stays a key fact, whole; the run-on goes.
    assert any(fact.startswith("The ban followed a decision") for fact in facts)
    assert not any("Ian Cole" in fact for fact in facts)


def test_a_fact_opening_on_he_names_him_and_one_on_it_gives_way(english, gazetteer):
    doc = english(
        "Kenyan President William Ruto said on Wednesday that he would withdraw the finance "
        "bill after deadly protests in Nairobi. He called for a national conversation on how "
        "to manage the country's finances and its heavy public debt. It raised its ties with "
        "the International Monetary Fund to a new level last year. The bill was meant to "
        "raise about 346 billion shillings in additional revenue for the government."
    )
    actors = extract_actors(doc, gazetteer)
    facts = [
        f.text
        for f in extract_key_facts(doc, "", pronoun_names(doc, actors.speaker_name, actors.actors))
    ]
    assert (
        "He [William Ruto] called for a national conversation on how to manage the country's "
        "finances and its heavy public debt."
    ) in facts
    assert not any(fact.startswith("It raised") for fact in facts)


def test_a_fact_opening_on_an_it_that_names_nothing_stands_alone(english, gazetteer):
    doc = english(
        "The city council voted on Tuesday to close four of its branch libraries next year. "
        "It is understood that the two largest branches will stay open on weekdays only. "
        "The council said the closures would save about 2 million pounds a year."
    )
    actors = extract_actors(doc, gazetteer)
    facts = [
        f.text
        for f in extract_key_facts(doc, "", pronoun_names(doc, actors.speaker_name, actors.actors))
    ]
    assert facts[0].startswith("It is understood that the two largest branches")


def test_they_after_people_named_is_not_a_country_named_in_passing_before_them(english, gazetteer):
    doc = english(
        "Mr. Dalton said he doubted United States officials' claim "
        "that Russia was behind the leaks. But what of Mr. Kane, one of the best-known "
        "hosts in American radio history? And what about Mr. Shaw? They are the "
        "clearest signs of the station's wish to stir up trouble in American politics."
    )
    actors = extract_actors(doc, gazetteer)
    name_of = pronoun_names(doc, actors.speaker_name, actors.actors)
    (they,) = [t for t in doc if t.text == "They"]
    assert name_of(they) is None


@pytest.mark.parametrize(
    "text",
    [
        "About 120 Indians landed in Delhi on Thursday after being sent back from the United "
        "States. As they left the terminal, they looked tired.",
        "Thousands of Kenyans marched through Nairobi on Tuesday against the finance bill. "
        "They said the new taxes would hurt the poor.",
    ],
)
def test_they_after_a_number_of_a_nations_people_is_those_people_not_their_country(
    english, gazetteer, text
):
    doc = english(text)
    actors = extract_actors(doc, gazetteer)
    name_of = pronoun_names(doc, actors.speaker_name, actors.actors)
    assert [name_of(t) for t in doc if t.lower_ == "they"] == [None] * text.lower().count("they ")


def test_a_sentence_mostly_in_quotation_marks_is_a_quote_not_a_fact(english):
    doc = english(
        "Kenyan President William Ruto withdrew the finance bill on Wednesday after protests. "
        '"The people have spoken and we have listened to them," Ruto said in his address. '
        "The bill was meant to raise about 346 billion shillings in additional revenue."
    )
    facts = [f.text for f in extract_key_facts(doc, "")]
    assert not any("The people have spoken" in fact for fact in facts)


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Houston, Texas, United States: Work on the new bridge starts in May.", "Work"),
        ("Kenya Airways: Flights resume on Monday after the strike ends.", "Kenya"),
        ("Putin: The talks went well, the aide said on Monday.", "Putin"),
        ("Ohio Gov. Mike DeWine (R) signed the budget bill on Monday night.", "Ohio"),
        # A place set in capitals, which the model tags and labels anything.
        (
            "NEW DELHI: Their long trip over, nearly 150 students returned home on Wednesday.",
            "Their",
        ),
        (
            "CHICAGO -- President Ada Mills, opening the new hospital wing on Tuesday, said the "
            "wait was over.",
            "President",
        ),
        ("OSLO, Norway – The fund sold its shares in the mining company on Tuesday.", "The"),
        # Counter-example: a word in capitals inside ordinary words is no dateline.
        ("Our NEW policy: Flights resume on Monday after the strike ends.", "Our"),
    ],
)
def test_a_dateline_of_places_before_a_colon_or_dash_is_not_the_sentence(english, sentence, start):
    from generator.analysis.datelines import after_dateline

    sent = next(iter(english(sentence).sents))
    assert sent.doc[after_dateline(sent)].text == start


def test_a_cue_that_takes_its_negation_in_still_counts(english):
    sentence = "Kirby said the administration was not concerned about the visit but about the pact."
    assert stakes_weight(next(iter(english(sentence).sents))) > 0


def test_a_principal_quoted_on_the_stakes_is_why_it_matters_with_the_speaker(english):
    lead = "The city council approved the new tram line on Tuesday. "
    quoted = '"This is a historic day for the city," the mayor, Anna Berg, said.'
    assert extract_why_it_matters(english(lead + quoted)) == quoted


def test_a_quotation_opened_in_an_earlier_sentence_is_no_stake(english):
    lead = "The city council approved the new tram line on Tuesday. "
    quoted = '"We waited ten years. This is a historic day for the city," the mayor said.'
    assert extract_why_it_matters(english(lead + quoted)) is None


def test_being_important_to_do_something_is_advice_not_a_stake(english):
    sentence = "It would be critical to act quickly in such a case, an expert said."
    assert stakes_weight(next(iter(english(sentence).sents))) == 0.0


@pytest.mark.parametrize(
    "sentence",
    [
        "She became the first woman in the club's history to score in three finals.",
        "The vote paved the way for a referendum on the new constitution next year.",
        "It is the most expensive transfer of a goalkeeper in history.",
    ],
    ids=["first in history", "paved the way", "most in history"],
)
def test_each_way_of_saying_a_first_or_a_consequence_counts(english, sentence):
    assert stakes_weight(next(iter(english(sentence).sents))) > 0


def test_a_denied_consequence_is_still_a_stake(english):
    sentence = "But the fault will not put the six crew members at risk, the agency said."
    assert stakes_weight(next(iter(english(sentence).sents))) > 0


def test_a_consequence_inside_a_quotation_is_no_stake(english):
    lead = "The prince visited the regiment at its barracks on Friday. "
    # Named speaker, double quotes: only the quotation keeps the cue ("will lead") out.
    quoted = 'The prince turned to a drummer and said: "If you will lead the band in the anthem."'
    assert extract_why_it_matters(english(lead + quoted)) is None


def test_content_lemmas_are_those_of_the_spans_own_words(english):
    doc = english("The minister resigned on Friday. Critics said the 2024 budget was late.")
    first, second = doc.sents
    assert content_lemmas(second) == ["critic", "say", "budget", "late"]
    assert content_lemmas(first) == ["minister", "resign", "friday"]
    assert content_lemmas(doc[1:3]) == ["minister", "resign"]


def test_a_listing_entry_of_other_results_is_no_fact_and_no_lead(english):
    doc = english(
        "Hawks 2, Owls 1: Tom Reed scored late as the visitors held on. "
        "Lena Park scored twice on Friday night to lift the Rovers over the Comets in Leeds. "
        "The Rovers trailed by a goal at the break before Park found the net. "
        "Eagles 3, Foxes 0: Sam Moor saved a penalty and the home side won easily. "
        "The Rovers have now won six games in a row this season."
    )
    assert extract_at_a_glance(doc, "Park lifts Rovers").startswith("Lena Park scored twice")
    facts = [fact.text for fact in extract_key_facts(doc, "Park lifts Rovers")]
    assert facts and not any(":" in fact for fact in facts)


def test_the_sentences_of_a_listing_entrys_paragraph_are_that_entry_not_facts(english):
    doc = english(
        "Lena Park scored twice on Friday night to lift the Rovers over the Comets in Leeds.\n\n"
        "The Rovers trailed by a goal at the break before Park found the net. Jo Hart saved a "
        "late shot.\n\n"
        "Hawks 2, Owls 1: Tom Reed scored late as the visitors held on. Ben Cole made 30 saves "
        "as the Hawks beat the Owls for the fifth time in six games.\n\n"
        "The Rovers have now won six games in a row this season."
    )
    facts = [fact.text for fact in extract_key_facts(doc, "Park lifts Rovers")]
    assert "The Rovers have now won six games in a row this season." in facts
    assert not any("Ben Cole" in fact for fact in facts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dune Saga: The Return opened in cinemas across the country last week.",
        "Farm Ltd (ticker: FRM) reported profits of two dollars a share on Monday.",
        "The 40th and last show of Dune Saga: Origins will be staged in York on 3 May.",
        "The catch was the price of 40 dollars: few buyers could afford it.",
    ],
)
def test_a_title_or_a_clause_before_a_colon_is_no_listing_entry(english, sentence):
    assert not is_listing_entry(next(iter(english(sentence).sents)))


@pytest.mark.parametrize(
    "sentence",
    [
        "Eastfield (NR): Sam Oduya 9 saves.",
        "Hillcrest (2-0-1): Mia Sol 2 goals, 1 assist.",
    ],
)
def test_a_label_ending_on_a_bracketed_record_opens_a_listing_entry(english, sentence):
    assert is_listing_entry(next(iter(english(sentence).sents)))


BUS_LEAD = "The city council of Marlow approved a new budget for its bus network on Monday. "
UNIONS = "However, the unions warned that drivers' pay in Marlow had not kept up with inflation. "


@pytest.mark.parametrize(
    ("text", "is_shown"),
    [
        # After the lead, "However, ..." answers what the reader has just read.
        (BUS_LEAD + UNIONS + "The budget adds three electric buses by the end of next year.", True),
        # After the council leader's quoted words, shown under Quotes, it answers nothing shown.
        (
            BUS_LEAD
            + '"This is the biggest investment in our buses for twenty years," the council '
            "leader said. "
            + UNIONS
            + "The budget adds three electric buses to the fleet by the end of next year. "
            "Local traders welcomed the extra evening buses on the town's two main routes.",
            False,
        ),
    ],
)
def test_a_fact_that_opens_on_a_connective_stands_only_after_its_sentence(english, text, is_shown):
    facts = [f.text for f in extract_key_facts(english(text), "Marlow approves bus budget")]
    assert facts and any(fact.startswith("However") for fact in facts) == is_shown


def test_a_spec_boxs_small_print_is_no_key_fact(english):
    body = (
        "The new Orbis phone went on sale on Friday at a lower price than last year's model.\n\n"
        "Shops in three cities reported queues before opening, and the maker said early orders "
        "had doubled.\n\n"
        "Orbis X2, Unlocked, 64GB\n\n"
        "Six-inch bright display\n\n"
        "Water resistant body\n\n"
        "Cables and case are not sold with it.\n\n"
        "Twin rear cameras\n\n"
        "All-day battery life\n\n"
        "Analysts expect the phone to lift the maker's sales in the second half of the year.\n\n"
        "Its rivals cut their own prices last month."
    )
    facts = [fact.text for fact in extract_key_facts(english(body), "Orbis phone on sale")]
    assert facts and not any("not sold" in fact for fact in facts)


def test_why_it_matters_keeps_its_link_when_a_reporting_verb_comes_next(english):
    # Without "As a result" the line would open on "Says the panel", no sentence at all.
    lead = "The county shut its last coal mine on Friday. The mine employed 900 people. "
    inverted = "As a result, says the panel, the valley could lose a third of its jobs by spring."
    assert extract_why_it_matters(english(lead + inverted)) == inverted
    # Counter-example: with the subject next, the link goes and the line still reads whole.
    plain = "As a result, the valley could lose a third of its jobs by spring."
    assert extract_why_it_matters(english(lead + plain)) == (
        "The valley could lose a third of its jobs by spring."
    )


def test_a_key_fact_drops_a_link_but_keeps_a_contrast(english):
    doc = english(
        "The harbour board voted to sell the old ferry terminal on Monday after a long debate. "
        "The terminal has stood empty for six years on the north quay. "
        "And despite a petition, the chair signed the sale at noon. "
        "But the fishing crews said they would fight the sale in court."
    )
    facts = [fact.text for fact in extract_key_facts(doc, "Ferry terminal sold")]
    # "And" only links: the fact says the same without it.
    assert "Despite a petition, the chair signed the sale at noon." in facts
    # "But" answers the sentence before: it stays, and stands only after that sentence.
    assert "But the fishing crews said they would fight the sale in court." in facts
    assert not any(fact.startswith("And ") for fact in facts)


def test_a_title_after_its_verb_is_no_caption_run_into_the_sentence(english):
    doc = english(
        "Two folk singers have recorded a charity single for the flood victims. "
        "The pair have released No Other Way in a bid to raise money for the valley. "
        "The valley lost its bridge and its school in the floods in the spring."
    )
    facts = [f.text for f in extract_key_facts(doc, "")]
    # "No Other Way" is the object of "released": the sentence is not cut before it.
    assert "The pair have released No Other Way in a bid to raise money for the valley." in facts
    # So is a title named after its noun: "the album A Song for the Valley".
    named = english(
        "Two folk singers have recorded a charity record for the flood victims. "
        "In May the pair made a rare tour of the north with their album A Song for the Valley. "
        "The valley lost its bridge and its school in the floods in the spring."
    )
    assert any(
        f.text.endswith("album A Song for the Valley.") for f in extract_key_facts(named, "")
    )
    # Counter-example: a determiner that opens a subject after a lower-case word starts a
    # sentence the page ran into the one before.
    run_on = english("The old mill will rest in peace This museum opens in the summer.")
    assert [f.text for f in extract_key_facts(run_on, "")] == ["This museum opens in the summer."]


def test_a_fact_whose_words_after_the_link_lean_on_the_sentence_before_keeps_the_link(english):
    doc = english(
        "The health plan would let people aged 55 to 64 buy into the state scheme at cost. "
        "Also, others could buy a public plan sold beside the private ones on the exchange. "
        "The governor signed the plan into law on Friday after a week of debate."
    )
    facts = [fact.text for fact in extract_key_facts(doc, "Health plan signed")]
    # "others" counts against the people of the sentence before: the fact is not cut from it.
    assert not any(fact.startswith("Others could") for fact in facts)


def test_a_second_link_after_and_keeps_the_fact_whole(english):
    doc = english(
        "The harbour board voted to sell the old ferry terminal on Monday after a long debate. "
        "And indeed, the fishing crews had asked the board to sell it for years. "
        "The terminal has stood empty for six years on the north quay."
    )
    facts = [fact.text for fact in extract_key_facts(doc, "Ferry terminal sold")]
    assert not any(fact.startswith("Indeed") for fact in facts)


def test_a_fact_that_answers_another_is_shown_right_after_it():
    def fact(index: int, is_linked: bool = False) -> ScoredSentence:
        return ScoredSentence(index, f"sentence {index}", 1.0, frozenset(), False, is_linked)

    # Chosen most important first: 2, 6, then "But ..." (3) that goes on from 2, and "And
    # ..." (1) that goes on from the lead (0).
    chosen = [fact(2), fact(6), fact(3, is_linked=True), fact(1, is_linked=True)]
    assert [f.index for f in order_after_what_they_follow(chosen)] == [1, 2, 3, 6]
    # Counter-example: facts that stand alone keep their order of importance.
    assert [f.index for f in order_after_what_they_follow([fact(5), fact(2)])] == [5, 2]


@pytest.mark.parametrize(
    "scene",
    [
        # An actor named only in the phrase that frames the sentence: a feature's lede.
        "To Mara Quint, long laps of the lake are no great feat.",
        "For the rowing club of Ely, winter is the quiet season.",
        # A question the writer asks the reader.
        "Is there a harder race in England than the Fenland marathon?",
    ],
)
def test_at_a_glance_passes_a_lede_that_frames_or_asks(english, scene):
    event = "Mara Quint won the Fenland marathon on Sunday in a record time of two hours."
    doc = english(f"{scene} {event} She trains on the river every morning.")
    assert extract_at_a_glance(doc, "Quint wins") == event


def test_at_a_glance_keeps_a_lede_that_names_its_actor_as_subject(english):
    # Counter-example: the actor is what the sentence is about, though it tells no event.
    lead = "Mara Quint is the fastest marathon runner the Fens have seen in fifty years."
    doc = english(f"{lead} She won on Sunday in a record time of two hours.")
    assert extract_at_a_glance(doc, "Quint wins") == lead


def test_a_sentence_whose_pronoun_subject_leans_on_the_scene_is_no_lead(english):
    scene = "To Mara Quint, medals are not the point."
    event = "Mara Quint won the Fenland marathon on Sunday in a record time of two hours."
    doc = english(f"{scene} They are only what comes of a life spent running. {event}")
    assert extract_at_a_glance(doc, "Quint wins") == event


def test_a_subject_the_lead_names_before_its_pronoun_is_not_named_again(english):
    lead = "When Mara Quint moved to Ely last spring, she joined the rowing club on the river."
    doc = english(f"{lead} The club has 40 members.")
    assert extract_at_a_glance(doc, "Quint rows", lambda _pronoun: "Mara Quint") == lead
