"""What an article's web address says about where it was written.

A careful coder reading "Berea police are searching..." on richmondregister.com knows the Berea
is the Kentucky town next to Richmond, and reads "London" on lfpress.ca as London, Ontario. The
address carries two facts: a country-code domain (".ca", ".ie", ".co.uk") names the outlet's
country, and many local papers spell their town in the name ("theparisnews", "oxfordpress",
"thelancasterandmorecambecitizen"). :func:`outlet_hint` reads both. The places stage treats them
as one more mention of that country and that town in the article: evidence, not a verdict
(eventwire.places). Only a complete reading counts: the domain must split entirely into
newspaper words and place names, so "masslive" or "ajc" give no town.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from eventwire.geo import haversine_km
from eventwire.places.gazetteer import Gazetteer, GeoEntry
from eventwire.places.name_forms import fold
from eventwire.places.evidence import OUTLET_KEY, support

# Country codes sold as generic names ("news.tv", "radio.fm", "startup.io") say nothing of a country.
GENERIC_CCTLDS = {"tv", "io", "co", "me", "fm", "ly", "ai", "cc", "ws", "to", "am", "gg", "ms", "nu", "tk", "la",
                  "ag", "sh", "gl", "ac", "vc", "st", "sc", "pw", "eu", "asia", "info", "biz", "int"}
# Second-level labels of country domains ("co.uk", "com.ge", "org.eg"): part of the suffix, not a name.
SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "go", "or", "ne", "gob", "gouv", "nic", "mil", "news"}
HOST_PREFIXES = {"www", "m", "mobile", "amp", "news", "edition", "weekly", "english", "en", "online"}
# Words of newspaper nameplates. A word here is never read as a town ("echopress", "heraldonline":
# Echo, Oregon and Herald, California are not meant).
NAMEPLATE_WORDS = {
    "the", "and", "of", "a", "daily", "weekly", "sunday", "evening", "morning", "news", "newspaper", "newspapers",
    "times", "post", "herald", "tribune", "globe", "sun", "star", "journal", "gazette", "courier", "press",
    "register", "sentinel", "monitor", "leader", "dispatch", "enterprise", "independent", "telegram", "telegraph",
    "mercury", "observer", "examiner", "chronicle", "record", "recorder", "review", "citizen", "standard",
    "express", "mail", "eagle", "democrat", "republican", "republic", "bulletin", "advocate", "guardian", "argus",
    "beacon", "intelligencer", "inquirer", "enquirer", "constitution", "item", "palladium", "reporter", "echo",
    "messenger", "pioneer", "ledger", "union", "banner", "voice", "online", "local", "live", "today", "world",
    "nation", "national", "city", "county", "free", "new", "info", "now", "media", "tv", "radio", "fm", "am", "net",
    "web", "digital", "patch", "current", "spectator", "statesman", "progress", "signal", "clarion", "mirror",
    "planet", "sentinal", "hometown", "community", "area", "valley", "region", "regional", "metro", "town", "talk",
    "bee", "blade", "capital", "lance", "picayune", "pilot", "plain", "dealer", "weekend", "courant", "commercial",
    "appeal", "vindicator", "whig", "yorker", "state", "this", "is", "my", "in", "our",
}
MIN_PLACE_LETTERS = 4
MIN_TOWN_POPULATION = 5_000  # "alextimes" is not from Alex, Oklahoma (pop. 550)


@dataclass(frozen=True)
class OutletHint:
    host: str
    country: Optional[str] = None  # ISO3 of a country-code domain
    places: tuple[str, ...] = ()  # place names spelled in the domain ("richmond")

    def __bool__(self) -> bool:
        return bool(self.country or self.places)


@lru_cache(maxsize=1)
def _place_keys(gaz: Gazetteer) -> dict[str, str]:
    """Place names as a domain spells them ("lancaster", "newyork") -> the gazetteer key."""
    keys: dict[str, str] = {}
    for key, bucket in gaz.index.items():
        squeezed = key.replace(" ", "")
        if len(squeezed) < MIN_PLACE_LETTERS or not squeezed.isalpha():
            continue
        if any(not alt and (gaz.entries[i].feature in ("admin1", "country") or
                            gaz.entries[i].feature == "city" and gaz.entries[i].population >= MIN_TOWN_POPULATION)
               for i, alt in bucket):
            keys.setdefault(squeezed, key)
    return keys


def _segment(label: str, places: dict[str, str]) -> Optional[list[tuple[str, bool]]]:
    """Split a domain label into nameplate words and place names, fewest pieces first; None when
    some part is neither. Each piece is (text, is_place)."""
    best: list[Optional[list[tuple[str, bool]]]] = [None] * (len(label) + 1)
    best[0] = []
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - 30), end):
            prefix = best[start]
            if prefix is None:
                continue
            piece = label[start:end]
            if piece in NAMEPLATE_WORDS:
                option = prefix + [(piece, False)]
            elif piece in places:
                option = prefix + [(places[piece], True)]
            else:
                continue
            current = best[end]
            if current is None or len(option) < len(current):
                best[end] = option
    return best[len(label)]


def host_of(url_or_host: str) -> str:
    """The lower-case host name of a URL or bare domain."""
    text = url_or_host.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    return text.split("/", 1)[0].split(":", 1)[0]


def outlet_hint(url_or_host: Optional[str], gaz: Gazetteer) -> OutletHint:
    """The country and towns an outlet's address names (empty when it names none)."""
    if not url_or_host:
        return OutletHint("")
    host = host_of(url_or_host)
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return OutletHint(host)
    tld = labels.pop()
    country = gaz.iso2to3.get(tld.upper()) if len(tld) == 2 and tld not in GENERIC_CCTLDS else None
    if tld == "uk":
        country = "GBR"
    if country and len(labels) > 1 and labels[-1] in SECOND_LEVEL:
        labels.pop()
    while len(labels) > 1 and labels[0] in HOST_PREFIXES:
        labels.pop(0)
    places: list[str] = []
    keys = _place_keys(gaz)
    for label in labels:
        for part in label.split("-"):
            pieces = _segment(part, keys) if part.isalpha() else None
            places += [text for text, is_place in pieces or () if is_place]
    if country:  # "weekly.ahram.org.eg": no Ahram in Egypt, so no town
        places = [p for p in places if any(e.country == country for e, alt in gaz.lookup(p) if not alt)]
    return OutletHint(host, country, tuple(dict.fromkeys(places)))


def outlet_readings(gaz: Gazetteer, outlet: OutletHint, name: str) -> list[GeoEntry]:
    """The readings of a place the address names, in the domain's country when it has one."""
    return [e for e, alt in gaz.lookup(name) if not alt and (not outlet.country or e.country == outlet.country)]


def outlet_votes(gaz: Gazetteer, outlet: OutletHint, votes: Counter[str], named_by: dict) -> None:
    """Add the address's votes for the article's countries: a country domain like a country named
    once, a town in the name like a town named once ("richmondregister.com": some Richmond)."""
    if outlet.country:
        votes[outlet.country] += 1
    for name in outlet.places:
        entries = outlet_readings(gaz, outlet, name)
        country = next((e.country for e in entries if e.feature == "country"), None)
        if country:
            votes[country] += 1
        elif any(e.feature == "admin1" for e in entries) and not any(e.feature == "city" for e in entries):
            for e in entries:
                if e.feature == "admin1":
                    named_by.setdefault((e.cc2, e.admin1_code), set()).add(OUTLET_KEY)
        else:
            towns = {e.country for e in entries if e.feature == "city"}
            for iso3 in towns:
                votes[iso3] += 1 / len(towns)  # type: ignore[assignment]  # a float share in a Counter


def outlet_points(gaz: Gazetteer, outlet: OutletHint, limit: int) -> dict[str, list[tuple[float, float]]]:
    """The towns the address names as more names of the article: folded name -> reading points."""
    groups = {}
    for name in outlet.places:
        towns = sorted((e for e in outlet_readings(gaz, outlet, name) if e.feature == "city"), key=lambda e: -e.population)
        if towns:
            groups[fold(name)] = [(e.lat, e.lon) for e in towns[:limit]]
    return groups


def outlet_home(gaz: Gazetteer, outlet: OutletHint, shares: dict[str, float], divisions: set,
                others: list[list[tuple[float, float]]], margin: float, radius_km: float) -> Optional[tuple[float, float]]:
    """The one town the outlet's address names, read in the article's light: its likeliest reading
    by population, the article's countries (``shares``) and divisions, and the article's other names
    near it (``others``: their readings' points); None when two far-apart readings are within ``margin``."""
    scored = []
    for e in outlet_readings(gaz, outlet, outlet.places[0]):
        if e.feature != "city":
            continue
        score = math.log10(e.population + 10) / 2 + 3.0 * shares.get(e.country, 0.0)
        if (e.cc2, e.admin1_code) in divisions:
            score += 2.0
        score += min(1.5 * sum(support(e, points) for points in others), 3.0)
        scored.append((score, e))
    scored.sort(key=lambda x: -x[0])
    if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < margin
                      and haversine_km(scored[0][1].lat, scored[0][1].lon, scored[1][1].lat, scored[1][1].lon) > radius_km):
        return None
    return scored[0][1].lat, scored[0][1].lon
