"""Modality of an event mention: negated, hypothetical, or an announced intention.

Negated events are not coded. Hypothetical ones (could, if, "calls for a halt to attacks",
"potential") are left out unless asked for. An actor's own announced action ("will impose a
curfew", "plans to provide aid") is coded the PLOVER way: the commitment itself, as THREATEN
(conflictual actions) or AGREE (cooperative ones).
"""
from __future__ import annotations

from typing import Optional

from eventwire.attribution.sources import CLAIMING_VERBS

HYPOTHETICAL_AUX = {"will", "would", "could", "might", "may", "should", "shall", "can", "must", "'ll", "'d"}
HYPOTHETICAL_GOVERNORS = {"threaten", "want", "seek", "pledge", "promise", "instruct", "order", "direct",
                          "authorize", "authorise", "tell", "encourage", "invite",
                          "try", "attempt", "hope", "need", "expect", "prevent", "consider", "refuse", "fail",
                          "propose", "offer", "agree", "urge", "call", "demand", "ask", "warn", "avoid",
                          "appeal", "plead", "beg", "implore", "petition", "press",
                          "deter", "stop", "allow", "mean", "help", "push", "fear", "risk", "believe",
                          "accuse", "suspect", "allege", "indict",  # "accused the pair of killing": what is alleged
                          "suppose", "require", "oblige", "obligate"}  # "was supposed to withdraw by January"
INTENT_NOUNS = {"intention", "intent", "plan", "desire", "wish", "ambition", "aim", "goal", "interest"}
HYPOTHETICAL_MODIFIERS = {"potential", "possible", "planned", "future", "proposed", "imminent", "expected",
                          "would-be", "prospective", "likely"}
INTENT_AUX = {"will", "'ll", "shall", "would"}
# force an attempt of which ACLED and PLOVER code as the act itself ("tried to storm the base and were repelled")
FORCE_TRIED = {"attack", "storm", "enter", "capture", "seize", "overrun", "retake", "recapture", "infiltrate", "kill",
               "assassinate", "abduct", "kidnap", "bomb", "shoot", "advance", "breach", "raid", "hack", "hijack",
               "ambush", "invade", "occupy", "destroy", "blow", "detonate", "burn", "assault", "murder"}
INTENT_GOVERNORS = {"plan", "intend", "prepare", "offer", "ready", "willing", "prepared", "set", "aim",
                    "resolve", "commit", "determined", "vow", "swear"}  # "vowed to retake the city": THREATEN
COOPERATIVE = {"AID", "SUPPORT", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
INTENT_MODES = {("COERCE", "ban"): "ban", ("COERCE", "arrest"): "arrest", ("COERCE", "restrict"): "restrict",
                ("COERCE", "curfew"): "restrict", ("SANCTION", "expel"): "expel", ("SANCTION", "discontinue"): "relations"}
REQUESTED_BY = {"call", "urge", "demand", "ask", "appeal", "seek", "halt", "end", "stop", "prevent", "avoid", "ban"}
RISKING = {"risk", "threaten", "jeopardise", "jeopardize", "endanger"}
PRESSING = {"press", "push", "pressure", "lobby", "campaign", "clamour", "clamor"}
NEGATORS = {"not", "n't", "never", "no"}
NEGATIVE_SUBJECTS = {"nobody", "nothing", "none", "noone", "no-one"}  # "no one was arrested": "no" is the subject's det
# what a party hopes, expects or fears someone else will do is no commitment: "hoped that Beijing
# would continue to cooperate" (unlike "said it would cooperate", the actor's own announced act)
EXPECTING = {"hope", "expect", "wish", "fear", "believe", "think", "predict", "doubt", "anticipate", "assume", "worry"}
PREVENTING = {"prevent", "stop", "block", "avoid", "bar", "keep"}  # "sought to prevent the issue being discussed"
SAID_IN_TRYING = {"blame", "accuse", "justify", "deny", "portray", "discredit", "blacken", "smear", "defend"}
STOPPING = {"stop", "halt", "cease", "suspend", "end", "cut", "freeze"}
GENERIC_PRONOUNS = {"anyone", "anybody", "whoever", "everyone", "everybody"}
# beyond REQUESTED_BY (which already holds "halt", "end", "stop" for a noun's governors):
PAUSED_BY = {"lull", "pause", "cessation", "suspension", "respite", "break"}  # "a lull in the fighting"
ENDED_BY = {"lift", "ease", "relax", "loosen", "scrap", "suspend", "cancel", "abandon", "postpone", "quash", "revoke", "overturn",
            "annul", "rescind"}  # "lifted its boycott"
ENDING_NOUNS = {"lifting", "easing", "relaxation", "suspension", "cancellation", "removal", "repeal", "revocation",
                "annulment", "postponement", "scrapping", "loosening"}  # "the lifting of U.N. sanctions"
POSSIBILITY_ADJECTIVES = {"easy", "hard", "difficult", "possible", "impossible", "unable", "likely", "unlikely"}
ABLE = {"able", "capable"}
NECESSITY = {"imperative", "essential", "necessary", "vital", "crucial", "important", "urgent"}
SCHEDULED_BY = {"plan", "schedule", "slate"}  # "a rally is planned for Sunday": not yet held
WEIGHING = {"consider", "weigh", "review", "study", "mull", "explore", "examine", "contemplate", "discuss", "debate"}


CONDITION_WORDS = {"provided", "providing"}  # "provided (that) X": a condition, like "if"


def _on_condition_that(clause) -> bool:
    """'provided (that) detainees were released': the clause a condition word opens, whichever word
    the parser hung it on."""
    if clause.dep_ not in ("ccomp", "advcl"):
        return False
    if clause.head.lower_ in CONDITION_WORDS and clause.head.i < clause.i:
        return True
    before = [t for t in clause.doc[max(clause.left_edge.i - 2, 0):clause.left_edge.i] if t.lower_ != "that"]
    return bool(before) and before[-1].lower_ in CONDITION_WORDS


def negated(tok, objects: bool = False) -> bool:
    """Whether the word is denied: "did not attack", "no one was arrested", "Neither X nor Y agreed";
    with ``objects``, also an event word done to no one ("threatened no one") -- not a clause read
    for what it says, where "had no role" is itself the denial."""
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True  # "moved in without firing a shot"
    nodes = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
    for node in nodes:
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod")) for c in node.children):
            return True
    return tok.pos_ in ("VERB", "AUX") and any(_negative_subject(c) or (objects and _negative_object(c)) for c in tok.children)


def weighed(noun):
    """The verb by which a party considers, reviews or weighs a measure, alone or among its options
    ("reviewing all options, including additional sanctions"): one it holds over another, not one
    it has taken. None when the measure is not so weighed."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "including" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun.head if noun.dep_ == "dobj" and noun.head.lemma_ in WEIGHING else None


def ongoing(tok) -> bool:
    """A verb told in the present progressive ("are being targeted", "is shelling"): a state of
    affairs that goes on, not the one dated act a later detail may restate."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBG", "VBN"):
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    present = any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if tok.tag_ == "VBG":
        return present
    return present and any(a.lower_ == "being" for a in auxes)


def _child_dep(tok, dep: str) -> bool:
    return any(c.dep_ == dep for c in tok.children)


def _verb_in(tok, lemmas: set[str]) -> bool:
    """The verb is one of lemmas, also where the tagger's lemma is wrong ("hoped" -> "hop")."""
    if tok.lemma_ in lemmas:
        return True
    word = tok.lower_
    return any(word in (lemma + "s", lemma + "d", lemma + "ed", lemma + "ing", lemma[:-1] + "ing") for lemma in lemmas)


def _prevented(verb) -> bool:
    """'prevent the issue being discussed', parsed as the prevent verb's clause or as a clause on its
    object: what a party prevents did not happen."""
    if verb.dep_ == "ccomp":
        return _verb_in(verb.head, PREVENTING)
    return verb.dep_ == "acl" and verb.head.dep_ == "dobj" and _verb_in(verb.head.head, PREVENTING)


def _negative_subject(tok) -> bool:
    """'No one has been arrested', 'no soldiers were killed', 'nobody was hurt', 'Neither Ethiopia nor
    Somalia has agreed'."""
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        tok.lower_ in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
        or any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in tok.children))


def _negative_object(tok) -> bool:
    """'an arrangement that threatened no one', 'fired no shots': done to no one, not done."""
    return tok.dep_ == "dobj" and (tok.lower_ in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no"
                                                                          for c in tok.children))


ASKING_NOUNS = {"call", "demand", "appeal", "plea", "request"}  # "defied calls to step down" (the parser's verb)


def hypothetical(tok) -> Optional[str]:
    """None when the event is stated as happening; 'intent' when its own actor announces it
    (will/would/shall, plans/prepares/is ready to; "decided to" reports the act decided); 'other'
    for the rest (could, if, calls to do it, 'potential')."""
    node = tok
    if tok.pos_ == "NOUN":
        if any(c.lower_ in HYPOTHETICAL_MODIFIERS and c.dep_ == "amod" for c in tok.children):
            return "other"
        if any(c.lower_ == "called" and any(g.lower_ == "so" for g in c.children) for c in tok.children):
            return "other"  # "the so-called capture of X": a claim disowned in the telling
        if any(a.lemma_ in REQUESTED_BY for a in list(tok.ancestors)[:4]):
            return "other"  # "called for a halt to attacks": the attacks are what is asked about
        if tok.dep_ == "nsubj" and tok.head.lemma_ in RISKING:
            return "other"  # "warning that continued fighting risks unravelling the gains": what may come of it
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_ in PRESSING:
            return "other"  # "pressed Mexico for more arrests": what is pressed for has not been done
        if tok.head.dep_ == "prep" and tok.head.head.lemma_ in PAUSED_BY:
            return "other"  # "a lull in the fighting": what has stopped, not what happens
        if _ended(tok):
            return "other"  # "lifted its boycott", "quashed orders for preventive detention": the act ends it
        if weighed(tok) is not None:
            return "intent"  # "is considering sanctions", "reviewing all options, including sanctions": not yet imposed
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in SCHEDULED_BY:
            return "intent" if tok.dep_ == "dobj" else "other"  # "planned a rally", "a vigil was scheduled"
        # a conjunct takes its head's role: "failed to reach a deal on cooperation and a cessation of hostilities"
        phrase = tok.head if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.dep_ in ("dobj", "nsubj", "nsubjpass") else tok
        if phrase.head.pos_ in ("VERB", "AUX") and phrase.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
            node = phrase.head
        elif phrase.dep_ == "pobj" and phrase.head.dep_ == "prep" and phrase.head.head.pos_ == "VERB" \
                and phrase.head.lower_ == "with":
            node = phrase.head.head  # "could answer with strikes on the ports": the means of an act to come
    if _generic_doer(node) or _generic_activity(node):
        return "other"
    for _ in range(4):
        if node.i != tok.i and _what_it_takes(node):
            return "other"
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if _prevented(node):
            return "other"
        if aux & HYPOTHETICAL_AUX and node.dep_ == "ccomp" and _verb_in(node.head, EXPECTING):
            return "other"
        if aux & INTENT_AUX:
            return "intent"
        if aux & HYPOTHETICAL_AUX:
            return "intent" if _own_possible_act(node) else "other"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return "other"  # "did not say whether officials had agreed": an open question
        if _on_condition_that(node):
            return "other"  # "ready to talk, provided detainees were released first": a condition set
        if node.dep_ == "ccomp" and any(c.dep_ == "acomp" and c.lower_ in NECESSITY for c in node.head.children):
            return "other"  # "it is imperative that aid organisations provide aid": what must be done
        if _noun_infinitive(node):  # "ways to bring down a drone": what could be done
            return "other"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children) \
                and node.head.lemma_ in INTENT_GOVERNORS | REQUESTED_BY | HYPOTHETICAL_GOVERNORS:
            # "calling for the council to resign": what is asked for, not what happened
            return "intent" if node.head.lemma_ in INTENT_GOVERNORS else "other"
        if node.dep_ == "advcl" and node.head.lemma_ in INTENT_GOVERNORS and not _child_dep(node.head, "prt") and any(
                (c.dep_ == "mark" and c.lower_ == "until") or (c.dep_ == "aux" and c.lower_ == "to") for c in node.children):
            return "intent"  # "have sworn to fight until they gain control", the infinitive parsed as a side clause
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in node.children):
            if negated(node.head) or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in node.head.children):
                return "other"  # "would not return to talks until the government released them": a condition
            node = node.head  # "fought on until the army retook the town": as real as what it bounds
            continue
        if node.dep_ == "ccomp" and node.tag_ == "VB" and node.head.lemma_ == "help" and not _child_dep(node, "aux"):
            return "other"  # "sent troops to help the army fight the rebels": what the help is for
        if node.dep_ == "ccomp" and node.tag_ == "VB" and node.head.lemma_ in REQUESTED_BY \
                and not any(c.dep_ == "aux" for c in node.children):
            return "other"  # "demanded that the president step down": what is asked, in the subjunctive
        if node.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            if node.head.lemma_ in REQUESTED_BY or any(c.dep_ == "dobj" and c.lemma_.lower() in ASKING_NOUNS
                                                       for c in node.head.children):
                return "other"  # "calling for routes to evacuate the wounded", "defied calls to step down": what is asked
            node = node.head  # "to target security forces": as real as the action it is the purpose of
            continue
        listed = _listed_with_infinitive(node)
        if listed is not None:
            node = listed  # "called on X to halt the operation, pull back troops": one more thing asked
            continue
        if node.dep_ == "conj" and node.head.pos_ == "VERB" and node.tag_ not in ("VBD", "VBZ", "VBP") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "auxpass") or (c.dep_ == "aux" and c.lower_ != "to") for c in node.children):
            node = node.head  # "to evacuate and treat", "to halt ... and to allow": non-finite verbs share their modality
            continue
        if node.dep_ == "ccomp" and node.head.lemma_ in HYPOTHETICAL_GOVERNORS \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return "other"  # "would not allow looters to destroy shops", the infinitive's subject parsed as its own
        if node.dep_ in ("xcomp", "pcomp"):
            gov = node.head if node.dep_ == "xcomp" else _first_of_joined(node.head).head  # "of X and of Y"
            if node.dep_ == "pcomp" and gov.lemma_.lower() in INTENT_NOUNS:
                # "had no intention of invading Eritrea": denied; "its intention of seizing the port": announced
                return "other" if any(c.dep_ == "det" and c.lower_ == "no" for c in gov.children) else "intent"
            if node.dep_ == "pcomp" and gov.dep_ == "dobj" and gov.pos_ in ("NOUN", "PROPN", "PRON"):
                gov = gov.head  # "accused the rebels of attacking": the verb whose object the "of" hangs on
            if gov.lemma_ in INTENT_GOVERNORS:
                return "intent"
            if node.dep_ == "xcomp" and gov.lemma_ == "be":
                return "other"  # "their modus operandi is to shoot up checkpoints", "the army is to withdraw"
            if gov.lemma_ in ("try", "attempt") and node.lemma_ in SAID_IN_TRYING:
                node = gov  # "tried to blame the security forces": saying it is the blaming
                continue
            if gov.lemma_ in ("try", "attempt") and node.lemma_ in FORCE_TRIED and _done(gov):
                node = gov  # "attempted to storm the town" (and were repelled): an attempted attack is an attack
                continue
            if gov.lemma_ == "fear" and node.tag_ == "VBN" and _child_dep(gov, "auxpass"):
                node = gov  # "are feared killed": news telling deaths it cannot yet count, not a worry
                continue
            if gov.lemma_ in HYPOTHETICAL_GOVERNORS or (gov.pos_ == "ADJ" and gov.lemma_.lower() in POSSIBILITY_ADJECTIVES):
                return "other"  # "to make it easier to sue them": what would become possible
            if gov.lemma_.lower() in ABLE and gov.head.tag_ != "VBD":
                return "other"  # "remains able to strike the capital": a capability ("were able to retake it" did)
            node = gov
            continue
        break
    return None


def _listed_with_infinitive(node):
    """The to-infinitive a bare verb continues when the parser hung the verb on the verb above it
    ("urged X to halt the operation, pull back troops and allow aid": "pull" under "urged"), or None."""
    if node.dep_ != "conj" or node.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                                       for c in node.children):
        return None
    return next((c for c in node.head.children if c.dep_ == "xcomp" and c.i < node.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _ended(noun) -> bool:
    """The noun is, or is told in, the object of a verb that ends it ("cancelled the strike",
    "revoked the decision on pre-trial detention"), or of a noun that does ("the lifting of sanctions")."""
    node = noun
    for _ in range(4):
        if node.dep_ == "dobj" and node.head.lemma_ in ENDED_BY:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in ENDING_NOUNS:
            return True
        if node.dep_ not in ("pobj", "prep", "compound", "conj"):
            return False  # a conjunct shares the end: "lifted the curfew and the ban"
        node = node.head
    return False


def _done(verb) -> bool:
    """A verb told as done: past tense, no modal ("attempted", "have tried"; not "will try")."""
    return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children)


# nouns that say what can be done, not that it was: "ways to bring down a drone", "the ability to
# strike", "in position to enter the town", "the right to protest"
POSSIBILITY_NOUNS = {"way", "means", "method", "ability", "capacity", "capability", "option", "power", "right",
                     "chance", "opportunity", "position", "need", "tool", "freedom", "license", "licence"}


def _noun_infinitive(verb) -> bool:
    """An infinitive that says what a way, an ability or an option is for: what could be done. (What a
    decision, a pledge or a permission is for is read with the statement that makes it.)"""
    noun = verb.head
    return verb.dep_ in ("acl", "relcl") and noun.lemma_.lower() in POSSIBILITY_NOUNS and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _generic_activity(verb) -> bool:
    """A gerund that is the subject of its clause with no doer ("Capturing drones with nets is one
    of the options"): an activity spoken of, not a deed."""
    return verb.dep_ == "csubj" and verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "poss") for c in verb.children)


def _what_it_takes(node) -> bool:
    """An infinitive reached from "it is (harder) ...": "it is harder to defeat an army than to kill
    an official" says what an act takes, not that it was done."""
    be = node.head if node.pos_ == "ADJ" and node.dep_ == "acomp" else node
    return be.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)


def _own_possible_act(verb) -> bool:
    """'the EU said it may stop aid': what a party says it may do is its own announced act."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (verb.dep_ == "ccomp" and verb.head.lemma_ in CLAIMING_VERBS | {"threaten"} and subject is not None
            and subject.lower_ in ("it", "we", "they") and any(c.dep_ == "nsubj" for c in verb.head.children))


def stopped_by(tok):
    """The verb that stops the act ('stop giving aid', 'halted deliveries of aid'), or None."""
    stop = tok.head
    if tok.dep_ not in ("xcomp", "dobj", "pcomp") or stop.lemma_ not in STOPPING:
        return None
    return None if stop.i > 0 and stop.doc[stop.i - 1].text == "-" else stop  # "working non-stop to treat"


def _generic_doer(verb) -> bool:
    """'any faction that attacks us', 'anyone who fires on them': a kind of doer, not a deed."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    return noun.lower_ in GENERIC_PRONOUNS or any(c.dep_ == "det" and c.lower_ in ("any", "every", "each")
                                                   for c in noun.children)


def failed(tok) -> bool:
    """'failed to reach agreement', 'refused to send peacekeepers': a cooperative act that did
    not come about or was refused, which PLOVER codes as a rejection."""
    node = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    return node.dep_ == "xcomp" and node.head.lemma_ in ("fail", "refuse", "decline")


# verbs whose denial is itself an answer: "did not accept mediation" turned it down
ACCEPTING = {"accept", "approve", "endorse", "recognize", "recognise"}


def declared_refusal(tok) -> bool:
    """'will not lift the embargo', 'would not release them', 'will not begin talks': a negated
    act the actor declares it will not do (negated() has already said the act is denied); and
    'does not accept mediation', 'did not recognise the vote': an acceptance denied is a refusal."""
    node = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    if node.lemma_.lower() in ACCEPTING and any(c.dep_ == "neg" for c in node.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in INTENT_AUX | {"wo"} for c in node.children)


def as_refusal(type_: str) -> Optional[tuple[str, Optional[str], str]]:
    return ("REJECT", None, "reject") if type_ in COOPERATIVE | {"AGREE"} else None


def as_intent(type_: str, mode: Optional[str], family: str) -> Optional[tuple[str, Optional[str], str]]:
    """PLOVER codes an actor's announced future action as the commitment itself: cooperative
    actions as AGREE ("will provide aid"), conflictual ones as THREATEN ("will impose a curfew"),
    a deployment as the mobilisation announced ("more troops would be sent", as coders code it;
    ACLED records none until it happens: ``data/acled_subevents.json``)."""
    if type_ in COOPERATIVE:
        return "AGREE", None, f"intent:{family}"
    if (type_, mode) == ("ACCUSE", "investigate"):
        return type_, mode, f"intent:{family}"  # "will investigate Yale": announcing an inquiry opens it
    if type_ == "MOBILIZE":
        return type_, mode, f"intent:{family}"  # "1,500 more soldiers would be sent": a deployment announced
    if type_ in CONFLICTUAL:
        fallback = "violence" if type_ in ("ASSAULT", "MOBILIZE") else None
        return "THREATEN", INTENT_MODES.get((type_, mode or ""), fallback), \
            f"intent:{family}"
    return None


def _first_of_joined(prep):
    """The first of prepositions joined by "and" ("accused them of releasing water and of refusing
    to share data"): the word they all hang on is the first one's head."""
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
        prep = prep.head
    return prep
