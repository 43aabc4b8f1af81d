"""Events a party performs by saying something, read from the clause it says rather than from a
trigger word: "Russia says Israel must end attacks" (REQUEST), "police said the Islamic State was
behind the bombing" (ACCUSE), "the group called the sentence excessive" (ACCUSE)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.actors.reference import ARMED_SECTORS
from eventwire.attribution.sources import CLAIMING_VERBS
from eventwire.events.alarm import voiced_alarm
from eventwire.events.candidate import Candidate
from eventwire.events.condemned import names_an_act
from eventwire.events.denials import part_denied
from eventwire.events.dismissals import LABEL_VERBS, complement, dismissal, judged_wrong, shown_bad_faith, trailing_label
from eventwire.events.codebook import Codebook, Trigger
from eventwire.events.modality import negated
from eventwire.events.promises import jailed_or_judged, not_idle, unanswered, unhesitating
from eventwire.events.addressees import pobj, speaks, subject
from eventwire.events.warnings import NOT_TOLERATED, VOWING_VERBS, WARNING_MODALS, WARNING_VERBS, reserved_right, warning
from eventwire.events.warnings import HARMS as DOING_HARM  # verbs; this module's HARMS are nouns

DEMAND_TRIGGER = Trigger("say must", ("VERB",), "REQUEST", None, "demand", {})
BLAME_TRIGGER = Trigger("say responsible", ("VERB",), "ACCUSE", "allege", "accuse", {})
LABEL_TRIGGER = Trigger("call unacceptable", ("VERB",), "ACCUSE", "disapprove", "accuse", {})
PRAISE_TRIGGER = Trigger("say important step", ("VERB",), "SUPPORT", None, "support", {})
DENIAL_TRIGGER = Trigger("say no role", ("VERB",), "REJECT", None, "reject", {})
CRITICS_TRIGGER = Trigger("critics say", ("VERB",), "ACCUSE", "disapprove", "accuse", {})
CRITICS = {"critic", "opponent", "detractor"}
VERDICT_TRIGGER = Trigger("find guilty", ("VERB",), "SANCTION", "convict", "convict", {})
VERDICT_VERBS = {"find", "declare", "pronounce", "rule", "judge"}
HARMS = {"attack", "bombing", "killing", "death", "blast", "explosion", "assault", "massacre", "shooting", "kidnapping",
         "abduction", "violence", "strike", "crash", "fire", "murder", "assassination", "poisoning", "plot", "coup",
         "conspiracy", "ambush", "raid", "shelling", "airstrike", "atrocity", "crime", "hack", "hacking", "cyberattack",
         "incident", "unrest", "riot", "uprising", "attempt"}
HARM_VERBS = {"target", "attack", "kill", "bomb", "shell", "strike", "hit", "shoot", "murder", "torture", "starve"}
# an adverb of intent turns a report of harm into an allegation: "are being deliberately targeted by"
INTENT_ADVERBS = {"deliberately", "intentionally", "purposely", "purposefully", "systematically",
                  "indiscriminately", "wantonly", "knowingly"}
# and any act said to break a rule or a deal is alleged wrong: "had forced the surrender in contravention of the truce"
UNLAWFUL_ADVERBS = {"illegally", "unlawfully"}
BREACH_NOUNS = {"violation", "contravention", "breach", "defiance"}


def said_events(sent, codebook: Codebook, coder) -> list[Candidate]:
    out = []
    for tok in sent:
        told: list[Candidate] = []
        for statement in _statements(tok, codebook.wrongdoing.get("failed_to", frozenset())):  # "warned that it would not allow chaos and that backers would face ..."
            said_event = (_denial(tok, *statement, coder) or warning(tok, *statement, codebook, coder)
                          or _demand(tok, *statement, coder) or _blame(tok, *statement, coder)
                          or _criticism(tok, *statement) or _intended_harm(tok, *statement, coder)
                          or _wrongdoing(tok, *statement, codebook, coder)
                          or _approval(tok, *statement, codebook, coder)
                          or judged_wrong(tok, *statement, codebook, coder)
                          or shown_bad_faith(tok, *statement, codebook, coder))
            # "said the violence was a deliberate attempt ... and that those responsible would be hunted down":
            # each that-clause may say another kind of act; the same kind twice is one
            if said_event is not None and all(c.type != said_event.type for c in told):
                told.append(said_event)
        said_event = None if told else (dismissal(tok, codebook, _speaker_of(tok, coder)) or _label(tok, codebook, coder)
                                        or _verdict(tok, coder) or _held_responsible(tok, coder)
                                        or reserved_right(tok, codebook, coder) or voiced_alarm(tok, coder))
        out += told + ([said_event] if said_event else [])
    return out


def _statements(tok, duties: frozenset[str] = frozenset()) -> list[tuple[Token, Token]]:
    """(speaker, what is said) for each affirmative clause a party states ("Russia says Israel must
    ..."): the verb's that-clause and the clauses joined to it. A negation says nothing happens,
    except a response promised ("will not go unanswered", "would not sit idle") or a duty not done
    ("had not met its commitments": one of ``duties`` denied)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or (lemma not in CLAIMING_VERBS and lemma not in VOWING_VERBS) or negated(tok):
        return []
    speaker = subject(tok)
    # the parser may split one that-clause in two ("warned that anyone found carrying arms ... would
    # be arrested": "found" and "arrested" both hang on "warned")
    saids = [c for c in tok.children if c.dep_ == "ccomp"] or _said_in_a_statement(tok)
    if speaker is None or not saids:
        return []
    saids += [c for c in tok.children if c.dep_ == "conj" and _that_clause(c)]  # "warned that X, and that Y": hung on the verb
    # a clause joined to it, or a second that-clause the parser hung lower ("that X ... and that Y")
    clauses = [*saids, *(c for said in saids for c in said.subtree if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and (
        c.head.i == said.i or _that_clause(c)))]
    return [(speaker, c) for c in clauses if not _inverted_condition(c)
            and (not negated(c) or _denies_a_part(c) or unanswered(c) or not_idle(c) or unhesitating(c) or jailed_or_judged(c) or _unmet(c, duties)
                 or (lemma in WARNING_VERBS and c.lemma_.lower() in NOT_TOLERATED))]  # "warned it would not tolerate"


def _said_in_a_statement(tok) -> list:
    """'said in a statement that ...', 'said in an interview that ...': the parser may hang the
    that-clause on the noun."""
    return [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" for n in p.children if n.dep_ == "pobj"
            for c in n.children if c.dep_ in ("acl", "relcl", "ccomp") and _that_clause(c)]


def _that_clause(verb) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ == "that" for m in verb.children)


def _unmet(clause, duties: frozenset[str]) -> bool:
    """'had not met its commitments', 'did not withdraw its forces': a duty denied of its object."""
    return clause.lemma_.lower() in duties and any(c.dep_ == "dobj" for c in clause.children)


def _inverted_condition(clause) -> bool:
    """'... should he become president': a condition with its auxiliary first, not a thing said."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ == "aux" and c.i < subj.i for c in clause.children)


FABRICATING = {"stage", "fabricate", "fake", "doctor", "invent", "concoct"}  # "had staged the photographs"


def _blame(tok, speaker, said, coder) -> Optional[Candidate]:
    """'the government said Taliban militants were responsible', 'police said the Islamic State
    was behind the bombing', 'claimed a police officer was lying': a party naming who did harm or
    wrong accuses them (PLOVER ACCUSE); so does 'said the resistance had staged the photographs'."""
    lying = said.lemma_ == "lie" and said.tag_ == "VBG" and not any(c.dep_ == "prep" for c in said.children)
    faked = said.lemma_.lower() in FABRICATING and any(c.dep_ == "dobj" for c in said.children)
    if not (lying or faked) and (said.lemma_ != "be" or not any(_names_culprit(c) for c in said.children)):
        return None
    culprit = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if culprit is None or not speaks(speaker, coder) or coder.code(culprit) is None:
        return None
    return Candidate(tok, BLAME_TRIGGER, "ACCUSE", "allege", "accuse", speaker, culprit)


def _criticism(tok, speaker, said) -> Optional[Candidate]:
    """'Mr Erdogan's critics say he used the coup as an excuse', 'critics of the plan argue it
    ...': what critics say of a party disapproves of it (PLOVER ACCUSE), whoever the critics are;
    it is aimed at whom they are critics of, else at the subject of what they say."""
    if speaker.lemma_.lower() not in CRITICS:
        return None
    target = next((c for c in speaker.children if c.dep_ == "poss"), None) or pobj(speaker, {"of"}) \
        or next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return Candidate(tok, CRITICS_TRIGGER, "ACCUSE", "disapprove", "accuse", speaker, target)


def _intended_harm(tok, speaker, said, coder) -> Optional[Candidate]:
    """'said his patients are being deliberately targeted by Russian air strikes', 'said the regime had
    forced the surrender in contravention of the truce': a party saying another harms on purpose, or
    acts against the law or a deal, accuses it (PLOVER ACCUSE, allege), whatever else the act is coded as."""
    if not _wrongful(said):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in said.children)
    culprit = pobj(said, {"by"}) if passive else next((c for c in said.children if c.dep_ == "nsubj"), None)
    if culprit is None or not speaks(speaker, coder) or coder.code(culprit) is None:
        return None
    return Candidate(tok, BLAME_TRIGGER, "ACCUSE", "allege", "accuse", speaker, culprit)


def _wrongdoing(tok, speaker, said, codebook: Codebook, coder) -> Optional[Candidate]:
    """'said the rebels had staged the photographs', 'said the group was rearming', 'said the
    government had failed to honour its commitments': a party saying another has done something
    wrong (the codebook's ``wrongdoing``) accuses it (PLOVER ACCUSE, allege). What is said to come
    ("would rearm") is a forecast, and what a party says of itself or its own side is no charge."""
    words = codebook.wrongdoing
    verb = said.lemma_.lower()
    failed = _failed_to(said, words.get("failed_to", frozenset()))
    named_wrong = _amounts_to_wrong(said, words, codebook)
    # "was trying to provoke violence", "was using the attack to distract from ...": the wrong is what it is done for
    meant = {c.lemma_.lower() for c in said.children if c.dep_ in ("xcomp", "advcl")
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)} if verb in ATTEMPTING else set()
    if not (verb in words.get("verbs", ()) or failed or named_wrong or meant & words.get("verbs", frozenset())):
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in WARNING_MODALS | {"must", "should"} for c in said.children):
        return None
    culprit = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if culprit is None or culprit.lower_ in ("we", "i", "us") or not speaks(speaker, coder):
        return None
    blamed, by = coder.code(culprit), coder.code(speaker)
    if blamed is None and not named_wrong:
        return None
    if blamed is not None and by is not None and (blamed.country, blamed.sector) == (by.country, by.sector):
        return None
    # an act named a wrong ("the strike was a violation") charges its doer (condemned.blame_the_doers)
    act = culprit if named_wrong and culprit.pos_ == "NOUN" else None
    return Candidate(tok, BLAME_TRIGGER, "ACCUSE", "allege", "accuse", speaker, culprit if blamed is not None else act)


ATTEMPTING = {"try", "attempt", "seek", "plan", "want", "use", "exploit"}


def _failed_to(said, duties: frozenset[str]) -> bool:
    """'had failed to honour its commitments', 'had yet to act against the FDLR', 'had not met its
    commitments': a duty not done."""
    if negated(said) and _unmet(said, duties):
        return True
    if said.lemma_.lower() == "fail" or (said.lemma_ == "have" and any(c.lower_ == "yet" for c in said.children)):
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in duties for c in said.children)
    return False


def _amounts_to_wrong(said, words: dict[str, frozenset[str]], codebook: Codebook) -> bool:
    """'such statements amounted to flagrant interference': the thing said is named a wrong."""
    named = _child_pobj(next((c for c in said.children if c.dep_ == "prep" and c.lower_ == "to"), None)) \
        if said.lemma_.lower() in words.get("amounts_to", ()) else None
    if said.lemma_ == "be":  # "said the strike was a clear violation of the truce"
        named = next((c for c in said.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    return named is not None and _condemning(named, codebook.condemning)


def _wrongful(said) -> bool:
    if said.lemma_.lower() in HARM_VERBS and any(c.dep_ == "advmod" and c.lower_ in INTENT_ADVERBS for c in said.children):
        return True
    objects = [c for c in said.children if c.dep_ == "dobj"]  # "forced the surrender in breach of": on the object
    return any((c.dep_ == "advmod" and c.lower_ in UNLAWFUL_ADVERBS) or (
        c.dep_ == "prep" and c.lower_ == "in" and (_child_pobj(c) is not None and _child_pobj(c).lemma_ in BREACH_NOUNS))
        for c in [*said.children, *(g for o in objects for g in o.children)])


def _approval(tok, speaker, said, codebook: Codebook, coder) -> Optional[Candidate]:
    """'said Machar's return is an important step toward peace': a party calling another's act good
    supports it (PLOVER SUPPORT); the recipient is the party whose act it is, when one is named."""
    if said.lemma_ != "be" or not speaks(speaker, coder):
        return None
    words = codebook.approving
    praised = next((c for c in said.children if c.dep_ in ("attr", "acomp")), None)
    if praised is None or negated(said) or not (praised.lemma_.lower() in words.get("alone", ()) or (
            praised.lemma_.lower() in words.get("nouns", ()) and any(
                c.dep_ == "amod" and c.lemma_.lower() in words.get("adjectives", ()) for c in praised.children))):
        return None
    act = next((c for c in said.children if c.dep_ == "nsubj"), None)
    owner = next((c for c in act.subtree if c.dep_ in ("poss", "compound") and coder.names_party(c)), None) \
        if act is not None else None
    recipient = act if act is not None and coder.names_party(act) else owner
    return Candidate(tok, PRAISE_TRIGGER, "SUPPORT", None, "support", speaker, recipient)


def _denial(tok, speaker, said, coder) -> Optional[Candidate]:
    """'insisted that his client had no role in the attacks', 'said none of its members took part in
    the raid': a party denying a part in a harm rejects the accusation (PLOVER REJECT)."""
    if not speaks(speaker, coder) or not _denies_a_part(said):
        return None
    return Candidate(tok, DENIAL_TRIGGER, "REJECT", None, "reject", speaker, None)


def _denies_a_part(said) -> bool:
    harm = part_denied(said)
    return harm is not None and harm.lemma_.lower() in HARMS


def _names_culprit(c) -> bool:
    """'responsible' (for a harm, or for nothing named), 'guilty', or 'behind' a harm."""
    if c.dep_ == "acomp" and c.lower_ in ("responsible", "guilty"):
        harm = pobj(c, {"for"})
        return harm is None or c.lower_ == "guilty" or harm.lemma_.lower() in HARMS
    harm = _child_pobj(c) if c.dep_ == "prep" and c.lower_ == "behind" else None
    return harm is not None and harm.lemma_.lower() in HARMS


def _child_pobj(prep):
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def _demand(tok, speaker, said, coder) -> Optional[Candidate]:
    """'Russia says Israel must end attacks on Syria': a party saying what another must or
    should do demands it (PLOVER REQUEST), from the speaker to the one who must act."""
    if not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in said.children):
        return None
    doer = next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is None or doer.lower_ in ("we", "i", "us") or coder.code(speaker) is None:
        return None
    party = coder.code(doer)
    if party is None or not party.country:
        return None
    return Candidate(tok, DEMAND_TRIGGER, "REQUEST", None, "demand", speaker, doer)


def _author_of(tok):
    """Who wrote the text that labels: 'published an editorial calling Clinton a war hawk'."""
    text = tok.head if tok.dep_ == "acl" else None
    if text is None or text.dep_ != "dobj":
        return None
    return next((c for c in text.head.children if c.dep_ == "nsubj"), None)


def _speaker_of(tok, coder) -> Optional[Token]:
    """Who says what a naming verb says: its subject, or the author of the statement it is in."""
    if tok.pos_ != "VERB":
        return None
    speaker = subject(tok) or _author_of(tok)
    return speaker if speaker is not None and speaks(speaker, coder) else None


def _label(tok, codebook: Codebook, coder) -> Optional[Candidate]:
    """'called the sentence excessive', 'described the raid as a war crime': a party that names an
    act or a party with a word of condemnation (the codebook's ``condemning`` list) disapproves
    of it (PLOVER ACCUSE, disapprove). The target is a recipient only when it is a party."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in LABEL_VERBS or negated(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    word = complement(tok) or (trailing_label(obj) if obj is not None else None)
    if word is None or not _condemning(word, codebook.condemning) or _what_it_called(tok):
        return None
    speaker = subject(tok) or _author_of(tok)
    if speaker is None or not speaks(speaker, coder):
        return None
    target = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None) or pobj(tok, {"to"}) \
        or next((c for c in word.children if c.dep_ in ("compound", "nsubj") and c.i < word.i
                 and c.pos_ in ("PROPN", "PRON")), None)  # "referred to Obama as"; "called Trump unfit" parsed as one noun
    owner = next((c for c in target.children if c.dep_ in ("poss", "compound") and coder.names_party(c)), None) \
        if target is not None else None  # "described the US sanctions as ...": the party whose act it is
    recipient = target if target is not None and coder.names_party(target) else owner
    if recipient is None and names_an_act(target, codebook):
        recipient = target  # "called the strike a violation": a charge against whoever struck (events.condemned)
    return Candidate(tok, LABEL_TRIGGER, "ACCUSE", "disapprove", "accuse", speaker, recipient)


def _what_it_called(tok) -> bool:
    """'would respond to what they called provocations', 'rejecting what it called baseless
    charges': the label names the thing another verb acts on; that verb tells the event."""
    return tok.dep_ not in ("ROOT", "conj") and any(c.lower_ == "what" and c.tag_ == "WP" and c.i < tok.i
                                                    for c in tok.children)


LIGHT_NOUNS = {"sort", "kind", "type", "form", "version", "brand"}  # whose "of" names what they are


def verbal_attack(tok, actor, recipient, spec: dict, violent: set[str], coder) -> bool:
    """An "attack" on a person or on what a person said or does ("had viciously attacked him", "an
    attack on his rival"), with no weapon, wound or fighting in the sentence and no armed party or
    unnamed assailant as the attacker: words, not force (``spec`` is the trigger's ``verbal`` option)."""
    if recipient is not None and recipient.lemma_.lower() in LIGHT_NOUNS:
        recipient = pobj(recipient, {"of"}) or recipient  # "attacks on a sort of American Sonderweg"
    if recipient is not None and recipient.lemma_.lower() in spec.get("ideas", ()):
        return True  # "bombarding Trump's fitness": an idea or a quality is hit with words only
    if recipient is None or not (recipient.ent_type_ == "PERSON" or recipient.lower_ in ("him", "her")
                                 or recipient.lemma_.lower() in spec["targets"]):
        return False
    physical = set(spec["physical"]) | violent
    if any(t.lemma_.lower() in physical and t.i != tok.i for t in tok.sent):
        return False
    if actor is None:
        return True
    party = coder.code(actor) if coder.names_party(actor) else None
    if party is not None:
        return party.sector not in ARMED_SECTORS
    return actor.ent_type_ in ("PERSON", "NORP") or actor.pos_ in ("PRON", "PROPN")  # "the Khans", tagged a people


def _verdict(tok, coder) -> Optional[Candidate]:
    """'a court found Barbarin guilty of ...': a verdict is a conviction, as 'convicted' is
    (SANCTION, convict; README decision), from the court to the one found guilty."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in VERDICT_VERBS or negated(tok):
        return None
    guilty = next((c for c in tok.children if c.lower_ == "guilty" and c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")), None)
    court = subject(tok)
    if guilty is None or court is None or coder.code(court) is None or any(c.dep_ == "neg" for c in guilty.children):
        return None  # "found him not guilty" is an acquittal
    convicted = next((c for c in guilty.children if c.dep_ == "nsubj"), None) \
        or next((c for c in tok.children if c.dep_ == "dobj"), None)
    return Candidate(tok, VERDICT_TRIGGER, "SANCTION", "convict", "convict", court, convicted)


HELD_TO_ACCOUNT = {"responsible", "accountable", "liable", "culpable"}


def _held_responsible(tok, coder) -> Optional[Candidate]:
    """'the government holds the SDF leadership responsible for ...', 'held the rebels responsible
    for the attack': blame laid on a party (PLOVER ACCUSE), however the parser hangs the adjective
    (on the verb, or on its object). The promise "will be held accountable" is a warning, read there."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "hold" or negated(tok) or any(c.dep_ == "auxpass" for c in tok.children):
        return None
    held = next((c for c in tok.children if c.lower_ in HELD_TO_ACCOUNT and c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if held is None and obj is not None:
        held = next((c for c in obj.children if c.dep_ == "amod" and c.lower_ in HELD_TO_ACCOUNT), None)
    blamer = subject(tok)
    if held is None or blamer is None or not speaks(blamer, coder):
        return None
    blamed = next((c for c in held.children if c.dep_ == "nsubj"), None) or obj
    return Candidate(tok, BLAME_TRIGGER, "ACCUSE", "allege", "accuse", blamer, blamed)


def _condemning(word: Token, words: frozenset[str]) -> bool:
    """The word, or an adjective on it ("a grave mistake", "a flagrant violation"), condemns; so
    does an attempt to do harm ("a deliberate attempt to derail the peace deal")."""
    of = pobj(word, {"of"})  # "a son of a bitch", "an enemy of the people"
    return word.lemma_.lower() in words or word.lower_ in words or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in words for c in word.children) \
        or (of is not None and of.lemma_.lower() in words) or _an_attempt_to_harm(word)


ATTEMPT_NOUNS = {"attempt", "bid", "ploy", "plot", "scheme", "effort"}


def _an_attempt_to_harm(word: Token) -> bool:
    return word.lemma_.lower() in ATTEMPT_NOUNS and any(
        c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB" and c.lemma_.lower() in DOING_HARM for c in word.children)
