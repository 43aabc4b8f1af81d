"""What a raid report says beside its act: plunder as part of the raid, shots into the air, a
claim's own account of the attack, a present-tense description of a noun, a pull-out told by two
verbs, a response promised, and an unlisted town placed by its own people's country. One
behaviour per test, on hand-built sentences (none from a dev set)."""
from conftest import code_sentence


def kinds(events) -> list[tuple[str, str]]:
    return [(e["type"], e["evidence"]["trigger"]["text"]) for e in events]


def test_what_a_raid_took_is_part_of_the_raid(pipeline):
    found = kinds(code_sentence(pipeline, "Gunmen stormed the town of Mueda on Friday, killing four traders, burning "
                                          "shops and looting grain stores, officials said."))
    assert found == [("ASSAULT", "stormed")]
    alone = kinds(code_sentence(pipeline, "Soldiers looted grain stores in Mueda on Friday, officials said."))
    assert ("COERCE", "looted") in alone


def test_shots_into_the_air_are_no_attack(pipeline):
    assert code_sentence(pipeline, "Guards were shooting into the air outside the bank in Mueda on Friday, "
                                   "witnesses said.") == []
    assert ("ASSAULT", "shooting") in kinds(code_sentence(
        pipeline, "Guards were shooting at villagers outside the bank in Mueda on Friday, witnesses said."))


def test_what_a_claim_says_was_done_restates_the_attack_claimed(pipeline):
    text = ("Insurgents raided the town of Mueda on Friday. A militant channel claimed the attack on Saturday, "
            "saying its fighters had killed 15 soldiers and seized rifles.")
    assert kinds(code_sentence(pipeline, text)) == [("ASSAULT", "raided")]


def test_a_present_tense_description_of_a_noun_is_no_act(pipeline):
    found = kinds(code_sentence(pipeline, "The charity said on Friday that a clinic it supports in Mueda was "
                                          "burned by gunmen."))
    assert not any(t == "SUPPORT" for t, _ in found)


def test_a_pull_out_told_by_two_verbs_is_one_retreat(pipeline):
    found = kinds(code_sentence(pipeline, "The charity said on Monday it had suspended its activities in Mueda "
                                          "and evacuated its staff."))
    assert found == [("SANCTION", "suspended")]
    staff = kinds(code_sentence(pipeline, "The embassy evacuated its staff from Juba on Monday."))
    assert staff == [("RETREAT", "evacuated")]
    people = kinds(code_sentence(pipeline, "The army evacuated 300 villagers from Mueda on Monday."))
    assert people == [("AID", "evacuated")]


def test_a_response_promised_is_a_threat(pipeline):
    found = code_sentence(pipeline, 'The militia warned on Sunday that "this aggression will not go unanswered."')
    assert [e["type"] for e in found] == ["THREATEN"]
    said = code_sentence(pipeline, "The interior ministry said on Sunday that the killing would not go unpunished.")
    assert [e["type"] for e in said] == ["THREATEN"]
    ahead = code_sentence(pipeline, "The interior ministry said on Sunday that the vote would not go ahead.")
    assert "THREATEN" not in [e["type"] for e in ahead]


def test_an_arabic_article_in_lower_case_starts_a_place_name(pipeline):
    events = code_sentence(pipeline, "Jets struck a depot near the Syrian town of al-Bukamal on Monday, "
                                     "hours after a drone attack on a base in Erbil.")
    strike = next(e for e in events if e["evidence"]["trigger"]["text"] == "struck")
    assert strike["location"]["country"] == "SYR"


def test_an_unlisted_town_lies_in_its_peoples_country_not_in_another_town(pipeline):
    events = code_sentence(pipeline, "Jets struck a depot near the Iraqi border town of Zzyqat on Monday, "
                                     "hours after a drone attack on a base in Erbil.")
    strike = next(e for e in events if e["evidence"]["trigger"]["text"] == "struck")
    assert strike["location"]["precision"] == "country" and strike["location"]["country"] == "IRQ"


def test_a_later_sentence_that_narrows_the_raids_span_to_one_of_its_days_restates_it(pipeline):
    # "over the weekend" ... "before dawn on Saturday": the story telling its own date more closely
    events = code_sentence(pipeline, "Rebels attacked three hamlets east of Dungu over the weekend, killing nine "
                                     "herders, a parish priest said on Monday. Survivors said rebels struck Bangadi "
                                     "at first light on Saturday.", published="2025-06-04")
    assert kinds(events) == [("ASSAULT", "attacked")]


def test_the_attackers_named_again_do_the_act_already_told(pipeline):
    # "the attackers" are the doers of the raid just told: where they struck is the raid's detail
    events = code_sentence(pipeline, "Bandits raided herding camps in the Birnin Gwari area of Kaduna state on "
                                     "Sunday, killing nine people, officials said on Tuesday. The assailants struck "
                                     "Kuyello and another camp late on Sunday.", published="2025-06-04")
    assert kinds(events) == [("ASSAULT", "raided")]


def test_an_hour_with_no_day_of_its_own_does_not_tell_the_raid_apart(pipeline):
    # "around 1 p.m." borrows its day from the sentence before ("said on Sunday"): no date of its own
    events = code_sentence(pipeline, "Militants shot dead 14 farmers near Ansongo on Friday, the mayor said on "
                                     "Sunday. A survivor said militants opened fire on the farmers at about 4 p.m.",
                           published="2025-06-02")
    assert [(e["type"], e["when"]["start"]) for e in events] == [("ASSAULT", "2025-05-30")]


def test_a_raid_that_harms_no_one_is_how_the_arrests_were_made(pipeline):
    joined = kinds(code_sentence(pipeline, "Police raided an opposition office in Harare on Tuesday and arrested 12 "
                                           "activists, their lawyer said."))
    assert joined == [("COERCE", "arrested")]
    inside = kinds(code_sentence(pipeline, "Police arrested five students in a raid on a hostel in Harare on Tuesday."))
    assert inside == [("COERCE", "arrested")]
    deadly = kinds(code_sentence(pipeline, "Soldiers raided the camp on Tuesday, killed two gunmen and detained five, "
                                           "the army said."))
    assert ("ASSAULT", "raided") in deadly and ("COERCE", "detained") in deadly
