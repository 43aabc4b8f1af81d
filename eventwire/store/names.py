"""Countries and actors by the names people type: "Sudan", "sdn", "SD", "Côte d'Ivoire", "RSF".

Filters store ISO3 codes and canonical actor names; these functions map what an analyst types to
them, and suggest close names when nothing matches (a silent "0 events" is the trap they remove).
Countries come from ``eventwire/data/countries.tsv`` (names, ISO2/ISO3 and the aliases column);
actor aliases from the actor knowledge base (:mod:`eventwire.kb`), loaded on first use.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from typing import NamedTuple, Optional

from eventwire.datafiles import data_lines
from eventwire.places.name_forms import fold


# codes the actor knowledge base gives parties that are no country
EXTRA_CODES = {"IGO": "International organisations", "NGO": "International non-governmental organisations"}


class Country(NamedTuple):
    iso3: str
    iso2: str
    name: str
    lat: Optional[float] = None  # its conventional centre (for a map label)
    lon: Optional[float] = None
    population: int = 0


class UnknownName(ValueError):
    """A name that matches no country; the message lists the closest ones."""


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the project's table, by name."""
    out = [Country(cols[1], cols[0], cols[2], _float(cols[5]), _float(cols[6]), int(_float(cols[7]) or 0))
           for cols in data_lines("countries.tsv")]
    out += [Country(code, "", name) for code, name in EXTRA_CODES.items()]
    return tuple(sorted(out, key=lambda c: c.name))


def _float(value: str) -> Optional[float]:
    try:
        return float(value)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Folded name, alias, ISO2 or ISO3 -> ISO3."""
    index: dict[str, str] = {}
    for cols in data_lines("countries.tsv"):
        iso2, iso3, name, aliases = cols[0], cols[1], cols[2], cols[8] if len(cols) > 8 else ""
        for key in (name, *filter(None, aliases.split("|"))):
            index.setdefault(fold(key), iso3)
        index[iso3.lower()] = iso3  # codes win over names ("IND" is India, never a name)
        index.setdefault(iso2.lower(), iso3)
    for code, name in EXTRA_CODES.items():
        index[code.lower()] = code
        index.setdefault(fold(name), code)
    return index


def country_name(iso3: Optional[str]) -> Optional[str]:
    """The English short name of an ISO3 code (the code itself when unknown)."""
    if not iso3:
        return None
    return _names().get(iso3, iso3)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {c.iso3: c.name for c in countries()}


def country_code(value: str) -> Optional[str]:
    """ISO3 for a country's ISO3 or ISO2 code, name or alias, in any case and accents; else None."""
    key = fold(value)
    if not key:
        return None
    found = _country_index().get(key)
    if found is None and key.startswith("the "):
        found = _country_index().get(key[4:])
    return found


def country_suggestions(value: str, n: int = 5) -> list[str]:
    """Up to ``n`` "Name (ISO3)" that start with or resemble ``value``."""
    key = fold(value)
    by_name = {fold(c.name): c for c in countries()}
    starts = [c for k, c in by_name.items() if key and k.startswith(key)]
    close = [by_name[k] for k in difflib.get_close_matches(key, list(by_name), n=n, cutoff=0.6)]
    picked = list(dict.fromkeys(starts + close))[:n]
    return [f"{c.name} ({c.iso3})" for c in picked]


def check_country(value: str) -> str:
    """ISO3 for a known country, else UnknownName naming the closest countries."""
    code = country_code(value)
    if code is not None:
        return code
    hint = country_suggestions(value)
    raise UnknownName(f"country {value!r} is not a country name or ISO code"
                      + (f": did you mean {', '.join(hint)}?" if hint else ""))


def actor_names(value: str) -> list[str]:
    """``value`` and, when it is a known alias ("RSF"), the actor's canonical name."""
    from eventwire.actors.kb import load

    kb = load()
    entity = kb.entities.get(fold(value)) or kb.dictionary.get(fold(value))
    names = [value]
    if entity is not None and fold(entity.name) != fold(value):
        names.append(entity.name)
    return names
