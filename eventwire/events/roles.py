"""Participants of an event trigger, read from the dependency parse.

``roles(token, trigger)`` returns the heads of the actor, recipient and theme phrases: subject
and object, the passive agent, the "of"/"by"/"on" phrases of event nouns, the subject of the
verb a noun serves ("Ukraine resumed its offensive"), and for statements, demands and offers the
party they are aimed at ("demanded that the US cancel ..."). The phrases around an event noun that
name its parties are read in :mod:`eventwire.events.noun_parties`.
"""
from __future__ import annotations

from eventwire.attribution.sources import subject_of
from eventwire.events.codebook import Trigger
from eventwire.events.denials import denied_claim
from eventwire.events.quantities import left_counts
from eventwire.events.addressees import child, condition_subject, diplomatic_recipient, party_in, pobj
from eventwire.events.means import MEANS, WEAPONS, is_means, means_of, wielder
from eventwire.events.noun_parties import (a_town, came_under, copula_subject, died_of, held_as, made_by, of_carrier, opener,
                                           text_author)

LIGHT_VERBS = {"issue", "impose", "declare", "launch", "carry", "conduct", "resume", "mount", "stage", "begin", "continue", "intensify", "step",
               "escalate", "start", "order", "unleash", "wage", "lead", "hold", "have", "make", "sign", "reach",
               "strike", "announce", "claim", "complete", "execute", "perform", "renew", "open", "initiate", "file", "lodge", "bring",
               "voice", "express", "reiterate", "reaffirm", "affirm", "extend", "convey", "join", "attend", "host", "chair", "convene",
               "reimpose", "reinstate", "reintroduce", "tighten", "enforce", "give", "increase", "enhance", "boost",
               "strengthen", "heighten", "bolster", "reinforce", "repeat", "trade", "exchange"}
OBJECT_NOUN_PREPS = {"on", "against", "targeting", "at"}
ENVOYS = {"ambassador", "envoy", "diplomat", "affaires", "emissary"}


def _target(tok):
    """The object of "on"/"against"/"at": "fired on the convoy", never "on Friday"; "an attack on
    his life" is on him."""
    obj = pobj(tok, OBJECT_NOUN_PREPS) or _second_phrase_target(tok)
    if obj is not None and obj.lemma_.lower() == "life":
        return child(obj, ("poss",)) or obj
    return None if obj is not None and obj.ent_type_ in ("DATE", "TIME") else obj


def _second_phrase_target(tok):
    """"fired from mortars at Azerbaijani positions": the parser hangs "at" on "mortars"."""
    if tok.pos_ != "VERB":
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ not in OBJECT_NOUN_PREPS):
        inner = child(prep, ("pobj",))
        found = pobj(inner, OBJECT_NOUN_PREPS) if inner is not None else None
        if found is not None and found.i > inner.i:
            return found
    return None


PARTICIPLE_COMPLEMENTS = ("xcomp", "acomp", "oprd", "advcl")  # how the parser hangs "killed" on "were reported"


def is_passive(tok) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True
    if tok.tag_ == "VBN" and tok.dep_ == "acomp" and any(c.dep_ == "agent" for c in tok.children):
        return True  # "was gang-raped by soldiers": a participle read as a complement of "was"
    if tok.tag_ == "VBN" and tok.dep_ in PARTICIPLE_COMPLEMENTS and not any(c.dep_ == "nsubj" for c in tok.children) \
            and any(c.dep_ == "nsubjpass" for c in tok.head.children):
        return True  # "was found murdered", "were reported killed", "have been feared killed": the subject is the victim
    # "were killed or wounded": a conjoined participle shares the passive of its head, and so does
    # one the tagger read as a past tense with the passive gapped ("three were killed and five wounded")
    return tok.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children) and (
        tok.tag_ == "VBN" or (tok.tag_ == "VBD" and not any(c.dep_ in ("aux", "dobj") for c in tok.children)
                              and any(c.dep_ == "nsubj" and (c.like_num or any(n.dep_ == "nummod" for n in c.children))
                                      for c in tok.children)))


# units a number measures: a distance or a span is never a party the event happens to
MEASURES = {"kilometre", "kilometer", "km", "mile", "metre", "meter", "yard", "foot", "feet", "percent",
            "hour", "minute", "kilogram", "kg", "ton", "tonne"}
DIPLOMATIC = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE", "CONSULT", "AID", "COOPERATE",
              "SANCTION", "PROTEST"}
HANDED_OVER = {"RETREAT", "CONCEDE"}  # acts whose object is handed to someone: the "to" party receives it


HOST_PREPS = {"in", "during", "at"}


# what an act makes people do or sets off: those it moves are not its targets ("the fighting pushed
# thousands toward Bangladesh")
DRIVING = {"push", "force", "drive", "displace", "uproot", "send", "prompt", "cause", "spark", "trigger", "lead"}


def host_subject(tok):
    """Who holds the meeting or makes the speech a noun names in the phrase that opens a clause:
    "During a meeting at the White House, Obama and Modi vowed ...", "In a rare attack on his
    successor, Obama questioned ..." -- the subject of the verb the phrase hangs on."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in HOST_PREPS or tok.head.head.pos_ != "VERB":
        return None
    verb = tok.head.head
    return None if is_passive(verb) else subject_of(verb)


def _misread_main_verb(tok) -> bool:
    """A sentence's verb the parser hung as a participle on its subject, after the subject's
    relative clause ("China, which has close ties ..., offered to help"): the root is a noun, the
    participle follows a comma and takes an object or a clause, as only an active verb does."""
    head = tok.head
    return head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") and tok.i > 0 and tok.doc[tok.i - 1].text == "," \
        and any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in tok.children)


def roles(tok, trig: Trigger, coder=None):
    """(actor head, recipient head, theme head) for a trigger token."""
    actor = recipient = theme = None
    if tok.pos_ == "VERB":
        dobj = child(tok, ("dobj",))
        means = None
        if dobj is not None and trig.lemma.split()[1:] == [dobj.lemma_.lower()]:
            dobj = None  # "opened fire on the crowd": the fire is part of the trigger, the crowd is hit
        elif dobj is not None and ((trig.opt("object_is_means") and is_means(dobj, trig))
                                   or (trig.type == "ASSAULT" and dobj.lemma_.lower() in WEAPONS)):
            dobj, means = None, dobj  # "fired rockets at Israel": the rockets are how, Israel is hit
        if _had_done(tok):  # "the general had the journalists arrested": they were arrested, he acted
            recipient, actor = child(tok, ("nsubj",)), subject_of(tok.head)
        elif is_passive(tok):
            subj = child(tok, ("nsubjpass",)) or child(tok, ("nsubj",))  # "and 30 others wounded"
            if subj is None and tok.dep_ in ("conj", *PARTICIPLE_COMPLEMENTS):
                subj = subject_of(tok.head)
            agent = pobj(tok, {"by"})
            if trig.opt("passive_subject") == "actor":
                actor, theme = subj, subj
            else:
                recipient, actor = subj, agent
        else:
            actor = subject_of(tok)
            recipient = dobj or _target(tok) or (_means_target(means, trig) if means is not None else None)
            taken_from = pobj(tok, {"from"}) if dobj is not None and coder is not None else None
            if taken_from is not None and _a_place(dobj, coder) and coder.names_party(taken_from):
                recipient = taken_from  # "captured Handarat from rebels": the town is taken, the rebels lose it
            if tok.dep_ == "acl" and actor is None and _misread_main_verb(tok):
                actor = tok.head  # "China, which has close ties with both, offered to help": China offered
            elif tok.dep_ == "acl" and actor is None:
                if tok.tag_ == "VBN":  # "four men injured": the noun is who it happened to ("a rocket fired": what)
                    hit = tok.head if tok.head.lemma_.lower() not in WEAPONS else None
                    recipient, actor = recipient or hit, pobj(tok, {"by"})
                else:  # "forces operating in ..."; "issued a statement demanding ...": who issued it
                    actor = text_author(tok.head) or tok.head
            if trig.opt("subject_role") == "recipient":  # "Yemen received weapons from Iran": Iran gave them
                actor, recipient, theme = pobj(tok, {"from"}), actor, dobj
            elif trig.type == "MOBILIZE":
                # "deploying 300 troops to Mali": the troops are moved, the place they go to is whom it bears on
                moved = dobj is None or dobj.lemma_.lower() in FORCES  # not "sent medical aid to Zimbabwe" (aid)
                theme, recipient = dobj, party_in(pobj(tok, {"to", "into"}), coder, depth=0) if moved else None
            elif trig.mode == "withdraw" and dobj is not None and dobj.lemma_.lower() in FORCES:
                # "withdrew peacekeepers from the Golan Heights": the forces move, the place is left
                theme, recipient = dobj, party_in(pobj(tok, {"from"}), coder, depth=0)
            elif trig.mode == "withdraw" and dobj is not None and dobj.lemma_.lower() in ENVOYS:
                # "recalled its ambassador from Addis Ababa": the country left is whom the protest is against
                theme, recipient = dobj, party_in(pobj(tok, {"from"}) or pobj(dobj, {"from", "in", "to"}), coder, depth=0)
            given_to = pobj(tok, {"to"}) if dobj is not None and coder is not None and recipient in (None, dobj) \
                and trig.type in HANDED_OVER else None
            if given_to is not None and not coder.names_party(dobj) and coder.names_party(given_to):
                theme, recipient = dobj, given_to  # "surrendered the suburb of Daraya to the government"
        if trig.opt("symmetric"):
            recipient = recipient or pobj(tok, {"with", "against"})
    else:
        actor = pobj(tok, {"by"}) or child(tok, ("poss",)) or made_by(tok) or _sent_from(tok, trig, coder)
        if actor is None:
            for c in tok.children:
                if c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ", "NOUN") and c.text[:1].isupper() \
                        and not a_town(c, coder):
                    actor = c
                    break
        bound = actor is not None and actor.pos_ == "PRON" and actor.dep_ == "poss"
        carrier = of_carrier(tok)
        if (actor is None or bound) and carrier.dep_ == "dobj" and carrier.head.lemma_ in LIGHT_VERBS:
            actor = subject_of(carrier.head) or actor  # "X resumed its offensive": "its" is X
        if actor is None and trig.family == "investigate":
            actor = opener(tok)
        if actor is None and tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ == "VERB":
            actor = subject_of(tok.head.head)  # "Saddam Hussein arrived in Amman on a visit": the visitor
        role_verb = held_as(tok)
        if actor is None and role_verb is not None:
            actor = subject_of(role_verb)  # "fighters used civilians as human shields": the users
        if actor is None and trig.family == "meet":
            actor = host_subject(tok)
        if actor is None:
            actor = _claimed_by(tok)  # "the Taliban claimed responsibility for the attack"
        actor = actor or copula_subject(tok)  # "the United States remains the largest donor"
        of_obj = pobj(tok, {"of"})
        if of_obj is not None and trig.type in ("SUPPORT", "AID") and _with_the_help_of(tok):
            return of_obj, subject_of(tok.head.head), None
        if trig.opt("of_role") == "actor":
            actor, theme = actor or of_obj, of_obj
        else:
            recipient = of_obj
        hit = came_under(tok)
        if hit is not None:  # "... came under attack by Kurdish militants": "by" hangs on "came"
            recipient, actor = recipient or hit, actor or pobj(tok.head.head, {"by"})
        recipient = recipient or _target(tok) or died_of(tok) or (child(role_verb, ("dobj",)) if role_verb is not None else None)
        if recipient is None and carrier.dep_ == "dobj" and carrier.head.lemma_ in LIGHT_VERBS:
            # "carried out airstrikes on two hospitals" (the parser's "on" on "carried"); "gave Putin a warning"
            recipient = _target(carrier.head) or child(carrier.head, ("dative",))
        if tok.dep_ in ("nsubj",) and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in DRIVING:
            recipient = recipient or child(tok.head, ("dobj",))  # "the attack killed five people", not "pushed"
        if trig.opt("symmetric"):
            between = pobj(tok, {"between"})
            if between is not None:
                actor = between
                recipient = child(between, ("conj",))
    if trig.opt("symmetric") and actor is not None and child(actor, ("conj",)) is not None \
            and (recipient is None or (coder is not None and not coder.names_party(recipient)) or tok.pos_ == "VERB"):
        # "Russia and Ukraine exchanged 390 prisoners": the two sides; what they exchanged is the theme
        theme, recipient = theme or recipient, child(actor, ("conj",))
    if trig.type == "ASSAULT" and (actor is None or actor.lemma_.lower() in MEANS):
        # "killed by shelling from government forces", "a missile fired by Houthi rebels hit a school"
        actor = wielder(actor if actor is not None else (means_of(tok) or tok), coder) or actor
    left = left_counts(tok) if trig.type == "ASSAULT" and recipient is None else []
    if left:  # "fighting erupted, leaving 10 civilians dead": they are whom it hit
        recipient = left[0][0]
        if actor is not None and actor.i == recipient.i:  # "a clash between X and Y left [one student injured]"
            cause = subject_of(tok.head)
            actor = pobj(cause, {"between"}) if cause is not None else None
    if recipient is not None and recipient.lemma_.lower() in MEASURES:
        recipient = None  # "struck ... 175 kilometres from the capital": a distance, not whom it hit
    if recipient is None and trig.opt("kind") in ("killed", "wounded") and tok.pos_ == "VERB":
        recipient = _counted_noun_after(tok)  # "..., killing at least 20 civilians" under a bad parse
    if recipient is not None and recipient.lemma_.lower() in RESTRICTIONS:
        recipient = _restricted(recipient) or recipient  # "lifted sanctions imposed on Eritrea": Eritrea
    if trig.type in DIPLOMATIC and coder is not None and (recipient is None or not coder.names_party(recipient)):
        recipient = diplomatic_recipient(tok, coder, trig.type) or recipient
    asked = pobj(tok, {"for"}) if recipient is None and trig.type in ("REQUEST", "THREATEN") else None
    if asked is not None and asked.lemma_.lower() in RESTRICTIONS:
        recipient = _restricted(asked)  # "called for sanctions against the entities in Uganda"
    if trig.type in BILATERAL and coder is not None:
        partner = bilateral_partner(tok, actor, recipient, coder)
        if partner is not None and partner is not recipient:
            theme, recipient = theme or recipient, partner
    if recipient is None and trig.type == "THREATEN" and coder is not None:
        recipient = condition_subject(tok, coder)  # no one the threatened act is aimed at is named
    if trig.opt("or_claim") and tok.pos_ == "VERB" and (child(tok, ("dobj",)) is None or denied_claim(tok) is not None):
        recipient = None  # "denied striking the market": the market is the denied act's, not the denial's
    return actor, recipient, theme


def _sent_from(tok, trig: Trigger, coder):
    """'drawing a formal protest from Baghdad', 'a warning from the armed group': whom a statement
    or an offer comes from."""
    source = pobj(tok, {"from"}) if trig.type in DIPLOMATIC else None
    return source if source is not None and coder is not None and coder.names_party(source) else None


def _means_target(means, trig: Trigger):
    """Whom the means is aimed at: "rockets at Israel"; with the option's own prepositions, "lost
    faith in the government", "lost patience with Pakistan"."""
    preps = trig.opt("object_is_means")
    for weapon in (means, *means.conjuncts):  # "artillery, mortar, and rocket fire against the camps"
        aimed = pobj(weapon, set(preps)) if isinstance(preps, list) else _target(weapon)
        if aimed is not None:
            return aimed
    return None


def _had_done(tok) -> bool:
    """A participle the parser hangs on "have" or "get" with its own subject ("had the journalists
    arrested", "got him killed"): done to that subject by whoever had it done."""
    return tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in ("have", "get") \
        and child(tok, ("nsubj",)) is not None


BILATERAL = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE"}  # acts two named parties do together


def bilateral_partner(tok, actor, recipient, coder):
    """The other side of an act two parties do together, PLOVER's target: whom it is done "with"
    ("discussed Libya with Trump", "held talks with the king": the topic or the place is not the
    partner), else the actor's co-subject ("Trump and Putin have agreed to share information on North
    Korea", "India and Mercosur agreed"), unless the verb's own object or "to" phrase names a party.
    None when the sentence names no partner."""
    carrier = tok.head if tok.dep_ == "dobj" and tok.head.lemma_ in LIGHT_VERBS else None
    with_ = next((w for w in (pobj(tok, {"with"}), pobj(carrier, {"with"}) if carrier is not None else None)
                  if w is not None and coder.names_party(w)), None)
    if with_ is not None:
        return with_
    other = child(actor, ("conj",)) if actor is not None else None
    if other is None or other.pos_ not in ("PROPN", "NOUN"):
        return None
    own = recipient is not None and coder.names_party(recipient) and _in_own_phrase(recipient, tok)
    return None if own else other


CLAUSAL = {"xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "conj", "parataxis"}


def _in_own_phrase(tok, verb) -> bool:
    """'pledged aid to Ukraine': a word in the verb's own phrases, not in a clause under it ("agreed
    to share information on North Korea")."""
    node = tok
    for _ in range(8):
        if node.i == verb.i:
            return True
        if node.dep_ in CLAUSAL or node.head.i == node.i:
            return False
        node = node.head
    return False


CLAIMING_RESPONSIBILITY = {"claim", "accept", "admit", "take", "bear", "assume"}


def _claimed_by(tok):
    """Who claimed responsibility for the event a noun names ("the Taliban claimed responsibility
    for the attack", "responsibility for the bombing was claimed by IS")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if verb.lemma_.lower() not in CLAIMING_RESPONSIBILITY:
        return None
    taker = pobj(verb, {"by"}) if is_passive(verb) else subject_of(verb)
    if taker is not None and verb.lemma_.lower() != "claim" and taker.ent_type_ == "PERSON":
        return None  # "the minister stepped down, taking responsibility for the shootings": answerable, not the shooter
    return taker


FORCES = {"troop", "force", "soldier", "peacekeeper", "unit", "contingent", "army", "personnel", "battalion",
          "brigade", "division", "marine", "fighter", "militant", "observer", "monitor", "mission"}
RESTRICTIONS = {"sanction", "ban", "embargo", "restriction", "curb", "blockade", "boycott", "tariff", "freeze"}


def _restricted(measure):
    """Whom a measure named as an object is on: "sanctions on Eritrea", "sanctions imposed on China",
    "a ban on imports of Egyptian products" (what it bans)."""
    on = pobj(measure, {"on", "against"})
    if on is None:
        imposed = next((c for c in measure.children if c.dep_ == "acl"), None)
        on = pobj(imposed, {"on", "against"}) if imposed is not None else None
    if on is not None and on.lemma_.lower() in ("import", "export", "sale", "shipment"):
        return pobj(on, {"of", "from"}) or on
    return on


def _a_place(tok, coder) -> bool:
    """A known place, or a name that codes as no known party ("Handarat", which the gazetteer lacks)."""
    if coder.place_country(tok.i):
        return True
    party = coder.code(tok) if tok.tag_ == "NNP" else None
    return tok.tag_ == "NNP" and (party is None or (party.name is None and party.sector == "CVL" and not party.country))


def _with_the_help_of(tok) -> bool:
    """'demolished the monument with the support of a nationalist party': the "of" party supports
    the one who acts."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ == "VERB" \
        and not is_passive(tok.head.head)


def object_of(tok):
    """The grammatical object the codebook's object constraints look at."""
    if tok.pos_ == "VERB":
        if is_passive(tok):  # "was negotiated for months and finally signed": the conjunct's subject is its own
            return child(tok, ("nsubjpass",)) or (child(tok.head, ("nsubjpass",)) if tok.dep_ == "conj" else None)
        own = child(tok, ("dobj",))
        if own is None and tok.dep_ in ("relcl", "acl") and child(tok, ("nsubj",)) is not None:
            return tok.head  # "a claim the military dismissed": what the clause's subject did it to
        return own
    return pobj(tok, {"of"})


def _counted_noun_after(tok):
    for nxt in tok.doc[tok.i + 1:min(len(tok.doc), tok.i + 7)]:
        if nxt.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in nxt.children):
            return nxt
        if nxt.is_punct and nxt.text != "-":
            return None
    return None
