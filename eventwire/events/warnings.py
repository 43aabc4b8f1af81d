"""What a party warns will happen to another: a threat (PLOVER THREATEN) read from the clause it
says ("warned that the group would respond", "said those responsible would be hunted down", "said
its fighters would keep up their attacks if ...") or from the right it reserves ("reserves the right
to respond"); and a refusal to let disorder happen ("will not allow anarchy to take root"). The
words of a promised response or penalty are read in :mod:`eventwire.events.promises`."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.events.addressees import condition_subject, pobj, speaks, subject
from eventwire.events.candidate import Candidate
from eventwire.events.codebook import Codebook, Trigger
from eventwire.events.idioms import phrasal
from eventwire.events.modality import negated
from eventwire.events.roles import object_of
from eventwire.events.promises import (FACING_VERBS, answer_to_face, answerable, branded_enemy, clause_subject,
                                       consequence_unhesitating, dealt_with, jailed_or_judged, marked_as_target,
                                       not_idle, on_condition, penalty_faced, ready_to_reply, response_told,
                                       unanswered)

WARNING_TRIGGER = Trigger("warn would respond", ("VERB",), "THREATEN", None, "threaten", {})
WARNING_VERBS = {"warn", "caution", "threaten"}
WARNING_MODALS = {"would", "will", "could", "'ll", "might", "may", "shall"}
VOWING_VERBS = {"vow", "pledge", "promise", "swear"}  # "vowed that those responsible would pay the price"
PERMITTING = {"allow", "permit", "tolerate"}
NOT_TOLERATED = PERMITTING | {"accept"}  # "warned that the state would not tolerate anarchy"
KEEPING_UP = {"keep", "continue", "resume", "intensify", "step", "escalate", "widen", "expand"}  # "would keep up attacks"


def warning(tok, speaker, said, codebook: Codebook, coder) -> Optional[Candidate]:
    """'warned that the group would respond', 'warned that those who obstruct the peace process could
    face sanctions', 'warned that any attempt would be met with all legal measures' (or said that it
    will be met with a response): a party warning of force or a penalty to come threatens (PLOVER
    THREATEN). What another country's forces may do
    is a forecast, not a threat ("warned that Russia could attack")."""
    # "will be met with a response", "will not go unanswered": a threat whatever verb says it
    # "will not go unanswered", "would be dealt with firmly", "our response would be far bigger", "ready to give a reply"
    marked = marked_as_target(said)  # "said American warships were now legitimate targets"
    facing = penalty_faced(said, codebook)  # "said any group that ... would face the necessary measures"
    promised = unanswered(said) or dealt_with(said) or response_told(said) or ready_to_reply(said) \
        or answer_to_face(said) or not_idle(said) or consequence_unhesitating(said, codebook) or marked is not None \
        or facing is not None or branded_enemy(said) or answerable(said) or jailed_or_judged(said) \
        or _own_response(said, speaker, coder, codebook)
    met = (said.lemma_ == "meet" and any(c.dep_ == "auxpass" for c in said.children)) or promised
    conditional = on_condition(said)  # "said its fighters would keep up their attacks if ...": whatever verb says it
    if (tok.lemma_.lower() not in WARNING_VERBS | VOWING_VERBS and not met and not conditional) or not speaks(speaker, coder):
        return None
    modals = WARNING_MODALS | ({"must"} if facing is not None else set())  # "must bear the consequences"
    if not _to_come(said, modals) and not ready_to_reply(said) and marked is None:
        return None
    # "warned shipping companies that ...": the party warned is the one threatened
    warned = next((c for c in tok.children if c.dep_ == "dobj" and coder.names_party(c)), None)
    if promised:  # "if Manila continues its provocations, it will get the same answer": aimed at Manila
        named = facing if facing is not None and coder.names_party(facing) else None
        return Candidate(tok, WARNING_TRIGGER, "THREATEN", None, "threaten", speaker,
                         marked or warned or named or condition_subject(said, coder))
    objects = [c for c in said.children if c.dep_ == "dobj"] + \
        [g for c in said.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    verb = said.lemma_.lower()
    penalty = verb in FACING_VERBS and any(o.lemma_.lower() in codebook.consequences for o in objects)
    kept_up = (verb in KEEPING_UP or (conditional and phrasal(said) not in STOPPING)) \
        and any(o.lemma_.lower() in codebook.consequences for o in objects)
    # "would keep up attacks", "would carry the war to other provinces if the strikes did not stop"
    also = {c.lemma_.lower() for c in said.children if c.dep_ == "conj" and c.pos_ == "VERB"}  # "found and punished"
    # "warned that the state would not tolerate anarchy": a warning that something will be stopped
    intolerant = tok.lemma_.lower() in WARNING_VERBS and verb in NOT_TOLERATED and negated(said) \
        and _own_side(next((c for c in said.children if c.dep_ == "nsubj"), None), speaker, coder)
    walks_out = conditional and _walks_out(said)  # "the talks could be called off if Tiraspol did not accept"
    if not (verb in codebook.consequences or penalty or kept_up or also & set(codebook.consequences) or intolerant
            or walks_out):
        return None
    agent = pobj(said, {"by"})
    if agent is not None and not coder.names_party(agent):
        return None  # "could be hit by heavy flooding": a forecast of a hazard
    doer = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if doer is not None and not penalty and coder.names_party(doer):
        them, us = coder.code(doer), coder.code(speaker)
        if them is not None and us is not None and them.country and us.country and them.country != us.country:
            return None
    target = warned or next((o for o in objects if coder.names_party(o)), None) or condition_subject(said, coder)
    return Candidate(tok, WARNING_TRIGGER, "THREATEN", None, "threaten", speaker, target)


CALLED_OFF = {"cancel", "suspend", "freeze", "scrap", "abandon", "boycott"}  # and "call off"
# what ends a consequence: "would call off the strike if wages rose" offers, it does not threaten
STOPPING = {"call off", "end", "halt", "stop", "lift", "cancel", "suspend", "abandon", "drop", "scrap", "pause",
            "cease", "withdraw"}
LEFT = {"withdraw", "quit", "leave", "exit"}  # "withdraw from the treaty": and "pull out of"
TIES = {"talk", "negotiation", "meeting", "dialogue", "cooperation", "relation", "tie", "deal", "agreement", "accord",
        "treaty", "truce", "ceasefire", "process", "summit", "npt", "membership", "contract", "flight"}


def _walks_out(said: Token) -> bool:
    """'the talks could be called off', 'would withdraw from the NPT', 'would suspend cooperation':
    ties a side will cut on a condition (not "would withdraw its troops if ...", an offer)."""
    verb = phrasal(said)
    if verb in CALLED_OFF or verb == "call off":
        cut = [c for c in said.children if c.dep_ in ("dobj", "nsubjpass")]
    elif verb in LEFT or verb == "pull out":
        cut = [g for c in said.children if c.dep_ == "prep" and c.lower_ in ("from", "of") for g in c.children
               if g.dep_ == "pobj"]
    else:
        return False
    return any(t.lemma_.lower() in TIES for t in cut)


def _to_come(said: Token, modals: set[str]) -> bool:
    """The clause tells what will be: a modal on its verb, or one the parser hung on a word between
    the subject and the verb ("any attempt to hold it would be dealt with", with "would" parsed
    into a relative clause of "attempt")."""
    helpers = [c for c in said.children if c.dep_ in ("aux", "auxpass")]
    if any(t.lower_ in modals for c in helpers for t in (c, *c.children) if t.dep_ in ("aux", "auxpass")):
        return True  # "would be dealt with", also with "would" hung on "be"
    doer = clause_subject(said)
    return doer is not None and any(t.tag_ == "MD" and t.lower_ in modals for t in said.doc[doer.i:said.i])


STATE_NOUNS = {"state", "government", "country", "nation", "authorities"}
RESPONDING = {"respond", "retaliate", "avenge", "reciprocate", "defend"}  # "said Eritrea would defend every inch"
PURSUING = {"pursue", "hunt", "track", "crush", "eliminate", "neutralise", "neutralize", "annihilate", "wipe"}
CULPRITS = {"perpetrator", "culprit", "attacker", "killer", "assailant", "criminal", "bandit", "militant", "gunman",
            "rebel", "jihadist", "militia"}  # with the codebook's hostile things ("terrorist", "enemy"): foes
DEFENDED = {"territory", "inch", "border", "sovereignty", "land", "homeland", "soil", "country", "city", "town",
            "airspace", "coast", "frontier", "capital"}  # ground a side will defend by force
# what a party answers by letter or in words ("would respond to the request"): no threat
WORDS_ANSWERED = {"letter", "request", "question", "query", "invitation", "proposal", "offer", "call", "note", "message",
                  "inquiry", "demand", "concern", "allegation", "report", "claim", "summons", "appeal", "criticism",
                  "comment", "remark", "email", "petition", "complaint"}


def _own_response(said: Token, speaker, coder, codebook: Codebook) -> bool:
    """'Zakharova ... said Moscow would respond', 'said it would retaliate': the speaker's own side's
    answer to come, a threat whatever verb of saying tells it; not an answer to words ("would
    respond to the letter") nor another side's ("said Russia would retaliate", a Western minister)."""
    if said.lemma_.lower() not in RESPONDING | PURSUING or negated(said) or not any(
            c.dep_ == "aux" and c.lower_ in WARNING_MODALS for c in said.children):
        return False
    foes = CULPRITS | set(codebook.pledged_force.get("hostile_things", []))
    if said.lemma_.lower() in PURSUING and not _a_foe(object_of(said), coder, foes):
        return False  # "said it would pursue talks": no force
    if said.lemma_.lower() == "defend" and not any(c.dep_ == "dobj" and c.lemma_.lower() in DEFENDED for c in said.children):
        return False  # "would defend its interests at the UN": words, not force
    answered = [g for c in said.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    if any(g.lemma_.lower() in WORDS_ANSWERED for g in answered):
        return False
    return _own_side(next((c for c in said.children if c.dep_ == "nsubj"), None), speaker, coder)


def _a_foe(obj: Optional[Token], coder, foes: set[str]) -> bool:
    """'would pursue the terrorists', 'will hunt down the killers': a party or a foe named by its deed."""
    return obj is not None and (obj.lemma_.lower() in foes or coder.names_party(obj))


def _own_side(doer, speaker, coder) -> bool:
    """Who will not tolerate it is the speaker's side ("we", "the state", "Kenya" for a Kenyan
    minister), not others ("warned that donors would not accept delays": a forecast)."""
    if doer is None:
        return False
    if doer.pos_ == "PRON" or doer.lemma_.lower() in STATE_NOUNS:
        return True
    if any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their", "his", "her") for c in doer.children):
        return True  # "said its forces would pursue the terrorists"
    them, us = coder.code(doer), coder.code(speaker)
    return them is not None and them.sector in ("GOV", "MIL", "COP") and (
        us is None or us.country is None or us.country == them.country)


def reserved_right(tok, codebook: Codebook, coder) -> Optional[Candidate]:
    """'reserved the right to respond', 'reserves the right to strike': force held in store, a
    threat (PLOVER THREATEN); not 'reserved the right to appeal'."""
    if tok.lemma_.lower() != "reserve" or negated(tok):
        return None
    right = next((c for c in tok.children if c.dep_ in ("dobj", "appos") and c.lemma_.lower() == "right"), None)
    if tok.pos_ != "VERB" and not (tok.lower_ in ("reserves", "reserved") and right is not None):
        return None  # the tagger may take a quoted "reserves" for a noun ('"Pakistan reserves the right ...," it said')
    to_do = next((c for c in right.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None) if right is not None else None
    # a noun "reserves" has no subject: its party is the word the parser hung before it as a modifier
    speaker = subject(tok) or next((c for c in tok.lefts if c.dep_ in ("amod", "compound") and coder.names_party(c)), None)
    defends = to_do is not None and to_do.lemma_.lower() == "defend"  # "the right to defend its territory by all means"
    # "the right to take all measures", "to use force": a consequence the verb takes
    takes = to_do is not None and to_do.lemma_.lower() in FACING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in codebook.consequences for c in to_do.children)
    if to_do is None or (to_do.lemma_.lower() not in codebook.consequences and not defends and not takes) or speaker is None \
            or not speaks(speaker, coder):
        return None
    target = None if defends else next((c for c in to_do.children if c.dep_ == "dobj" and coder.names_party(c)), None)
    return Candidate(tok, WARNING_TRIGGER, "THREATEN", None, "threaten", speaker, target)


# what disorder does when let be: "will not allow chaos to spread", "violence to return"
SPREADING = {"spread", "take", "prevail", "reign", "return", "continue", "escalate", "grow", "flourish", "persist"}
# what a party would not let anyone do to it: "will not allow anarchists to destroy property"
HARMS = {"destroy", "loot", "burn", "attack", "kill", "undermine", "destabilize", "destabilise", "disrupt", "sabotage",
         "hijack", "terrorize", "terrorise", "intimidate", "harm", "seize", "occupy", "violate", "plunge", "drag",
         "endanger", "jeopardise", "jeopardize", "derail", "threaten", "wreck", "dismantle", "erase", "silence",
         "suppress", "discredit", "muzzle", "crush"}


def disorder_refused(tok: Token, recipient: Optional[Token], coder) -> bool:
    """'will not allow anarchy to take root', 'will not allow any armed group to hold the capital':
    what a party says it will not let happen is a harm or any comer, not a party it turns down
    ('will not allow inspectors in' stays a refusal)."""
    if tok.lemma_.lower() not in PERMITTING:
        return False
    if any(c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in HARMS for c in tok.children):
        return True
    # "will not allow chaos to spread": what it would not let happen is the subject of the clause after
    obj = object_of(tok) or recipient or next((g for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                                               and c.lemma_.lower() in SPREADING for g in c.children
                                               if g.dep_ == "nsubj"), None)
    if obj is None:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in obj.children) or not coder.names_party(obj)
