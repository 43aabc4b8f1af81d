"""Derive eventwire/data/phoenix_actors.tsv: named actors with country and dated sectors.

    python tools/build_phoenix_kb.py [SHARED_DATA_DIR]

Facts (names, CAMEO codes, role dates) from the Phoenix/PETRARCH actor dictionaries (Open Event
Data Alliance, MIT licence; a copy is in ../shared/data/phoenix-dictionaries). The dictionaries stop
around 2014-2015; eventwire/data/actors.json (written by the project) overrides them and carries
today's office holders. Output columns:

    name  aliases(|)  country(ISO3, IGO or empty)  default_sector  roles(SECTOR:start:end;...)

Only entries that carry a sector are kept (country-only blocks are covered by countries.tsv).
Sectors outside the event contract (ELI, ...) become empty: a former leader keeps a country, no sector.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "phoenix_actors.tsv"
CONTRACT = {"GOV", "MIL", "REB", "COP", "JUD", "SPY", "OPP", "CVL", "IGO", "NGO", "MED", "REF", "BUS", "LEG",
            "EDU", "HLH", "PTY", "CRM"}
CAMEO_TO_ISO = {"JAP": "JPN", "GMY": "DEU", "UK": "GBR", "SER": "SRB", "YUG": "SRB", "ROM": "ROU", "DRC": "COD",
                "ZAI": "COD", "BUL": "BGR", "SWZ": "CHE", "CRO": "HRV", "PAL": "PSE", "KOS": "XKX", "SUD": "SDN",
                "ANG": "AGO", "KSV": "XKX", "SUN": "RUS", "DDR": "DEU", "TMP": "TLS"}
SECTOR_ALIASES = {"MNC": "BUS", "SPY": "SPY", "JUD": "JUD", "INS": "REB", "UAF": "REB", "RAD": "OPP"}
REGIONS = {"INT", "IMG", "MEA", "SAS", "WEU", "KKL", "AFR", "EUR", "ASA", "SAM", "NAF", "WAF", "EAF", "BUD", "CAS",
           "CFR", "EEU", "EIN", "HIN", "KNT", "LAM", "NMR", "SAF", "SEA"}
CODE_RE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\]")


def _date(s: str | None) -> str:
    if not s:
        return ""
    s = s.lstrip("<>")
    if len(s) == 6:
        yy = int(s[:2])
        s = ("19" if yy > 30 else "20") + s
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}"


def _name(raw: str) -> str:
    raw = raw.split("#", 1)[0].strip().lstrip("+").rstrip("_").replace("_", " ").strip()
    return re.sub(r"\s+", " ", raw)


def _decode(code: str) -> tuple[str, str]:
    """(country, sector) from a CAMEO code such as UKRGOV, IGOUNO, NGOAMN, MNCUSA, GRCREB."""
    head = code[:3]
    if head in ("IGO", "NGO"):
        return ("IGO" if head == "IGO" else ""), head
    if head == "MNC":
        return "", "BUS"
    country = CAMEO_TO_ISO.get(head, head)
    sector = code[3:6]
    sector = SECTOR_ALIASES.get(sector, sector)
    if len(country) != 3 or country in REGIONS:
        country = ""
    return country, sector if sector in CONTRACT else ""


def parse(path: Path) -> list[tuple[str, list[str], list[tuple[str, str, str, str]]]]:
    entries = []
    current = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        codes = CODE_RE.findall(line)
        text = line.split("[", 1)[0]
        if line[:1] not in (" ", "\t", "+") and text.strip():
            current = (_name(text), [], [])
            entries.append(current)
        elif line.startswith("+") and current is not None:
            current[1].append(_name(text))
        for code, start, end in codes:
            if current is None:
                continue
            country, sector = _decode(code)
            if start.startswith("<"):
                start, end = "", start
            current[2].append((country, sector, _date(start), _date(end)))
    return entries


def main(shared: Path) -> None:
    folder = shared / "phoenix-dictionaries"
    rows = []
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for name, aliases, roles in parse(folder / fname):
            if not name or not roles or not any(sector for _, sector, _, _ in roles):
                continue
            countries = [c for c, _, _, _ in roles if c]
            country = countries[0] if countries else ""
            undated = [s for c, s, a, b in roles if not a and not b]
            role_txt = ";".join(f"{s}:{a}:{b}" for c, s, a, b in roles if (a or b))
            alias_txt = "|".join(a for a in dict.fromkeys(aliases) if a and a != name)
            rows.append("\t".join([name, alias_txt, country, undated[-1] if undated else "", role_txt]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Named actors derived from the Phoenix/PETRARCH dictionaries (Open Event Data Alliance, MIT licence).\n")
        f.write("# name\taliases\tcountry\tdefault_sector\troles (SECTOR:start:end;...)\n")
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} actors -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
