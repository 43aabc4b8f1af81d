"""What a party promises another will meet, in the words of a warning or a vow: a response ("will
not go unanswered", "our response would be far bigger", "ready to give a befitting reply"), a
penalty ("would be dealt with firmly", "will be held accountable", "would pay a heavy price"),
action ("would not sit idle", "will not hesitate to take all necessary measures"), or a party named
a target ("are now legitimate targets"). Each reads the clause said; :mod:`eventwire.events.statements`
decides whether the saying is a threat (PLOVER THREATEN).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.events.addressees import child
from eventwire.events.codebook import Codebook

# verbs whose object is what a party is told it will meet ("would pay a heavy price", "could face sanctions")
FACING_VERBS = {"face", "meet", "take", "use", "pay", "impose", "incur", "bear", "suffer", "get", "receive", "give"}
READY = {"ready", "prepared", "poised"}
# what a party promises another will meet, whatever verb of saying tells it (unlike "measures" or "steps")
ANSWERS = {"response", "reply", "answer", "retaliation", "reprisal", "retribution", "riposte", "punishment", "price",
           "consequence", "revenge", "vengeance"}


TREATED_AS = {"treat", "consider", "regard", "view", "deem"}


def marked_as_target(said: Token) -> Optional[Token]:
    """Whom a party says are now "legitimate targets", or "would be treated as targets": the threatened."""
    named = any(c.dep_ == "attr" and c.lemma_.lower() == "target" and any(
        a.dep_ == "amod" and a.lower_ in ("legitimate", "fair", "legal") for a in c.children) for c in said.children)
    if said.lemma_ == "be" and named:
        return next((c for c in said.children if c.dep_ == "nsubj"), None)
    targets = [g for c in said.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"] \
        + [c for c in said.children if c.dep_ == "oprd"]  # "treated as targets", "considered legitimate targets"
    treated = said.lemma_.lower() in TREATED_AS and any(  # not "a target of the investigation"
        t.lemma_.lower() == "target" and not any(c.dep_ == "prep" for c in t.children) for t in targets)
    return next((c for c in said.children if c.dep_ == "nsubjpass"), None) if treated else None


def response_told(said: Token) -> bool:
    """'India's response would be far bigger': what a response will be is a response promised."""
    return said.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in ANSWERS for c in said.children)


def answer_to_face(said: Token) -> bool:
    """'it will get the same answer', 'would pay a heavy price': an answer promised to another."""
    return said.lemma_.lower() in FACING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in ANSWERS
                                                      for c in said.children)


def ready_to_reply(said: Token) -> bool:
    """'the armed forces were fully prepared to give a befitting reply to any aggression', 'ready to
    retaliate': an answer held ready is a threat."""
    ready = said if said.lower_ in READY else next((c for c in said.children if c.dep_ == "acomp" and c.lower_ in READY), None)
    done = next((c for c in ready.children if c.dep_ == "xcomp"), None) if ready is not None else None
    if done is None:
        return False
    return done.lemma_.lower() in ("respond", "retaliate", "answer", "reply") or any(
        t.lemma_.lower() in ANSWERS for t in done.subtree if t.pos_ == "NOUN")


IDLE = {"idle", "idly", "by"}


def not_idle(said: Token) -> bool:
    """'would not sit idle', 'will not stand idly by', 'will not stand by while ...': action promised."""
    return said.lemma_ in ("sit", "stand", "remain", "stay") and any(c.dep_ == "neg" for c in said.children) \
        and any(c.lower_ in IDLE and (c.dep_ in ("acomp", "advmod", "prt", "oprd", "xcomp", "dobj")
                                      or (c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children)))
                for c in said.children)


def unhesitating(said: Token) -> Optional[Token]:
    """'will not hesitate to take all necessary measures': the act promised, whose words the
    warning then weighs as its own."""
    if said.lemma_ != "hesitate" or not any(c.dep_ == "neg" for c in said.children):
        return None
    return next((c for c in said.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def consequence_unhesitating(said: Token, codebook: Codebook) -> bool:
    """The act promised without hesitation is a consequence the codebook lists ("take measures")."""
    act = unhesitating(said)
    return act is not None and (act.lemma_.lower() in codebook.consequences or any(
        o.dep_ == "dobj" and o.lemma_.lower() in codebook.consequences for o in act.children))


PENALTY_VERBS = {"face", "incur", "bear", "pay"}  # "would face measures", "must bear the consequences", "will pay the price"
SELF = {"i", "we", "he", "she", "it", "they"}  # "he could face prosecution": the speaker's own risk, no threat


def penalty_faced(said: Token, codebook: Codebook) -> Optional[Token]:
    """Who is told a penalty awaits them, whatever the verb of saying: 'any group that tried to take
    power by force would face the necessary measures', 'those who kept the roads closed would face
    prosecution'. Not a pronoun's own risk ("he could face prosecution")."""
    if said.lemma_.lower() not in PENALTY_VERBS:
        return None
    facing = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if facing is None or (facing.lower_ in SELF and not on_condition(said)):
        return None  # "if the Japanese side insists ..., it must bear the consequences": aimed at it
    penalty = any(c.dep_ == "dobj" and c.lemma_.lower() in codebook.consequences and not _cost_of(said, c)
                  for c in said.children)
    return facing if penalty else None


def _cost_of(said: Token, penalty: Token) -> bool:
    """'pay the price of the reform': a cost, not a penalty (as 'pay a heavy price' is)."""
    return said.lemma_.lower() == "pay" and any(c.dep_ == "prep" and c.lower_ == "of" for c in penalty.children)


def on_condition(said: Token) -> bool:
    """'would keep up their attacks if detainees were not released': told on a condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in said.children)


UNANSWERED = {"unanswered", "unpunished", "unavenged"}
FIRMLY = {"firmly", "severely", "harshly", "decisively", "strongly", "ruthlessly", "mercilessly", "sternly", "robustly"}


PURSUED = {"hunt", "track", "punish", "prosecute", "pursue"}  # "would be hunted down", "will be punished"


def dealt_with(said: Token) -> bool:
    """'would be dealt with firmly', 'will be held accountable', 'would be hunted down', 'will be
    brought to justice': a penalty promised, whatever the verb of saying (not "was dealt with by
    the courts"; the modal that makes it a promise is checked by the reader of warnings)."""
    if said.lemma_ == "deal":  # "any gathering would be dealt with": whoever comes is warned, firmly said or not
        return any(t.lower_ in FIRMLY for t in said.subtree) or _anyone(clause_subject(said))
    if any(c.dep_ == "auxpass" for c in said.children) and (said.lemma_ in PURSUED or (said.lemma_ == "bring" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "justice" for g in c.children) for c in said.children))):
        return True
    return said.lemma_ == "hold" and any(c.lower_ in ("accountable", "responsible") for c in said.children
                                          if c.dep_ in ("acomp", "oprd", "advmod", "xcomp"))


def clause_subject(said: Token) -> Optional[Token]:
    """The subject of the clause, also where the parser hung it on the clause's "be" ("any attempt
    ... would be dealt with", with "attempt" the subject of "be")."""
    for verb in (said, *(c for c in said.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be")):
        subj = child(verb, ("nsubjpass", "nsubj"))
        if subj is not None:
            return subj
    return None


ANYONE = {"anyone", "anybody", "whoever", "those", "everyone", "everybody"}


def _anyone(who: Optional[Token]) -> bool:
    """'anyone who ...', 'any attempt', 'any such gathering', 'those responsible': whoever does it."""
    return who is not None and (who.lower_ in ANYONE or any(c.dep_ == "det" and c.lower_ in ("any", "every")
                                                             for c in who.children))


JAILS = {"jail", "prison"}
JUSTICE = {"justice", "punishment", "accountability", "responsibility"}


def jailed_or_judged(said: Token) -> bool:
    """'those who stole will go to jail', 'anyone who tries will end up in prison', 'no one who
    burns the streets will escape justice': a penalty promised to whoever does it."""
    doer = clause_subject(said)
    if said.lemma_ in ("go", "end") and _anyone(doer):
        return any(g.lemma_.lower() in JAILS for c in said.children if c.dep_ == "prep"
                   for g in c.children if g.dep_ == "pobj")
    nobody = doer is not None and (doer.lower_ == "nobody" or any(c.dep_ == "det" and c.lower_ == "no" for c in doer.children))
    # "no one who ... will escape justice", "the organisers will not escape responsibility"
    return said.lemma_ == "escape" and (nobody or any(c.dep_ == "neg" for c in said.children)) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in JUSTICE for c in said.children)


def unanswered(said: Token) -> bool:
    """'will not go unanswered', 'will not remain unpunished': a response promised."""
    return said.lemma_ in ("go", "remain", "be") and any(c.dep_ == "neg" for c in said.children) \
        and any(c.lower_ in UNANSWERED for c in said.children if c.dep_ in ("acomp", "oprd", "advmod", "xcomp"))


# what a party is told it will be counted as: "would be treated as collaborators", "as an act of war"
ENEMY_LABELS = {"collaborator", "enemy", "traitor", "target", "terrorist", "combatant", "accomplice", "spy", "war",
                "aggression", "hostile"}
COUNTED_AS = {"treat", "consider", "regard", "deem"}


def branded_enemy(said: Token) -> bool:
    """'anyone who stayed would be treated as a collaborator', 'any attempt would be treated as an act
    of war': a party told it will be counted among the enemy is threatened."""
    if said.lemma_ not in COUNTED_AS or not any(c.dep_ == "auxpass" for c in said.children):
        return False
    labels = [t for c in said.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
    return any(t.lemma_.lower() in ENEMY_LABELS for t in labels)


def answerable(said: Token) -> bool:
    """'those who bring chaos to the streets will answer for it': a penalty promised without naming it."""
    return said.lemma_ == "answer" and any(c.dep_ == "prep" and c.lower_ == "for" for c in said.children)
