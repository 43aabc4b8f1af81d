"""Who a pronoun stands for: the speaker of a quote ("we"), the person in the story's focus ("he"),
the latest matching mention ("they", and a description such as "the soldiers": ``corefer``); a
person named in full before, an office's country from the paragraph. Descriptions that stand for a
party ("his country", "the group") are read in :mod:`eventwire.actors.descriptions`. Used by
:class:`eventwire.actors.coder.ActorCoder`."""
from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from eventwire.attribution.sources import CLAIMING_VERBS, international_seat
from eventwire.actors.sectors import TITLES
from eventwire.model import NO_COUNTRY_CODES, Party

if TYPE_CHECKING:
    from eventwire.actors.coder import ActorCoder, Mention

FIRST_PERSON = {"we", "our", "us", "my", "i", "me", "ours"}
THIRD_PERSON = {"he", "she", "they", "it", "his", "her", "their", "its", "them", "him"}
PERSONAL = {"he", "she", "him", "her", "his"}
FOCUS_SENTENCES = 2  # a personal pronoun looks this many sentences back for a named person
GROUP_PRONOUNS = {"it", "they"}
PLURAL_PRONOUNS = {"they", "them", "their"}
# the unnamed person a "he" or "she" may continue as the subject ("The man who ... admires Putin. He ...")
GENDERED_NOUNS = {"he": {"man", "boy"}, "him": {"man", "boy"}, "his": {"man", "boy"},
                  "she": {"woman", "girl"}, "her": {"woman", "girl"}}
# statements, and commitments whose subject speaks of itself ("vowed it would ...")
SAYING_VERBS = CLAIMING_VERBS | {"vow", "pledge", "promise"}


SUBJECT_REACH = 4  # steps from an object up to its verb ("urged the heads of the authorities")


def clause_subject_tokens(head) -> set[int]:
    """The tokens of the subject of the clause ``head`` is an object in, through verbs joined by
    'and' and a pronoun subject's speaker ("The State Department said it was concerned and urged
    the authorities"): a description there names someone other than that subject."""
    if head.dep_ in ("nsubj", "nsubjpass"):
        return set()
    # an object sits a few steps below its verb; a bounded walk keeps "the leader of the leader of ..." linear
    verb = next((a for a in islice(head.ancestors, SUBJECT_REACH) if a.pos_ in ("VERB", "AUX")), None)
    out: set[int] = set()
    for _ in range(SUBJECT_REACH):  # "said ... and urged": a few joined verbs, not a whole chain
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in subjects:
            out |= {t.i for t in child.subtree}
        if verb.dep_ == "conj" or (verb.dep_ == "ccomp" and any(c.lower_ in THIRD_PERSON for c in subjects)):
            verb = verb.head if verb.head is not verb else None
        else:
            verb = None
    return out


def salient_person(pronoun) -> Optional[Token]:
    """The named person a personal pronoun most likely refers to: the latest person who is a
    subject, in its sentence before it or in the sentences just before (the focus of the story
    passes from subject to subject), else the latest person named there at all."""
    sent = pronoun.sent
    first = sent.start
    for _ in range(FOCUS_SENTENCES):
        if first == 0:
            break
        first = pronoun.doc[first - 1].sent.start
    names = {e.root.text for e in pronoun.doc.ents if e.label_ == "PERSON"}  # "Mohamed Tamalt" ... "Tamalt, 42,"
    people = [e.root for e in pronoun.doc.ents if e.label_ == "PERSON" and first <= e.start and e.end <= pronoun.i]
    people += [t for t in pronoun.doc[first:pronoun.i] if t.text in names and not t.ent_type_ and t.pos_ in ("PROPN", "NOUN")]
    people.sort()
    gendered = GENDERED_NOUNS.get(pronoun.lower_, set())
    subjects = sorted([t for t in people if t.dep_ in ("nsubj", "nsubjpass")] +  # "He was arrested ... he began": the chain
                      [t for t in pronoun.doc[first:pronoun.i] if t.dep_ in ("nsubj", "nsubjpass")
                       and (t.lower_ in PERSONAL or (t.pos_ == "NOUN" and t.lower_ in gendered))])  # "The man who ... He"
    return (subjects or people or [None])[-1]


def addressed_countries(coder: "ActorCoder", head) -> set[str]:
    """The countries a subject's verb names as its object, or the verb it decides or tries to do
    ("the foreign ministry urged Kabul", "the council decided to sever ties with the UAE"): a
    description in the subject is no party of theirs."""
    if head.dep_ != "nsubj" or head.head.pos_ != "VERB":
        return set()
    verbs = [head.head, *(c for c in head.head.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    objects = [t for v in verbs for t in v.children if t.dep_ in ("dobj", "dative") and coder.country_as_party(t)]
    objects += [g for v in verbs for t in v.subtree if t.dep_ == "prep" and t.lower_ in ("with", "against") and t.head.i in
                {v.i, *(c.i for c in v.children if c.dep_ == "dobj")} for g in t.children if g.dep_ == "pobj"]
    return {c for t in objects if (c := coder.place_country(t.i))}


def own_speaker(pronoun) -> Optional[Token]:
    """The subject of the saying verb whose reported clause the pronoun is the subject of:
    'Farc has said it will release', 'the rebels said they would lay down their arms'."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SAYING_VERBS:
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None


def pronoun_party(coder: "ActorCoder", head) -> Optional[Party]:
    """The party a pronoun stands for: the speaker for "we", the person in focus for "he", the
    latest matching mention for "they" and "it"."""
    low = head.lower_
    if low in FIRST_PERSON and coder.speaker_of:
        speaker = coder.speaker_of(head)
        if speaker is not None:
            sp = coder.code(speaker)
            if sp:
                return _as(head, sp, f"'{head.text}' = the speaker, {sp.text}")
    speaker = own_speaker(head) if low in PERSONAL else None
    if speaker is not None and _one_person(speaker):  # "Governor X said he had ordered ...": X himself
        sp = coder.code(speaker)
        if sp is not None:
            return _as(head, sp, f"pronoun -> the speaker, {sp.text}")
    if low in PERSONAL:
        named = salient_person(head)  # a name, or the pronoun that last stood for the person in focus
        if named is not None:  # "Tamalt ... He was arrested": the person last in focus, coded or not
            p = coder.code(named)
            if p is None:  # a person the tables do not know: still a participant, with no codes
                return Party(text=head.text, start=head.idx, end=head.idx + len(head.text), name=None,
                             why=f"pronoun -> {named.text} (not in the actor tables)", refers_to=_whole_name(named))
            return _as(head, p, f"pronoun -> {p.text}")
    speaker = _speaking_of_itself(head) if low in GROUP_PRONOUNS else None
    if speaker is not None:  # "Farc has said it will release ...": the speaker speaks of itself
        p = coder.code(speaker)
        if p is not None and (p.country or p.sector):
            return _as(head, p, f"pronoun -> the speaker, {p.text}")
    subject = _subject_before(coder, head) if low in ("it", "its") else None
    if subject is not None:  # "The Arakan Army ... put the toll at 17. Its spokesman ...": the subject, not a place it named
        return _as(head, subject.party, f"pronoun -> {subject.party.text} (the subject before it)")
    if low in THIRD_PERSON:
        want = "person" if low in PERSONAL else ("plural" if low in PLURAL_PRONOUNS else None)
        for m in coder.earlier(head.i):
            ok = want is None or m.kind == want or (want == "plural" and m.plural)
            # "three people had died, and that they had been killed": a plural of the same sentence,
            # though it has no country of its own
            if ok and (m.party.country or (want == "plural" and m.party.sector and m.token >= head.sent.start)):
                p = m.party
                return Party(text=head.text, start=head.idx, end=head.idx + len(head.text), name=p.name,
                             country=p.country, sector=p.sector, why=f"pronoun -> {p.text}",
                             refers_to=p.refers_to or p.text)
    return None


SPEAKING_PEOPLE = TITLES | {"spokesman", "spokeswoman", "spokesperson", "official", "chief", "man", "woman"}


def _one_person(tok) -> bool:
    """One person, who can be "he" or "she": a name the tagger calls a person, a titled name the
    tagger missed ("Governor X"), or an office ("the minister"); not an organisation ("Human Rights
    Watch said he ...")."""
    if tok.tag_ not in ("NN", "NNP") or tok.ent_type_ in ("ORG", "NORP", "GPE"):
        return False
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in SPEAKING_PEOPLE or any(
        t.dep_ == "compound" and t.lower_ in SPEAKING_PEOPLE for left in tok.lefts for t in left.subtree)


def _speaking_of_itself(pronoun):
    """The speaker a group's "it" or "they" stands for ("Farc has said it will release ..."); not a
    single person's "they" ("the minister said that they had been killed": others)."""
    speaker = own_speaker(pronoun)
    one_person = speaker is not None and (speaker.tag_ == "NN" or (speaker.ent_type_ == "PERSON"
                                                                   and not speaker.text.endswith("s")))  # "the Houthis"
    return None if one_person and pronoun.lower_ in PLURAL_PRONOUNS else speaker


def _subject_before(coder: "ActorCoder", head):
    """The latest organisation or country that is the subject of a clause of the pronoun's sentence
    or the one before it: a subject is what "it" most often continues (centering), ahead of a place
    or a party named later in a clause."""
    doc = head.doc
    previous = doc[head.sent.start - 1].sent.start if head.sent.start > 0 else head.sent.start
    subjects = []
    for m in coder.earlier(head.i):
        tok = doc[m.token]
        if tok.i < previous:
            break
        if tok.dep_ in ("nsubj", "nsubjpass") and m.kind != "person" and not m.plural \
                and m.party.sector not in (None, "CVL") and (m.party.country or _main_clause_subject(tok)):
            subjects.append(m)
    # a main clause's subject before one its report names ("X's office condemned ... and said Beijing was
    # ..."), though the office's country is known only from the story
    return next((m for m in subjects if _main_clause_subject(doc[m.token])), subjects[0] if subjects else None)


def _main_clause_subject(tok) -> bool:
    verb = tok.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _as(pronoun, party: Party, why: str) -> Party:
    """The party a pronoun stands for, at the pronoun."""
    return Party(text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun.text), name=party.name,
                 country=party.country, sector=party.sector, why=why, refers_to=party.refers_to or party.text)


def _whole_name(token) -> str:
    """The whole name a token of it stands in for ("Dacic" -> "Ivica Dacic")."""
    return next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)


def named_antecedent(coder: "ActorCoder", head) -> Optional[Token]:
    """The name a pronoun stands for when its own sentence holds it: the speaker of "we" or of a
    group's "it"/"they" ("Farc has said it will release ..."), the person a "he" or "she" refers to.
    None for a pronoun whose antecedent is in another sentence, or none at all."""
    low = head.lower_
    named = None
    if low in FIRST_PERSON and coder.speaker_of:
        named = coder.speaker_of(head)
    elif low in PERSONAL:
        named = salient_person(head)
    elif low in GROUP_PRONOUNS:
        named = _speaking_of_itself(head)
    if named is None or named.pos_ == "PRON" or named.sent.start != head.sent.start:
        return None
    return named


ARMED_SECTORS = {"REB", "MIL", "COP", "SPY"}


NAME_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "gen", "col", "maj", "lt", "capt", "sgt", "rev"}


def name_words(ent) -> set[str]:
    """The words of a person's name, without titles ("Mr. Ali Mahdi" -> Ali, Mahdi)."""
    return {t.text for t in ent if t.text[:1].isupper() and t.lower_.rstrip(".") not in NAME_TITLES}


def surname_named_before(head) -> bool:
    """A lone name word the recogniser left untagged that ends or begins a person's full name told
    earlier ("Mohamed Tamalt lived in London. Police arrested Tamalt"; "Prime Minister Abiy Ahmed ...
    the envoy met Abiy": Ethiopian, Eritrean, Indonesian and Thai leaders go by the given name)."""
    if not head.text[:1].isupper() or any(c.dep_ == "compound" for c in head.children):
        return False
    return any(e.label_ == "PERSON" and e.end <= head.i and len(words := [t for t in e if t.is_alpha]) >= 2
               and head.text in (words[-1].text, words[0].text) for e in head.doc.ents)  # "Maria Okoro's": not its "'s"


def named_in_full(coder: "ActorCoder", head) -> Optional[Party]:
    """'Chinese Foreign Minister Wang Yi ... Mr Wang urged': a surname alone is the person the
    article names in full, coded there with the office or group it named: the nearest full name
    before it, else the nearest after it (a passage or a lead that gives the full name later:
    "criticized Clinton ... the lies of Hillary Clinton"). A full name is the same person only
    where all its name words recur ("Ali Mahdi" before "Mr. Ali Mahdi"; never Bill for Hillary Clinton),
    and only before it."""
    own = next((e for e in head.doc.ents if e.start <= head.i < e.end and e.label_ == "PERSON"), None)
    words = name_words(own) if own is not None else set()
    surname = len(words) < 2
    words = {head.text} if surname else words
    full = [e for e in head.doc.ents if e.label_ == "PERSON" and not (e.start <= head.i < e.end)
            and len(named := name_words(e)) >= 2 and words <= named]
    before = [e for e in full if e.end <= head.i]
    after = [e for e in full if e.start > head.i] if surname else []  # a full name is coded from its own words first
    for ent in [*reversed(before), *after]:
        party = coder.code(ent.root)
        if party is not None and (party.country or party.sector):
            return party
    return None


def affiliation(head, matches: list) -> Optional[tuple]:
    """The organisation an apposition on a person's name says they belong to ("Mustafa Demir, the
    ISIL member"), as (entity, token span) from the phrase's table matches, or None."""
    described = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    return next(((v, span) for k, v, span in matches if k == "entity" and v.kind != "person" and span
                 and all(i in described for i in span)), None)


OFFICE_SECTORS = {"GOV", "MIL"}


def paragraph_country(coder: "ActorCoder", head) -> Optional[str]:
    """The country a paragraph is about when the sentence before names it as its subject: "Egypt
    was quick to side with Somalia. Foreign Minister Badr Abdelatty phoned ..." -- an office named
    with no country is that country's (a reader takes it so); None across a paragraph break."""
    sent = head.sent
    if sent.start == 0:
        return None
    before = head.doc[sent.start - 1].sent
    first = next((t for t in sent if not t.is_space), sent[0])
    if "\n" in head.doc.text[before.start_char:first.idx]:  # a sentence never runs over a line break
        return None
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    party = coder.code(subject) if subject is not None else None
    if party is None or not party.country or party.sector != "GOV" \
            or party.name != coder.kb.country_names.get(party.country):
        return None
    return party.country


SUBJECTS = {"nsubj", "nsubjpass"}


def subject_of_its_sentence(coder: "ActorCoder", doc, antecedent: "Mention", not_them: set) -> "Mention":
    """The subject of the sentence an antecedent found by its sector stands in, when that
    antecedent is not the subject: after "Pakistan accused Afghanistan of ...", "the ministry"
    is Pakistan's -- a reader carries on from the subject, not the last name read."""
    if _a_subject(doc[antecedent.token]):
        return antecedent
    sent = doc[antecedent.token].sent
    for m in coder.earlier(antecedent.token):
        if m.token < sent.start:
            break
        if _a_subject(doc[m.token]) and m.party.sector == antecedent.party.sector and m.party.country \
                and (m.party.name or m.party.text) not in not_them and m.kind == antecedent.kind:
            return m
    return antecedent


def _a_subject(token) -> bool:
    """A clause's subject, or one of its conjuncts ("Neither Ethiopia nor Somalia has agreed")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in SUBJECTS


DEFINITE = {"the", "these", "those", "this", "that"}
# weapons told again without their owner ("Russian drones struck a bus ... A second drone attacked"): the
# same side's, however introduced
WEAPON_HEADS = {"drone", "missile", "rocket", "shell", "bomb", "warplane", "jet", "aircraft", "helicopter", "airstrike"}
STATE_NOUNS = {"government", "regime", "authorities", "authority"}  # name a state, never one person in it
NATIONAL_NOUNS = STATE_NOUNS | {"army", "military", "police"}  # a state's, never an international body's


def only_a_place(coder: ActorCoder, tok) -> bool:
    """A name that only says where something is: a country's possessive on a place ("into
    Ethiopia's Gambella region"), or where an international body sits ("the U.N. office in Geneva")."""
    if tok.dep_ == "poss":
        return bool(coder.place_country(tok.head.i))
    return bool(coder.place_country(tok.i)) and international_seat(tok.doc, tok.i, coder.kb)


def corefer(coder: ActorCoder, head, party: Party, toks) -> None:
    """'the soldiers': take country (and missing sector) from the latest matching mention."""
    lemma = head.lemma_.lower()
    weapon = lemma in WEAPON_HEADS
    if lemma == "counterpart" or (not weapon and not any(t.lower_ in DEFINITE | THIRD_PERSON for t in toks)):
        return  # "his counterpart" is the other side's, never of the side "his" refers to
    antecedent = None  # the latest with the same head word, else the latest nearby of the same sector
    subject = clause_subject_tokens(head)  # "X urged the authorities": not X
    not_them = {m.party.name or m.party.text for m in coder.earlier(head.i) if m.token in subject}
    addressed = addressed_countries(coder, head)  # "the foreign ministry urged Kabul": not Kabul's
    for m in (m for m in coder.earlier(head.i) if m.party.country and (m.party.name or m.party.text) not in not_them
              and m.party.country not in addressed):
        if m.head_lemma == lemma and (not party.sector or not m.party.sector or m.party.sector == party.sector):
            antecedent = m  # not "the army" for the Balochistan Liberation Army, a rebel group
            break
        if antecedent is None and not weapon and party.sector and m.party.sector == party.sector and head.i - m.token < 200 \
                and not (m.kind == "person" and lemma in STATE_NOUNS) and not only_a_place(coder, head.doc[m.token]) \
                and not (lemma in NATIONAL_NOUNS and m.party.country in NO_COUNTRY_CODES):
            antecedent = m  # but "the government" is a state, not the last official named (Kerry), nor
            # the country of "Ethiopia's Gambella region"; "the army" is no U.N. helicopter
    if antecedent is not None and antecedent.head_lemma != lemma:
        antecedent = subject_of_its_sentence(coder, head.doc, antecedent, not_them)
    if antecedent is not None:
        party.country = antecedent.party.country
        party.name = antecedent.party.name
        party.sector = party.sector or antecedent.party.sector
        party.why = f"refers to '{antecedent.party.text}'"
