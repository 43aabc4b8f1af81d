"""The event's own place where news locates it by distance and bearing from a better-known place
("X, 20 miles southwest of Y"), in the project's own sentences."""
import pytest


def place_of(pipeline, text: str):
    events = pipeline.code(text, published="2016-05-03")
    assert events, text
    return events[0].location


def test_a_town_located_by_bearing_from_a_known_place_is_the_place(pipeline):
    where = place_of(pipeline, "He was shot by masked gunmen in Lurgan, 20 miles (30 km) southwest of Belfast, on Monday night.")
    assert (where.text, where.feature, where.country) == ("Lurgan", "unlisted", "GBR")
    assert "not in the gazetteer" in where.why and "southwest of Belfast" in where.why
    # 20 miles southwest of Belfast (54.60 N, 5.93 W), not Belfast itself
    assert 54.35 < where.lat < 54.45 and -6.35 < where.lon < -6.2


def test_a_stated_distance_and_bearing_move_an_unlisted_town_off_the_city_it_is_measured_from(pipeline):
    where = place_of(pipeline, "Militants attacked Sabiid, a farming town about 40 kilometres (25 miles) west of "
                               "Mogadishu, on Tuesday, killing six soldiers.")
    assert (where.text, where.feature, where.country) == ("Sabiid", "unlisted", "SOM")
    assert abs(where.lat - 2.04) < 0.05 and 44.9 < where.lon < 45.05  # Mogadishu is at 45.34 E
    bare = place_of(pipeline, "Militants attacked Sabiid, a farming town west of Mogadishu, on Tuesday.")
    assert bare.lon > 45.3  # no distance given: at the city, as before


def test_a_namesake_abroad_does_not_hide_a_town_located_by_bearing(pipeline):
    # the index knows "Taji" only as a Chinese village; the text puts it just north of Baghdad
    where = place_of(pipeline, "A bomb killed two soldiers in Taji, just north of Baghdad, on Saturday.")
    assert (where.text, where.country) == ("Taji", "IRQ")


def test_the_place_a_bearing_is_measured_from_gives_way_to_the_place_named(pipeline):
    where = place_of(pipeline, "Gunmen attacked a family driving on a road south of the capital Algiers, near Medea, on Monday.")
    assert (where.text, where.country) == ("Medea", "DZA")
    only = place_of(pipeline, "Rebels attacked a convoy 20 km south of Kandahar on Monday.")
    assert only.text == "Kandahar"


def test_targeting_military_objects_is_an_attack_and_targeting_voters_is_not(pipeline):
    events = pipeline.code("Turkey has been targeting Kurdish militia positions in Aleppo countryside.", published="2016-05-03")
    assert [e.type for e in events] == ["ASSAULT"]
    assert not pipeline.code("The campaign targeted young voters in Ohio.", published="2016-05-03")


def test_what_an_offensive_targets_is_not_where_it_was_launched(pipeline):
    events = pipeline.code("The army launched a large-scale offensive in southern Aleppo on Monday, targeting the "
                           "key district of Al-Ramouseh.", published="2016-08-02")
    offensive = next(e for e in events if e.evidence.trigger.text == "offensive")
    assert (offensive.location.text, offensive.location.country) == ("Aleppo", "SYR")


def test_a_neighbourhood_named_as_such_is_the_place_though_a_namesake_is_known_abroad(pipeline):
    where = place_of(pipeline, "A car bomb exploded in a market in the Shaab neighborhood of Baghdad on Monday, killing 16 people.")
    assert (where.text, where.name, where.country) == ("Shaab", "Baghdad", "IRQ")


def test_a_division_gives_way_to_a_town_in_it_named_in_the_same_sentence(pipeline):
    events = pipeline.code("Militants unleashed violence in two days of attacks in the Kokrajhar district of India's "
                           "Assam state, killing 30 people.", published="2014-05-03")
    assert events and all(e.location.name == "Kokrajhar" for e in events)


def test_places_listed_together_are_named_by_the_first(pipeline):
    where = place_of(pipeline, "Thousands of rock-throwing Palestinian rioters clashed with Israeli troops across the "
                               "West Bank, Gaza Strip and Jerusalem on Saturday.")
    assert where.text == "West Bank"


def test_a_joined_clause_with_its_own_subject_is_outside_the_events_clause(pipeline):
    from eventwire.model import Article
    ctx = pipeline.analyse(Article(id="t", text="Gunmen shot dead a police officer in Mosul on Monday and soldiers "
                                                 "patrolled the streets of Baghdad."))
    shot = next(t for t in ctx.doc if t.text == "shot")
    words = {ctx.doc[i].text for i in ctx.scope(shot)}
    assert "Mosul" in words and "Baghdad" not in words


def test_a_joined_verb_whose_auxiliary_is_left_out_tells_the_same_event(pipeline):
    # "At least 12 civilians were killed and 30 others wounded when the Rapid Support Forces shelled a
    # crowded market in El Fasher on Thursday": the shelling's clause hangs on "wounded"
    from pathlib import Path
    text = (Path(__file__).resolve().parents[1] / "examples" / "sudan-el-fasher.txt").read_text(encoding="utf-8")
    killed = next(e for e in pipeline.code(text, published="2025-03-14") if e.evidence.trigger.text == "killed")
    assert (killed.when.start, killed.when.end) == ("2025-03-13", "2025-03-13")


def test_a_when_clause_telling_how_the_event_happened_places_it(pipeline):
    where = place_of(pipeline, "In Diyala province, five members of a family were killed when a roadside bomb struck their "
                               "van near Mandali, police said.")
    assert where.text == "Mandali"


def test_where_a_party_comes_from_is_not_where_it_acted(pipeline):
    where = place_of(pipeline, "The bomber, from a village near the West Bank city of Jenin, detonated his explosive device "
                               "at a junction in Hadera, killing two people.")
    assert where.text == "Hadera"



def test_a_relative_clause_on_the_bomb_says_where_it_struck(pipeline):
    where = place_of(pipeline, "A bomb that ripped through a discotheque in northern Colombia killed five people.")
    assert where is not None and where.country == "COL"


def test_a_relative_clause_on_the_attack_itself_says_where_it_struck(pipeline):
    events = pipeline.code("The broadcast was about a bombing that hit the village of Qarzelay in Kandahar province "
                           "on Monday, killing three guards.", published="2016-05-03")
    assert len(events) == 1  # the toll hung on the wrong clause is the bombing's
    where = events[0].location
    assert (where.text, where.feature, where.name) == ("Qarzelay", "unlisted", "Kandahar")


def test_a_relative_clause_that_judges_the_attack_is_not_where_it_struck(pipeline):
    events = pipeline.code("The attack, which was condemned by the UN in Geneva, killed five people in Kabul.",
                           published="2016-05-03")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.location is not None and attack.location.name == "Kabul"


def test_a_place_in_an_agreements_name_is_not_where_it_happened(pipeline):
    events = pipeline.code("During a meeting at the White House, the two leaders vowed to ratify the Paris climate accord.",
                           published="2016-06-07")
    assert all(e.location is None or e.location.country != "FRA" for e in events)


def test_a_place_a_distance_is_measured_from_is_not_where_it_happened(pipeline):
    # the event's clause names no place; of the sentence's places the reference point comes last
    where = place_of(pipeline, "A suicide bomber set off his car on a bridge near Ramadi city, 115km west of Baghdad, "
                               "killing thirteen people.")
    assert where is not None and where.text == "Ramadi"


def test_a_village_the_tagger_reads_as_a_plural_name_is_still_the_place(pipeline):
    # "Aynha" is tagged NNPS; the village the attack was on is the place, at the state's coordinates
    where = place_of(pipeline, "Saturday's attack was on the village of Aynha in the southwestern state of Benguela.")
    assert where is not None and where.text == "Aynha" and where.country == "AGO"


def test_a_place_whose_streets_or_districts_are_acted_on_is_where_it_happened(pipeline):
    where = place_of(pipeline, "Grozny's streets are still heavily patrolled by troops.")
    assert where is not None and where.name == "Grozny"


def test_an_apposition_that_says_where_the_town_lies_places_the_event_and_a_side_remark_does_not(pipeline):
    where = place_of(pipeline, "Gaddafi's forces also shelled the city, a rebel stronghold in western Libya.")
    assert where is not None and where.country == "LBY"
    where = place_of(pipeline, "Government forces shelled the town, a stronghold of fighters from Libya.")
    assert where is None or where.country != "LBY"


def test_a_visitor_welcomed_to_a_city_meets_there(pipeline):
    where = place_of(pipeline, "Putin welcomed Chinese President Xi Jinping to Moscow on Tuesday.")
    assert where is not None and where.name == "Moscow"


@pytest.mark.parametrize("text,village,province", [
    ("In neighbouring Helmand province, militants clashed with police on Tuesday in Garmser Kalay, leaving two officers dead.",
     "Garmser Kalay", "Helmand"),
    ("Across Kunar province, gunmen ambushed a convoy on Sunday near Dangam Kalay.", "Dangam Kalay", "Kunar"),
])
def test_a_village_the_tagger_reads_as_a_person_is_the_place_when_the_event_happened_in_it(pipeline, text, village,
                                                                                           province):
    where = place_of(pipeline, text)
    assert (where.text, where.feature, where.name) == (village, "unlisted", province)


def test_an_act_is_where_its_target_is_told_to_be(pipeline):
    events = pipeline.code("BANGKOK, Thailand (Wire) -- A Myanmar military airstrike late Sunday hit a monastery "
                           "where hundreds of displaced people had taken shelter in the Sagaing region, killing 19.",
                           published="2025-11-18")
    strike = next(e for e in events if e.type == "ASSAULT")
    assert strike.location.country == "MMR" and strike.location.precision == "admin1"


def test_a_summons_is_at_the_summoners_seat_of_government(pipeline):
    # at the foreign ministry: not in the country whose envoy is summoned, nor where the story's fighting is
    cases = {"Kenya's Foreign Ministry summoned Uganda's ambassador on Monday over the remarks.": ("Nairobi", "KEN"),
             "Shelling hit Duhok on Sunday. Iraq summoned Turkey's charge d'affaires on Monday.": ("Baghdad", "IRQ")}
    for text, want in cases.items():
        summons = [e for e in pipeline.code(text, published="2026-01-21") if e.evidence.trigger.text == "summoned"]
        assert summons and (summons[0].location.name, summons[0].location.country) == want, text


def test_a_summons_placed_by_its_own_clause_in_the_summoners_country_stays_there(pipeline):
    text = "Kenya summoned Uganda's envoy in Mombasa on Monday over the border clash."
    summons = [e for e in pipeline.code(text, published="2026-01-21") if e.evidence.trigger.text == "summoned"]
    assert summons and summons[0].location.name == "Mombasa"


def test_countries_listed_as_whose_troops_are_not_where_they_were_expelled(pipeline):
    events = pipeline.code("The junta expelled French and U.S. troops last year.", published="2025-10-04")
    assert events and events[0].type == "SANCTION"
    assert events[0].location is None and events[0].actor.country != "USA"


STORY_WITH_A_UN_OFFICE = ("ANTANANARIVO, Madagascar (Wire) -- Protests over power cuts spread in Antananarivo on "
                          "Monday. The U.N. human rights office in Geneva said on Tuesday that at least nine people had "
                          "been killed. It urged the authorities to show restraint. Authorities imposed a curfew across "
                          "the capital on Tuesday night.")


def test_where_an_international_body_sits_is_not_where_what_it_reports_happened(pipeline):
    events = {e.evidence.trigger.text: e for e in pipeline.code(STORY_WITH_A_UN_OFFICE, published="2026-03-20")}
    assert events["killed"].location.country == "MDG" and events["killed"].recipient.country == "MDG"
    assert events["urged"].recipient.country == "MDG"  # the authorities the body appeals to are the story's


def test_a_storys_capital_is_its_own_countrys(pipeline):
    events = {e.evidence.trigger.text: e for e in pipeline.code(STORY_WITH_A_UN_OFFICE, published="2026-03-20")}
    assert events["curfew"].location.name == "Antananarivo" and events["curfew"].actor.country == "MDG"


def test_a_weekday_before_an_unlisted_name_is_never_the_place(pipeline):
    place = place_of(pipeline, "Army helicopters shelled Thursday Kuraybah city, a suburb in western Mosul, "
                               "and drove the fighters out.")
    assert place is not None and place.text == "Kuraybah"


def test_the_words_before_a_name_call_it_a_place_however_the_parser_hung_it(pipeline):
    place = place_of(pipeline, "At least nine people were killed when a car bomb exploded in a market in the town "
                               "of al-Hamra north of Baghdad in Salahuddin province.")
    assert place is not None and place.text == "al-Hamra" and place.country == "IRQ"
    place = place_of(pipeline, "Two people were wounded in a shooting in a village called Mbatu in Kogi.")
    assert place is not None and place.text == "Mbatu" and place.country == "NGA"


def test_what_is_stormed_is_a_place_whatever_the_tagger_guessed(pipeline):
    place = place_of(pipeline, "Rebel fighters stormed Khirbat Ghazal in northern Hama on Sunday and seized two tanks.")
    assert place is not None and place.text == "Khirbat Ghazal" and place.country == "SYR"


def test_a_name_set_off_by_the_division_it_is_in_is_the_place(pipeline):
    place = place_of(pipeline, "Police said troops killed two gunmen in a raid in neighbouring Andarab, in Baghlan "
                               "province, on Friday.")
    assert place is not None and place.text == "Andarab" and place.country == "AFG"


def test_a_city_naming_the_government_that_sits_in_it_is_no_place(pipeline):
    text = ("ALEPPO, Syria (Wire) -- Clashes in the city's Kurdish districts killed three civilians on Monday.\n\n"
            "The Kurdish force accused factions loyal to the Damascus government of shelling homes. It said a man "
            "was killed when a shell hit his house in Bani Zaid.")
    placed = [e.location.name for e in pipeline.code(text, published="2025-10-07") if e.location]
    assert "Damascus" not in placed and "Aleppo" in placed


def test_a_river_named_in_the_sentence_is_neither_its_namesake_city_nor_the_unlisted_place(pipeline):
    where = place_of(pipeline, "Russian shells hit a ferry on the Dnipro river near Kherson on Friday, killing two people.")
    assert where.name == "Kherson"
    where = place_of(pipeline, "Militants raided a village on the Shabelle river on Monday, killing three farmers.")
    assert where is None or "Shabelle" not in where.text


def test_a_name_the_gazetteer_lacks_with_no_known_place_around_it_is_named_not_placed(pipeline):
    from eventwire.formats.export import acled_rows
    events = pipeline.code("Militants killed four soldiers in Kotiyagala on Monday.", published="2006-06-01")
    where = events[0].location
    assert (where.text, where.feature) == ("Kotiyagala", "unlisted")
    assert where.lat is None and where.geonameid is None and "named, not placed" in where.why
    assert list(acled_rows([events[0].to_dict()], 0)) == []  # ACLED gets no row without a point
    # what a party has is no place, and a bare name vouches for no happening without a party
    events = pipeline.code("The government has unveiled its strategy in their Pandemic Influenza Contingency Plan.",
                           published="2006-02-22")
    assert not any(e.location is not None and e.location.text.endswith("Plan") for e in events)


def test_a_village_the_gazetteer_lacks_vouches_for_an_act_that_names_no_one(pipeline):
    where = place_of(pipeline, "The attack took place on Monday in the village of Kelitaba.")
    assert (where.text, where.feature) == ("Kelitaba", "unlisted")
    assert pipeline.code("Heavy fighting has escalated in recent months.", published="2016-05-03") == []


def test_a_hamlet_or_settlement_of_a_name_puts_the_act_there(pipeline):
    where = place_of(pipeline, "Rebels struck at the remote eastern hamlet of Marowende on Sunday, killing six villagers.")
    assert (where.text, where.feature) == ("Marowende", "unlisted")
    where = place_of(pipeline, "Gunmen opened fire near the farming settlement of Tokorabi, killing a guard.")
    assert where is not None and where.text == "Tokorabi"


def test_a_site_named_on_a_common_noun_is_the_place_at_the_town_it_is_in(pipeline):
    where = place_of(pipeline, "At least 12 inmates were killed at the maximum-security Kerowani prison in the "
                               "eastern city of Santa Cruz on Friday.")
    assert (where.text, where.feature) == ("Kerowani", "unlisted") and where.name == "Santa Cruz"
    where = place_of(pipeline, "Gunmen attacked the Marabeni market near Kidal on Monday, killing four traders.")
    assert (where.text, where.name) == ("Marabeni", "Kidal")
    # a neighbourhood is more plainly the place than a site inside it
    where = place_of(pipeline, "Ten people were killed at the Tawfiq mosque in the Kerowa neighbourhood of Baghdad on "
                               "Friday.")
    assert where.text.endswith("Kerowa") and where.name == "Baghdad"
    # a party's base is no place name
    where = place_of(pipeline, "Israeli jets struck a Hezbollah base near Tyre on Monday.")
    assert where is not None and where.name == "Tyre"


@pytest.mark.parametrize("text,where", [
    # a country's people or a faith qualifies the quarter; neither names it
    ("Two aid workers were shot dead near the southern Angolan city of Lubango on Friday.", "Lubango"),
    ("Gunmen killed nine people on Monday night in a mostly Shia neighbourhood in the village of Qarabesh.", "Qarabesh"),
    # a list of places is answered by its first, known or not
    ("The offensive to capture the hill villages of Kassab and Marouf began on Monday.", "Kassab"),
])
def test_words_around_an_unlisted_name_that_do_not_name_the_place(pipeline, text, where):
    assert place_of(pipeline, text).text == where


def test_whoever_holds_the_ground_is_no_place(pipeline):
    where = place_of(pipeline, "Rebels shelled the Syrian Arab Army (SAA) controlled towns of Umm Tirah and Kafr Tabul in "
                               "northern Hama overnight.")
    assert where.name == "Hama" and "Army" not in where.text


def test_an_act_does_not_inherit_where_the_last_statement_was_made(pipeline):
    from eventwire.model import Article
    text = ("Gunmen killed four soldiers near Jableh in Latakia province on Monday.\n\nThe UN human rights office in "
            "Geneva called on all sides to show restraint.\n\nA group calling itself the Mountain Brigade said it had "
            "carried out the ambush.")
    places = {e.evidence.trigger.text: e.location.text for e in pipeline.code(Article(id="a", text=text, published="2026-02-19"))
              if e.location is not None}
    assert places["called"] == "Geneva" and places["ambush"] == "Jableh"


def test_where_an_international_body_spoke_is_not_where_others_spoke(pipeline):
    from eventwire.model import Article
    text = ("Police shot dead three protesters in Nakuru on Thursday, witnesses said. The UN human rights office in "
            "Geneva called on the authorities to investigate the deaths. Opposition leaders demanded that the interior "
            "minister resign.")
    events = {e.evidence.trigger.text: e for e in pipeline.code(Article(id="a", text=text, published="2026-06-26"))}
    assert events["called"].location.text == "Geneva"
    demand = events["demanded"]
    assert demand.location.text == "Nakuru"
    assert demand.recipient is None or demand.recipient.country != "CHE"  # not the Swiss as its addressee


def test_where_an_international_body_sits_is_not_the_storys_main_place(pipeline):
    from eventwire.model import Article
    text = ("Gunmen killed four soldiers near Daliyeh on Monday.\n\nThe UN human rights office in Geneva called on all "
            "sides to show restraint.")
    killed = next(e for e in pipeline.code(Article(id="a", text=text, published="2026-02-19"))
                  if e.evidence.trigger.text == "killed")
    assert killed.location.text == "Daliyeh" and killed.location.lat is None  # named, not placed in Switzerland


def test_a_country_whose_envoy_is_summoned_is_not_where_the_shooting_was(pipeline):
    events = pipeline.code("Guyana summoned Venezuela's ambassador on Wednesday after gunmen wounded two Guyanese "
                           "soldiers.", published="2025-06-18")
    wounded = next(e for e in events if e.evidence.trigger.text == "wounded")
    assert wounded.location is None or wounded.location.country != "VEN"
    clashed = place_of(pipeline, "Supporters of the opposition clashed with police near Pakistan's parliament on Friday.")
    assert clashed.country == "PAK"  # a building of the country is in it


def test_where_a_monitor_is_based_is_not_where_the_act_it_reports_happened(pipeline):
    for text in ("Gunmen killed six farmers, the Paris-based rights group said.",
                 "Shelling killed nine people, according to the Geneva-headquartered monitor."):
        ev = [e for e in pipeline.code(text, published="2025-06-02") if e.type == "ASSAULT"]
        assert ev and ev[0].location is None, ev[0].location
