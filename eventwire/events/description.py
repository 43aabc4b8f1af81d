"""Event words used to describe, not to tell an act: "a wounded soldier", "makes him appealing",
"They were civilian massacres", "calling Clinton a war hawk who ... killing people". The trigger
stage skips a word any of these reads as description (:func:`described`)."""
from __future__ import annotations

from eventwire.events.quantities import LEFT_STATES
from eventwire.events.dismissals import LABEL_VERBS
from eventwire.events.place_phrases import ACCORD_NOUNS


def described(tok) -> bool:
    """Whether the word describes someone or something rather than telling an act."""
    return stative_participle(tok) or adjectival_participle(tok) or what_it_was_called(tok) or inside_a_label(tok) \
        or who_they_fight(tok) or what_they_fight_for(tok) or any_of_a_kind(tok) or where_a_force_is_based(tok) \
        or what_it_is_used_for(tok) or what_a_named_text_does(tok) or what_a_charge_names(tok)


INSTRUMENTS = ACCORD_NOUNS | {"act", "law", "charter", "covenant"}  # the texts a named instrument can be
CHARGE_NOUNS = {"charge", "accusation", "allegation", "suspicion", "count"}
CHARGE_VERBS = {"charge", "accuse", "convict", "suspect", "indict"}


def what_a_charge_names(tok) -> bool:
    """'held on charges including looting and assaulting officers', 'jailed on suspicion of planning
    attacks': what a charge names is what someone is accused of, not an act the story tells."""
    if tok.tag_ == "VBG" and tok.dep_ == "conj" and tok.head.lemma_.lower() in CHARGE_VERBS \
            and any(c.dep_ == "prep" and c.lower_ in ("with", "of") for c in tok.head.children):
        return True  # "charged with murder and attacking an officer": the parser joins the two verbs
    node = tok
    for _ in range(5):
        if node.dep_ not in ("pobj", "pcomp", "conj", "prep", "dobj", "acl") or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in CHARGE_NOUNS and node.i < tok.i:
            return True
    return False


def what_a_named_text_does(tok) -> bool:
    """'the Ottawa Convention banning anti-personnel mines': what a named treaty or law provides
    describes it; it tells no act (unlike "a decree banning rallies", issued now)."""
    # the parser also hangs it on the verb as a side clause, right after the treaty's name
    named = tok.head if tok.dep_ == "acl" else tok.doc[tok.i - 1] if tok.dep_ == "advcl" and tok.i > 0 else None
    return tok.tag_ == "VBG" and named is not None and named.pos_ == "PROPN" and named.lemma_.lower() in INSTRUMENTS


def what_it_is_used_for(tok) -> bool:
    """'port infrastructure used to supply the military', 'a road that is used to smuggle arms':
    what a thing serves for describes the thing; it tells no act."""
    used = tok.head
    return tok.dep_ == "xcomp" and used.lemma_.lower() == "use" and used.tag_ == "VBN" and (
        used.dep_ == "acl" or (used.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in used.children)))


GENERIC_DETS = {"any", "every"}


PARTITIVES = {"some", "one", "many", "several", "few", "most"}
WORST = {"deadliest", "bloodiest", "worst", "heaviest", "fiercest", "costliest"}  # not "one of the largest donors"


def any_of_a_kind(tok) -> bool:
    """'a heavy price for every missile fired at Israel', 'any attack on our troops', 'some of the
    group's deadliest attacks': an act of a kind, whenever it comes, or the best or worst of a kind,
    not one that happened."""
    if tok.pos_ == "NOUN":
        ranked = tok.tag_ == "NNS" and any(c.lower_ in WORST for c in tok.children) and tok.dep_ == "pobj" \
            and tok.head.lower_ == "of" and tok.head.head.lower_ in PARTITIVES
        return ranked or any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in tok.children)
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in GENERIC_DETS for d in c.children)
            for c in tok.children):
        return True  # "for every rocket fired at the capital", parsed as a clause with its own subject
    # the tagger reads some such participles as pasts ("every missile fired at"): no subject of their own
    return tok.tag_ in ("VBN", "VBG", "VBD") and tok.dep_ == "acl" and tok.head.pos_ == "NOUN" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in tok.head.children)


def stative_participle(tok) -> bool:
    """'though wounded', 'a wounded soldier': a participle describing a state, not an event; and
    'the attack left 12 dead and 30 wounded': the state a count was left in (the attack's count).
    A "participle" with a subject of its own is a past tense the tagger misread ("after the forces
    mercilessly targeted ...")."""
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.like_num and tok.head.dep_ == "conj" \
            and tok.head.head.lemma_.lower() == "leave":
        return True
    if tok.tag_ == "VBN" and tok.dep_ == "conj" and tok.head.lemma_.lower() == "leave" and tok.lower_ in LEFT_STATES:
        return True  # "leaving 10 civilians dead and 14 others injured"
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acomp", "amod", "oprd", "npadvmod") and not any(
        c.dep_ in ("auxpass", "aux", "agent", "nsubjpass", "nsubj") for c in tok.children)


BASED = {"station", "base", "garrison", "post", "position"}


def where_a_force_is_based(tok) -> bool:
    """'a unit stationed near the town', 'the base where the Russian unit is stationed': where a
    force is kept describes it or a place; 'stationed 500 troops in Kidal', 'were posted', and the
    news that 'troops are stationed in Kursk' move it."""
    if tok.lemma_.lower() not in BASED or tok.tag_ != "VBN":
        return False
    helpers = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not helpers:
        return tok.dep_ in ("acl", "amod")
    return tok.dep_ == "relcl" and all(c.tag_ in ("VBZ", "VBP") for c in helpers)  # "where it is stationed"


# verbs whose small clause describes ("makes him appealing", "seems threatening")
DESCRIBING_VERBS = {"make", "be", "seem", "find", "remain", "become", "look", "sound", "consider"}


def adjectival_participle(tok) -> bool:
    """'makes him appealing to voters', 'the rhetoric seems threatening': an -ing form with no
    auxiliary that completes a describing verb is an adjective, not an act."""
    return tok.tag_ == "VBG" and tok.dep_ in ("ccomp", "oprd", "acomp") and tok.head.lemma_.lower() in DESCRIBING_VERBS \
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children)


# verbs that name what their object is with "as": "condemned the strike as a deliberate attack"
CHARACTERISING = LABEL_VERBS | {"condemn", "denounce", "criticise", "criticize", "dismiss", "reject", "see", "view",
                                "regard", "decry", "slam", "portray", "present", "classify"}


def inside_a_label(tok) -> bool:
    """'calling Clinton a war hawk who gets a rush out of killing people', 'condemned the strike as
    a deliberate attack on civilians': what a label says of someone or of an act told describes
    them; it tells no act."""
    node = tok
    for _ in range(10):
        if node.dep_ == "oprd" and node.head.lemma_.lower() in LABEL_VERBS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.lemma_.lower() in CHARACTERISING \
                and any(c.dep_ == "dobj" for c in node.head.head.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def what_it_was_called(tok) -> bool:
    """'They were civilian massacres', 'It is a violation': an event noun said of a pronoun names
    what an act told elsewhere was, it tells no act of its own."""
    if tok.pos_ != "NOUN" or tok.dep_ != "attr" or tok.head.lemma_ != "be":
        return False
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "PRON"


STANDING_FIGHT = {"fight", "battle", "combat"}


CAUSES = {"independence", "freedom", "autonomy", "rights", "self-determination", "liberation", "secession",
          "cause", "homeland", "state", "caliphate", "sharia", "justice"}
CAUSE_VERBS = {"overthrow", "topple", "establish", "create", "liberate", "impose"}  # not "fought to defend the town"


def what_they_fight_for(tok) -> bool:
    """'says it is fighting for independence', 'fights to overthrow the government': the cause a
    side fights for describes it (not "fought for control of the town", one battle)."""
    if tok.lemma_.lower() not in STANDING_FIGHT or tok.pos_ != "VERB" or any(c.dep_ == "dobj" for c in tok.children):
        return False
    for_a_cause = any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_.lower() in CAUSES
                                                                     for g in c.children) for c in tok.children)
    to_do = any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in CAUSE_VERBS
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)
    return for_a_cause or to_do


def who_they_fight(tok) -> bool:
    """'the African Union force fighting al-Shabaab', 'militias battling the army': a participle on a
    noun says what a force is for or does all along, it tells no act."""
    if tok.tag_ != "VBG" or tok.lemma_.lower() not in STANDING_FIGHT or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    # the parser also hangs it on the verb as a side clause, right after the noun it describes
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN")) or (
        tok.dep_ == "advcl" and before is not None and before.pos_ == "NOUN" and before.dep_ == "pobj")
