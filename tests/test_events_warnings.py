"""Threats, refusals and statements as wire copy tells them: a warning of force or a penalty to
come, a vow of a response, a proposal turned down, "the group" for the group named before, two
speakers' statements of one kind kept apart, and a closing quotation mark kept with its sentence.
One behaviour per test, on hand-built sentences (none from a dev set)."""
from conftest import code_sentence

from eventwire.dedup.coded import Coded
from eventwire.dedup.within import merge_within_article
from eventwire.model import Article, Event, Evidence, Party, Span


def types(events) -> list[str]:
    return [e["type"] for e in events]


def threatens(pipeline, text: str) -> bool:
    """Whether the sentence, coded alone, holds a threat."""
    return "THREATEN" in types(code_sentence(pipeline, text))


def test_a_warning_of_force_or_a_penalty_to_come_is_a_threat(pipeline):
    assert "THREATEN" in types(code_sentence(pipeline, "A rebel spokesman warned that the movement would retaliate."))
    assert "THREATEN" in types(code_sentence(
        pipeline, "The Foreign Office warned that anyone who undermines the truce could face sanctions."))
    assert "THREATEN" in types(code_sentence(
        pipeline, "The police warned that any attempt to occupy the square would be met with force."))


def test_a_warning_of_a_hazard_or_of_another_state_is_no_threat(pipeline):
    assert "THREATEN" not in types(code_sentence(
        pipeline, "The World Food Programme warned that 200,000 people could be hit by floods in Chad."))
    forecast = code_sentence(pipeline, "Polish officials warned that Russia could attack Lithuania.")
    assert not any(e["type"] == "THREATEN" and (e["actor"] or {}).get("country") == "POL" for e in forecast)


def test_a_vow_of_a_response_or_of_force_is_a_threat_and_a_vow_to_rebuild_is_not(pipeline):
    assert types(code_sentence(pipeline, "The Kenyan president vowed a swift response.")) == ["THREATEN"]
    assert types(code_sentence(pipeline, "The Nigerian army vowed to crush the insurgents.")) == ["THREATEN"]
    assert "THREATEN" not in types(code_sentence(pipeline, "The Nigerian government vowed to rebuild the school."))


def test_a_proposal_turned_down_is_a_rejection(pipeline):
    events = code_sentence(pipeline, "Serbia on Monday turned down a Kosovo proposal to reopen the border crossing.")
    assert "REJECT" in types(events)


def test_a_repeated_threat_is_a_threat(pipeline):
    events = code_sentence(pipeline, "Prime Minister Viktor Orban repeated a threat to veto the aid package.")
    assert "THREATEN" in types(events)


def test_the_group_is_the_armed_group_named_before(pipeline):
    text = "Boko Haram fighters attacked a village in Borno State on Monday. In a video, the group threatened further attacks."
    threat = next(e for e in code_sentence(pipeline, text) if e["type"] == "THREATEN")
    assert threat["actor"]["sector"] == "REB" and threat["actor"]["country"] == "NGA"


def _accusation(speaker: str, sentence: str) -> Coded:
    party = Party(text=speaker, start=0, end=len(speaker), name=None, country="GEO", sector="GOV")
    return Coded(Event(article=Article(id="a", text=sentence), type="ACCUSE", mode=None, acled=None, actor=party,
                       recipient=None, location=None, when=None, quantities=[], reported_by=None, certainty="asserted",
                       evidence=Evidence(sentence, 0, len(sentence), Span("accused", 0, 7)), confidence=0.5, coder={}),
                 family="accuse")


def test_two_speakers_accusations_are_two_events_and_one_speakers_restated_is_one():
    first = _accusation("Prime Minister Irakli Kobakhidze", "Prime Minister Irakli Kobakhidze accused the West.")
    other = _accusation("Georgian Dream officials", "Georgian Dream officials accused both of interfering.")
    again = _accusation("Kobakhidze", "Kobakhidze again accused the West.")
    assert len(merge_within_article([first, other])) == 2
    assert len(merge_within_article([first, again])) == 1


def test_two_titled_officials_of_one_ministry_are_two_speakers():
    spokesman = _accusation("Foreign Ministry spokesman Levan Gelashvili", "Foreign Ministry spokesman Levan Gelashvili accused Baku.")
    minister = _accusation("Georgia's Foreign Minister Nino Beridze", "Georgia's Foreign Minister Nino Beridze accused Baku.")
    again = _accusation("Foreign Minister Beridze", "Foreign Minister Beridze again accused Baku.")
    ministry = _accusation("the Foreign Ministry", "The Foreign Ministry accused Baku.")
    assert len(merge_within_article([spokesman, minister])) == 2
    assert len(merge_within_article([minister, again])) == 1
    assert len(merge_within_article([ministry, spokesman])) == 1


def test_a_closing_quotation_mark_stays_with_its_sentence(nlp):
    doc = nlp('The ministry said protesters would be met "with force."\nA new line starts here.')
    assert [s.text.strip() for s in doc.sents][0].endswith('force."')


def test_its_spokesman_speaks_for_the_group_that_was_the_subject_before(pipeline):
    text = ("The Karen National Union, which controls much of Kayin State, said the strike hit a school. "
            "Its spokesman accused the military of targeting children.")
    accusation = next(e for e in code_sentence(pipeline, text) if e["type"] == "ACCUSE")
    assert accusation["actor"]["sector"] == "REB" and accusation["actor"]["country"] == "MMR"


def test_commenting_on_the_strike_is_no_labour_strike_and_going_on_strike_is(pipeline):
    text = "A drone strike hit a market in Kyauktaw on Monday. The military did not comment on the strike."
    assert "PROTEST" not in types(code_sentence(pipeline, text))
    assert "PROTEST" in types(code_sentence(pipeline, "Teachers went on strike in Nairobi on Monday."))


def test_denying_a_particular_act_is_a_rejection_and_denying_a_practice_is_not(pipeline):
    assert "REJECT" in types(code_sentence(pipeline, "The Arakan Army denied shelling the ferry terminal in Sittwe."))
    assert "REJECT" in types(code_sentence(pipeline, "The Syrian defence ministry denied that its forces had shelled Jableh."))
    assert "REJECT" not in types(code_sentence(pipeline, "Hamas has long denied using hospitals."))


def test_saying_another_party_did_wrong_is_an_accusation(pipeline):
    rearm = code_sentence(pipeline, "Turkey's defence minister said the PKK was rearming in northern Iraq.")
    accusation = next(e for e in rearm if e["type"] == "ACCUSE")
    assert accusation["actor"]["country"] == "TUR" and accusation["recipient"]["sector"] == "REB"
    failed = code_sentence(pipeline, "The M23 said the Congolese government had failed to honour the ceasefire.")
    assert "ACCUSE" in types(failed)


def test_what_a_party_says_of_its_own_side_or_of_the_future_is_no_accusation(pipeline):
    assert "ACCUSE" not in types(code_sentence(pipeline, "The Kenyan army said its troops had failed to stop the raid."))
    assert "ACCUSE" not in types(code_sentence(pipeline, "Turkish officials said the PKK would rearm in Iraq."))


def test_saying_an_attack_will_be_met_with_a_response_is_a_threat(pipeline):
    events = code_sentence(pipeline, "A Turkish defence ministry spokesman said any attack on Turkish troops will be met with a decisive response.")
    assert "THREATEN" in types(events)


def test_the_number_of_people_killed_counts_an_act_already_told(pipeline):
    text = ("Gunmen attacked a checkpoint in Zawiya on Monday, killing two soldiers. "
            "A security source said the number of soldiers killed was more than ten.")
    assert types(code_sentence(pipeline, text)).count("ASSAULT") == 1


def test_a_call_for_someone_to_act_is_a_request(pipeline):
    events = code_sentence(pipeline, "Somalia's president renewed his call for all clan militias to be placed under army command.")
    assert "REQUEST" in types(events)


def test_a_toll_told_after_a_strike_is_the_strikes_toll(pipeline):
    text = ("A fighter jet bombed a village in Magway on Tuesday, residents said. "
            "A village elder said at least 14 people were killed when two bombs hit a cluster of houses.")
    assaults = [e for e in code_sentence(pipeline, text) if e["type"] == "ASSAULT"]
    assert len(assaults) == 1 and any(q["value"] == 14 for q in assaults[0]["quantities"])


def test_condemning_the_attack_charges_whoever_carried_it_out(pipeline):
    text = "Al-Shabaab fighters attacked a checkpoint in Afgoye on Monday. Somalia's president condemned the attack."
    charge = next(e for e in code_sentence(pipeline, text) if e["type"] == "ACCUSE")
    assert charge["recipient"]["sector"] == "REB" and "condemned" in charge["recipient"]["why"]


def test_a_penalty_promised_by_any_verb_of_saying_is_a_threat(pipeline):
    assert "THREATEN" in types(code_sentence(
        pipeline, "The interior minister said any attempt to block the highway would be dealt with firmly."))
    assert "THREATEN" in types(code_sentence(
        pipeline, "A government spokesman said the militia would be held accountable for the killings."))
    assert "THREATEN" in types(code_sentence(
        pipeline, "The army vowed that those responsible for the ambush would pay the price."))
    assert "THREATEN" not in types(code_sentence(pipeline, "The judge said the case would be dealt with by the courts."))
    assert "THREATEN" not in types(code_sentence(
        pipeline, "The president vowed that the government would build more schools."))


def test_a_second_that_clause_of_a_warning_is_read_too(pipeline):
    found = code_sentence(pipeline, "The president warned organisers on Monday that the government would not "
                                    "allow chaos to spread and that those who financed the riots would face prosecution.")
    assert "THREATEN" in types(found) and "REJECT" not in types(found)
    assert types(code_sentence(pipeline, "The government said it would not allow inspectors to enter the site.")) \
        == ["REJECT"]


def test_a_claim_dismissed_in_an_aside_is_rejected_by_its_subject_against_the_claimant(pipeline):
    found = code_sentence(pipeline, "The rebels said they had killed 40 soldiers near Mao on Monday, a figure the "
                                    "Chadian army dismissed as propaganda.")
    denial = next(e for e in found if e["type"] == "REJECT")
    assert denial["actor"]["sector"] == "MIL" and denial["recipient"]["sector"] == "REB"
    assert denial["reported_by"]["sector"] == "MIL"  # the army's own word, not part of the rebels' claim


def test_a_sanction_weighed_or_held_ready_is_a_threat_at_whoever_the_condition_names(pipeline):
    weighed = code_sentence(pipeline, "Britain said it was weighing new sanctions on the junta in Naypyidaw.")
    assert types(weighed) == ["THREATEN"] and weighed[0]["actor"]["country"] == "GBR"
    options = code_sentence(pipeline, "A spokesperson said Washington was reviewing all options, including additional "
                                      "sanctions, against officials in Managua.")
    assert types(options) == ["THREATEN"]
    ready = code_sentence(pipeline, "The European Union's foreign policy chief, Anna Berg, said in a statement that the "
                                    "bloc was ready to extend its sanctions if the government of Nicaragua continued to "
                                    "persecute opponents.")
    threat = next(e for e in ready if e["type"] == "THREATEN")
    assert threat["actor"]["sector"] == "IGO" and "the bloc" in threat["actor"]["why"]
    assert (threat["recipient"]["country"], threat["recipient"]["sector"]) == ("NIC", "GOV")


def test_an_answer_promised_or_held_ready_is_a_threat(pipeline):
    for text in ['Army chief Asim Munir said that if there was "another provocation", Pakistan\'s response would be '
                 '"far harsher than last time."',
                 'The Iranian military spokesman said the armed forces were "ready to give a crushing reply to any '
                 'aggression."',
                 '"If Baku repeats its attack, it will get the same answer," Foreign Minister Ararat Mirzoyan told '
                 'reporters in Yerevan.']:
        assert types(code_sentence(pipeline, text)) == ["THREATEN"], text


def test_a_warning_after_but_is_the_speakers_own(pipeline):
    events = code_sentence(pipeline, 'The spokesman said Washington did not seek escalation but warned that "any '
                                     'further attacks on our personnel will be met with a decisive response."')
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert threat["actor"]["text"].endswith("spokesman")


def test_a_wrong_done_for_a_purpose_or_a_duty_not_yet_done_is_charged(pipeline):
    for text, blamed in [("Hungary's foreign ministry said Brussels was trying to provoke a crisis to justify sanctions.",
                          "Brussels"),
                         ("Morocco's foreign ministry said Algeria was using the incident to distract from its own "
                          "failures.", "Algeria"),
                         ("Kenya's interior minister said Somalia had yet to act against the militants.", "Somalia"),
                         ("Beijing's foreign ministry said Manila was colluding with outside forces.", "Manila")]:
        charge = next((e for e in code_sentence(pipeline, text) if e["type"] == "ACCUSE"), None)
        assert charge is not None and charge["recipient"]["text"] == blamed, text


def test_a_charge_in_a_participle_of_saying_is_the_subjects(pipeline):
    events = code_sentence(pipeline, "Turkey's defence minister responded within hours, saying the PKK was rearming "
                                     "in northern Iraq.")
    charge = next(e for e in events if e["type"] == "ACCUSE")
    assert charge["actor"]["country"] == "TUR" and charge["recipient"]["sector"] == "REB"


def test_a_group_called_an_outlaw_gang_is_charged(pipeline):
    text = ("The Popular Mobilisation Forces clashed with a tribal militia near Tikrit on Monday. The Iraqi interior "
            'ministry said the militia was "an outlaw gang serving foreign agendas."')
    assert "ACCUSE" in types(code_sentence(pipeline, text))


def test_a_party_alarmed_in_quotes_by_reports_of_an_act_disapproves_of_it(pipeline):
    text = ('Sudanese army shells hit a market in Kadugli on Tuesday, killing nine people. The World Health '
            'Organization said it was "deeply alarmed" by reports of the shelling.')
    alarm = next(e for e in code_sentence(pipeline, text) if e["evidence"]["trigger"]["text"] == "alarmed")
    assert alarm["type"] == "ACCUSE" and alarm["recipient"]["country"] == "SDN"


def test_a_clause_denied_without_that_and_any_attempt_denied_are_refusals(pipeline):
    assert types(code_sentence(pipeline, "A Malian army spokesman denied the base had been overrun.")) == ["REJECT"]
    assert "REJECT" in types(code_sentence(pipeline, "India's army denied any incursion attempt near Uri."))


def test_reinforcements_arriving_are_a_deployment(pipeline):
    assert types(code_sentence(pipeline, "Police said reinforcements had reached the area by Friday afternoon.")) == [
        "MOBILIZE"]


def test_a_party_declared_a_legitimate_target_is_threatened(pipeline):
    threat = next(e for e in code_sentence(pipeline, 'Hezbollah said Israeli gas platforms were now "legitimate '
                                                     'targets."') if e["type"] == "THREATEN")
    assert threat["recipient"]["country"] == "ISR"


def test_a_promise_not_to_sit_idle_is_a_threat_and_no_intention_to_invade_no_attack(pipeline):
    for text in ["The minister warned that Kenya would not sit idle if its territory came under attack.",
                 "Kenya will not stand idly by, the president said."]:
        assert [e["type"] for e in code_sentence(pipeline, text)] == ["THREATEN"], text
    assert code_sentence(pipeline, "He repeated that Rwanda had no intention of invading Congo.") == []


def test_not_standing_by_and_not_hesitating_to_act_are_threats(pipeline):
    assert "THREATEN" in types(code_sentence(
        pipeline, "The defence minister said Turkey \"will not stand by while Turkmen villages are shelled.\""))
    assert "THREATEN" in types(code_sentence(
        pipeline, "The army warned that it \"will not hesitate to take all necessary measures\" against the rebels."))
    assert "THREATEN" not in types(code_sentence(
        pipeline, "The army said it \"will not hesitate to help\" families displaced by the floods."))


def test_a_penalty_in_a_second_clause_the_parser_split_off_is_a_threat(pipeline):
    assert "THREATEN" in types(code_sentence(
        pipeline, "Governor Ahmed Musa warned that anyone found carrying arms in the area during the curfew would be arrested."))


def test_the_party_warned_is_the_one_threatened(pipeline):
    threat = next(e for e in code_sentence(
        pipeline, "The rebel leader warned shipping companies that any vessel bound for Eilat would be hit.")
        if e["type"] == "THREATEN")
    assert threat["recipient"]["sector"] == "BUS"


def test_a_penalty_another_party_is_told_it_will_face_is_a_threat_whatever_verb_says_it(pipeline):
    events = code_sentence(pipeline, "The interior ministry said protesters who kept the highway closed would face "
                                     "prosecution.")
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert threat["recipient"]["sector"] == "CVL"
    assert "THREATEN" not in types(code_sentence(pipeline, "The former minister said he could face prosecution."))


def test_a_party_told_it_will_be_treated_as_a_target_is_threatened(pipeline):
    events = code_sentence(pipeline, "The rebel spokesman warned that all workers on the project would be treated "
                                     "as targets.")
    assert next(e for e in events if e["type"] == "THREATEN")["recipient"]["text"] == "all workers"
    assert "THREATEN" not in types(code_sentence(
        pipeline, "Police said the suspect was considered a target of the investigation."))


def test_a_party_that_will_not_let_a_dispute_endanger_a_deal_warns(pipeline):
    events = code_sentence(pipeline, "The federal government warned that it would not allow the dispute to "
                                     "endanger the peace deal.")
    assert types(events) == ["THREATEN"]


def test_a_refusal_of_what_the_speaker_called_something_keeps_the_speaker_as_actor(pipeline):
    events = code_sentence(pipeline, "Algeria's foreign minister, speaking to reporters in Algiers, rejected what he "
                                     "called the language of threats.")
    refusal = next(e for e in events if e["type"] == "REJECT")
    assert refusal["actor"]["country"] == "DZA" and refusal["recipient"] is None


def test_a_warning_given_as_what_a_speaker_came_out_to_do_is_the_speakers(pipeline):
    text = ("Yahya Saree, the Houthi military spokesman, said the group fired missiles on Sunday. Saree returned to "
            "the screen on Tuesday to warn that the rebels would widen their operations in response.")
    warning = [e for e in pipeline.code(text, published="2025-08-12") if e.type == "THREATEN"]
    assert warning and warning[0].actor.country == "YEM"


def test_a_quoted_right_to_respond_the_tagger_reads_as_a_noun_is_still_a_threat(pipeline):
    events = code_sentence(pipeline, 'A senior official said Tehran "reserves the right to respond" if the raids go on.')
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert threat["actor"]["country"] == "IRN"
    assert "THREATEN" not in types(code_sentence(pipeline, 'A lawyer said his client "reserves the right to appeal".'))


def test_a_second_that_clause_hung_on_the_verb_of_warning_is_read_too(pipeline):
    events = code_sentence(pipeline, 'The militia leader warned on Friday that its patience "has limits," and that if the '
                                     'raids continued the group would "not stand by while our villages burn."')
    assert "THREATEN" in types(events)


def test_those_responsible_promised_a_pursuit_or_justice_are_threatened(pipeline):
    for pursuit in ("would be hunted down", "will be brought to justice", "will be punished"):
        events = code_sentence(pipeline, f"The governor said in a statement that those responsible {pursuit}.")
        assert types(events) == ["THREATEN"], pursuit
    assert "THREATEN" not in types(code_sentence(pipeline, "Police said the two officers were punished last year."))


def test_a_that_clause_the_parser_hangs_on_the_statement_is_what_was_said(pipeline):
    events = code_sentence(pipeline, "The ministry said in a statement that those who attacked the convoy would be "
                                     "hunted down.")
    assert "THREATEN" in types(events)


def test_force_promised_on_a_condition_is_a_threat_whatever_verb_says_it(pipeline):
    events = code_sentence(pipeline, "A spokesman for the clan militia said its fighters would keep up their attacks "
                                     "if the prisoners were not freed.")
    assert "THREATEN" in types(events)
    assert "THREATEN" not in types(code_sentence(pipeline, "The minister said the talks would resume if both sides "
                                                           "agreed."))


def test_a_warning_to_whoever_does_a_thing_is_aimed_at_the_people_where_it_is_made(pipeline):
    events = code_sentence(pipeline, "In Lusaka, the home affairs minister warned that anyone who blocked roads "
                                     "would face prosecution.")
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert (threat["recipient"]["country"], threat["recipient"]["sector"]) == ("ZMB", "CVL")
    events = code_sentence(pipeline, "In Lusaka, the minister warned that the army would respond.")
    assert next(e for e in events if e["type"] == "THREATEN")["recipient"] is None


def test_a_right_reserved_at_the_head_of_a_quote_is_a_threat_by_the_party_before_it(pipeline):
    events = code_sentence(pipeline, '"Egypt reserves the right to respond to any violation of its sovereignty at a time '
                                     'of its choosing," the ministry said in a statement.')
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert threat["actor"]["country"] == "EGY"


def test_a_toll_of_the_acting_force_is_not_the_toll_of_its_act(pipeline):
    text = ("A police truck struck and killed a motorcycle taxi driver near a bridge in Jakarta on Monday. "
            "Police also said 40 officers had been injured.")
    truck = next(e for e in code_sentence(pipeline, text) if e["evidence"]["trigger"]["text"] == "struck")
    assert not any(q["value"] == 40 for q in truck["quantities"])
    assert (truck["recipient"] or {}).get("sector") != "COP"


def test_a_warning_that_ones_own_side_will_not_tolerate_something_is_a_threat(pipeline):
    for sentence in ("The interior minister warned that the state would not tolerate anarchy.",
                     "The minister warned that Ghana will not tolerate the use of its territory by armed groups."):
        assert "THREATEN" in types(code_sentence(pipeline, sentence)), sentence
    assert "THREATEN" not in types(code_sentence(pipeline, "The UN warned that donors would not accept further delays."))


def test_a_right_reserved_to_defend_by_all_means_is_a_threat(pipeline):
    events = code_sentence(pipeline, 'The council said Sudan "reserves the right to defend its territory by all means."')
    assert "THREATEN" in types(events)


def test_the_people_hurt_in_a_strike_on_facilities_are_its_toll_though_counted_a_day_later(pipeline):
    text = ("KHERSON, Ukraine (Wire) -- Russian drones struck port and energy facilities in Kherson overnight into Monday, "
            "officials said on Monday.\n\nBy Tuesday afternoon, rescuers had pulled two bodies from a warehouse. "
            "Nine other people were wounded, among them a boy.")
    events = code_sentence(pipeline, text, published="2025-09-23")
    assert [e["type"] for e in events].count("ASSAULT") == 1


def test_being_branded_the_enemy_or_made_to_answer_for_it_is_a_threat(pipeline):
    for text in ("The rebels said anyone who stayed in the town would be treated as a collaborator.",
                 "Egypt said any attempt to cut the river's flow would be treated as an act of war.",
                 "The minister said people who bring chaos to the streets will answer for it."):
        assert [e["type"] for e in code_sentence(pipeline, text)] == ["THREATEN"], text
    assert code_sentence(pipeline, "Doctors said the wounded would be treated as a priority.") == []


def test_a_penalty_a_party_must_bear_or_will_face_is_a_threat(pipeline):
    told = code_sentence(pipeline, '"If Manila keeps provoking trouble, it must bear all the consequences," '
                                   'the Chinese foreign ministry spokesman said.')
    assert "THREATEN" in types(told)
    assert "THREATEN" in types(code_sentence(
        pipeline, "The interior minister warned that looters would face the full rigour of the law."))
    assert "THREATEN" not in types(code_sentence(
        pipeline, "The finance minister said pensioners must pay the price of the reform."))


def test_the_speakers_own_side_will_respond_is_a_threat(pipeline):
    assert "THREATEN" in types(code_sentence(pipeline, "A Kremlin spokesman said Moscow would retaliate."))
    assert "THREATEN" in types(code_sentence(pipeline, "The army said it would respond to any incursion."))
    # an answer to words, or what another side will do, is no threat of the speaker's
    assert "THREATEN" not in types(code_sentence(pipeline, "The ministry said it would respond to the letter next week."))
    assert "THREATEN" not in types(code_sentence(pipeline, "A British minister said Russia would retaliate."))


def test_a_vow_to_pursue_the_attackers_is_a_threat(pipeline):
    assert "THREATEN" in types(code_sentence(pipeline, "The interior ministry vowed to pursue the attackers."))


def test_denying_abuse_is_a_rejection(pipeline):
    assert "REJECT" in types(code_sentence(pipeline, "The army denied any mistreatment of the detainees."))


def test_a_vow_that_culprits_will_be_hunted_or_ground_defended_is_a_threat(pipeline):
    assert "THREATEN" in types(code_sentence(
        pipeline, "The governor vowed that the gunmen would be tracked down wherever they hide."))
    assert "THREATEN" in types(code_sentence(pipeline, "The defence minister said Armenia would defend every inch "
                                                       "of its territory."))
    assert "THREATEN" not in types(code_sentence(
        pipeline, "The trade minister said the country would defend its interests at the WTO."))


def test_a_sides_own_forces_to_pursue_a_foe_is_a_threat_and_to_pursue_talks_is_not(pipeline):
    assert threatens(
        pipeline, "The Somali army said in a statement that its troops would pursue the militants into the hills.")
    assert not threatens(pipeline, "The Somali army said it would pursue talks with the elders.")


def test_anyone_or_any_gathering_to_be_dealt_with_is_a_threat_and_an_issue_is_not(pipeline):
    assert threatens(
        pipeline, "Police in Lusaka said on Friday that any unauthorised march would be dealt with.")
    assert threatens(  # the parser hangs "would" inside the subject's clause
        pipeline, 'The Zambian police chief said that any attempt to block the road would be "firmly" dealt with.')
    assert not threatens(
        pipeline, "The Zambian minister said the border issue would be dealt with at the summit.")


def test_a_conditional_war_carried_to_others_is_a_threat(pipeline):
    assert threatens(
        pipeline, 'The FACT rebels warned that they would "carry the war to the capital" if the bombing did not stop.')


def test_one_statement_may_charge_and_threaten_in_two_clauses(pipeline):
    events = code_sentence(pipeline, 'The Kenyan government said the attack was "a cowardly act of terror" '
                                     'and that those responsible would be hunted down.')
    assert {"ACCUSE", "THREATEN"} <= set(types(events))


def test_a_promise_of_an_operation_or_a_hunt_is_a_threat_and_of_an_inquiry_an_offer(pipeline):
    assert types(code_sentence(
        pipeline, 'The Sindh chief minister promised an operation to "clean out" the bandits from the riverine forest.')) \
        == ["THREATEN"]
    hunted = types(code_sentence(pipeline, 'The Kano governor promised that "the killers will be hunted down."'))
    assert "THREATEN" in hunted and "AGREE" not in hunted
    assert types(code_sentence(pipeline, "The Kano governor promised an inquiry into the killings.")) == ["AGREE"]


def test_jail_for_whoever_did_it_or_no_escape_from_justice_is_a_threat(pipeline):
    assert threatens(
        pipeline, 'The Peruvian president said those who looted the stores "will end up in prison."')
    assert threatens(
        pipeline, '"No one who attacks a police station will escape justice," the Peruvian interior minister said.')
    assert not threatens(
        pipeline, "The Peruvian opposition leader said he would go to jail rather than resign.")


def test_culprits_who_will_not_escape_responsibility_are_threatened(pipeline):
    assert threatens(
        pipeline, 'The Belarusian Foreign Ministry warned that "those behind the provocation will not escape responsibility."')


def test_an_act_a_side_could_answer_with_has_not_happened(pipeline):
    events = code_sentence(pipeline, "A Russian lawmaker said Moscow could answer with missile strikes on Kharkiv's power plants.")
    assert all(e["type"] != "ASSAULT" for e in events)


def test_the_right_reserved_to_take_all_measures_is_a_threat(pipeline):
    assert threatens(
        pipeline, 'The Eritrean minister said that Eritrea reserved the right to take "every measure needed to '
                  'protect its borders."')


def test_ties_cut_on_a_condition_are_a_threat_and_a_strike_called_off_on_one_is_not(pipeline):
    assert threatens(
        pipeline, "A Serbian official said Belgrade could call off the talks if Pristina did not free the men.")
    assert not threatens(
        pipeline, "The Kenyan union said it would call off the strike if the government raised wages.")
