"""The actors stage: code a noun phrase as a party (country + sector), with reasons.

``ActorCoder.code(head)`` reads the noun phrase around a spaCy token: named people (their
role on the event date), organisations, seats of government ("the Kremlin"), countries,
demonyms and capitals, and agent nouns ("forces" -> MIL). Generic heads ("spokesman",
"officials", "sources") take their sector from what modifies them. Phrases with no country
("the soldiers", "he", "our troops") are resolved against earlier mentions in the article
and, for first-person words in quotes, against the quote's speaker.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator, Optional

from spacy.tokens import Token

from eventwire.actors import descriptions, reference, told
from eventwire.attribution.sources import international_seat
from eventwire.actors.reference import FIRST_PERSON
from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.phrases import another_person, kb_matches, name_beyond, near, np_tokens, parenthesised
from eventwire.actors.sectors import (armed_organisation, backs_the_group, former_member, national_branch, sector_of,
                                      titled_person, unknown_organisation_sector)
from eventwire.model import NO_COUNTRY_CODES, Party

# heads whose possessor is whom they oppose, not whose side they are on ("Putin's critics")
OPPOSING_HEADS = {"critic", "opponent", "detractor", "rival", "enemy", "foe", "adversary"}
NP_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "ROOT", "dative", "agent"}
POLITICAL = {"REB", "OPP", "PTY"}
WATER_WORDS = {"lake", "gulf", "sea", "bay", "lac", "strait", "straits"}  # "Lake Chad", "the Gulf of Guinea"
# what the small recogniser calls an unfamiliar name word it did not take for a person ("met Abiy": LAW)
NAME_TAGS = {"", "ORG", "GPE", "NORP", "LAW", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"}
LOCAL_SECTORS = {"REB", "OPP", "PTY", "CVL", "CRM", "REF", "EDU"}  # groups coded where they are
LOC_PREPS = {"in", "from", "throughout", "inside", "across", "near", "at", "of"}
LOC_VERBS = {"base", "operate", "station", "locate", "live", "fight", "flee", "hold", "detain"}
# Bounds that keep hostile text linear ("the leader of the leader of ..." nests every phrase in the
# next), with eventwire.actors.phrases.NP_REACH; each is well past what news text needs.
LOOKBACK = 500  # earlier mentions a pronoun or "the soldiers" is matched against
MAX_DEPTH = 12  # phrases coded inside the coding of another (a quote's speaker, their "we", ...)


@dataclass
class Mention:
    token: int
    party: Party
    head_lemma: str
    kind: str  # person | org | group
    plural: bool = False


def _named_water(doc, start: int) -> bool:
    """The country's name at ``start`` names a body of water ("Lake Chad", "the Gulf of Guinea")."""
    before = [t.lower_ for t in doc[max(start - 2, 0):start]]
    return bool(before) and (before[-1] in WATER_WORDS or (before[-1] == "of" and len(before) == 2 and before[0] in WATER_WORDS))


class ActorCoder:
    def __init__(self, kb: KnowledgeBase, day: Optional[str] = None,
                 speaker_of: Optional[Callable[[Token], Optional[Token]]] = None,
                 place_country: Optional[Callable[[int], Optional[str]]] = None):
        self.kb = kb
        self.day = day
        self.speaker_of = speaker_of
        self.place_country = place_country or (lambda i: None)
        self.mentions: list[Mention] = []  # in token order; on one token, in the order coded
        self._keys: list[tuple[int, int]] = []  # (token, -order coded), parallel to mentions
        self._cache: dict[int, Optional[Party]] = {}
        self._active: set[int] = set()  # phrases being coded now, to cut cycles
        self._sent_countries: dict[int, set[str]] = {}
        self.defined_acronyms: Optional[dict[str, tuple[int, int]]] = None  # by the text: "... (MACBAN)"
        self.halves: Optional[dict[str, Any]] = None  # "the North" of a story naming North Korea

    def names_party(self, head) -> bool:
        """Whether the phrase's head itself denotes people or a group ("two captives", "Hamas"),
        not merely mentions one in a modifier ("a video of the soldiers")."""
        if head.pos_ in ("PROPN", "PRON"):
            return self.code(head) is not None  # a named person the tables lack is coded without codes (_unknown_person)
        words = [head.text, head.lemma_]
        compound = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i == head.i - 1]
        if compound:  # "security forces", "Western powers"
            words.append(f"{compound[-1].text} {head.text}")
        if any(self.kb.lookup(w) for w in words):
            return True
        if self.kb.is_generic(head.lemma_) or self.kb.is_generic(head.text):  # "North Korean military personnel"
            party = self.code(head)
            return party is not None and bool(party.country or party.sector)
        if head.lower_ in ("dozens", "hundreds", "thousands", "scores") or head.like_num:
            of = next((g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            return of is not None and self.names_party(of)
        return False

    def unknown_organisation(self, head) -> bool:
        """'The ACLU filed a lawsuit': a name the recogniser calls an organisation, as a side of a
        clause, that the gazetteer does not hold ("a strike on Abu Kamal" is a town)."""
        return head.pos_ == "PROPN" and (head.ent_type_ == "ORG" or self.kb.is_civic(head)) \
            and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not self.place_country(head.i)

    @staticmethod
    def unknown_person(head) -> bool:
        return head.pos_ == "PROPN" and head.ent_type_ == "PERSON" and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos")

    def _acronym(self, tok) -> bool:
        """'WHO is calling for ...': an upper-case acronym the parser took for a pronoun."""
        return len(tok.text) > 2 and tok.text.isupper() and self.kb.lookup(tok.text) is not None

    def prime(self, doc) -> None:
        """Code every noun phrase in reading order, so later phrases can refer back."""
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ in NP_ROLES:
                self.code(tok)

    def code_as_named(self, head) -> Optional[Party]:
        """A party as an event's side: a pronoun whose name is in its own sentence spans that name
        ("Farc has said it will release ...": the words that say who acted), with the pronoun's
        codes and reason; anything else as :meth:`code`. Annotations keep the pronoun itself."""
        party = self.code(head)
        named = reference.named_antecedent(self, head) if party is not None and head.pos_ == "PRON" else None
        spanned = self.code(named) if named is not None else None
        if party is None or spanned is None or spanned.end <= spanned.start:
            return party
        return replace(party, text=spanned.text, start=spanned.start, end=spanned.end)

    def code(self, head, day: Optional[str] = None) -> Optional[Party]:
        """Code the noun phrase headed by token ``head``; None when it names no party."""
        if head is None:
            return None
        key = head.i
        if key in self._cache and day is None:
            return self._cache[key]
        if key in self._active or len(self._active) >= MAX_DEPTH:
            return None  # "we" whose speaker is "we" again (a quote glued to a name): no party, not a loop
        self._active.add(key)
        try:
            party = told.as_defined(self, head, day) or told.wing_of(self, head, day) or self._code(head, day or self.day)
            if party is None and head.pos_ == "NOUN":
                named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                party = self._code(named, day or self.day) if named is not None else None  # "Ivin's lawyer, Paul Kemp,"
            if (party is None or party.sector is None) and head.pos_ == "PROPN":
                party = told.known_as(self, head, day) or party
        finally:
            self._active.discard(key)
        if day is None:
            self._cache[key] = party
        return party

    def _code(self, head, day: Optional[str]) -> Optional[Party]:
        toks = np_tokens(head)
        if head.lemma_.lower() in OPPOSING_HEADS:  # "Mr Erdogan's critics" are not Erdogan's side
            owners = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
            toks = [t for t in toks if t.i not in owners]
        toks = sorted({*toks, *name_beyond(self.kb, toks, head)}, key=lambda t: t.i)
        if self.kb.is_generic(head.lemma_) or self.kb.is_generic(head.text):  # "a source in the SBU"
            toks = sorted({*toks, *[t for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "within", "inside")
                                   for t in near(c.subtree, head)]}, key=lambda t: t.i)
        if head.pos_ == "PRON" and not self._acronym(head):
            return reference.pronoun_party(self, head)
        own = descriptions.own_country_party(self, head) or descriptions.the_country_party(self, head) \
            or descriptions.the_group_party(self, head) or descriptions.owner_party(self, head)
        if own is not None:
            return own
        person = (head.pos_ == "PROPN" and head.ent_type_ == "PERSON") or (
            head.pos_ in ("PROPN", "NOUN") and head.ent_type_ in NAME_TAGS and reference.surname_named_before(head))
        same = reference.named_in_full(self, head) if person else None
        if same is not None:  # "Demir" after "Mustafa Demir, the ISIL member": that person, not a namesake
            return self._as_named(head, toks, same)
        if not any(t.text[:1].isupper() or t.lower_ in FIRST_PERSON or self.kb.lookup(t.lemma_) or self.kb.lookup(t.text)
                   for t in toks) and not (head.i > 0 and self.kb.lookup(f"{head.doc[head.i - 1].text} {head.text}")):
            return None  # no name, title or agent word (nor a two-word one: "security sources"): not a party (fast path)
        matches = [m for m in kb_matches(self.kb, toks) if not self._inside_another_place(*m, head.doc)
                   and not another_person(*m, head.doc)]
        entity = next((v for k, v, span in matches if k == "entity"), None)
        seat = next((v for k, v, span in matches if k == "seat"), None)
        countries = [(v, span) for k, v, span in matches if k == "country" and not backs_the_group(head.doc, span)]
        if not countries:  # "the North fired missiles", "The North's Foreign Ministry"
            countries = [(term, [t.i]) for t in toks if (term := told.half_country(self, t)) is not None][:1]
        entity_span = next((span for k, v, span in matches if k == "entity"), [])
        branch = national_branch(entity, entity_span, head, countries)  # "SOS Children's Villages Sudan"
        if entity is not None and head.i not in entity_span and any(head.i in span for _, span in countries) and not branch:
            entity = None  # "NATO-member Norway": the head names the party, the modifier describes it
        if entity is not None and entity.sector == "MED" and head.i not in entity_span \
                and self.kb.agents.get(head.lemma_.lower()) != "MED":
            entity = None  # "Image copyright AFP ... Federal troops": an outlet credited, not the troops' country
        person_span = next((span for k, v, span in matches if k == "entity" and v.kind == "person"), None)
        if entity is None or (person_span and head.pos_ == "PROPN" and head.i > person_span[-1]):
            # "President Omar Hassan al-Bashir": the whole name, not the "Omar Hassan" it starts with
            entity = titled_person(self.kb, toks, head, day) or entity
        agents = [(v, span) for k, v, span in matches if k == "agent"]
        head_agent = next((v for v, span in agents if head.i in span), None)
        head_compound = any(head.i in span and len(span) > 1 for v, span in agents)  # "medical group"
        modifier_agents = [v for v, span in agents if head.i not in span]
        armed = armed_organisation(self.kb, toks, head) if seat is None else None
        if armed is not None and entity is not None and (
                entity.kind == "person" or (not entity.curated and armed[2] > len(entity_span))):
            entity = None  # "Bamenda Revolutionary Army": not the dictionary's "Revolutionary Army", nor a person
        elif entity is not None:
            armed = None
        why = []
        if entity is not None and entity.kind == "person" and (affiliation := reference.affiliation(head, matches)) is not None:
            # "Mustafa Demir, the ISIL member in charge of ...": the text says who this is, not a namesake in the dictionary
            why.append(f"named as {affiliation[0].name}'s, not the dictionary's {entity.name}")
            entity, entity_span = affiliation
        country = None
        if entity is not None and (entity.kind == "person" or branch) and countries and entity.country \
                and countries[0][0].iso3 != entity.country:
            # "King Hassan of Morocco": the country the text names beats a namesake in the dictionary
            country = countries[0][0].iso3
            why.append(f"'{' '.join(head.doc[i].text for i in countries[0][1])}' -> {country} (named with {entity.name})")
        elif entity is not None and entity.country:
            country = entity.country
            why.append(f"{entity.kind} {entity.name}")
        elif seat:
            country = seat[0]
            why.append("seat of government")
        elif countries:
            country = countries[0][0].iso3
            why.append(f"'{' '.join(head.doc[i].text for i in countries[0][1])}' -> {country}")
        foreign = country is None and self.kb.is_foreign(" ".join(t.text for t in toks))
        if foreign:  # "accused Western powers of plotting": not the government of where it is said
            why.append("other countries' governments: no country of the place")
        else:
            country = self._located(head, toks, countries, country, why)
        first_person = [t for t in toks if t.lower_ in FIRST_PERSON]
        if country is None and first_person and self.speaker_of:
            speaker = self.speaker_of(first_person[0])
            if speaker is not None and speaker.i != head.i:
                sp = self.code(speaker)
                if sp and sp.country:
                    country = sp.country
                    why.append(f"'{first_person[0].text}' = the speaker, {sp.text}")
        sector = sector_of(self.kb, self.place_country, head, entity, seat, countries, head_agent, modifier_agents, day, why,
                           head_compound)
        if armed is not None:  # "the Zomi Revolutionary Army": a named armed group, REB of where it fights
            sector = "REB"
            why.append(armed[1])
        if entity is not None and entity.kind != "person" and head.i not in entity_span and former_member(head):
            sector = "CVL"  # "a retired NASA astronaut": no longer acts for the organisation
            why.append(f"'{head.text}' no longer serves {entity.name}: a private person, CVL")
        if entity is None and seat is None and not countries and head_agent is None and not modifier_agents and armed is None:
            person, organisation = self.unknown_person(head), self.unknown_organisation(head)
            if not (head.lower_ in self.kb.generic or head.lemma_.lower() in self.kb.generic or country
                    or person or organisation):
                return None
            if organisation and sector is None:  # a civic name was given its sector above
                sector = unknown_organisation_sector(self.kb, head, why)
            if person and sector is None:  # a name given in full elsewhere was coded from it above (_as_named)
                sector = "CVL"  # PLOVER's code for a person no office, force or group is named for
                why.append("a named person the actor tables do not know, named for no office or group: a private person, CVL")
        text_toks = [t for t in toks if not (t.dep_ == "punct" and t.i in (toks[0].i, toks[-1].i))]
        span = head.doc[text_toks[0].i:text_toks[-1].i + 1]
        name = entity.name if entity else (armed[0] if armed else (self.kb.country_names.get(country) if country else None))
        if branch and entity is not None and country:  # "the Kenya Red Cross": the society, not the ICRC itself
            name = f"{entity.name} ({self.kb.country_names.get(country, country)})"
        party = Party(text=span.text, start=span.start_char, end=span.end_char, name=name,
                      country=country, sector=sector, why="; ".join(why) or None)
        if party.country is None and not foreign:
            reference.corefer(self, head, party, toks)
        if party.country is None and sector in LOCAL_SECTORS and not foreign:
            self._set_in_sentence_country(head, party)
        kind = entity.kind if entity else "group"
        self._remember(Mention(head.i, party, head.lemma_.lower(), kind, head.tag_ in ("NNS", "NNPS")))
        return party

    def _as_named(self, head, toks, full: Party) -> Party:
        span = head.doc[toks[0].i:toks[-1].i + 1]
        party = Party(text=span.text, start=span.start_char, end=span.end_char, name=full.name, country=full.country,
                      sector=full.sector, why=f"named in full as '{full.text}' ({full.why})")
        self._remember(Mention(head.i, party, head.lemma_.lower(), "person", False))
        return party

    def _remember(self, mention: Mention) -> None:
        key = (mention.token, -len(self._keys))
        k = bisect_left(self._keys, key)
        self._keys.insert(k, key)
        self.mentions.insert(k, mention)

    def earlier(self, before: int) -> Iterator[Mention]:
        """Mentions before token ``before``, latest first (in coding order on one token), LOOKBACK at most."""
        k = bisect_left(self._keys, (before,))
        return (self.mentions[j] for j in range(k - 1, max(k - LOOKBACK, 0) - 1, -1))

    def _sentence_countries(self, sent) -> set[str]:
        """The countries of the places a sentence names, once per sentence."""
        if sent.start not in self._sent_countries:
            aside = parenthesised(sent)  # "(recall the Bosnia sniper fire story)": a remark, not where it is set
            self._sent_countries[sent.start] = {c for t in sent if t.i not in aside and (c := self.place_country(t.i))
                                                and not self.country_as_party(t) and not international_seat(t.doc, t.i, self.kb)}
        return self._sent_countries[sent.start]

    def country_as_party(self, tok) -> bool:
        """'urged the US to rethink': a country that is a side of the clause (its subject or object),
        not where the sentence is set."""
        top = tok.head if tok.dep_ == "compound" else tok
        name = " ".join(t.text for t in sorted([top, *(c for c in top.children if c.dep_ == "compound")], key=lambda t: t.i))
        found = self.kb.lookup(tok.text) or self.kb.lookup(name)  # "the US", "the United States"
        return top.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and found is not None and found[0] == "country"

    def _located(self, head, toks, countries, country: Optional[str], why: list) -> Optional[str]:
        """Where the phrase says its people are ("rebels in the Ivory Coast", "a missionary from
        Calgary"), or what place it is ("Samarra" as an actor): the country when the phrase names
        none, or names only a people without a state of its own ("ethnic Albanians in Serbia")."""
        said_ethnic = any(t.lower_ == "ethnic" for t in toks)
        ethnic = said_ethnic or (countries and countries[0][0].ethnic)
        if country is not None and not ethnic:
            return country
        where = self._location_country(head)
        if where is None and said_ethnic:  # "ethnic Albanians demonstrated in Serbia": the sentence's place
            in_sentence = set(self._sentence_countries(head.sent))
            where = (in_sentence.pop(), "a place in the sentence") if len(in_sentence) == 1 else None
        if where is None and country is None:
            where = self._as_place(toks)
        if where is None:
            return country
        why.append(f"located: {where[1]} -> {where[0]}")
        return where[0]

    def _set_in_sentence_country(self, head, party: Party) -> None:
        """A group with no stated country ("Islamic fundamentalists", "the hostage-takers") is
        coded to the country its sentence is set in, when the sentence's places name just one
        (ACLED and the PLOVER GSR code unnamed local groups this way); a rebel, opposition or party
        group also by the state institutions the sentence names before it."""
        sent = head.sent
        countries = set(self._sentence_countries(sent))
        if party.sector in POLITICAL:  # "President Bouteflika ... the Islamic Salvation Front": domestic politics
            in_sent = self.mentions[bisect_left(self._keys, (sent.start,)):bisect_left(self._keys, (sent.end,))]
            countries |= {m.party.country for m in in_sent if m.party.country and m.party.country not in NO_COUNTRY_CODES
                          and m.party.sector in ("GOV", "LEG", "JUD")}
        if len(countries) == 1:
            party.country = countries.pop()
            party.why = "; ".join(filter(None, [party.why, f"the sentence is set in {party.country}"]))

    def _location_country(self, head) -> Optional[tuple[str, str]]:
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in LOC_PREPS]
        for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_ in LOC_VERBS):
            preps += [g for g in acl.children if g.dep_ == "prep" and g.lower_ in LOC_PREPS]
        for prep in preps:
            sub = list(near(prep.subtree, head))
            if not any(t.text[:1].isupper() for t in sub):
                continue  # "in the morning": no name, no country
            for k, v, span in kb_matches(self.kb, sub):
                if self._inside_another_place(k, v, span, head.doc):
                    continue
                if k == "country" and not v.ethnic:
                    return v.iso3, head.doc[span[0]:span[-1] + 1].text
                if k == "seat":
                    return v[0], head.doc[span[0]:span[-1] + 1].text
            for t in sub:
                c = self.place_country(t.i)
                if c:
                    return c, t.text
        return None

    def _inside_another_place(self, kind: str, value, span: list[int], doc) -> bool:
        """A capital's or a country's name inside a longer place name the gazetteer put in another
        country ("Praia" in Mocimboa da Praia, Mozambique): the place, not the capital; or a body of
        water named for a country ("Lake Chad", "the Gulf of Guinea")."""
        if kind not in ("country", "seat"):
            return False
        if kind == "country" and _named_water(doc, span[0]):
            return True  # "Lake Chad", "the Gulf of Guinea", "the Sea of Japan": water, not the state
        country = value.iso3 if kind == "country" else value[0]
        around = {self.place_country(span[0] - 1), self.place_country(span[-1] + 1)}  # the name goes on beyond the match
        return any((c := self.place_country(i)) and c != country and c in around for i in span)

    def _as_place(self, toks) -> Optional[tuple[str, str]]:
        """A phrase that is a place ("Samarra", "West Darfur State"), or a misspelt country ("Afganistan")."""
        toks = [t for t in toks if not backs_the_group(t.doc, [t.i])]  # "Iranian-backed": the backer, not where they are
        for t in toks:
            c = self.place_country(t.i)
            if c:
                return c, t.text
        for t in toks:
            if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ") and t.ent_type_ != "PERSON":
                term = self.kb.fuzzy_country(t.text)
                if term is not None:
                    return term.iso3, f"{t.text} (spelling)"
        return None
