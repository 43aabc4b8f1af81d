"""Names the text itself gives a party: an acronym it defines ("the Miyetti Allah Cattle Breeders
Association of Nigeria (MACBAN)"), and a name the tables lack told with one they hold ("The Support
Group for Islam and Muslims, known as JNIM,"). What the article says a name stands for beats a
namesake in the actor tables. Read by :class:`eventwire.actors.coder.ActorCoder`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from eventwire.model import Party

if TYPE_CHECKING:
    from eventwire.actors.coder import ActorCoder

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
