import pytest

from eventwire.events import quantities


@pytest.mark.parametrize("sentence,value,approx,kind", [
    ("Ukrainian forces captured two North Korean soldiers.", 2, "exact", "troops"),
    ("Around 11,000 North Korean troops are stationed in Kursk.", 11000, "about", "troops"),
    ("Over 1,000 North Korean soldiers were killed or wounded.", 1000, "over", "troops"),
    ("At least 15 civilians were killed.", 15, "over", "civilians"),
    ("Up to 1.5 million people fled.", 1500000, "up_to", None),
    ("Some 300 fighters surrendered.", 300, "about", "fighters"),
    ("Nearly 40 villagers were abducted.", 40, "under", "civilians"),
])
def test_counts_with_approximation(nlp, sentence, value, approx, kind):
    found = quantities.find(nlp(sentence))
    assert found, sentence
    q = found[0]
    assert (q.value, q.approx, q.kind) == (value, approx, kind)
    assert sentence[q.start:q.end] == q.text


def test_vague_plurals(nlp):
    q = quantities.find(nlp("Dozens of people were injured."))[0]
    assert q.value == 24 and q.approx == "about"


def test_multiplied_dozens(nlp):
    q = quantities.find(nlp("More than two dozen fighters were killed."))[0]
    assert (q.value, q.approx) == (24, "over")


@pytest.mark.parametrize("sentence,value", [
    ("Several dozen fighters entered the village.", 36),
    ("Two dozen soldiers were wounded.", 24),
    ("The country has several thousand soldiers in the region.", 3000),
    ("Several hundred people marched.", 300),
    ("A thousand people fled.", 1000),
])
def test_a_scale_word_counts_once(nlp, sentence, value):
    assert quantities.find(nlp(sentence))[0].value == value


def test_a_bare_number_as_the_object_counts_the_understood_people(pipeline):
    event = pipeline.code("Syrian forces hit a hospital overnight, killing 20 people and wounding 100, officials said.",
                          published="2016-10-07")[0]
    assert {(q.kind, q.value) for q in event.quantities} == {("killed", 20), ("wounded", 100)}


def test_a_count_a_participle_qualifies_is_counted(pipeline):
    event = pipeline.code("The health ministry said at least 12 people were killed and more than 80 wounded in the Israeli "
                          "strikes on Tuesday.", published="2025-06-10")[0]
    assert {(q.kind, q.value) for q in event.quantities} == {("killed", 12), ("wounded", 80)}


def test_counts_of_a_list_of_victims_add_up(pipeline):
    event = pipeline.code("Four bus workers and two soldiers were killed in Belfast on Friday.", published="1972-07-22")[0]
    assert [(q.kind, q.value, q.text) for q in event.quantities] == [("killed", 6, "Four bus workers and two soldiers")]


def test_a_breakdown_of_a_count_is_not_added_to_it(pipeline):
    event = pipeline.code("On Sunday, police arrested 12 people, seven women and five men, in Manchester.",
                          published="2017-06-05")[0]
    assert [(q.kind, q.value) for q in event.quantities] == [("arrested", 12)]


def test_hundreds_of_thousands_is_one_vague_number(nlp):
    q = quantities.find(nlp("Troops rushed to evacuate hundreds of thousands of people from the province."))[0]
    assert (q.value, q.text, q.approx) == (200000, "hundreds of thousands", "about")


def test_what_an_event_left_people_in_says_their_count_kind(pipeline):
    def counts(text):
        return [sorted((q.kind, q.value) for q in e.quantities) for e in pipeline.code(text, published="2016-01-01")]

    assert counts("Clashes with police in Bihar have left 20 villagers injured and one man dead.") == [
        [("killed", 1), ("wounded", 20)]]
    assert counts("An explosion in Kabul on Monday left at least five people dead.") == [[("killed", 5)]]
    # one event, not a second "wounded" one: the count is the attack's
    assert counts("The attack left 12 soldiers dead and 30 wounded in Borno on Monday.") == [[("killed", 12), ("wounded", 30)]]



def test_what_an_event_went_on_leaving_people_in_is_whom_it_hit_and_how_many(pipeline):
    events = pipeline.code("Fierce fighting broke out in Pibor County of Jonglei State on Tuesday, leaving 10 "
                           "civilians dead and 14 others injured.", published="2014-03-16")
    assert [(e.type, e.recipient.sector if e.recipient else None) for e in events] == [("ASSAULT", "CVL")]
    assert sorted((q.kind, q.value) for q in events[0].quantities) == [("killed", 10), ("wounded", 14)]


def test_those_a_clash_left_injured_are_hit_not_the_attackers(pipeline):
    events = pipeline.code("A confrontation between students and police in Merida state has left at least one "
                           "student injured.", published="2017-03-01")
    assert [(q.kind, q.value) for q in events[0].quantities] == [("wounded", 1)]
    assert events[0].recipient.text == "at least one student" and events[0].actor.text == "students"


def test_a_count_with_the_passive_left_out_is_whom_the_second_verb_hit(pipeline):
    events = pipeline.code("Three people were killed and five wounded when a drone struck a car near Tyre.",
                           published="2024-03-01")
    assert sorted((q.kind, q.value) for q in events[0].quantities) == [("killed", 3), ("wounded", 5)]


def test_a_toll_told_in_words_of_scale_gives_way_to_the_figure_told_later(pipeline):
    events = pipeline.code("An airstrike on a village near Kyauktaw killed more than a dozen villagers on Tuesday, "
                           "residents said. A village elder said at least 14 people were killed in the airstrike.",
                           published="2024-03-01")
    assert len([e for e in events if e.type == "ASSAULT"]) == 1
    assert [(q.kind, q.value) for q in events[0].quantities] == [("killed", 14)]


def test_an_act_told_again_at_a_town_inside_the_region_first_named_is_placed_at_the_town(pipeline):
    events = pipeline.code("An airstrike in western Rakhine state killed more than a dozen villagers on Tuesday, "
                           "residents said. A village elder said a fighter jet bombed Kyauktaw late Tuesday, "
                           "killing at least 14 people.", published="2026-03-12")
    assert len(events) == 1
    assert (events[0].location.text, events[0].location.precision) == ("Kyauktaw", "place")


def test_people_wounded_after_police_fired_on_a_crowd_are_its_toll(pipeline):
    events = pipeline.code("Police fired tear gas at protesters in Lome on Tuesday. At least 35 people were wounded, "
                           "the opposition said.", published="2026-06-04")
    assert [(e.type, [(q.kind, q.value) for q in e.quantities]) for e in events] == [("ASSAULT", [("wounded", 35)])]


def the_attacks_counts(pipeline, text: str, published: str = "2025-05-06") -> set[tuple[str, float]]:
    """The (kind, value) counts of the one attack a text tells (it must tell exactly one)."""
    attacks = [e for e in pipeline.code(text, published=published) if e.type == "ASSAULT"]
    assert len(attacks) == 1
    return {(q.kind, q.value) for q in attacks[0].quantities}


def test_a_count_of_the_dead_in_a_sentence_of_its_own_is_the_attacks_toll(pipeline):
    text = ("Clan militiamen clashed with al-Shabaab fighters near the village of Qayib on Sunday, elders said. "
            "A local elder said six militiamen and an unknown number of fighters died.")
    clash = [e for e in pipeline.code(text, published="2025-03-04") if e.type == "ASSAULT"]
    assert len(clash) == 1 and ("killed", 6) in {(q.kind, q.value) for q in clash[0].quantities}


def test_a_bare_count_of_wounded_in_a_sentence_of_its_own_is_the_attacks_toll(pipeline):
    text = ("A missile hit an apartment block in the city of Sumy on Monday, killing 12 people. "
            "Officials said more than 40 others had been wounded.")
    assert {("killed", 12), ("wounded", 40)} <= the_attacks_counts(pipeline, text)


def test_a_treated_count_adds_only_the_kinds_the_attack_lacks(pipeline):
    # the attack has its dead; the bodies a clinic received do not replace them, its wounded are added
    text = ("Gunmen attacked a market in the town of Gao on Friday, killing at least nine people. "
            "A nurse said the clinic had received five bodies and 23 wounded.")
    attack = [e for e in pipeline.code(text, published="2025-05-06") if e.type == "ASSAULT"]
    assert len(attack) == 1
    counts = {(q.kind, q.value) for q in attack[0].quantities}
    assert ("killed", 9) in counts and ("wounded", 23) in counts and ("killed", 5) not in counts


def test_a_second_count_the_parser_hung_off_the_first_verb_still_reaches_the_attack(pipeline):
    # "injured" joined to "confirmed", not to "killed": the attack still counts its wounded
    text = ("A missile hit a shopping centre in the city of Poltava on Monday. "
            "Officials said nine people had been confirmed killed, among them a boy, "
            "and that more than 30 others had been injured.")
    assert {("killed", 9), ("wounded", 30)} <= the_attacks_counts(pipeline, text)


def test_people_killed_in_the_operation_are_its_toll_not_a_new_attack(pipeline):
    text = ("Niger's army said on Tuesday it had killed about 40 militants in an offensive near Diffa. "
            "Three soldiers were killed in the operation, a spokesman said.")
    assert [e.type for e in pipeline.code(text, published="2025-05-07")] == ["ASSAULT"]


def test_a_toll_put_at_so_many_dead_and_wounded_is_the_attacks(pipeline):
    text = ("Government drones struck the village of Tinzaouaten on Monday. "
            "Local leaders put the toll at nine dead and at least 12 wounded.")
    assert {("killed", 9), ("wounded", 12)} <= the_attacks_counts(pipeline, text)
