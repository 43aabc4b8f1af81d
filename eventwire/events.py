"""The event stage: triggers from the codebook, their participants, and what to leave out.

For each sentence, tokens whose lemma and part of speech match a codebook trigger become
candidate events. Participants come from the dependency structure (subject, object,
passive agent, "of"/"by"/"on" phrases of event nouns, the verb a noun serves); a trigger's
option in the codebook says when its passive subject is the actor ("troops were deployed")
or when its object must be a party ("released two captives", not "released a video").
Negated events are dropped; hypothetical ones (future, conditional, planned) are marked
and left out unless asked for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .codebook import Codebook, Trigger

LIGHT_VERBS = {"impose", "declare", "launch", "carry", "conduct", "resume", "mount", "stage", "begin", "continue", "intensify", "step",
               "escalate", "start", "order", "unleash", "wage", "lead", "hold", "have", "make", "sign", "reach",
               "strike", "announce", "claim", "complete", "execute", "perform", "renew"}
HYPOTHETICAL_AUX = {"will", "would", "could", "might", "may", "should", "shall", "can", "must", "'ll", "'d"}
HYPOTHETICAL_GOVERNORS = {"threaten", "want", "seek", "vow", "pledge", "promise", "instruct", "order", "direct",
                          "authorize", "authorise", "tell", "encourage", "invite",
                          "try", "attempt", "hope", "need", "expect", "prevent", "consider", "refuse", "fail",
                          "propose", "offer", "agree", "urge", "call", "demand", "ask", "decide", "warn", "avoid",
                          "deter", "stop", "allow", "mean", "help", "push", "fear", "risk", "believe"}
HYPOTHETICAL_MODIFIERS = {"potential", "possible", "planned", "future", "proposed", "imminent", "expected",
                          "would-be", "prospective", "likely", "further", "new"}
INTENT_AUX = {"will", "'ll", "shall", "would"}
INTENT_GOVERNORS = {"plan", "intend", "prepare", "decide", "offer", "ready", "willing", "prepared", "set", "aim",
                    "resolve", "commit", "determined"}
COOPERATIVE = {"AID", "SUPPORT", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
INTENT_MODES = {("COERCE", "ban"): "ban", ("COERCE", "arrest"): "arrest", ("COERCE", "restrict"): "restrict",
                ("COERCE", "curfew"): "restrict", ("SANCTION", "expel"): "expel", ("SANCTION", "discontinue"): "relations"}
REQUESTED_BY = {"call", "urge", "demand", "ask", "appeal", "seek", "halt", "end", "stop", "prevent", "avoid", "ban"}
NEGATORS = {"not", "n't", "never", "no"}
OBJECT_NOUN_PREPS = {"on", "against", "targeting", "at"}


@dataclass
class Candidate:
    trigger: object  # spaCy token
    rule: Trigger
    type: str
    mode: Optional[str]
    family: str
    actor_head: Optional[object] = None
    recipient_head: Optional[object] = None
    theme_head: Optional[object] = None  # what is moved or counted when it is neither side
    hypothetical: Optional[str] = None
    linked: list = field(default_factory=list)  # other triggers of the same event in the sentence


def _child(tok, deps: tuple[str, ...]):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(tok, preps: set[str]):
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = _child(c, ("pobj",))
            if obj is not None:
                return obj
    return None


def match_trigger(tok, codebook: Codebook) -> Optional[Trigger]:
    """The codebook trigger a token realises, preferring two-word triggers ("air strike")."""
    if tok.pos_ not in ("VERB", "NOUN") or tok.dep_ in ("amod", "compound"):
        return None
    lemma, low = tok.lemma_.lower(), tok.lower_
    single, double = None, None
    for trig in codebook.candidates(lemma) + codebook.candidates(low):
        if tok.pos_ not in trig.pos:
            continue
        words = trig.lemma.split()
        if len(words) == 1 and words[0] in (lemma, low):
            single = single or trig
        elif len(words) == 2 and words[0] == lemma and any((c.lower_ == words[1] or c.lemma_ == words[1]) and 0 < c.i - tok.i <= 3
                                                             for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "oprd")):
            double = trig
        elif len(words) == 2 and words[1] in (lemma, low) and any(c.lower_ == words[0] for c in tok.children
                                                                  if c.dep_ in ("compound", "amod")):
            double = trig
    return double or single


def _passive(tok) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True
    # "were killed or wounded": a conjoined participle shares the passive of its head
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children)


def stative_participle(tok) -> bool:
    """'though wounded', 'a wounded soldier': a participle describing a state, not an event."""
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acomp", "amod", "oprd", "npadvmod") and not any(
        c.dep_ in ("auxpass", "aux", "agent", "nsubjpass") for c in tok.children)


DIPLOMATIC = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE", "CONSULT", "AID", "COOPERATE",
              "SANCTION", "PROTEST"}
RECIPIENT_PREPS = ("with", "to", "against", "on", "at", "into", "toward", "towards", "in")


def _party_in(head, coder, depth: int = 3):
    """The first phrase under ``head`` that names a party: "an admission by Moscow" -> Moscow."""
    if head is None or coder is None:
        return None
    if coder.names_party(head):
        return head
    if depth == 0:
        return None
    for c in head.children:
        if c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN" and coder.names_party(c):
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from", "for", "with", "into", "against"):
            found = _party_in(_child(c, ("pobj",)), coder, depth - 1)
            if found is not None:
                return found
    return None


def _diplomatic_recipient(tok, coder):
    """Who a statement, demand, offer or decision is aimed at."""
    for c in tok.children:
        if c.dep_ == "ccomp":  # "demanded that the US cancel ..."
            subj = _child(c, ("nsubj", "nsubjpass"))
            if subj is not None and coder.names_party(subj):
                return subj
    for c in tok.children:
        if c.dep_ in ("dobj", "dative"):
            found = _party_in(c, coder)
            if found is not None:
                return found
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
            found = _party_in(_child(c, ("pobj",)), coder)
            if found is not None:
                return found
    return None


def roles(tok, trig: Trigger, coder=None):
    """(actor head, recipient head, theme head) for a trigger token."""
    from .attribution import subject_of

    actor = recipient = theme = None
    if tok.pos_ == "VERB":
        dobj = _child(tok, ("dobj",))
        if _passive(tok):
            subj = _child(tok, ("nsubjpass",)) or _child(tok, ("nsubj",))  # "and 30 others wounded"
            if subj is None and tok.dep_ in ("conj", "xcomp"):
                subj = subject_of(tok.head)
            agent = _pobj(tok, {"by"})
            if trig.opt("passive_subject") == "actor":
                actor, theme = subj, subj
            else:
                recipient, actor = subj, agent
        else:
            actor = subject_of(tok)
            recipient = dobj or _pobj(tok, OBJECT_NOUN_PREPS)
            if tok.dep_ == "acl" and actor is None:
                if tok.tag_ == "VBN":  # "four men injured": the noun is who it happened to
                    recipient, actor = recipient or tok.head, _pobj(tok, {"by"})
                else:
                    actor = tok.head  # "forces operating in ..."
            if trig.type == "MOBILIZE":
                theme, recipient = dobj, None
        if trig.opt("symmetric"):
            recipient = recipient or _pobj(tok, {"with", "against"})
    else:
        actor = _pobj(tok, {"by"}) or _child(tok, ("poss",))
        if actor is None:
            for c in tok.children:
                if c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ", "NOUN") and c.text[:1].isupper():
                    actor = c
                    break
        bound = actor is not None and actor.pos_ == "PRON" and actor.dep_ == "poss"
        if (actor is None or bound) and tok.dep_ == "dobj" and tok.head.lemma_ in LIGHT_VERBS:
            actor = subject_of(tok.head) or actor  # "X resumed its offensive": "its" is X
        of_obj = _pobj(tok, {"of"})
        if trig.opt("of_role") == "actor":
            actor, theme = actor or of_obj, of_obj
        else:
            recipient = of_obj
        recipient = recipient or _pobj(tok, OBJECT_NOUN_PREPS)
        if tok.dep_ in ("nsubj",) and tok.head.pos_ == "VERB":
            recipient = recipient or _child(tok.head, ("dobj",))
        if trig.opt("symmetric"):
            between = _pobj(tok, {"between"})
            if between is not None:
                actor = between
                recipient = _child(between, ("conj",))
    if trig.opt("symmetric") and actor is not None and recipient is None:
        recipient = _child(actor, ("conj",))
    if recipient is None and trig.opt("kind") in ("killed", "wounded") and tok.pos_ == "VERB":
        recipient = _counted_noun_after(tok)  # "..., killing at least 20 civilians" under a bad parse
    if trig.type in DIPLOMATIC and coder is not None and (recipient is None or not coder.names_party(recipient)):
        recipient = _diplomatic_recipient(tok, coder) or recipient
    return actor, recipient, theme


def _object_of(tok):
    """The grammatical object the codebook's object constraints look at."""
    if tok.pos_ == "VERB":
        if _passive(tok):
            return _child(tok, ("nsubjpass",))
        return _child(tok, ("dobj",))
    return _pobj(tok, {"of"})


def _counted_noun_after(tok):
    for nxt in tok.doc[tok.i + 1:min(len(tok.doc), tok.i + 7)]:
        if nxt.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in nxt.children):
            return nxt
        if nxt.is_punct and nxt.text != "-":
            return None
    return None


def negated(tok) -> bool:
    nodes = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
    for node in nodes:
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod")) for c in node.children):
            return True
    return False


def hypothetical(tok) -> Optional[str]:
    """None when the event is stated as happening; 'intent' when its own actor announces it
    (will/would/shall, plans/prepares/decides/is ready to); 'other' for the rest (could, if,
    calls to do it, 'potential')."""
    node = tok
    if tok.pos_ == "NOUN":
        if any(c.lower_ in HYPOTHETICAL_MODIFIERS and c.dep_ == "amod" for c in tok.children):
            return "other"
        if any(a.lemma_ in REQUESTED_BY for a in list(tok.ancestors)[:4]):
            return "other"  # "called for a halt to attacks": the attacks are what is asked about
        if tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
            node = tok.head
    for _ in range(4):
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & INTENT_AUX:
            return "intent"
        if aux & HYPOTHETICAL_AUX:
            return "other"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return "other"
        if node.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            node = node.head  # "to target security forces": as real as the action it is the purpose of
            continue
        if node.dep_ in ("xcomp", "pcomp"):
            gov = node.head if node.dep_ == "xcomp" else node.head.head
            if gov.lemma_ in INTENT_GOVERNORS:
                return "intent"
            if gov.lemma_ in HYPOTHETICAL_GOVERNORS:
                return "other"
            node = gov
            continue
        break
    return None


def as_intent(type_: str, mode: Optional[str], family: str) -> Optional[tuple[str, Optional[str], str]]:
    """PLOVER codes an actor's announced future action as the commitment itself: cooperative
    actions as AGREE ("will provide aid"), conflictual ones as THREATEN ("will impose a curfew")."""
    if type_ in COOPERATIVE:
        return "AGREE", None, f"intent:{family}"
    if type_ in CONFLICTUAL:
        return "THREATEN", INTENT_MODES.get((type_, mode), "violence" if type_ in ("ASSAULT", "MOBILIZE") else None), \
            f"intent:{family}"
    return None


def _object_ok(tok, trig: Trigger, obj, coder, place_tokens: set[int]) -> Optional[tuple[str, Optional[str], str]]:
    """Type/mode/family after the object constraints, or None when the object rules it out."""
    type_, mode, family = trig.type, trig.mode, trig.family
    obj_lemma = obj.lemma_.lower() if obj is not None else None
    if obj_lemma and obj_lemma in trig.opt("object_not_in", []):
        return None
    if trig.opt("object_in") and obj_lemma not in trig.opt("object_in"):
        return None
    if trig.opt("needs_object") and obj is None:
        return None
    alt = trig.opt("object_in_alt")
    if alt and obj_lemma in alt["lemmas"]:
        return alt["type"], alt.get("mode"), alt["family"]
    place_alt = trig.opt("place_object")
    if place_alt and obj is not None and obj.i in place_tokens:
        return place_alt["type"], place_alt.get("mode"), place_alt["family"]
    if (trig.opt("object_party") or trig.opt("object_sector")) and obj is not None:
        party = coder.code(obj) if coder.names_party(obj) else None
        if party is None or (trig.opt("object_sector") and party.sector not in trig.opt("object_sector")):
            return None
    elif trig.opt("object_sector") and obj is None and tok.pos_ == "VERB" and not _passive(tok):
        return None
    return type_, mode, family


def _override(tok, trig: Trigger):
    for rule in trig.opt("overrides", []):
        lefts = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if lefts & set(rule.get("left", [])) or (tok.head.dep_ == "prep" and False) or \
                (tok.dep_ == "pobj" and tok.head.lower_ in rule.get("prep", [])):
            return rule["type"], rule.get("mode"), rule["family"]
    return None


def _has_context(tok, codebook: Codebook) -> bool:
    return any(t.lemma_.lower() in codebook.violent_context and t.i != tok.i for t in tok.sent)


def find_candidates(sent, codebook: Codebook, coder, place_tokens: set[int], keep_hypothetical: bool) -> list[Candidate]:
    out = []
    for tok in sent:
        trig = match_trigger(tok, codebook)
        if trig is None or negated(tok) or stative_participle(tok):
            continue
        if trig.opt("needs_context") and not _has_context(tok, codebook):
            continue
        if trig.opt("needs_head_in") and tok.head.lemma_ not in trig.opt("needs_head_in"):
            continue
        if trig.opt("needs_prep") and _pobj(tok, set(trig.opt("needs_prep"))) is None:
            continue
        if trig.opt("needs_child_dep") and not any(c.dep_ in trig.opt("needs_child_dep") for c in tok.children):
            continue
        actor, recipient, theme = roles(tok, trig, coder)
        obj = _object_of(tok) or (theme if trig.type == "MOBILIZE" and tok.pos_ == "VERB" and not _passive(tok) else recipient)
        typed = _override(tok, trig) or _object_ok(tok, trig, obj, coder, place_tokens)
        if typed is None:
            continue
        hypo = hypothetical(tok)
        if hypo == "intent" and actor is not None and coder.code(actor) is not None and as_intent(*typed):
            typed, hypo = as_intent(*typed), None
        if hypo and not keep_hypothetical:
            continue
        type_, mode, family = typed
        if trig.opt("needs_actor") and (actor is None or coder.code(actor) is None):
            continue
        if trig.opt("subject_sector"):
            party = coder.code(actor) if actor is not None else None
            if party is None or party.sector not in trig.opt("subject_sector"):
                continue
        out.append(Candidate(tok, trig, type_, mode, family, actor, recipient, theme, hypo))
    return _link_in_sentence(out)


def _joined(a, b) -> bool:
    """Directly linked, or b sits under a without a subject of its own."""
    if a.head == b or b.head == a:
        return True
    for x, y in ((a, b), (b, a)):
        if y in x.subtree and not any(c.dep_ in ("nsubj", "nsubjpass") for c in y.children):
            return True
    return False


def _link_in_sentence(cands: list[Candidate]) -> list[Candidate]:
    """Triggers of one type that are syntactically joined ("strike targeted", "killed or wounded",
    "shelled ..., killing") state one event: keep the first, remember the others."""
    kept: list[Candidate] = []
    for c in cands:
        host = next((k for k in kept if k.type == c.type and _joined(k.trigger, c.trigger)), None)
        if host is None:
            kept.append(c)
        else:
            _absorb(host, c)
    # a toll with no attacker of its own, in the sentence of an attack, is that attack's toll
    attacks = [k for k in kept if k.type == "ASSAULT" and k.family != "kill"]
    for toll in [k for k in kept if k.family == "kill" and k.actor_head is None]:
        if attacks:
            kept.remove(toll)
            _absorb(attacks[0], toll)
    return kept


def _absorb(host: Candidate, other: Candidate) -> None:
    host.linked += [other, *other.linked]
    host.actor_head = host.actor_head or other.actor_head
    host.recipient_head = host.recipient_head or other.recipient_head
    host.theme_head = host.theme_head or other.theme_head
    host.mode = host.mode or other.mode
