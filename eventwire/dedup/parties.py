"""Whether two coded parties may be one side told twice (:mod:`eventwire.dedup.within`): the same
sector and country, unless unnamed armed men or a town that holds what was hit; and whether two
statements come from two speakers or aim at two targets."""
from __future__ import annotations

import re
from typing import Optional

from eventwire.actors.sectors import TITLES
from eventwire.model import Party, is_implied
from eventwire.places.toponyms import LOCALITY_WORDS

# organisations are told apart by name: two NGOs' appeals are two appeals
NAMED_SECTORS = {"NGO", "IGO"}


def party_ok(a, b) -> bool:
    """Whether two coded parties may be one (an unknown or implied one always may)."""
    if a is None or b is None or is_implied(a) or is_implied(b):
        return True
    if a.sector and b.sector and a.sector != b.sector and not unnamed_armed(a, b):
        return False  # civilians and soldiers are different victims
    if a.name and b.name and a.name != b.name and {a.sector, b.sector} & NAMED_SECTORS:
        return False  # "Human Rights Watch had asked ..." and "Amnesty International have sought ..."
    if a.sector == b.sector == "GOV" and (a.country is None) != (b.country is None):
        return False  # "Western powers" (no one country) and "the United Kingdom": two addressees
    return a.country is None or b.country is None or a.country == b.country


# a non-state armed party no name tells apart: "gang members" and "gunmen" may be the same men
UNNAMED_ARMED = {"REB", "CRM"}


def unnamed_armed(a: Party, b: Party) -> bool:
    """Both unnamed, both non-state armed men."""
    return not a.name and not b.name and {a.sector, b.sector} <= UNNAMED_ARMED


def a_town(p: Optional[Party]) -> bool:
    """A recipient that is a whole town ("attacked the town of X"): whatever in it a restatement
    says was hit ("opened fire on the police station") lies inside it."""
    head = p.text.lower().split(" of ")[0].split() if p is not None else []
    return bool(head) and head[-1] in LOCALITY_WORDS  # "the town of X", "the central Haitian town", not "a city bus"


# two statements of one kind (linking.SPEECH_ACTS) by two speakers are two events
SPEAKER_FILLER = {"the", "a", "an", "of", "'s", "and", "its", "his", "her", "their", "for", "in", "on", "to", "with", "by",
                  "at",
                  # what describes a party without naming it: two coalitions "of the opposition" are two speakers
                  "opposition", "civil", "society", "national", "people", "popular", "democratic"}


def _speaker_words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", text.replace("\u2019", "'"))} - SPEAKER_FILLER - {""}


# words of an office: two officials of one ministry share them, but not their names
PERSON_TITLES = TITLES | {"spokesman", "spokeswoman", "spokesperson", "chief"}
OFFICE_WORDS = PERSON_TITLES | {"ministry", "deputy", "state", "affairs", "office", "senior", "official", "head", "army",
                                "military", "government", "security", "council"}


def other_speakers(a, b) -> bool:
    """Both speakers named, in words that share nothing ("Georgian Dream officials" and "Prime
    Minister Irakli Kobakhidze"), or two titled officials with other names ("Foreign Ministry
    spokesman Esmaeil Baghaei" and "Foreign Minister Abbas Araghchi"): two statements, not one
    told twice ("the ministry" and "the Interior Ministry" share a word)."""
    if a is None or b is None or is_implied(a) or is_implied(b) or not a.text or not b.text:
        return False
    if not (_speaker_words(a.refers_to or a.text) & _speaker_words(b.refers_to or b.text)):
        return True
    names_a, names_b = _personal_name(a), _personal_name(b)
    return bool(names_a and names_b and not names_a & names_b)


def _personal_name(party) -> set[str]:
    """The capitalised words of a titled official's mention that are neither the office nor the
    country ("Iran's Foreign Minister Abbas Araghchi" -> abbas, araghchi); empty for an office or
    a body ("the Foreign Ministry", "Human Rights Watch")."""
    text = (party.refers_to or party.text).replace("\u2019", "'")
    words = re.findall(r"[\w-]+", text)
    if not any(w.lower() in PERSON_TITLES for w in words):
        return set()
    country = {w.lower() for w in re.findall(r"[\w-]+", party.name or "")}
    return {w.lower() for w in words if w[:1].isupper() and w.lower() not in OFFICE_WORDS | SPEAKER_FILLER | country}


def other_targets(a, b) -> bool:
    """Two statements by one speaker aimed at parties named in words that share nothing and not
    coded alike ("accused hooligans of hijacking the rally" and "accused foreign intelligence
    services of financing the protests"): two charges. "Russia" and "Moscow" are coded alike."""
    if not other_speakers(a, b):
        return False
    return not (a.country and a.country == b.country and a.sector and a.sector == b.sector)


def one_attacker(p: Optional[Party], q: Optional[Party]) -> bool:
    """Both acts told of one attacker: named, of one kind (the other side's fight-back is its own act)."""
    return p is not None and q is not None and p.sector is not None and (p.sector == q.sector or unnamed_armed(p, q))


def same_sides(p: Optional[Party], q: Optional[Party]) -> bool:
    """Both named by the text, of one country and sector."""
    return p is not None and q is not None and not is_implied(p) and not is_implied(q) and bool(p.country) \
        and bool(p.sector) and (p.country, p.sector) == (q.country, q.sector)


def one_side(p: Optional[Party], q: Optional[Party]) -> bool:
    """One side of a fight told twice: the same sector, and the same country unless an armed group,
    which fights across borders (Boko Haram in Niger)."""
    if p is None or q is None or is_implied(p) or is_implied(q) or p.sector != q.sector:
        return False
    return p.sector == "REB" or (p.country is not None and p.country == q.country)
