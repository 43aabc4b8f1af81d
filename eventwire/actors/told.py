"""Names the text itself gives a party: an acronym it defines ("the Miyetti Allah Cattle Breeders
Association of Nigeria (MACBAN)"), and a name the tables lack told with one they hold ("The Support
Group for Islam and Muslims, known as JNIM,"), and a name told as another's wing ("The People's
Defense Forces, the PKK's armed wing,"), and "the North" of a story that names North Korea. What the article says a name stands for beats a
namesake in the actor tables. Read by :class:`eventwire.actors.coder.ActorCoder`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Optional

from eventwire.model import Party

if TYPE_CHECKING:
    from eventwire.actors.coder import ActorCoder
    from eventwire.actors.kb import KnowledgeBase

ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z]{1,9}$")
NAME_ENTITIES = {"ORG", "NORP", "GPE", "FAC"}


def acronym_definitions(doc) -> dict[str, tuple[int, int]]:
    """The acronyms the text itself defines, as {acronym: (where it is defined, the root token of
    the name it stands for)}. The name must be one the recogniser marked, starting with the
    acronym's first letter."""
    found: dict[str, tuple[int, int]] = {}
    for tok in doc[2:-1]:
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or not ACRONYM_RE.match(tok.text) \
                or sum(c.isupper() for c in tok.text) < 2 or tok.text in found:
            continue
        name = next((e for e in doc.ents if e.start <= tok.i - 2 < e.end and e.label_ in NAME_ENTITIES), None)
        if name is None:
            continue
        words = [t for t in name if t.i < tok.i - 1 and t.pos_ != "DET"]
        if len(words) > 1 and words[0].text[:1] == tok.text[:1]:
            found[tok.text] = (tok.i, _name_root(words))
    return found


def _name_root(words: list) -> int:
    """The token of a name's words that the others hang on."""
    inside = {t.i for t in words}
    return next((t.i for t in words if t.head.i not in inside or t.head is t), words[-1].i)


def as_defined(coder: "ActorCoder", head, day: Optional[str]) -> Optional[Party]:
    """An acronym the text defined before is the party of the name it stands for -- before any
    namesake in the tables (ANC, in a story from Togo, is the National Alliance for Change)."""
    if coder.defined_acronyms is None:
        coder.defined_acronyms = acronym_definitions(head.doc)
    defined = coder.defined_acronyms.get(head.text)
    if defined is None or head.i <= defined[0]:
        return None
    party = coder.code(head.doc[defined[1]], day)
    if party is None or not party.country:
        return None
    return replace(party, text=head.text, start=head.idx, end=head.idx + len(head.text),
                   why=f"'{head.text}' is what the text calls {head.doc[defined[1]].text!r} ({party.why})")


def known_as(coder: "ActorCoder", head, day: Optional[str]) -> Optional[Party]:
    """A name the tables lack, told with one they hold: "..., known as JNIM," is JNIM."""
    known = next((g for c in head.children if c.dep_ == "acl" and c.lemma_ == "know"
                  for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                  for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
    party = coder.code(known, day) if known is not None else None
    if party is None or not party.sector:
        return None
    return replace(party, why=f"'{head.text}' is known as {party.text}: {party.why}")


WING_NOUNS = {"wing", "arm", "branch", "affiliate", "offshoot"}
ARMED_OWNER_SECTORS = {"PTY", "OPP"}  # a party's armed wing fights: a rebel group of its country


def wing_of(coder: "ActorCoder", head, day: Optional[str]) -> Optional[Party]:
    """A name told as the wing of a party the text names ("The People's Defense Forces, the PKK's
    armed wing,"; "..., the military wing of Hamas,"): that party's side, whatever namesake the
    tables hold (Myanmar's People's Defence Force)."""
    wing = next((c for c in head.children if c.dep_ == "appos" and c.lemma_.lower() in WING_NOUNS), None)
    if wing is None:
        return None
    owner = next((c for c in wing.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) \
        or next((g for c in wing.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
    if owner is None:
        return None
    party = coder.code(owner, day)
    if party is None or not party.country or not party.sector:
        return None
    armed = any(c.lower_ in ("armed", "military") for c in wing.children)
    sector = "REB" if armed and party.sector in ARMED_OWNER_SECTORS else party.sector
    first, last = head.left_edge, wing.right_edge
    return replace(party, text=head.doc[first.i:last.i + 1].text, start=first.idx, end=last.idx + len(last.text),
                   sector=sector, why=f"'{head.text}' is told as {owner.text}'s {wing.text}: {party.why}")


HALVES = ("north", "south")


def article_halves(kb: "KnowledgeBase", doc) -> dict[str, Any]:
    """{"north": term, ...}: the one country named "North ..." ("South ...") that the article names:
    what a bare "the North" ("the South") stands for in it (North Korea, South Sudan)."""
    text = doc.text.lower()
    out: dict[str, Any] = {}
    for half in HALVES:
        named = {term.iso3: term for alias, term in kb.countries.items()
                 if alias.startswith(half + " ") and not term.ethnic and re.search(rf"\b{re.escape(alias)}\b", text)}
        if len(named) == 1:
            out[half] = next(iter(named.values()))
    return out


def half_country(coder: "ActorCoder", tok) -> Optional[Any]:
    """The country "the North" ("The North's Foreign Ministry") stands for, or None: a capitalised
    bare North/South that opens no longer name ("North Kivu", "the South China Sea")."""
    if tok.lower_ not in HALVES or not tok.text[:1].isupper() or tok.dep_ == "compound" or tok.i == 0 \
            or tok.doc[tok.i - 1].lower_ != "the":
        return None
    if coder.halves is None:
        coder.halves = article_halves(coder.kb, tok.doc)
    return coder.halves.get(tok.lower_)
