"""Merges that cannot lie: two reports become one event only when their countries are known and
equal, their places are close and their dates overlap; every stored reason is true of both records;
a toll reaches an event from another article only through such a merge."""
import itertools
import json
import re

import pytest

from eventwire.dedup.across import DedupConfig, compare
from eventwire.model import Article
from eventwire.store import open_store

KHAN_YUNIS = ("Khan Yunis", 281133, 31.34, 34.30, "PSE", "place")
GAZA_CITY = ("Gaza", 281133, 31.50, 34.47, "PSE", "place")  # the same id as above on purpose: ids alone never merge across
AYOROU = ("Ayorou", 2446796, 14.73, 0.92, "NER", "place")
LABBEZANGA = ("Labbezanga", 2455290, 14.95, 0.69, "MLI", "place")  # 35 km from Ayorou, across the border
EL_FASHER = ("El Fasher", 379555, 13.63, 25.35, "SDN", "place")
SUDAN = ("Sudan", 366755, 15.0, 30.0, "SDN", "country")


def party(country, sector, text="they"):
    return {"text": text, "country": country, "sector": sector, "start": 0, "end": len(text)} if (country or sector) else None


def record(article_id, sentence, place=None, actor=None, recipient=None, killed=None, day="2025-03-15",
           published="2025-03-15", type_="ASSAULT"):
    loc = None
    if place:
        name, gid, lat, lon, country, precision = place
        loc = {"text": name, "name": name, "geonameid": gid, "country": country, "admin1": None, "admin2": None,
               "lat": lat, "lon": lon, "precision": precision, "start": 0, "end": len(name)}
    return {
        "id": f"{article_id}-1", "article": {"id": article_id, "published": published, "source": article_id},
        "type": type_, "mode": None, "acled": None, "actor": actor, "recipient": recipient, "location": loc,
        "when": {"text": "on Saturday", "start": day, "end": day, "precision": "day"} if day else None,
        "quantities": [{"kind": "killed", "value": killed, "approx": "over", "text": f"At least {killed}",
                        "start": 0, "end": 10}] if killed else [],
        "reported_by": None, "certainty": "asserted",
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence), "trigger": {"text": "killed", "start": 0, "end": 6}},
        "confidence": 0.8, "coder": {"name": "eventwire"},
    }


def gaza_strike(article_id="gaza", killed=15):
    return record(article_id, "An Israeli strike killed at least 15 fighters in Khan Yunis.", KHAN_YUNIS,
                  party("ISR", "MIL", "An Israeli strike"), party("PSE", "REB", "fighters"), killed)


def congo_toll(article_id="congo", killed=5):
    return record(article_id, "At least five fighters were killed.", None, None, party(None, "REB", "fighters"), killed)


def test_placeless_toll_never_joins_a_placed_event():
    m = compare(gaza_strike(), congo_toll())
    assert m.vetoed and "country unknown on one side" in m.why
    assert "agree" not in m.why.replace("an agreeing party", "")


def test_same_words_in_two_countries_stay_apart():
    words = "Gunmen killed 20 villagers in an attack on a village on Monday night, a local official said."
    niger = record("niger", words, AYOROU, party(None, "REB", "Gunmen"), party("NER", "CVL", "villagers"), 20)
    mali = record("mali", words, LABBEZANGA, party(None, "REB", "Gunmen"), party("MLI", "CVL", "villagers"), 20)
    m = compare(niger, mali)
    assert m.vetoed and m.reasons == ["different countries (NER vs MLI)"]


def test_a_party_without_a_country_is_never_agreeing():
    a = gaza_strike("a")
    b = record("b", "Israeli forces killed 12 militants in Gaza.", GAZA_CITY, party("ISR", "MIL"), party(None, "REB"))
    m = compare(a, b)
    assert "recipient country unknown on one side (PSE / ?): not agreeing" in m.reasons
    assert not any(r.startswith("recipients agree") for r in m.reasons)


def test_a_broad_place_alone_is_not_a_shared_place():
    town = record("town", "Shelling killed 12 people in El Fasher.", EL_FASHER, None, party("SDN", "CVL"))
    country = record("country", "Fighting killed dozens across Sudan.", SUDAN, None, None)
    m = compare(town, country)
    assert m.vetoed and "neither a shared place nor an agreeing party" in m.why


def test_far_apart_and_dateless_reports_never_merge():
    far = record("far", "Gunmen killed 20 villagers.", EL_FASHER, None, party("SDN", "CVL"))
    near = record("near", "Gunmen killed 20 villagers.", ("Nyala", 0, 12.05, 24.88, "SDN", "place"), None, party("SDN", "CVL"))
    assert compare(far, near).vetoed and "km apart" in compare(far, near).why
    undated = dict(near, location=far["location"], when=None, article={"id": "undated", "published": None})
    assert compare(far, undated).vetoed and "no date on one side" in compare(far, undated).why


# every combination of known/unknown country and sector for both roles on both sides: a reason that
# says parties agree names what is true of both records, and different countries always veto
SIDES = [party(c, s) for c, s in itertools.product(["PSE", "ISR", None], ["MIL", "CVL", None])]


@pytest.mark.parametrize("actors", list(itertools.product(SIDES, repeat=2)))
def test_every_stated_agreement_is_true_of_both_records(actors):
    a_actor, b_actor = actors
    for recipient_a, recipient_b in itertools.product(SIDES[::4], repeat=2):
        a = record("a", "Strike in Khan Yunis.", KHAN_YUNIS, a_actor, recipient_a)
        b = record("b", "Strike in Khan Yunis.", KHAN_YUNIS, b_actor, recipient_b)
        m = compare(a, b)
        for role, pa, pb in (("actor", a_actor, b_actor), ("recipient", recipient_a, recipient_b)):
            said = [r for r in m.reasons if re.match(rf"{role}s? (countries )?agree", r)]
            if said:
                assert pa and pb and pa["country"] and pa["country"] == pb["country"], (said, pa, pb)
            if pa and pb and pa["country"] and pb["country"] and pa["country"] != pb["country"]:
                assert m.vetoed


def test_a_toll_stays_with_its_own_article_in_the_database(tmp_path):
    store = open_store(str(tmp_path / "events.db"))
    with store.transaction():
        store.add_article(Article(id="gaza", text="gaza text", source="gaza", published="2025-03-15"), [gaza_strike()])
        store.add_article(Article(id="congo", text="congo text", source="congo", published="2025-03-15"), [congo_toll()])
    events = {e["id"]: e for e in store.events()}
    assert len(events) == 2 and store.totals()["mentions"] == 2
    gaza = next(e for e in events.values() if e["country"] == "PSE")
    assert gaza["fatalities"] == 15 and [c["value"] for c in json.loads(gaza["claims"])] == [15]
    assert [m["why"] for m in store.mentions(gaza["id"])] == ["first report"]


def test_true_restatements_still_merge(tmp_path):
    store = open_store(str(tmp_path / "events.db"))
    with store.transaction():
        store.add_article(Article(id="a", text="a", source="a", published="2025-03-15"), [gaza_strike("a", 15)])
        added = store.add_article(Article(id="b", text="b", source="b", published="2025-03-15"), [gaza_strike("b", 17)])
    assert added.merged == 1
    [event] = store.events()
    why = store.mentions(event["id"])[1]["why"]
    assert "same country (PSE)" in why and "actors agree (ISR/MIL on both sides)" in why
    assert event["fatalities"] == 15 and event["n_sources"] == 2
    assert compare(gaza_strike("a"), gaza_strike("b"), DedupConfig()).score >= DedupConfig().threshold


@pytest.mark.slow
def test_coded_articles_do_not_lend_a_toll_across_countries(tmp_path, pipeline):
    """The tester's case through the product path: a DR Congo story's placeless toll and an Israeli
    strike in Gaza on the same day."""
    from eventwire.scale.corpus import ingest

    reports = tmp_path / "reports.jsonl"
    reports.write_text("\n".join(json.dumps(r) for r in [
        {"id": "gaza", "published": "2025-03-15", "source": "Wire",
         "text": "Israeli strikes killed at least 15 Hamas fighters in Khan Younis on Saturday, the army said."},
        {"id": "drc", "published": "2025-03-15", "source": "Radio Okapi",
         "text": "The Congolese army said on Saturday that its operation against the militia was continuing.\n"
                 "At least five fighters were killed."}]) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "events.db"))
    ingest([str(reports)], store, pipeline=pipeline)
    for event in store.events():
        claims = json.loads(event["claims"])
        if event["country"] == "PSE":
            assert 5 not in [c["value"] for c in claims], claims
        merged = [m for m in store.mentions(event["id"]) if m["why"] != "first report"]
        assert all(json.loads(m["record"])["location"]["country"] == event["country"] for m in merged)


def test_reports_of_different_acled_event_types_never_merge():
    riot = record("riot", "A crowd killed two men in Petion-Ville.", ("Petion-Ville", 3719028, 18.51, -72.29, "HTI", "place"),
                  party("HTI", "CVL"), party("HTI", "CVL"))
    loot = record("loot", "Gang members set fire to homes in Petion-Ville.", ("Petion-Ville", 3719028, 18.51, -72.29, "HTI", "place"),
                  party("HTI", "REB"), party("HTI", "CVL"))
    riot["acled"] = {"event_type": "Riots", "sub_event_type": "Mob violence"}
    loot["acled"] = {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction"}
    assert compare(riot, loot).reasons == ["different ACLED event types (Riots vs Strategic developments)"]
    clash = dict(loot, acled={"event_type": "Battles", "sub_event_type": "Armed clash"})
    taken = dict(loot, id="taken", article={"id": "taken", "published": "2025-03-15"},
                 acled={"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"})
    m = compare(clash, taken)
    assert "ACLED sub-event types differ (Armed clash vs Non-state actor overtakes territory)" in m.reasons


def test_a_restatement_in_the_same_sentence_is_a_linked_word_not_a_mention(pipeline):
    events = pipeline.code("In the March 3 massacre, a gunman shot and killed 12 farmers in the town of Mopti.",
                           published="1994-03-01")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert len(assault) == 1
    words = {assault[0].evidence.trigger.text, *(w.text for w in assault[0].evidence.linked)}
    assert {"massacre", "killed"} <= words
    assert not assault[0].evidence.mentions


def test_a_jury_finding_someone_not_guilty_is_no_conviction(pipeline):
    assert [e.type for e in pipeline.code("The jury found him not guilty.", published="2025-06-01")] == []


def test_what_goes_on_and_a_dated_attack_stay_two_events(pipeline):
    text = ("A doctor in Idlib said his clinics are being deliberately targeted by Russian jets. "
            "Smoke rises after Russian jets bombed two clinics in Idlib last November.")
    events = [e for e in pipeline.code(text, published="2016-03-04") if e.type == "ASSAULT"]
    assert len(events) == 2
    dated = next(e for e in events if e.evidence.trigger.text == "bombed")
    assert dated.when is not None and dated.when.start.startswith("2015-11")


def test_two_named_organisations_requests_stay_two_events(pipeline):
    text = ("Human Rights Watch had asked Algeria to release him. Amnesty International have sought an "
            "independent investigation into his death.")
    requests = [e for e in pipeline.code(text, published="2016-12-12") if e.type == "REQUEST"]
    assert sorted(e.actor.name for e in requests) == ["Amnesty International", "Human Rights Watch"]


def test_a_party_the_coder_implied_is_never_agreeing_nor_differing():
    # the unidentified armed group and the victims a coder supplied (empty span, "implied:") say
    # nothing a report said: they neither join two reports nor keep them apart
    implied = {**party("PSE", "REB", ""), "why": "implied: no one named"}
    a = record("a", "A blast killed 15 in Khan Yunis.", KHAN_YUNIS, implied, None, 15)
    b = gaza_strike("b")
    m = compare(a, b)
    assert "actor known on one side only" in m.reasons, m.reasons
    assert not any(r.startswith("actors agree") or r.startswith("actor sectors differ") for r in m.reasons)


def test_an_event_named_only_to_date_another_is_background_and_a_restatement_merges(pipeline):
    def types(text):
        return [e.type for e in pipeline.code(text, published="2013-05-01")]

    assert types("The suspect fled to Chechnya two days after the bombing in Boston.") == []
    assert types("Security was tightened in the capital in the wake of the attack on the parliament.") == []
    assert types("The UN opened an investigation into the killings in Kasai.") == ["ACCUSE"]
    assert types("Gunmen killed 12 villagers in Kasai on Monday. The UN opened an investigation into the killings.") == [
        "ASSAULT", "ACCUSE"]
    assert types("A bomb killed 12 people at a mosque in Kabul on Friday. Police arrested five men on Monday after "
                 "the bombing.") == ["ASSAULT", "COERCE"]


def test_an_anchor_linked_to_the_act_it_dates_is_that_act(pipeline):
    # "following the attack, ISIS stormed ...": the storming is told, so the event stands
    events = pipeline.code("Following the failed VBIED attack, ISIS stormed the Syrian Arab Army's defenses at eastern "
                           "Khattab, resulting in a three hour long battle.", published="2016-05-01")
    assert [e.type for e in events] == ["ASSAULT"]


def test_one_attack_named_after_a_run_of_attacks_is_its_own_event(pipeline):
    text = ("Kurdish militants have carried out attacks on police stations across Turkey this year.\n"
            "The airport attack killed 41 people.")
    events = [e for e in pipeline.code(text, published="2016-07-01") if e.type == "ASSAULT"]
    assert any("airport attack" in e.evidence.sentence for e in events)



def test_wounded_a_hospital_received_are_the_attacks_toll(pipeline):
    text = ("Shells struck a market in Beni on Monday, killing nine civilians. A nurse at the town's general hospital "
            "said it had received more than 40 wounded.")
    attacks = [e for e in pipeline.code(text, published="2025-10-14") if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert sorted((q.kind, q.value) for q in attacks[0].quantities) == [("killed", 9), ("wounded", 40)]


def test_two_refusals_by_one_speaker_placed_only_by_the_story_are_one(pipeline):
    events = pipeline.code("PORT SUDAN, Sudan (Wire) -- Sudan's army said on Monday it had driven the Rapid Support "
                           "Forces out of Um Darota, a village in Blue Nile state, a claim the RSF rejected.\n\n"
                           "The RSF, in a statement on Telegram, denied on Monday that it had lost the village.",
                           published="2026-02-10")
    assert [e.type for e in events].count("REJECT") == 1


def test_a_verb_whose_subject_is_the_weapon_told_before_restates_the_act(pipeline):
    events = pipeline.code("BANGKOK, Thailand (Wire) -- A Myanmar military airstrike late Sunday hit a monastery where "
                           "displaced families had sheltered in the Sagaing region, killing 19 people. The bomb struck "
                           "the monastery compound in Kyaung Gon village shortly before midnight.", published="2025-11-18")
    assert [e.type for e in events].count("ASSAULT") == 1


def test_a_victim_who_died_of_wounds_is_the_toll_of_the_attack_not_an_attacker(pipeline):
    events = pipeline.code("KHERSON, Ukraine (Wire) -- Russian drones struck a crowded city bus in Kherson on Monday, "
                           "killing two people.\n\nA man in his forties who had been pulled from the bus died of his "
                           "wounds in the city's main hospital, the regional prosecutor's office said, bringing the "
                           "number of dead in the bus attack alone to three.", published="2025-08-12")
    assert [(e.type, e.actor.text if e.actor else None) for e in events] == [("ASSAULT", "Russian drones")]


def test_a_toll_placed_only_by_the_story_counts_the_latest_strike_wherever_the_story_strayed(pipeline):
    # the background paragraph between them leaves its place (Israel) to the toll, which is still the strike's
    text = ("An Israeli drone struck a motorcycle outside the town of Bint Jbeil on Friday, killing its rider.\n\n"
            "Such strikes have become routine since the truce between Israel and Hezbollah took effect, residents say.\n\n"
            "The Health Ministry said one man was killed and two people were wounded.")
    events = pipeline.code(text, published="2025-05-10")
    assert not any("Health Ministry" in e.evidence.sentence for e in events)
    strike = [e for e in events if e.evidence.trigger.text == "struck"]
    assert len(strike) == 1 and ("wounded", 2) in {(q.kind, q.value) for q in strike[0].quantities}


def test_what_a_referring_clause_is_dated_by_is_the_news(pipeline):
    # "The raid came ..." only refers back: the act in the clause that dates it is what the sentence tells
    text = ("Bandits stormed a police post near Gusau on Sunday. The raid came two days after gunmen killed three "
            "farmers near the village of Magami.")
    events = [e for e in pipeline.code(text, published="2025-03-11") if e.type == "ASSAULT"]
    assert any(e.evidence.trigger.text == "killed" for e in events), [e.evidence.trigger.text for e in events]


def test_an_act_told_as_one_more_in_the_same_sentence_is_another_event(pipeline):
    text = "The navy said its drones had hit the refinery in Tuapse and had also struck the airfield at Yeysk."
    events = [e for e in pipeline.code(text, published="2025-03-11") if e.type == "ASSAULT"]
    assert sorted(e.evidence.trigger.text for e in events) == ["hit", "struck"]
    one = [e for e in pipeline.code("Gunmen shot and killed two guards at the depot.", published="2025-03-11")
           if e.type == "ASSAULT"]
    assert len(one) == 1


def test_a_toll_goes_with_the_nearest_act_it_hangs_on(pipeline):
    events = pipeline.code("Most of the raids targeted soldiers but the militants also fired rockets at a bus in Kunduz "
                           "province, killing six.", published="2025-03-11")
    fired = next(e for e in events if e.evidence.trigger.text == "fired")
    assert [s.text for s in fired.evidence.linked] == ["killing"]



TWO_STATEMENTS = ("NAIROBI, Kenya (Wire) -- Kenya's foreign ministry on Tuesday {first}, officials said.\n\n"
                  "Traders at the crossing have lost goods worth millions of shillings, the ministry said.\n\n"
                  "In its statement, the ministry {second}.\n")


@pytest.mark.parametrize("type_, first, second, expected", [
    # two requests for different things
    ("REQUEST", "urged Uganda to reopen the Busia border crossing to lorries", "called on Uganda to compensate the traders",
     ["urged", "called"]),
    # two charges of different wrongs
    ("ACCUSE", "accused Uganda of shelling homes near the Busia border crossing", "also accused Uganda of blocking aid convoys",
     ["accused", "accused"]),
    # the parser hangs the first charge's "of" on the one accused
    ("ACCUSE", "accused the other side of starting the clashes", "also accused Uganda of blocking aid convoys",
     ["accused", "accused"]),
])
def test_one_speakers_two_statements_of_different_things_are_two_events(pipeline, type_, first, second, expected):
    text = "Kenya presses Uganda over border\n\n" + TWO_STATEMENTS.format(first=first, second=second)
    found = [e.evidence.trigger.text for e in pipeline.code(Article(id="x", text=text, published="2026-08-05"))
             if e.type == type_]
    assert found == expected
