"""Event coding by who acts and whom it is for: attempts at force, armed parties as context, people
held as shields, crowds that block roads and whom their protest names, visitors welcomed, a
bombing's toll told again, a person named in full and later by surname or pronoun. One behaviour
per test, on hand-built sentences."""
from conftest import code_sentence


def types(events) -> list[tuple[str, str]]:
    return [(e["type"], e["evidence"]["trigger"]["text"]) for e in events]


def test_an_attempted_hack_is_a_cyber_attack_and_a_planned_one_is_not(pipeline):
    events = code_sentence(pipeline, "North Korea has tried to hack into the computers of South Korean army officers.")
    assert types(events) == [("COERCE", "hack")]
    assert code_sentence(pipeline, "North Korea will try to hack into the computers of South Korean officers.") == []


def test_an_armed_party_blowing_up_or_destroying_things_is_force_without_other_words_of_war(pipeline):
    events = code_sentence(pipeline, "Afghan guerillas blew up three main electric power lines leading into Kabul.")
    assert types(events) == [("ASSAULT", "blew")]
    assert events[0]["actor"]["sector"] == "REB"
    assert code_sentence(pipeline, "The singer blew up the balloons before the party.") == []


def test_people_used_or_held_as_human_shields_are_seized_by_those_who_hold_them(pipeline):
    events = code_sentence(pipeline, "The Sri Lankan army has been holding thousands of Tamil refugees as human shields.")
    assert [(e["type"], e["mode"]) for e in events] == [("ASSAULT", "abduct")]
    assert events[0]["actor"]["country"] == "LKA" and events[0]["actor"]["sector"] == "MIL"
    assert events[0]["recipient"]["text"].endswith("refugees")


def test_a_counted_crowd_of_supporters_blocking_roads_protests_whoever_they_support(pipeline):
    events = code_sentence(pipeline, "About 200 supporters of former President Ahmed Ben Bella blocked roads in Algiers.")
    assert types(events) == [("PROTEST", "blocked")]


def test_welcoming_a_visitor_is_a_meeting_and_welcoming_a_statement_is_support(pipeline):
    assert types(code_sentence(pipeline, "Putin welcomed Chinese President Xi Jinping to Moscow.")) == [("CONSULT", "welcomed")]
    assert types(code_sentence(pipeline, "The German government welcomed President Reagan's latest policy statement.")) == \
        [("SUPPORT", "welcomed")]


def test_a_suicide_bombing_and_its_toll_told_again_are_one_event(pipeline):
    text = ("On December 21, 2015 in Bagram, a suicide bomber blew himself up, killing six NATO service members. "
            "The six NATO service members were killed instantly.")
    events = code_sentence(pipeline, text, published="2015-12-22")
    assert [e["type"] for e in events] == ["ASSAULT"]
    assert events[0]["recipient"] is not None and "members" in events[0]["recipient"]["text"]


def test_a_bombing_and_a_bomber_later_killed_by_police_stay_two_events(pipeline):
    text = ("Twin bombs exploded near the finish line of the Boston Marathon, killing three people. "
            "Days later, Tamerlan was killed in a gun battle with police.")
    assert [e["type"] for e in code_sentence(pipeline, text)] == ["ASSAULT", "ASSAULT"]


def test_a_surname_the_tagger_left_untagged_is_the_person_named_in_full_before(pipeline):
    events = code_sentence(pipeline, "Mohamed Tamalt, a journalist, lived in London. Police detained Tamalt in Algiers on Monday.")
    assert events[0]["recipient"]["sector"] == "MED"
    text = ("Mohamed Tamalt, a journalist imprisoned in Algeria for insulting the president, died in hospital. "
            "Tamalt, 42, lived in England. He was arrested on June 27 near his parents' Algiers home.")
    arrest = next(e for e in code_sentence(pipeline, text) if e["evidence"]["trigger"]["text"] == "arrested")
    assert arrest["recipient"]["text"] == "He" and arrest["recipient"]["sector"] == "MED"


def test_a_protest_is_against_whom_its_purpose_names(pipeline):
    events = code_sentence(pipeline, "Islamic fundamentalists continued their hunger strike to demand the resignation of "
                                     "Algerian President Ahmed Ben Bella.")
    protest = next(e for e in events if e["type"] == "PROTEST")
    assert protest["recipient"]["country"] == "DZA" and protest["recipient"]["sector"] == "GOV"
    events = code_sentence(pipeline, "Demonstrators in Baghdad blocked a road to show their disapproval of the United States' policies.")
    assert next(e for e in events if e["type"] == "PROTEST")["recipient"]["country"] == "USA"


def test_weapons_an_attack_is_made_with_are_never_whom_it_hits(pipeline):
    events = code_sentence(pipeline, "Vietnamese-led forces launched artillery, mortar, and rocket fire against Kampuchean "
                                     "guerrilla camps near the eastern Thai border today.")
    attack = next(e for e in events if e["type"] == "ASSAULT")
    assert "camps" in attack["recipient"]["text"] and attack["recipient"]["sector"] == "REB"


def test_one_person_killed_or_wounded_counts_one_and_shot_dead_is_killed(pipeline):
    def counts(text):
        return [(q["kind"], q["value"]) for e in code_sentence(pipeline, text) for q in e["quantities"]]
    assert counts("A soldier was killed in the attack in Kabul.") == [("killed", 1)]
    assert counts("Three people were shot dead in Aleppo.") == [("killed", 3)]
    assert counts("Israeli troops shot and wounded a Palestinian teenager near Hebron.") == [("wounded", 1)]
    assert counts("A family was killed in an airstrike in Idlib.") == []


def actor_text(pipeline, text):
    events = [e for e in code_sentence(pipeline, text) if e["type"] == "ASSAULT"]
    assert events, text
    return (events[0]["actor"] or {}).get("text")


def test_the_attacker_is_whoever_used_the_means_it_was_done_by(pipeline):
    assert actor_text(pipeline, "Five civilians were killed by shelling from government forces in Idlib.") == "government forces"
    assert actor_text(pipeline, "Three soldiers were wounded by a roadside bomb planted by Taliban militants in Helmand.") \
        == "Taliban militants"
    assert actor_text(pipeline, "Two children died in shelling by Russian forces on Kharkiv.") == "Russian forces"


def test_a_place_the_fire_came_from_is_not_the_attacker(pipeline):
    actor = actor_text(pipeline, "Two people were killed by shelling from Belgorod.")
    assert actor is None or "Belgorod" not in actor


def test_a_weapon_fired_by_someone_is_not_whom_it_hit(pipeline):
    events = [e for e in code_sentence(pipeline, "A rocket fired by Hamas militants hit a house in Sderot.") if e["type"] == "ASSAULT"]
    assert events[0]["actor"]["text"] == "Hamas militants"
    assert events[0]["recipient"]["text"] == "a house"


def test_what_an_attack_destroyed_is_coded_by_the_means_it_was_done_by(pipeline):
    events = [e for e in code_sentence(pipeline, "Houses were destroyed in an airstrike by the coalition in Saada.")
              if e["type"] == "ASSAULT"]
    assert events[0]["mode"] == "aerial" and events[0]["acled"]["sub_event_type"] == "Air/drone strike"
    events = [e for e in code_sentence(pipeline, "Militants burned down 20 houses in the village of Kabir.")
              if e["type"] == "ASSAULT"]
    assert events[0]["mode"] == "destroy"


def test_ground_taken_by_capture_is_territory_not_an_arrest(pipeline):
    for text in ("Rebel fighters captured several building blocks on Sunday.",
                 "Government troops captured the heights overlooking the town on Sunday.",
                 # the rules read the plural "bases" as "basis"
                 "Government forces captured two rebel bases near Kidal on Sunday."):
        assert types(code_sentence(pipeline, text)) == [("ASSAULT", "captured")]


def test_a_participle_toll_belongs_to_the_attack_it_follows(pipeline):
    events = code_sentence(pipeline, "The fighting began on Friday, when militants launched a rocket attack on an army post "
                                     "near Kandahar, wounding two soldiers.")
    attack = next(e for e in events if e["evidence"]["trigger"]["text"] == "attack")
    assert [w["text"] for w in attack["evidence"]["linked"]] == ["wounding"]
    assert not any(e["evidence"]["trigger"]["text"] in ("fighting", "wounding") and e["recipient"] for e in events)


def test_ground_taken_stands_for_whoever_the_text_says_held_it(pipeline):
    def taken_from(text):
        event = next(e for e in pipeline.code(text, published="2016-08-25") if e.type == "ASSAULT")
        return event.recipient.sector if event.recipient else None
    assert taken_from("Rebels captured the army-held town of Kafr Nabl on Monday.") == "MIL"
    assert taken_from("Kurdish fighters entered Tal Abyad, one of Islamic State's last strongholds, on Monday.") == "REB"
    assert taken_from("Rebels captured four hills held by the army near Hama on Monday.") == "MIL"
    assert taken_from("Kurdish fighters entered Tal Abyad , one of Islamic State 's strongholds , on Monday .") == "REB"
    assert taken_from("Rebels captured the town of Kafr Nabl on Monday.") is None  # the text does not say from whom


def test_water_cannon_fired_to_clear_a_crowd_and_arrests_beside_it_are_two_acts(pipeline):
    found = types(code_sentence(pipeline, "Riot police fired water cannon late Monday to clear protesters who had "
                                          "tried to block a road in Tbilisi, and detained at least 38 people."))
    assert ("ASSAULT", "fired") in found and ("COERCE", "detained") in found
    assert types(code_sentence(pipeline, "Police arrested and detained 12 men in Lagos on Monday.")) == [("COERCE", "arrested")]


def test_roads_or_an_area_sealed_off_are_movement_restricted(pipeline):
    assert ("COERCE", "sealed") in types(code_sentence(
        pipeline, "A local official said the area near Qaim had been sealed off by militia units."))
    assert ("COERCE", "sealed") in types(code_sentence(
        pipeline, "Police had sealed major roads into the centre of Nairobi with trucks and razor wire."))
    assert not types(code_sentence(pipeline, "He sealed the letter in Nairobi."))


def test_ground_a_foreign_army_takes_was_held_by_the_forces_of_the_country_it_lies_in(pipeline):
    found = code_sentence(pipeline, "KYIV, Ukraine (Wire) -- Russian forces captured the village of Ivanopillia near "
                                    "Kostiantynivka in Donetsk region on Monday.")
    taken = next(e for e in found if e["type"] == "ASSAULT")
    assert (taken["recipient"]["country"], taken["recipient"]["sector"]) == ("UKR", "MIL")
    own = next(e for e in code_sentence(pipeline, "The Myanmar army recaptured the town of Lashio on Monday.")
               if e["type"] == "ASSAULT")
    assert own["recipient"]["sector"] == "REB"  # a state retaking its own ground takes it from armed groups


def test_a_town_taken_is_ground_taken_whoever_takes_it(pipeline):
    rebels = code_sentence(pipeline, "M23 rebels took the town of Walikale on Monday.")
    assert [(e["type"], e["recipient"]["sector"] if e["recipient"] else None) for e in rebels][:1] == [("ASSAULT", None)]
    troops = code_sentence(pipeline, "Government troops took the village of Kaura in Kaduna state on Monday.")
    assert [(e["type"], e["recipient"]["sector"]) for e in troops] == [("ASSAULT", "REB")]  # not an arrest
    hostages = code_sentence(pipeline, "Gunmen took 20 villagers from Kaura in Kaduna state on Monday.")
    assert (hostages[0]["type"], hostages[0]["recipient"]["sector"]) == ("ASSAULT", "CVL")  # people taken: abducted


def test_bare_troops_are_the_only_forces_the_article_named_before(pipeline):
    text = ("Israeli troops raided a refugee camp near Jenin in the northern West Bank on Wednesday.\n\n"
            "A prisoners' group said soldiers detained about 30 people in searches in the camp.")
    detentions = [e for e in code_sentence(pipeline, text, "2025-09-04") if e["type"] == "COERCE"]
    assert [(e["actor"]["text"], e["actor"]["country"]) for e in detentions] == [("soldiers", "ISR")]


def test_bare_troops_in_a_story_of_two_armies_keep_the_places_country(pipeline):
    text = ("Russian troops shelled the town on Monday and Ukrainian troops returned fire.\n\n"
            "Soldiers detained two men near the Kharkiv railway station, police said.")
    detentions = [e for e in code_sentence(pipeline, text, "2025-09-04") if e["type"] == "COERCE"]
    assert [e["actor"]["country"] for e in detentions] == ["UKR"]


def test_shells_that_fell_or_landed_and_fire_returned_are_attacks(pipeline):
    for sentence in ("Witnesses said mortar shells fell on a crowded market in the south of Kadugli.",
                     "Two rockets landed in a field near Ashkelon on Friday.",
                     "The army said its soldiers had returned fire on rebel positions near Bunia."):
        assert "ASSAULT" in [e.type for e in pipeline.code(sentence, published="2025-05-14")], sentence
    for sentence in ("Prices fell sharply in Khartoum.", "The plane landed in Kabul."):
        assert [e.type for e in pipeline.code(sentence, published="2025-05-14")] == [], sentence


def test_a_car_rammed_into_a_convoy_is_an_attack_and_a_bill_rammed_through_is_not(pipeline):
    rammed = code_sentence(pipeline, "A suicide bomber rammed a truck packed with explosives into a police convoy "
                                     "near Bannu on Monday, killing six officers.")
    assert [(e["type"], e["evidence"]["trigger"]["text"]) for e in rammed] == [("ASSAULT", "rammed")]
    assert code_sentence(pipeline, "The ruling party rammed the bill through parliament on Monday.") == []


def test_a_weapon_tearing_through_a_building_is_a_strike_and_a_fire_is_not(pipeline):
    # and the drones' strike the same sentence places elsewhere is an event of its own
    found = code_sentence(pipeline, "A missile tore through a hospital wing in Kharkiv late on Monday while drones "
                                    "hit a power station in Izium, officials said.")
    assert [(e["type"], e["location"]["name"]) for e in found] == [("ASSAULT", "Kharkiv"), ("ASSAULT", "Izyum")]
    assert code_sentence(pipeline, "Fire tore through the covered market in Kharkiv on Friday.") == []


def test_explosives_dropped_are_a_strike_and_charges_dropped_are_not(pipeline):
    assert types(code_sentence(pipeline, "Witnesses saw drones dropping grenades on a market in Kostiantynivka "
                                         "on Monday.")) == [("ASSAULT", "dropping")]
    assert code_sentence(pipeline, "Prosecutors dropped the charges against the two reporters on Monday.") == []


def test_fire_exchanged_is_a_clash_and_views_exchanged_are_not(pipeline):
    assert types(code_sentence(pipeline, "Border guards of the two countries exchanged fire near the disputed "
                                         "crossing on Sunday.")) == [("ASSAULT", "exchanged")]
    assert code_sentence(pipeline, "The two foreign ministers exchanged views on the border on Sunday.") == []


def test_an_act_told_before_another_began_is_an_act_of_its_own(pipeline):
    found = types(code_sentence(pipeline, "On Friday, before the fighting began, a teacher was shot dead outside a "
                                          "school in Jalalabad, police said."))
    assert ("ASSAULT", "shot") in found



def test_a_witness_telling_what_they_did_retells_the_attack_and_an_older_act_stays_its_own(pipeline):
    text = ("Gunmen on motorbikes attacked the cattle market in Dansadau on Sunday, killing 11 people, local "
            "officials said. \"They rode in from the east and shot at everyone in the stalls,\" said a trader "
            "who hid under a table. \"They burned my village last year too,\" she said.")
    assert types(code_sentence(pipeline, text)) == [("ASSAULT", "attacked"), ("ASSAULT", "burned")]
    text = ("Police fired tear gas at students marching on parliament in Accra on Monday, and 14 were treated in "
            "hospital. \"They were beating us with batons even after we sat down,\" said a student.")
    assert [t for t in types(code_sentence(pipeline, text)) if t[0] == "ASSAULT"] == [("ASSAULT", "fired")]
