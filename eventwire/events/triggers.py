"""The event stage: triggers from the codebook, their participants, and what to leave out.

For each sentence, tokens whose lemma and part of speech match a codebook trigger become
candidate events. Participants come from the dependency structure (subject, object,
passive agent, "of"/"by"/"on" phrases of event nouns, the verb a noun serves); a trigger's
option in the codebook says when its passive subject is the actor ("troops were deployed")
or when its object must be a party ("released two captives", not "released a video").
Participants are read by :mod:`eventwire.roles`, modality by :mod:`eventwire.modality`, what an object
is and whether the codebook admits it by :mod:`eventwire.events.trigger_objects`.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.events.reciprocal import both_ways
from eventwire.events.candidate import Candidate
from eventwire.events.codebook import Codebook, Trigger
from eventwire.events.linking import SPEECH_ACTS, link_in_sentence
from eventwire.events.modality import as_intent, as_refusal, declared_refusal, failed, hypothetical, negated, stopped_by, weighed
from eventwire.attribution.sources import subject_of
from eventwire.events.addressees import condition_subject, dated_phrase, pobj, protested_party
from eventwire.events.idioms import own_arms_given_up, phrasal, sent_running, sent_to_their_deaths
from eventwire.events.means import is_means
from eventwire.events.warnings import disorder_refused
from eventwire.events.promises import dealt_with
from eventwire.events.noun_parties import before_a_bearing
from eventwire.events.roles import LIGHT_VERBS, host_subject, is_passive, object_of, roles
from eventwire.events.trigger_objects import (PERSONS, counted, doing, ground_object, object_ok, prep_object_ok, to_an_outlet,
                                              to_infinitive, unlisted_place)
from eventwire.events.dismissals import complement
from eventwire.events.statements import said_events, verbal_attack
from eventwire.events.willingness import willing_offers
from eventwire.events.description import described

def _reach(second) -> int:
    """How far a phrasal verb's second word may stand: a particle after its object ("took three
    young men away"), a preposition or object next to the verb."""
    if second.dep_ == "prep" and second.head.dep_ == "pobj":
        return 8  # after another prepositional phrase: "fired from mortars at positions"
    return 5 if second.dep_ in ("prt", "advmod") else 3


def match_trigger(tok, codebook: Codebook) -> Optional[Trigger]:
    """The codebook trigger a token realises, preferring two-word triggers ("air strike")."""
    pos = _part_of_speech(tok)
    if pos not in ("VERB", "NOUN") or (tok.dep_ in ("amod", "compound") and not before_a_bearing(tok)):
        return None
    lemma, low = tok.lemma_.lower(), tok.lower_
    first = hyphen_start(tok)
    hyphened = f"{first.lower_}-{low}" if first is not None else None
    if hyphened and (whole := [t for t in codebook.for_token(hyphened, hyphened) if pos in t.pos]):
        return whole[0]  # "staged a sit-in": the tokenizer splits the word at its hyphen
    single, double = None, None
    for trig in codebook.for_token(lemma, low):
        if pos not in trig.pos:
            continue
        words = trig.lemma.split()
        if len(words) == 1:
            single = single or trig
        elif len(words) == 2 and words[0] == lemma and any((c.lower_ == words[1] or c.lemma_ == words[1]) and 0 < c.i - tok.i <= _reach(c)
                                                             and not dated_phrase(c)  # "called on Tuesday": no particle
                                                             for c in _particles(tok)):
            double = trig
        elif len(words) == 2 and words[1] in (lemma, low) and any(c.lower_ == words[0] for c in tok.children
                                                                  if c.dep_ in ("compound", "amod")):
            double = trig
    if double is not None and double.opt("needs_prep") and not prep_object_ok(tok, double):
        double = None  # "charged at a magistrates' court": the one-word reading
    if double is not None and double.opt("intransitive") and any(
            c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and single is not None and is_means(c, single)) for c in tok.children):
        double = None  # "fired rockets at Israel", "tear gas was fired at": the one-word reading, by what was fired
    return double or single


def _particles(tok: Token) -> list[Token]:
    """The words that may complete a two-word trigger: its particles and prepositions, and a
    preposition the parser hung on the object of the one before ("fired from mortars at
    positions": "at" under "mortars")."""
    near = [c for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "oprd")]
    under = [g for c in near if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
             for g in o.children if g.dep_ == "prep" and g.i > o.i]
    return near + under


def hyphen_start(tok: Token) -> Optional[Token]:
    """The first token of the word the tokenizer split at a hyphen when ``tok`` closes it ("sit"
    for the "in" of "a sit-in"), else None."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].tag_ != "HYPH" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    return doc[tok.i - 2]


def _part_of_speech(tok) -> str:
    """The token's part of speech, a noun where the tagger calls an object an adjective ("launched
    a swift counter-offensive", split at its hyphen, tags "offensive" ADJ): an object is a noun."""
    if tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        return "NOUN"
    return tok.pos_


def _override(tok, trig: Trigger):
    for rule in trig.opt("overrides", []):
        if "pos" in rule and tok.pos_ not in rule["pos"]:
            continue  # "a 48-hour strike" is a walkout; "a day after a drone struck it" is no "day strike"
        lefts = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}  # "test-fired"
        said = rule.get("with_clause") and tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children)
        made = any(c.dep_ == "acl" and c.lemma_.lower() in rule.get("head", []) for c in tok.children)  # "a truce brokered by"
        told = any(c.dep_ == "dobj" and c.lemma_.lower() in rule.get("object", []) for c in tok.children)  # "ordered the envoy to leave"
        if lefts & set(rule.get("left", [])) or tok.head.lemma_.lower() in rule.get("head", []) or said or made or told or \
                (tok.dep_ == "pobj" and tok.head.lower_ in rule.get("prep", [])
                 and not any(c.dep_ in ("det", "poss") for c in tok.children)):  # "went on strike", not "on the strike"
            return rule["type"], rule.get("mode"), rule["family"]
    return None


def said_in_call(tok, codebook: Codebook) -> bool:
    """'called Erdogan to apologise', 'visited Kabul to pledge support': what a call or visit
    was made to say is said in it, not merely planned."""
    if tok.dep_ not in ("xcomp", "advcl") or tok.head.pos_ != "VERB":
        return False
    medium = match_trigger(tok.head, codebook)
    return medium is not None and medium.type == "CONSULT" and medium.mode in ("phone", "visit")


CROWD_COUNTS = {"hundreds", "thousands", "dozens", "tens", "scores", "millions"}
CROWD_NOUNS = {"people", "person", "woman", "man", "resident", "citizen", "supporter", "follower", "worker", "student",
               "farmer", "villager", "youth", "activist"}  # "about 200 supporters of Ben Bella blocked roads"


def peacekeeping(tok) -> bool:
    """A deployment whose troops or purpose are peacekeeping ("sending troops to the UN
    peacekeeping force", "deployed as peacekeepers")."""
    return any(t.lower_.startswith("peacekeep") for t in tok.subtree)


FIGHTING_SECTORS = {"MIL", "REB"}  # a party whose hitting, blowing up or destroying is force


def _has_context(tok, codebook: Codebook, coder=None) -> bool:
    """A word of force elsewhere in the sentence ("hit by a missile"), or an armed party doing it
    ("guerillas blew up three power lines", "the army destroyed the bridge")."""
    if any(t.lemma_.lower() in codebook.violent_context and t.i != tok.i for t in tok.sent):
        return True
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None) if tok.pos_ == "VERB" else None
    if subject is None or coder is None or not coder.names_party(subject):
        return False
    party = coder.code(subject)
    return party is not None and party.sector in FIGHTING_SECTORS


def find_candidates(sent, codebook: Codebook, coder, place_tokens: set[int], keep_hypothetical: bool) -> list[Candidate]:
    out = []
    for tok in sent:
        trig = match_trigger(tok, codebook)
        if trig is None or described(tok):
            continue
        refuses = negated(tok, objects=True)
        if refuses and not (declared_refusal(tok) and as_refusal(trig.type)):
            continue
        grammatical_object = object_of(tok)
        if trig.opt("needs_context") and not _has_context(tok, codebook, coder) and not (
                grammatical_object is not None and grammatical_object.lemma_.lower() in trig.opt("context_objects", [])):
            continue
        if trig.opt("not_with_prep") and grammatical_object is None and any(
                c.dep_ == "prep" and c.lower_ in trig.opt("not_with_prep") for c in tok.children):
            continue  # "seized on the FBI's decision": made use of it, took nothing
        if trig.opt("needs_head_in") and tok.head.lemma_ not in trig.opt("needs_head_in"):
            continue
        governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
        if phrasal(tok.head) in trig.opt("head_not_in", ()) or phrasal(governor) in trig.opt("head_not_in", ()):
            continue  # "violated the ceasefire", "a violation of the truce": what was broken, not an event
        if trig.opt("of_noun_in") and not (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in trig.opt("of_noun_in")):
            continue  # "declared a state of siege", not "the siege of Mariupol"
        if trig.opt("modifier_not_in") and any(c.lower_ in trig.opt("modifier_not_in") for c in tok.children
                                               if c.dep_ in ("amod", "compound", "nmod")):
            continue  # "a heart attack", "a panic attack"
        if trig.opt("needs_prep") and not ground_object(trig, grammatical_object, place_tokens) \
                and (not prep_object_ok(tok, trig) or to_an_outlet(tok, trig, coder)):
            continue
        if trig.opt("needs_child_dep") and not any(c.dep_ in trig.opt("needs_child_dep") for c in tok.children):
            continue
        if trig.opt("no_descriptor") and tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") \
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            continue  # "a group opposed to weapons development": what the group is, not what it did
        if trig.opt("needs_doing") and doing(tok, trig.opt("needs_doing")) is None:
            continue  # "ordered the newspaper to suspend publication"; not "ordered an inquiry"
        if trig.opt("doing_not_in") and doing(tok, trig.opt("doing_not_in")) is not None:
            continue  # "declined to give her name", "declined to be identified": no answer to anyone
        if trig.family == "deploy" and (sent_running(tok) or sent_to_their_deaths(tok)):
            continue  # "sending 100 soldiers fleeing into Kenya": made to flee, not deployed
        purpose = _purpose(tok, trig.opt("purpose_in"))
        if trig.opt("intransitive") and any(c.dep_ in ("dobj", "ccomp", "xcomp") and (purpose is None or c.i != purpose.i) for c in tok.children):
            continue  # "demonstrates how ...", "rallied support": not a street protest
        if trig.opt("complement_in") and not _complement_in(tok, trig.opt("complement_in")):
            continue  # "declared the deal null and void"; not "declared a state of emergency"
        if trig.opt("no_complement") and complement(tok) is not None:
            continue  # "called Putin a war criminal": naming, not a phone call
        if trig.opt("no_clause") and any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "conceded that the country faces a shortage": admitting a fact, not a concession
        actor, recipient, theme = roles(tok, trig, coder)
        obj = grammatical_object or (theme if trig.type == "MOBILIZE" and tok.pos_ == "VERB" and not is_passive(tok) else recipient)
        typed = _override(tok, trig) or object_ok(tok, trig, obj, coder, place_tokens)
        if typed is None:
            continue
        if trig.opt("force_alt") and _pledges_force(tok, codebook, coder, place_tokens):
            force = codebook.pledged_force
            typed = (force["type"], force.get("mode"), force["family"])
        verbal = trig.opt("verbal")
        if verbal and typed[0] == "ASSAULT" and verbal_attack(tok, actor, recipient, verbal, codebook.violent_context, coder):
            typed = (verbal["type"], verbal.get("mode"), verbal["family"])
            actor = actor or host_subject(tok)
        if typed[0] == "MOBILIZE" and peacekeeping(tok):
            typed = ("AID", None, "aid")  # PLOVER (CAMEO 074): peacekeepers sent are military aid
        elif typed[:2] == ("RETREAT", "withdraw") and peacekeeping(tok):
            typed = ("SANCTION", "withdraw", "suspend")  # and withdrawn, aid withdrawn (CAMEO 1661)
        if typed[0] == "AID" and own_arms_given_up(tok):
            typed = ("RETREAT", "disarm", "surrender")  # "crossed into Kenya and handed over their weapons"
        stopper = stopped_by(tok) if typed[0] == "AID" else None
        if stopper is not None:
            typed = ("SANCTION", "discontinue", "suspend")  # "stopped giving aid": as real as the stopping
        hypo = None if refuses or (trig.type in SPEECH_ACTS and said_in_call(tok, codebook)) else hypothetical(stopper or tok)
        refusal = as_refusal(typed[0]) if refuses or (hypo == "other" and failed(tok)) else None
        if refuses and (refusal is None or actor is None or coder.code(actor) is None):
            continue  # "will not lift the embargo": a refusal only when it says who refuses
        if refusal is not None and refuses and disorder_refused(tok, recipient, coder):
            refusal = ("THREATEN", None, "threaten")  # "will not allow anarchy to take root": a warning
        if refusal is not None:
            typed, hypo = refusal, None
        if typed[0] == "REJECT" and (recipient is None or not coder.names_party(recipient)):
            recipient = condition_subject(tok, coder) or recipient  # "will not end the strike until the government ..."
        weighing = weighed(tok) if hypo == "intent" and typed[0] == "SANCTION" and tok.pos_ == "NOUN" else None
        if weighing is not None:
            typed, hypo = ("THREATEN", None, "threaten"), None  # "is weighing new sanctions on the junta": held over it
            actor = actor or subject_of(weighing)
        if hypo == "intent" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_ not in LIGHT_VERBS:
            hypo = "other"  # "police will not tolerate rallies by Kifaya": what is announced is done to the rallies
        intent = as_intent(*typed) if hypo == "intent" and actor is not None and coder.code(actor) is not None else None
        if intent is not None:
            typed, hypo = intent, None
            if typed[0] == "THREATEN" and recipient is None:
                recipient = condition_subject(tok, coder)  # "ready to extend sanctions if the government ..."
        if hypo and not keep_hypothetical:
            continue
        type_, mode, family = typed
        if trig.opt("needs_actor") and (actor is None or coder.code(actor) is None) \
                and not (actor is None and trig.opt("speaker_may_act") and tok.dep_ in ("nsubj", "nsubjpass")):
            continue  # "speaker_may_act": "police said an investigation was under way" is the police's (Pipeline)
        if actor is not None and actor.lemma_.lower() in trig.opt("subject_not_in", ()):
            continue  # "an advance on the city would threaten the supply route": a danger, not a threat
        alt = trig.opt("subject_sector_alt")
        party = coder.code(actor) if actor is not None and (alt or trig.opt("subject_sector")) else None
        if alt and party is not None and party.sector in alt["sectors"] and (tok.pos_ == "VERB" or _a_states_note(tok, actor)) \
                and family == trig.family:  # not "a London protest", nor ground taken ("troops took the village")
            type_, mode, family = alt["type"], alt.get("mode"), alt["family"]  # "police blocked protesters", "troops gathered"
        elif trig.opt("subject_in") and purpose is None and not _subject_in(actor, trig.opt("subject_in")):
            continue  # "protesters gathered" or "workers gathered to demand ...", not "mourners gathered"
        elif trig.opt("subject_sector"):
            crowd = type_ == "PROTEST" and actor is not None and _a_crowd(actor)  # whoever they support
            if not crowd and (party is None or party.sector not in trig.opt("subject_sector")):
                continue
        if type_ == "PROTEST" and (recipient is None or not coder.names_party(recipient)):
            recipient = protested_party(tok, coder) or recipient  # "a hunger strike to demand X's resignation"
        out.append(Candidate(tok, trig, type_, mode, family, actor, recipient, theme, hypo))
    out += said_events(sent, codebook, coder)  # what a party says another must do, who did harm, what it calls an act
    out += willing_offers(sent, coder, {c.trigger.i for c in out})  # "remained open to dialogue", "stood ready to help"
    return both_ways(link_in_sentence(out))


def _pledges_force(tok, codebook: Codebook, coder, place_tokens: set[int]) -> bool:
    """What a pledge or promise commits to is force ("pledging to ramp up military efforts", "promised
    an operation to clear the highway", "promised that the killers would be hunted down", "promised
    that the army would retake the town"), not aid or peace ("promised to continue military aid"):
    the codebook's ``pledged_force`` words, in any of its complements."""
    return any(_commits_to_force(done, codebook, coder, place_tokens)
               for done in tok.children if done.dep_ in ("xcomp", "dobj", "ccomp"))


def _commits_to_force(done, codebook: Codebook, coder, place_tokens: set[int]) -> bool:
    if done.dep_ == "ccomp" and dealt_with(done) and not negated(done):
        return True
    said = {t.lemma_.lower() for t in done.subtree}
    if said & codebook.force_unless:
        return False
    hostile = set(codebook.pledged_force.get("hostile_things", []))
    return any(t.lemma_.lower() in codebook.force_words and not _done_to_a_thing(t, coder, place_tokens, hostile)
               for t in done.subtree)


def _done_to_a_thing(tok, coder, place_tokens: set[int], hostile: set[str]) -> bool:
    """'pledged to eliminate its stockpile of uranium': a force verb whose object is a thing, not
    a party, a person, a place or a foe ("crush the insurgency"), is disarmament or reform, not a
    threat of force."""
    obj = object_of(tok) if tok.pos_ == "VERB" else None
    if obj is None or obj.i in place_tokens or counted(obj) or obj.lower_ in PERSONS or obj.lemma_.lower() in hostile \
            or obj.pos_ == "PROPN":  # a name the tables lack ("retake Kalehe") is a place or a party, not a thing
        return False
    return not coder.names_party(obj) and not unlisted_place(obj, coder, place_tokens)


def _a_crowd(actor) -> bool:
    """'some 200,000 people', 'hundreds of thousands', 'thousands of women': a crowd counted."""
    if actor.lower_ in CROWD_COUNTS:
        return True
    numbers = [c.text.replace(",", "") for c in actor.children if c.dep_ == "nummod"]
    big = any(n.isdigit() and int(n) >= 100 or n.lower() in CROWD_COUNTS | {"hundred", "thousand", "million"}
              for n in numbers)
    return big and actor.lemma_.lower() in CROWD_NOUNS


def _purpose(tok, lemmas: Optional[list[str]]):
    """The purpose clause ("gathered outside the ministry to demand ...") whose verb is one of
    ``lemmas``: what makes a gathering a protest whoever gathers."""
    return to_infinitive(tok, lemmas, ("xcomp", "advcl")) if lemmas else None


def _complement_in(tok, lemmas: list[str]) -> bool:
    """What the verb calls its object is one of ``lemmas`` ("declared the deal null and void")."""
    said = complement(tok)
    return said is not None and said.lemma_.lower() in lemmas


def _a_states_note(tok, actor) -> bool:
    """'prompting a protest from N'Djamena', 'Greece's protest': one note that a state sends or owns
    (not "a London protest", where the name says where, nor "Greek protests", a people's)."""
    sent_by = actor.dep_ == "pobj" and actor.head.lower_ == "from" and actor.head.head == tok
    return tok.tag_ == "NN" and actor.pos_ == "PROPN" and (sent_by or (actor.dep_ == "poss" and actor.head == tok))


def _subject_in(actor, lemmas: list[str]) -> bool:
    """The subject, or what it counts ("a group of 1,700 protesters"), is one of ``lemmas``."""
    if actor is None:
        return False
    of = pobj(actor, {"of"})
    return any(t.lemma_.lower() in lemmas for t in (actor, of) if t is not None)
