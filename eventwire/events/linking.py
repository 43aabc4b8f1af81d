"""Triggers of one sentence that state one event: joined triggers of one type ("strike
targeted", "killed or wounded"), a means and what it is for ("called Erdogan to apologise",
"sent experts to investigate"), and a toll next to the attack that caused it. Takes the
candidates :mod:`eventwire.events.triggers` found in a sentence; returns those that stand, each
remembering the triggers it absorbed (``Candidate.linked``).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventwire.events import codebook
from eventwire.events.acled import rules as acled_rules
from eventwire.events.candidate import Candidate
from eventwire.events.habitual import QUOTE_MARKS, marks_before
from eventwire.events.already_told import CASUALTY_VERBS, told_as_another, told_as_background
from eventwire.actors.reference import DEFINITE
from eventwire.events.means import MEANS
from eventwire.events.roles import LIGHT_VERBS


def _joined(a, b, own_subject: set[int]) -> bool:
    """Directly linked, or b sits under a without a subject of its own (``own_subject``: the
    triggers that have one, computed once per sentence)."""
    if a.head == b or b.head == a:
        child = b if b.head == a else a  # "set fire to homes after separatists killed two soldiers": two acts
        return not (child.i in own_subject and child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in SEQUENCE_MARKS for m in child.children))
    for x, y in ((a, b), (b, a)):
        # a walk up from y, not over x's subtree: many clauses in one sentence made that cubic
        if y.i not in own_subject and (x == y or x.is_ancestor(y)) and not _told_in_sequence(x, y):
            return True
    return False


def _told_in_sequence(top, low) -> bool:
    """'a teacher was shot dead before the fighting began': an act named in a clause told as
    coming before or after the other's ("before", "after", "when") is an act of its own."""
    node = low
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SEQUENCE_MARKS for m in node.children):
            return True
        node = node.head
    return False


SPEECH_ACTS = {"SUPPORT", "ACCUSE", "REQUEST", "AGREE", "REJECT", "THREATEN"}
SEQUENCE_MARKS = {"after", "before", "when", "while", "until", "since"}  # a clause of its own subject told in sequence


def link_in_sentence(cands: list[Candidate]) -> list[Candidate]:
    """Triggers of one type that are syntactically joined ("strike targeted", "killed or wounded",
    "shelled ..., killing") state one event: keep the first, remember the others."""
    own_subject = {c.trigger.i for c in cands if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.trigger.children)}
    background = {c.trigger.i: told_as_background(c.trigger) for c in cands}  # "weeks after X, Y": never one act
    kept: list[Candidate] = []
    for c in cands:
        host = next((k for k in reversed(kept) if k.type == c.type and background[k.trigger.i] == background[c.trigger.i] and
                     not _arrests_beside(k, c) and not _one_more_act(c.trigger) and not _two_addressees(k, c) and
                     any(_joined(t, c.trigger, own_subject) for t in [k.trigger, *(x.trigger for x in k.linked)])), None)
        if host is None:
            kept.append(c)
        else:
            _absorb(host, c)
    # "called Erdogan to apologise": a call or visit made to say something is what it says;
    # "sent experts to investigate the attacks": people sent to inquire, talk or say something
    for medium in [k for k in kept if _a_medium(k)]:
        said = next((k for k in kept if k.type in PURPOSE_TYPES and _states_purpose(k.trigger, medium.trigger)), None)
        if said is not None:
            kept.remove(medium)
            _absorb(said, medium, take_mode=False)  # a phone call's mode is not a mode of what was said
    # "rounded up and executed 15 men", "seized two women and raped them": one act of violence,
    # named by its gravest part (ACLED codes the killing or the rape, not an arrest beside it)
    for held in [k for k in kept if k.type == "COERCE" and k.mode in HOLDING_MODES]:
        graver = next((k for k in kept if k.type == "ASSAULT" and _graver(k) and _in_series(held.trigger, k.trigger)
                       and _same_people(held, k)), None)
        if graver is not None:
            kept.remove(held)
            if graver.recipient_head is not None and graver.recipient_head.pos_ == "PRON":
                graver.recipient_head = held.recipient_head or graver.recipient_head  # "seized two women ... raped them"
            _absorb(graver, held, take_mode=False)
    # "stormed the town, killing seven and looting stores": what a raid took is part of the raid
    # (one happening, as ACLED codes it), not a seizure of its own
    raids = [k for k in kept if k.type == "ASSAULT"]
    for taken in [k for k in kept if k.type == "COERCE" and k.mode == "seize" and _in_participles(k.trigger)]:
        raid = next((r for r in raids if r.trigger.is_ancestor(taken.trigger)), None)
        if raid is not None:
            kept.remove(taken)
            _absorb(raid, taken, take_mode=False)
    # "killed 12 gang members and seized rifles": arms taken in a fight are part of it (ACLED codes the fight)
    for arms in [k for k in kept if k.type == "COERCE" and k.mode in HOLDING_MODES and _arms(k)]:
        fights = [r for r in kept if r.type == "ASSAULT"]
        fight = min(fights, key=lambda r: abs(r.trigger.i - arms.trigger.i)) if fights else None  # the verb beside it
        if fight is not None:
            kept.remove(arms)
            _absorb(fight, arms, take_mode=False)
    # "sanctioned two firms it accused of funding the group", "arrested men it accuses of spying":
    # the charge is the grounds of the penalty, told to say whom it hit, not an accusation of its own
    for charge in [k for k in kept if k.type == "ACCUSE" and k.trigger.dep_ == "relcl"]:
        penalty = next((k for k in kept if k.type in PENALTY_TYPES and k.trigger.is_ancestor(charge.trigger)), None)
        if penalty is not None:
            kept.remove(charge)
            _absorb(penalty, charge, take_mode=False)
    # "agreed to a ceasefire", "signed a truce": what was agreed is the agreement, one event
    for truce in [k for k in kept if k.type == "RETREAT" and k.mode == "ceasefire" and k.trigger.pos_ == "NOUN"]:
        deal = next((k for k in kept if (k.type == "AGREE" or k.family == "agree") and truce.trigger.head in (k.trigger, *k.trigger.children)), None)
        if deal is not None:
            kept.remove(truce)
            _absorb(deal, truce, take_mode=False)
    # "exchanged prisoners in a swap mediated by the UAE": the mediation is how the swap came about
    for go_between in [k for k in kept if k.type == "CONSULT" and k.mode == "third-party" and k.trigger.dep_ == "acl"]:
        brokered = next((k for k in kept if k is not go_between and k.trigger.is_ancestor(go_between.trigger)), None)
        if brokered is not None:
            kept.remove(go_between)
            _absorb(brokered, go_between, take_mode=False)
    # "suspended its activities and evacuated its staff": one pull-out told by two verbs
    for left in [k for k in kept if k.type == "RETREAT" and k.trigger.dep_ == "conj"]:
        first = next((k for k in kept if k.type == "SANCTION" and k.family == "suspend" and k.trigger == left.trigger.head), None)
        if first is not None:
            kept.remove(left)
            _absorb(first, left, take_mode=False)
    # a toll with no attacker of its own, in the sentence of an attack, is that attack's toll;
    # so is a participle's (", killing two officers"), whose subject is only the clause it hangs on
    all_attacks = [k for k in kept if k.type == "ASSAULT" and k.family != "kill"]
    for toll in [k for k in kept if k.family == "kill" and (k.actor_head is None or bare_participle(k.trigger))]:
        # not an attack named to date it: "two days before the Kerawa raid, a soldier was killed"
        attacks = [k for k in all_attacks if background[k.trigger.i] == background[toll.trigger.i]]
        if attacks:
            kept.remove(toll)
            if toll.actor_head is not None and bare_participle(toll.trigger) and toll.trigger.dep_ != "acl":
                toll.actor_head = None  # the attack says who struck, not the clause the parser hung it on
                # (hung on a noun, the participle's doer is read off the sentence's subject: kept)
            _absorb(_its_attack(toll.trigger, attacks), toll)
    # "raided a party office and arrested 12 activists", "arrested five students in a raid on a hostel": a raid
    # that harms no one is how the arrests were made, one event (ACLED codes the arrests)
    for arrest in [k for k in kept if k.type == "COERCE" and k.mode == "arrest"]:
        raid = next((k for k in kept if k.type == "ASSAULT" and k.trigger.lemma_.lower() == "raid"
                     and not any(x.family == "kill" for x in k.linked) and _raid_for(k.trigger, arrest.trigger)), None)
        if raid is not None:
            kept.remove(raid)
            _absorb(arrest, raid, take_mode=False)
    return kept


def _raid_for(raid: Token, arrest: Token) -> bool:
    """The raid and the arrests are one clause's two verbs, or the raid is where the arrests were
    made ("held in dawn raids")."""
    if (raid.dep_ == "conj" and raid.head == arrest) or (arrest.dep_ == "conj" and arrest.head == raid):
        return True
    return raid.dep_ == "pobj" and raid.head.lower_ in ("in", "during") and raid.head.head == arrest


def _one_more_act(trigger: Token) -> bool:
    """'hit the depot and had also struck the air base': a joined verb told as one more act, with
    an object of its own, is another event."""
    return trigger.dep_ == "conj" and told_as_another(trigger) and any(c.dep_ == "dobj" for c in trigger.children)


def _two_addressees(a: Candidate, b: Candidate) -> bool:
    """'appealed to residents to stay calm and urged the government to send troops': two verbs of
    saying, each with an addressee of its own, are two statements."""
    return a.type in SPEECH_ACTS and a.trigger.pos_ == b.trigger.pos_ == "VERB" and b.trigger.dep_ == "conj" \
        and a.recipient_head is not None and b.recipient_head is not None \
        and a.recipient_head.i != b.recipient_head.i \
        and b.recipient_head.head.i != a.recipient_head.i  # not "urged Kyiv and Moscow": one addressee list


def _arrests_beside(a: Candidate, b: Candidate) -> bool:
    """'fired water cannon to clear the protesters and detained 38 people': the arrests are an act
    of their own beside the dispersal (coders count both), not another word for it."""
    return a.type == "COERCE" and a.trigger.pos_ == b.trigger.pos_ == "VERB" and a.trigger.i != b.trigger.i \
        and (a.mode in HOLDING_MODES) != (b.mode in HOLDING_MODES) and a.mode is not None and b.mode is not None


def _its_attack(toll: Token, attacks: list[Candidate]) -> Candidate:
    """The attack a toll belongs to: the one it hangs under, else the nearest told before it
    ("the hostilities began when they launched a sniper attack, wounding an officer"), else the first."""
    under = [a for a in attacks if a.trigger.is_ancestor(toll)]
    if under:
        return min(under, key=lambda a: abs(a.trigger.i - toll.i))
    before = [a for a in attacks if a.trigger.i < toll.i]
    return before[-1] if before else attacks[0]


HOLDING_MODES = {"arrest", "seize"}
PENALTY_TYPES = {"SANCTION", "COERCE"}
GRAVE_MODES = {"execute", "sexual", "massacre", "torture"}


WAR_MATERIEL = {"vehicle", "pickup", "truck", "motorcycle", "equipment"}  # beside the weapons ACLED's lexicon lists


@lru_cache(maxsize=1)
def _arms_words() -> frozenset[str]:
    return frozenset(acled_rules().lexicon["weapons"]) | WAR_MATERIEL


def _arms(cand: Candidate) -> bool:
    """What was seized is arms: the verb's object ("seized rifles") or the noun's theme."""
    taken = [c for c in cand.trigger.children if c.dep_ == "dobj"] + [t for t in (cand.theme_head,) if t is not None]
    return any(t.lemma_.lower() in _arms_words() for t in taken)


def _graver(cand: Candidate) -> bool:
    return cand.mode in GRAVE_MODES or cand.family == "kill"


def _in_series(first: Token, then: Token) -> bool:
    """Two verbs of one subject told in a row: "rounded up and executed", "seized ... and raped"."""
    return then.dep_ == "conj" and then.head.i == first.i and first.i < then.i


def _same_people(held: Candidate, graver: Candidate) -> bool:
    """One object for both verbs ("rounded up and executed 15 men"), or the second names the first's
    by a pronoun ("seized two women ... and raped them"); not "arrested two and killed a third"."""
    return held.recipient_head is None or graver.recipient_head is None or graver.recipient_head.pos_ == "PRON"


def _in_participles(trigger: Token) -> bool:
    """A participle clause, or one joined to it (", killing seven, burning homes and looting stores")."""
    return bare_participle(trigger) or (trigger.dep_ == "conj" and trigger.tag_ == "VBG" and bare_participle(trigger.head))


def bare_participle(trigger: Token) -> bool:
    """A participle clause with no subject of its own: ", killing two officers" -- also when the
    parser hung it after its comma on a noun (``acl``), as it does after a long subject."""
    clause = trigger.dep_ in ("advcl", "xcomp", "conj") or (trigger.dep_ == "acl" and _after_comma(trigger))
    return trigger.tag_ == "VBG" and clause and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)


def _after_comma(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


# what people are sent to do that makes the sending a means, not an event of its own: talk,
# inquire, or say something (not "sent troops to retake the town")
PURPOSE_TYPES = SPEECH_ACTS | {"CONSULT"}
REFLEXIVES = {"himself", "herself", "themselves", "itself", "themself"}
SENDING = {"send", "dispatch"}


def _a_medium(cand: Candidate) -> bool:
    """A call or visit, or a sending of people other than forces: how something else is done."""
    if cand.type == "CONSULT":
        return cand.mode in ("phone", "visit")
    return cand.trigger.lemma_.lower() in SENDING and cand.type != "MOBILIZE"


def _states_purpose(trigger: Token, medium: Token) -> bool:
    """The trigger is the verb of the medium's purpose clause ("called X to apologise"), or what
    that verb launches ("sent a team to launch an audit")."""
    clause = trigger.head if trigger.dep_ == "dobj" else trigger
    return clause.head == medium and clause.dep_ in ("xcomp", "advcl") and (clause == trigger or clause.lemma_ in LIGHT_VERBS)


def _absorb(host: Candidate, other: Candidate, take_mode: bool = True) -> None:
    host.linked += [other, *other.linked]
    host.actor_head = host.actor_head or other.actor_head
    if host.recipient_head is None or host.recipient_head.lower_ in REFLEXIVES:
        host.recipient_head = other.recipient_head or host.recipient_head  # "blew himself up, killing six"
    host.theme_head = host.theme_head or other.theme_head
    if take_mode:
        host.mode = host.mode or other.mode


def refers_back(trigger: Token) -> bool:
    """Whether the trigger names an act told before: "the attack", or a verb whose subject is a weapon,
    an act or the doers already told ("The bomb struck the monastery compound", "The blast killed
    five", "The assailants burned the clinic")."""
    if trigger.pos_ == "NOUN":
        return _definite(trigger)
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    return (subject is not None and _definite(subject) and (subject.lemma_.lower() in MEANS or _doers(subject))) \
        or _toll_of_the_act(trigger)


WITNESS_DOERS = frozenset({"they", "he", "she"})
PERCEPTION_VERBS = frozenset({"hear", "see", "witness"})


def witness_retells(trigger: Token) -> bool:
    """'"They came at night and shot everyone they saw," a resident said', '"We heard the blast and
    then shooting"': a witness's quoted telling of what "they" did, or of what the witness heard or
    saw, is the act the story reports, told again in the witness's words."""
    if not _quoted(trigger):
        return False
    if trigger.pos_ == "NOUN":
        return _perceived(trigger)
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "they started shooting", "came on foot and shot people"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("i", "we"):  # "we heard explosions and then shooting"
        return verb.i != trigger.i and verb.lemma_.lower() in PERCEPTION_VERBS
    return subject is not None and subject.lower_ in WITNESS_DOERS


def _perceived(noun: Token) -> bool:
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "heard explosions and then shooting"
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in PERCEPTION_VERBS


def _quoted(trigger: Token) -> bool:
    """Inside a quotation: an odd count of marks before it in its sentence, or none before it and a
    closing mark the first after it (a quotation opened in an earlier sentence closes in this one)."""
    before = marks_before(trigger)
    after = next((t for t in trigger.doc[trigger.i + 1:trigger.sent.end] if t.text in QUOTE_MARKS), None)
    return before % 2 == 1 or (before == 0 and after is not None and _closes(after))


def _closes(mark: Token) -> bool:
    """A closing mark: the curly one, or a straight one written against the word before it."""
    return mark.text == "\u201d" or (mark.text == '"' and mark.i > 0 and not mark.doc[mark.i - 1].whitespace_)


def _doers(subject: Token) -> bool:
    """'The assailants struck at first light', 'the gunmen burned the clinic': people named by an act
    the story has told are its doers, and what they do there is that act told again."""
    words = codebook.load().doers
    return subject.lemma_.lower() in words or subject.lower_ in words


TOLL_VERBS = CASUALTY_VERBS | {"die"}
ACTS_TOLD = MEANS | {"operation", "fighting", "clash", "battle", "ambush", "counter-offensive", "counteroffensive"}


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def _toll_of_the_act(trigger: Token) -> bool:
    """'Two soldiers were killed in the operation', 'died in the fighting': the toll of an act the
    story has told, counted in a sentence of its own."""
    if trigger.lemma_.lower() not in TOLL_VERBS:
        return False
    return any(p.dep_ == "prep" and p.lower_ in ("in", "during") and o.dep_ == "pobj"
               and o.lemma_.lower() in ACTS_TOLD and _definite(o) for p in trigger.children for o in p.children)
