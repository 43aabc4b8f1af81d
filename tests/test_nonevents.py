"""Statistics, natural deaths and list items are not events (eventwire/nonevents.py)."""
import pytest
from conftest import code_sentence


def types(pipeline, text):
    return [(e.type, e.evidence.trigger.text) for e in pipeline.code(text, published="2025-06-01")]


def test_a_cumulative_toll_is_not_an_event(pipeline):
    assert types(pipeline, "By the end of 1972, 496 people had been killed in the conflict.") == []
    assert types(pipeline, "Gunmen killed 55,000 people since October 2023, the ministry said.") == []


def test_a_disease_killing_people_is_not_an_event(pipeline):
    assert types(pipeline, "An outbreak of cholera killed over 60 people in Kenya on Thursday.") == []


def test_a_bulleted_list_of_past_attacks_is_not_an_event(pipeline):
    assert types(pipeline, "See also:\n* 2007 Bagram Airfield bombing\n") == []


def test_one_attack_with_its_toll_stays_an_event(pipeline):
    found = types(pipeline, "Gunmen killed 12 villagers in Mopti on Tuesday, local officials said.")
    assert ("ASSAULT", "killed") in found


def test_a_single_attack_described_with_a_total_or_this_year_stays_an_event(pipeline):
    found = types(pipeline, "A total of 12 soldiers were killed when militants attacked a base in Mali earlier this year.")
    assert any(t == "ASSAULT" for t, _ in found)
    found = types(pipeline, "Gunmen killed 12 people in Mopti on Tuesday, bringing the toll this week to 30.")
    assert ("ASSAULT", "killed") in found


def test_a_natural_hazard_striking_people_is_no_attack(pipeline):
    text = "Since last reported, the flooding in Pakistan has spread and has now struck more than four million people."
    assert types(pipeline, text) == []


def test_a_kind_of_doer_is_no_deed_but_the_speakers_vow_is_a_threat(pipeline):
    text = ('" Any faction that attacks us, regardless from where it gets its support, we will fight it, " '
            "said Maj. Fares Bayoush.")
    assert types(pipeline, text) == [("THREATEN", "fight")]


def test_a_since_in_a_clause_about_the_town_does_not_make_a_toll(pipeline):
    text = ("Four villagers were killed in the town of Saraqib in Idlib province, which has been under "
            "heavy shelling since Friday.")
    assert ("ASSAULT", "killed") in types(pipeline, text)
    assert types(pipeline, "More than 5,000 people have been killed in Yemen since the war began in March 2015.") == []


def test_a_toll_since_a_day_of_this_week_is_one_spell_of_violence(pipeline):
    # "since Friday" counts a few days of sniper fire in one city: an event; "since October 2023" a statistic
    assert types(pipeline, "Thirteen civilians have been killed since Friday by snipers in Aden, officials said.") == [("ASSAULT", "killed")]
    assert types(pipeline, "Gunmen killed 55,000 people since October 2023, the ministry said.") == []


def test_what_a_disease_or_flood_does_and_what_is_done_to_a_disease_are_not_events(pipeline):
    assert types(pipeline, "The Haitian cholera outbreak has killed 292 people, according to the Haitian government.") == []
    assert types(pipeline, "The UN said 978 people have been killed by a cholera epidemic in Zimbabwe.") == []
    assert types(pipeline, "Mugabe announced in a televised address that the outbreak had been arrested.") == []
    assert ("ASSAULT", "opened") in types(pipeline, "Police opened fire on the crowd in Nairobi.")


def test_an_attack_of_the_body_is_no_assault(pipeline):
    assert types(pipeline, "The former agent suffered a heart attack in a London hospital on Monday.") == []
    assert types(pipeline, "Gunmen attacked a police post in London on Monday.") == [("ASSAULT", "attacked")]


def test_a_condition_a_party_stands_under_is_no_act(pipeline):
    assert types(pipeline, "North Korea has been under UN sanctions since 2006.") == []
    assert types(pipeline, "The UN imposed sanctions on North Korea in 2006.") == [("SANCTION", "sanctions")]


def test_an_answer_in_an_opinion_poll_is_not_an_act(pipeline):
    assert not pipeline.code("Interestingly, 16 percent of responders said they would support a third-party candidate.",
                             published="2016-04-29")
    # a share of people as whom an act is done to stays an event
    assert pipeline.code("Rebels killed 16 percent of the voters in the village.", published="2016-04-29")


def test_a_years_toll_is_a_statistic_and_one_killing_that_year_is_an_event(pipeline):
    assert types(pipeline, "Monitors said more than 3,200 people were killed in communal violence in 2023.") == []
    # reported that year (a report years later tells it as history: the test below)
    def told(text, published):
        return [(e.type, e.evidence.trigger.text) for e in pipeline.code(text, published=published)]

    assert ("ASSAULT", "killed") in told("Gunmen killed a priest in Benue State in 2023.", "2023-12-30")
    assert ("ASSAULT", "killed") in told("In 2019, gunmen killed 130 villagers at a market in Ogossagou.", "2019-04-02")


def test_a_source_asking_not_to_be_named_makes_no_request(pipeline):
    found = types(pipeline, "A police officer in Bamako who asked not to be named because he was not authorised to "
                            "speak publicly said the attack had been carried out by JNIM.")
    assert not any(t == "REQUEST" for t, _ in found)


def test_a_reporters_request_for_comment_is_no_request(pipeline):
    found = types(pipeline, "The ministry in Khartoum did not respond to requests for comment on Friday.")
    assert not any(t == "REQUEST" for t, _ in found)
    assert ("REQUEST", "request") in types(pipeline, "Kyiv's request for more air defence systems was turned down.")


def test_a_toll_asked_about_restates_the_attack_it_follows(pipeline):
    found = types(pipeline, "Gunmen attacked an army post in Gao on Monday. The army did not say how many soldiers were killed.")
    assert [t for t, _ in found] == ["ASSAULT"]


def test_a_second_requested_act_is_no_event_and_an_open_question_neither(pipeline):
    urged = pipeline.code("The UN mission urged both sides to halt hostilities around Malakal and to allow "
                          "humanitarian access.", published="2025-09-18")
    assert [e.type for e in urged] == ["REQUEST"]
    unknown = pipeline.code("The party said it had asked for talks with the president. It did not say whether "
                            "government officials had agreed to the talks.", published="2025-09-18")
    assert "AGREE" not in [e.type for e in unknown]


def test_claiming_the_attack_already_told_is_no_second_attack(pipeline):
    text = ("Gunmen stormed a village near Beni on Friday, killing nine farmers. "
            "The Islamic State claimed the attack on Saturday.")
    assert [e.type for e in pipeline.code(text, published="2025-09-14")] == ["ASSAULT"]


def test_what_no_one_did_or_was_done_to_no_one_is_no_event(pipeline):
    assert types(pipeline, "Neither Kenya nor Uganda has agreed to attend the talks in Arusha.") == []
    assert types(pipeline, "Kampala called the pact a purely economic arrangement that threatened no one.") == []
    assert ("THREATEN", "threatened") in types(pipeline, "Kampala threatened Nairobi with sanctions on Monday.")


def test_a_force_named_by_who_it_fights_tells_no_fight(pipeline):
    found = types(pipeline, "Kenya threatened to withdraw its troops from the African Union force fighting al-Shabaab.")
    assert all(t != "ASSAULT" for t, _ in found)
    assert ("ASSAULT", "fighting") in types(pipeline, "Kenyan troops were fighting al-Shabaab near Kismayo on Monday.")


def test_declining_to_give_a_name_rejects_nothing(pipeline):
    assert types(pipeline, '"We hid," said a woman in Mandera who declined to give her name.') == []
    assert types(pipeline, "A man in Mandera, who declined to be identified, said he had fled.") == []
    assert ("REJECT", "declined") in types(pipeline, "Kenya declined to sign the Nairobi accord on Monday.")


def test_what_a_party_is_pressed_for_has_not_been_done(pipeline):
    assert all(t != "COERCE" for t, _ in types(pipeline, "The United States has pressed Kenya for more arrests and prosecutions."))


def test_an_assault_on_sovereignty_is_words_not_force(pipeline):
    found = types(pipeline, "The Somali foreign minister accused Kenya of a direct assault on Somalia's sovereignty.")
    assert all(t != "ASSAULT" for t, _ in found) and any(t == "ACCUSE" for t, _ in found)


def test_the_dead_of_an_accident_are_no_attack_unless_a_blow_caused_it(pipeline):
    assert types(pipeline, "The roof of the Garissa market collapsed on Monday, killing 16 people.") == []
    assert any(t == "ASSAULT" for t, _ in types(
        pipeline, "A building in Garissa collapsed after an airstrike on Monday, killing 16 people."))



def test_an_act_of_a_kind_and_a_rule_in_a_quote_are_no_events(pipeline):
    # "for every missile fired at", "any attack on": a kind of act, whenever it comes
    assert "ASSAULT" not in [t for t, _ in types(pipeline, 'The minister said the militia "will pay dearly" for every rocket '
                                            'fired at the capital.')]
    # what someone says a party does as a rule is no dated act
    assert types(pipeline, '"The army burns a village, announces a victory and leaves," a local chief said.') == []
    assert types(pipeline, "Rescuers pulled out the bodies of four people from the rubble in Gaziantep.") == []


def test_what_a_party_is_appealed_to_do_is_not_done(pipeline):
    assert types(pipeline, "Lawyers appealed to the courts to grant bail to the detained students.") == [("REQUEST", "appealed")]


def test_fighting_known_from_reports_or_feared_to_come_is_no_new_event(pipeline):
    assert [t for t, _ in types(pipeline, "The Chinese foreign ministry said on Friday it was aware of reports of "
                                          "fighting near Lashio.")] == []
    feared = types(pipeline, "The mediators warned that continued fighting could threaten the harvest in Kachin state.")
    assert "ASSAULT" not in [t for t, _ in feared]


def test_an_act_told_before_and_judged_or_timed_again_is_no_new_act(pipeline):
    first = "Government jets bombed a market in Kyaukme on Thursday, killing nine people.\n"
    for later in ['The rebels said the strike was "a clear violation" of the truce and called on China to intervene.',
                  "The clash came a week after the two sides held talks in Kunming."]:
        assaults = [e for e in code_sentence(pipeline, first + later) if e["type"] == "ASSAULT"]
        assert [e["evidence"]["trigger"]["text"] for e in assaults] == ["bombed"], later


def test_a_toll_run_up_in_the_present_perfect_is_a_statistic_but_a_fresh_toll_is_not(pipeline):
    assert types(pipeline, "The war broke out in 2023. It has killed tens of thousands of people.") == []
    assert types(pipeline, "The RSF has killed more than 1,500 people in El Fasher since Sunday.") == [("ASSAULT", "killed")]
    assert ("ASSAULT", "killed") in types(pipeline, "At least 265 people have been killed, while 1,440 people were "
                                                    "injured in fighting in Istanbul.")


def test_a_thing_that_would_threaten_is_a_danger_not_a_threat(pipeline):
    assert types(pipeline, "Analysts say a sustained M23 advance toward Uvira would threaten the supply route to the south.") == []
    assert types(pipeline, "Diplomats say a sustained Houthi offensive on Marib would threaten the fragile truce.") == []
    assert types(pipeline, "Sanctions threaten the country's economy.") == []
    assert types(pipeline, "The rebels threatened to attack the city.") == [("THREATEN", "threatened")]


def test_a_standing_fact_reported_in_the_present_is_no_event(pipeline):
    said = [e["type"] for e in code_sentence(pipeline, "Police said the gang controls the district and attacks buses "
                                                         "on the highway.")]
    assert "ASSAULT" not in said
    fuel = [e["type"] for e in code_sentence(pipeline, "The army said the depot supplies fuel to the rebels in Goma.")]
    assert "AID" not in fuel
    done = [e["type"] for e in code_sentence(pipeline, "Police said on Monday the gang attacked a bus on the highway.")]
    assert "ASSAULT" in done


@pytest.mark.parametrize("text", [
    "The army routinely shells villages around Kalehe, residents say.",
    "Police regularly report dozens of suspects arrested in the capital, Lagos.",
    "The army has been shelling villages around Kalehe for weeks, residents say.",
    "Clashes between fishermen over nets are common on the lake, officials say.",
])
def test_what_a_party_does_as_a_rule_is_no_event(pipeline, text):
    assert code_sentence(pipeline, text) == []
    # the act told once is the news
    assert [e["type"] for e in code_sentence(pipeline, "The army shelled villages around Kalehe on Monday.")] == ["ASSAULT"]


def test_a_stance_reported_in_the_present_is_the_news(pipeline):
    assert "SUPPORT" in [e["type"] for e in code_sentence(
        pipeline, "Germany said it supports Ukraine's bid to join the European Union.")]
    assert "SUPPORT" in [e["type"] for e in code_sentence(pipeline, "The minister said Japan welcomes the agreement.")]


def test_a_denied_act_is_no_event_though_the_sentence_names_a_country_elsewhere(pipeline):
    events = code_sentence(pipeline, "The group denied that any of its fighters had been killed and accused Turkey "
                                     "of violating the ceasefire.")
    assert "ASSAULT" not in [e["type"] for e in events]


def test_what_a_party_has_long_been_doing_told_in_a_relative_clause_is_no_event(pipeline):
    events = code_sentence(pipeline, "The RSF, which has been fighting the army since April 2023, denied losing "
                                     "the town.")
    assert [e["type"] for e in events] == ["REJECT"]


def test_an_attack_named_only_to_date_a_killing_does_not_take_its_toll(pipeline):
    events = code_sentence(pipeline, "On Sunday, two days before the Kerawa raid, a soldier was killed when his "
                                     "patrol hit a roadside bomb near Amchide, the army said.")
    assert [e["evidence"]["trigger"]["text"] for e in events if e["type"] == "ASSAULT"] == ["killed"]


def test_attacks_that_cases_were_opened_over_are_what_is_investigated_not_news(pipeline):
    events = code_sentence(pipeline, "Prosecutors say they have opened thousands of criminal cases over attacks on "
                                     "the city since its liberation.")
    assert "ASSAULT" not in [e["type"] for e in events]


def test_what_a_thing_is_used_for_and_a_ship_calling_at_a_port_are_no_events(pipeline):
    events = pipeline.code("Moscow said its missiles hit port infrastructure used to supply the Ukrainian army. "
                           "Insurers raised premiums for vessels calling at Ukrainian ports.", published="2025-09-23")
    assert [e.type for e in events] == ["ASSAULT"]


def test_one_more_thing_asked_in_a_list_is_asked_not_done(pipeline):
    events = pipeline.code("On Wednesday, the bishops' council called on the president to halt the operation, pull back "
                           "additional troops and allow aid into the area.", published="2025-10-16")
    assert [e.type for e in events] == ["REQUEST"]


def test_what_a_named_treaty_provides_is_no_act_and_its_city_is_no_place(pipeline):
    events = pipeline.code("It accused Cambodia of violating the Ottawa Convention banning anti-personnel mines.",
                           published="2026-02-24")
    assert [e.type for e in events] == ["ACCUSE"]
    assert events[0].location is None
    assert "COERCE" in [e.type for e in pipeline.code("The junta issued a decree banning rallies in Bamako on Monday.",
                                                      published="2026-02-24")]


def test_an_attack_commented_on_is_the_one_told_and_a_silence_is_no_source(pipeline):
    events = code_sentence(pipeline, "Gunmen attacked Kiwanja on Sunday, killing five people. The militia did not "
                                     "comment on the weekend attack.")
    assert [e["type"] for e in events] == ["ASSAULT"]
    assert events[0]["reported_by"] is None  # "did not comment" reports nothing


def test_what_people_are_charged_with_and_those_already_arrested_are_no_new_acts(pipeline):
    assert code_sentence(pipeline, "Prosecutors in Oran said on Friday that 40 people would face trial, some on "
                                   "charges of arson and armed assault.") == []
    assert code_sentence(pipeline, "Prosecutors in Oran said on Wednesday that 60 of those detained in the region "
                                   "would be tried.") == []


def test_fighting_that_has_killed_thousands_since_then_is_a_statistic(pipeline):
    text = ("The separatists declared a state in 2017. Since then, fighting between the army and armed factions "
            "has killed more than 6,000 people.")
    assert [e["type"] for e in code_sentence(pipeline, text)] == []


def test_attackers_leaving_after_the_fight_is_how_the_attack_ended(pipeline):
    told = types(pipeline, "Gunmen attacked a police post near Tahoua and fought the officers for two hours "
                           "before withdrawing into the bush.")
    assert "RETREAT" not in [t for t, _ in told] and "ASSAULT" in [t for t, _ in told]
    assert ("RETREAT", "withdrew") in types(pipeline, "The army withdrew from the town of Tahoua on Monday.")


def test_an_act_its_own_sentence_dates_years_back_is_history_not_news(pipeline):
    background = "In March 2019, gunmen killed 40 soldiers at a base near Diffa."
    assert [e.type for e in pipeline.code(background, published="2026-03-20")] == []
    assert [e.type for e in pipeline.code(background, published="2019-03-25")] == ["ASSAULT"]
    # a recent time in the sentence may be the act's own; a scene dated only by the story stays
    told = "On 4 April 2026, under a deal signed in March 2024, rebel fighters withdrew from two districts of Goma."
    assert "RETREAT" in [e.type for e in pipeline.code(told, published="2026-04-05")]


def test_strikes_a_party_condemns_are_the_strikes_already_told(pipeline):
    text = ("A U.S. air strike hit a militia depot near Al-Qaim on Sunday, killing three fighters, the Pentagon said. "
            "Iraq's government called it a violation of its sovereignty. "
            "In Tehran, a Foreign Ministry spokesman condemned the strikes as aggression against a sovereign state.")
    told = [e.type for e in pipeline.code(text, published="2026-04-14")]
    assert told.count("ASSAULT") == 1 and "ACCUSE" in told


def test_arms_seized_in_a_fight_are_part_of_the_fight(pipeline):
    told = [e.type for e in pipeline.code(
        "The army said soldiers killed six militants in a gunfight near Diffa and seized rifles and ammunition.",
        published="2026-04-14")]
    assert told == ["ASSAULT"]
    assert "COERCE" in [e.type for e in pipeline.code("Customs officers seized rifles and ammunition at the port of Lome.",
                                                      published="2026-04-14")]


def test_an_act_told_as_having_happened_before_or_again_and_again_is_background(pipeline):
    assert types(pipeline, "The two neighbours share a long border and have clashed over the river before.") == []
    assert types(pipeline, "Militants have repeatedly attacked the town, residents said.") == []
    # the present perfect of one act, or "before" as a time, stays an event
    assert ("ASSAULT", "attacked") in types(pipeline, "Militants have attacked the town, residents said on Monday.")
    assert ("ASSAULT", "attacked") in types(pipeline, "Militants attacked the town before dawn on Monday.")


def test_what_a_charge_names_is_no_act_of_its_own(pipeline):
    assert types(pipeline, "Police in Lusaka arrested 40 people on charges including looting and attacking "
                           "officers.") == [("COERCE", "arrested")]
    assert ("ASSAULT", "attacking") not in types(pipeline, "He was charged with theft and attacking a guard.")
    assert ("ASSAULT", "attacked") in types(pipeline, "Gunmen attacked a guard post near Lusaka on Friday.")


@pytest.mark.parametrize("sentence", [
    "Bentiu has filled with families fleeing fighting elsewhere in Unity State.",
    "Hundreds of herders fled the fighting in Kurram last week.",
])
def test_what_people_fled_is_the_cause_of_their_flight_not_an_act_told(pipeline, sentence):
    assert types(pipeline, sentence) == []


def test_an_attack_told_before_people_fled_it_stays_an_event(pipeline):
    found = types(pipeline, "Militants raided the market in Kurram on Monday, and traders fled the attack.")
    assert ("ASSAULT", "raided") in found
