"""The ACLED CSV joins ACLED's: every column of its public export in its order (plus geonameid),
its value conventions, canonical actor names, and ACLED sub-event types chosen by rules from data."""
import csv
import io
import re

import pytest

from eventwire.events import acled
from eventwire.formats.export import ACLED_COLUMNS, acled_count, acled_rows, ascii_name, source_scale, write, write_acled
from eventwire.model import Article
from eventwire.store import open_store

ACLED_ORDER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
               "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
               "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
               "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
# how ACLED's own CSV reads: integers never missing, text columns may be empty
INTS = ["year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "timestamp"]
FLOATS = ["latitude", "longitude"]
TEXTS = [c for c in ACLED_ORDER if c not in INTS + FLOATS + ["event_date"]]
ACLED_DTYPES = {**{c: "int64" for c in INTS}, **{c: "float64" for c in FLOATS}, **{c: "string" for c in TEXTS}}
ALL_SUB_EVENTS = {
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}


def place(name, country, admin1=None, gid=1, lat=10.0, lon=20.0, precision="place"):
    return {"text": name, "name": name, "geonameid": gid, "country": country, "admin1": admin1, "admin2": None,
            "lat": lat, "lon": lon, "precision": precision, "start": 0, "end": len(name)}


def party(text, country=None, sector=None, name=None):
    return {"text": text, "name": name, "country": country, "sector": sector, "start": 0, "end": len(text)}


def record(sub_event, location, actor=None, recipient=None, quantities=(), source="Reuters", day="2025-03-15",
           event_type=None, type_="ASSAULT"):
    event_type = event_type or next(t for t, subs in ALL_SUB_EVENTS.items() if sub_event in subs)
    return {"id": f"r{abs(hash((sub_event, str(location), str(actor))))}", "type": type_, "mode": None,
            "article": {"id": "a1", "published": day, "source": source},
            "acled": {"event_type": event_type, "sub_event_type": sub_event, "why": "test"},
            "actor": actor, "recipient": recipient, "location": location,
            "when": {"text": "on Saturday", "start": day, "end": day, "precision": "day"},
            "quantities": [{"kind": "killed", "value": v, "approx": "about", "text": t, "start": 0, "end": 1} for t, v in quantities],
            "reported_by": None, "certainty": "asserted",
            "evidence": {"sentence": "Something happened.", "start": 0, "end": 19, "trigger": {"text": "x", "start": 0, "end": 1}},
            "confidence": 0.8, "coder": {"name": "eventwire"}}


def row_of(rec, seq=7, timestamp=1742000000):
    [row] = list(acled_rows([dict(rec, seq=seq)], timestamp))
    return row


def test_columns_are_acleds_in_its_order_plus_geonameid():
    assert ACLED_COLUMNS == ACLED_ORDER + ["geonameid"]


def test_round_trip_with_acled_dtypes(tmp_path):
    pd = pytest.importorskip("pandas")
    recs = [record("Air/drone strike", place("Khān Yūnis", "PSE", "Gaza Strip"), party("Israeli jets", "ISR", "MIL"),
                   party("dozens of people", "PSE", "CVL"), [("dozens", 24)]),
            record("Peaceful protest", place("T'bilisi", "GEO", "T'bilisi"), party("protesters", "GEO", "CVL"), type_="PROTEST"),
            record("Armed clash", place("Sake", "COD", "Nord Kivu"), party("Wazalendo fighters", "COD", "MIL", "Wazalendo"),
                   party("M23 rebels", "COD", "REB", "M23"), [("at least 7", 7), ("9", 9)], source="Radio Okapi")]
    out = io.StringIO()
    assert write_acled(recs, out, timestamp=1742000000) == 3
    frame = pd.read_csv(io.StringIO(out.getvalue()), dtype={**ACLED_DTYPES, "geonameid": "Int64"}, keep_default_na=False,
                        parse_dates=["event_date"])
    assert list(frame.columns) == ACLED_COLUMNS
    assert frame["event_date"].dt.year.tolist() == frame["year"].tolist() == [2025] * 3
    assert frame["iso"].tolist() == [275, 268, 180] and frame["region"].tolist() == ["Middle East", "Caucasus and Central Asia", "Middle Africa"]
    assert frame["admin1"].tolist() == ["Gaza Strip", "Tbilisi", "Nord-Kivu"] and frame["location"].tolist()[:2] == ["Khan Yunis", "Tbilisi"]
    assert frame["fatalities"].tolist() == [12, 0, 7] and frame["timestamp"].unique().tolist() == [1742000000]
    assert frame["actor1"].tolist() == ["Military Forces of Israel (2022-)", "Protesters (Georgia)", "Wazalendo Militia"]
    assert frame["actor2"].tolist() == ["Civilians (Palestine)", "", "M23: March 23 Movement"]
    assert frame["interaction"].tolist() == [78, 60, 23] and frame["civilian_targeting"].tolist() == ["Civilian targeting", "", ""]
    assert frame["source_scale"].tolist() == ["International", "International", "National"]
    assert all(re.fullmatch(r"[A-Z]{3}\d+", i) for i in frame["event_id_cnty"])


def test_event_ids_are_iso3_and_a_sequence_stable_for_a_database(tmp_path):
    store = open_store(str(tmp_path / "events.db"))
    recs = [record("Attack", place("Nyala", "SDN", "Southern Darfur", gid=n, lat=12.0 + n), party("gunmen", None, "REB"),
                   party("villagers", "SDN", "CVL"), day=f"2025-03-{10 + n}") for n in range(3)]
    with store.transaction():
        for n, rec in enumerate(recs):
            store.add_article(Article(id=f"a{n}", text=f"text {n}", source="Sudan Tribune", published=rec["when"]["start"]),
                              [dict(rec, id=f"e{n}", article={"id": f"a{n}", "published": rec["when"]["start"], "source": "Sudan Tribune"})])
    exports = []
    for _ in range(2):
        out = io.StringIO()
        write(store, "acled-csv", out)
        exports.append([r["event_id_cnty"] for r in csv.DictReader(io.StringIO(out.getvalue()))])
    assert exports[0] == exports[1] == ["SDN1", "SDN2", "SDN3"]


@pytest.mark.parametrize("given,expected", [("T'bilisi", "Tbilisi"), ("Khān Yūnis", "Khan Yunis"), ("Ta\u2018izz", "Taizz"),
                                            ("Ma\u2019rib", "Marib"), ("Ségou", "Segou")])
def test_places_are_plain_english_ascii(given, expected):
    assert ascii_name(given) == expected


@pytest.mark.parametrize("admin1,country,expected", [("Sagain", "MMR", "Sagaing"), ("Nord Kivu", "COD", "Nord-Kivu"),
                                                     ("T'bilisi", "GEO", "Tbilisi"), ("Kharkiv", "UKR", "Kharkiv"),
                                                     ("Kherson Oblast", "UKR", "Kherson"), ("Northern Darfur", "SDN", "North Darfur")])
def test_divisions_as_acled_spells_them(admin1, country, expected):
    assert row_of(record("Attack", place("X", country, admin1)))["admin1"] == expected


def test_one_army_one_name_and_forces_abroad_are_external():
    gaza = place("Gaza", "PSE", "Gaza Strip")
    names = {row_of(record("Air/drone strike", gaza, p))["actor1"] for p in [
        party("Israel Defense Forces", "ISR", "MIL", "Israel Defense Forces"), party("the IDF", "ISR", "MIL", "Israel Defense Forces"),
        party("Israeli military", "ISR", "MIL", "Israel"), party("Israeli", "ISR", "MIL", "Israel")]}
    assert names == {"Military Forces of Israel (2022-)"}
    assert row_of(record("Air/drone strike", gaza, party("Israeli jets", "ISR", "MIL")))["inter1"] == 8
    home = row_of(record("Armed clash", place("Omdurman", "SDN"), party("the army", "SDN", "MIL"), party("RSF", "SDN", "REB", "Rapid Support Forces")))
    assert (home["actor1"], home["inter1"], home["actor2"], home["interaction"]) == (
        "Military Forces of Sudan (2019-)", 1, "Rapid Support Forces", 12)
    drc = row_of(record("Armed clash", place("Goma", "COD"), party("FARDC", "COD", "MIL")))
    assert drc["actor1"] == "Military Forces of the Democratic Republic of Congo (2019-)"


@pytest.mark.parametrize("sub,country,actor,expected,inter", [
    ("Attack", "SDN", party("they", None, None), "Unidentified Armed Group (Sudan)", 3),
    ("Attack", "NGA", party("dozens of terrorists", "NGA", "REB"), "Unidentified Armed Group (Nigeria)", 3),
    ("Armed clash", "SDN", None, "Unidentified Armed Group (Sudan)", 3),
    ("Peaceful protest", "GEO", party("thousands", "GEO", "CVL"), "Protesters (Georgia)", 6),
    ("Violent demonstration", "KEN", party("youths", "KEN", "CVL"), "Rioters (Kenya)", 5),
    ("Mob violence", "HTI", party("an angry crowd", "HTI", "CVL"), "Rioters (Haiti)", 5),
    ("Arrests", "GEO", party("the authorities", "GEO", "GOV"), "Police Forces of Georgia (2012-)", 1),
    ("Protest with intervention", "KEN", party("police", "KEN", "COP"), "Protesters (Kenya)", 6),
])
def test_unnamed_parties_get_acleds_generic_names_never_raw_text(sub, country, actor, expected, inter):
    row = row_of(record(sub, place("X", country), actor, type_="PROTEST" if "rotest" in sub else "ASSAULT"))
    assert (row["actor1"], row["inter1"]) == (expected, inter)
    assert row["actor1"] != (actor or {}).get("text")


def test_civilians_are_targets_with_who_they_are():
    row = row_of(record("Attack", place("Port-au-Prince", "HTI"), party("gang members", "HTI", "REB"),
                        party("two journalists", "HTI", "MED")))
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"], row["civilian_targeting"]) == (
        "Civilians (Haiti)", "Journalists (Haiti)", 7, "Civilian targeting")
    battle = row_of(record("Non-state actor overtakes territory", place("Bhamo", "MMR"),
                           party("KIA", "MMR", "REB", "Kachin Independence Army"), party("the town of Bhamo", "MMR", "CVL")))
    assert (battle["actor1"], battle["actor2"], battle["civilian_targeting"]) == ("KIA: Kachin Independence Army", "", "")


def test_a_victim_no_words_name_is_no_actor2():
    implied = {**party("", "SOM", "CVL", "Somalia"), "why": "implied: 'exploded' names no one it hit"}
    row = row_of(record("Remote explosive/landmine/IED", place("Mogadishu", "SOM"), None, implied))
    assert (row["actor2"], row["civilian_targeting"]) == ("", "")
    unnamed = {**party("", "SOM", "REB", "Unidentified Armed Group (Somalia)"), "why": "implied: no one named"}
    row = row_of(record("Remote explosive/landmine/IED", place("Mogadishu", "SOM"), unnamed))
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Somalia)", 3)


@pytest.mark.parametrize("text,value,expected", [("dozens", 24, 12), ("Scores", 40, 12), ("hundreds", 200, 100),
                                                 ("tens of thousands", 20000, 10000), ("two dozen", 24, 24),
                                                 ("at least 15", 15, 15)])
def test_vague_counts_take_acleds_values(text, value, expected):
    assert acled_count({"kind": "killed", "value": value, "text": text}) == expected


def test_fatalities_are_the_lowest_reported_figure():
    rec = record("Attack", place("X", "NGA"), quantities=[("at least 20", 20), ("dozens", 24)])
    assert row_of(rec)["fatalities"] == 12
    rec["claims"] = [{"kind": "killed", "value": 30, "text": "30"}, {"kind": "killed", "value": 25, "text": "25"}]
    assert row_of(rec)["fatalities"] == 25


def test_source_scale_from_the_outlet():
    assert source_scale(["Reuters"]) == "International" and source_scale(["Radio Okapi"]) == "National"
    assert source_scale(["Radio Okapi", "AFP"]) == "National-International" and source_scale(["my blog"]) == "Other"


def test_no_row_without_a_place_or_an_acled_type():
    assert list(acled_rows([record("Attack", None)], 0)) == []
    consult = dict(record("Attack", place("X", "SDN")), acled=None)
    assert list(acled_rows([consult], 0)) == []


def test_countries_table_is_complete():
    table = acled.countries()
    assert len(table) >= 250 and table["SDN"].numeric == 729 and table["UKR"].region == "Europe"
    assert table["COD"].name == "Democratic Republic of Congo" and table["PSE"].name == "Palestine"
    assert acled.government_since("SDN", "2025-03-01") == "2019" and acled.government_since("SDN", "2010-01-01") == "1989"
    assert acled.government_since("ISR", "2022-01-01") == "2021" and acled.government_since("GEO", None) == "2012"


def test_every_acled_sub_event_has_a_rule_and_a_definition():
    rules = acled.rules()
    for event_type, subs in ALL_SUB_EVENTS.items():
        for sub in subs:
            assert rules.sub_events[sub].event_type == event_type and rules.sub_events[sub].definition
            assert any(r.sub_event == sub for r in rules.rules), sub
    assert set(rules.sub_events) == {s for subs in ALL_SUB_EVENTS.values() for s in subs}


# -- sub-event types through the product path -----------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("text,sub_event", [
    ("Police used water cannon to disperse protesters in Tbilisi on Monday.", "Protest with intervention"),
    ("Security forces shot dead two protesters in Nairobi on Monday.", "Excessive force against protesters"),
    ("The Kachin Independence Army captured the town of Bhamo in Kachin state on Tuesday.", "Non-state actor overtakes territory"),
    ("Somali government forces recaptured the town of Bulo Burde from al-Shabaab on Sunday.", "Government regains territory"),
    ("Gunmen burned dozens of homes in a village near Bunia on Tuesday.", "Looting/property destruction"),
    ("Rebels shot down a military helicopter near Goma on Tuesday.", "Armed clash"),
    ("Ukrainian air defences shot down 40 Russian drones over Kyiv overnight.", "Disrupted weapons use"),
    ("Israeli strikes killed 12 people in Khan Younis on Saturday.", "Air/drone strike"),
    ("Russian forces attacked Ukrainian positions near Pokrovsk with chlorine gas on Tuesday.", "Chemical weapon"),
    ("Unidentified attackers threw a grenade at a police station in Cucuta on Saturday, injuring three officers.", "Grenade"),
    # a village the gazetteer lacks is still a place to take; a particle after its object; a jet brought down
    ("M23 rebels seized Kalembe in North Kivu province on Thursday after clashes with the army.", "Non-state actor overtakes territory"),
    ("Gunmen took four traders away from a market in Zamfara on Sunday.", "Abduction/forced disappearance"),
    ("Insurgents brought down an air force jet with a heavy machine gun near Maiduguri on Monday.", "Armed clash"),
])
def test_sub_event_types_from_the_codebook_definitions(pipeline, text, sub_event):
    events = [e for e in pipeline.code(text, published="2025-03-15") if e.acled]
    assert events, text
    assert events[0].acled["sub_event_type"] == sub_event, events[0].acled
    assert events[0].acled["why"].split(":")[0] in {r.id for r in acled.rules().rules}


def test_acled_scoring_rules():
    from eventwire.evaluation.acled_notes import canonical, weighted_f1
    from eventwire.evaluation.scorer import acled_right

    assert weighted_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert abs(weighted_f1(["a", "a", "b", "b"], ["a", "none", "b", "a"]) - 0.5833) < 1e-3
    gold = {"acled": {"event_type": "Battles", "sub_event_type": "Armed clash"}, "acled_also": ["Attack"]}
    assert acled_right(gold, {"acled": {"sub_event_type": "Attack"}}) is True
    assert acled_right(gold, {"acled": None}) is False
    shaped = {**gold, "acled_also": [{"event_type": "Violence against civilians", "sub_event_type": "Attack"}]}
    assert acled_right(shaped, {"acled": {"sub_event_type": "Attack"}}) is True  # an alternative shaped like `acled`
    assert acled_right({"acled": None}, {"acled": None}) is True  # ACLED records no such event
    assert acled_right({}, {"acled": None}) is None  # gold without ACLED labels: not scored
    assert canonical("Unidentified Armed Group (Niger)") and not canonical("dozens of terrorists")


def test_fans_fighting_are_mob_violence_and_explosive_belts_a_suicide_bombing(pipeline):
    def sub_events(text):
        return [(e.acled or {}).get("sub_event_type") for e in pipeline.code(text, published="2016-06-11")]

    assert sub_events("Russian fans charged at the section of the stadium containing England supporters.") == ["Mob violence"]
    assert sub_events("The agency said IS militants had detonated a car bomb and then blown up explosive belts.") == ["Suicide bomb"]
    assert sub_events("Last night he suffered a heart attack.") == []


def test_shelling_that_hit_civilians_property_is_no_mob(pipeline):
    # a civilian read as the actor of a sentence that names shelling is a misreading, not a mob
    for e in pipeline.code("A man carries belongings from his shop destroyed by shelling from government forces in Aleppo.",
                           published="2016-06-11"):
        assert (e.acled or {}).get("sub_event_type") != "Mob violence"


def test_a_device_that_exploded_is_a_remote_explosive(pipeline):
    events = pipeline.code("Police are hunting a suspect believed to have left a bag containing a device that exploded on Friday, "
                           "wounding 13 people on a busy street in Lyon.", published="2019-05-25")
    assert "Remote explosive/landmine/IED" in [(e.acled or {}).get("sub_event_type") for e in events if e.type == "ASSAULT"]


def test_a_clash_where_demonstrators_are_is_a_violent_demonstration_and_between_armed_men_a_battle(pipeline):
    def sub_events(text):
        return [(e.acled or {}).get("sub_event_type") for e in pipeline.code(text, published="2008-06-01") if e.type == "ASSAULT"]

    assert sub_events("Clashes with police in Bihar have left 20 villagers injured and one man dead, since many are "
                      "staging protests after being forced from their homes.") == ["Violent demonstration"]
    assert sub_events("Soldiers clashed with gunmen in Maiduguri on Monday.") == ["Armed clash"]
