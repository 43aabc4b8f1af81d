"""Each event dated by its own clause, by the statement that reports it, by the scene it continues,
and otherwise by an honest range before publication (eventwire.eventdates; README, Decisions: Dates)."""
from datetime import date

from conftest import code_sentence

from eventwire.events.dates import on_or_before, publication_range, settle
from eventwire.times.timex import normalise

SAT = "2025-01-11"  # a Saturday


def when_of(pipeline, text, type_, published=SAT):
    found = [e for e in code_sentence(pipeline, text, published) if e["type"] == type_]
    assert found, [e["type"] for e in code_sentence(pipeline, text, published)]
    return found[0]["when"]


def test_the_time_of_the_events_own_clause(pipeline):
    when = when_of(pipeline, "Russian forces shelled Kharkiv on Tuesday, killing three civilians.", "ASSAULT")
    assert (when["start"], when["end"], when["precision"], when["source"]) == ("2025-01-07", "2025-01-07", "day", "text")


def test_no_cue_is_a_range_before_publication_not_the_publication_day(pipeline):
    when = when_of(pipeline, "Russian forces shelled Kharkiv, killing three civilians.", "ASSAULT")
    assert (when["start"], when["end"], when["precision"], when["source"]) == ("2025-01-10", SAT, "range", "published")
    assert when["timex"] is None  # no TimeML value is claimed for a date the text never gave


def test_an_undated_event_told_as_of_the_report_is_the_publication_day(pipeline):
    for text, type_ in [("The interior minister has banned all rallies in the capital.", "COERCE"),
                        ("Aid agencies are requesting more funding from donors for the camps.", "REQUEST")]:
        when = when_of(pipeline, text, type_)
        assert (when["start"], when["end"], when["precision"], when["source"]) == (SAT, SAT, "day", "published")


def test_an_undated_act_of_a_story_whose_lead_tells_its_day_takes_that_day(pipeline):
    """The lead tells the story's day; a later act dated by nothing else is of that day (inferred:
    source "story", which never tells two acts apart); one told in the past perfect keeps the range."""
    text = ("Police fired tear gas at thousands of marchers in the capital on Friday, witnesses said.\n\n"
            "In the northern port, protesters burned tyres and blocked the coast road.\n\n"
            "Soldiers had arrested two organisers in the port.")
    events = code_sentence(pipeline, text)
    burned = next(e for e in events if e["type"] == "PROTEST")["when"]
    assert (burned["start"], burned["end"], burned["source"]) == ("2025-01-10", "2025-01-10", "story")
    arrested = next(e for e in events if e["type"] == "COERCE")["when"]
    assert (arrested["start"], arrested["end"], arrested["precision"]) == ("2025-01-10", SAT, "range")


def test_a_part_of_the_day_after_a_weekday_dates_the_act(pipeline):
    text = "Police fired tear gas to disperse the marchers on Wednesday afternoon."
    when = when_of(pipeline, text, "ASSAULT")
    assert (when["start"], when["end"], when["source"]) == ("2025-01-08", "2025-01-08", "text")


def test_a_past_or_passive_perfect_undated_event_keeps_the_range(pipeline):
    for text, type_ in [("Police arrested five protesters in the capital.", "COERCE"),
                        ("Five protesters have been arrested in the capital.", "COERCE")]:
        when = when_of(pipeline, text, type_)
        assert (when["start"], when["end"], when["precision"]) == ("2025-01-10", SAT, "range")


def test_a_reported_statement_bounds_the_event_it_reports(pipeline):
    when = when_of(pipeline, "The army said on Tuesday that rebels had killed 12 soldiers near Goma.", "ASSAULT")
    assert (when["start"], when["end"], when["precision"]) == ("2025-01-06", "2025-01-07", "range")


def test_what_a_report_names_takes_the_time_the_report_gives_it(pipeline):
    """"reported gunfire on Tuesday night": the time is the happening's, not only a bound on it."""
    when = when_of(pipeline, "Villagers reported heavy bombardment of the market on Tuesday night.", "ASSAULT")
    assert (when["start"], when["end"], when["precision"]) == ("2025-01-07", "2025-01-07", "day")


def test_a_closing_time_dates_each_coordinated_verb(pipeline):
    """The parser hangs the closing when-clause on the last verb of "X were killed and Y abducted"."""
    for text, days in [("Four soldiers were killed and two others abducted when gunmen ambushed their patrol outside "
                        "the town on Sunday, the army said on Wednesday.", ("2025-01-12", "2025-01-12")),
                       ("Six traders were killed and at least ten girls kidnapped when bandits stormed a weekly market "
                        "near Bor in Jonglei state over the weekend, a county official said on Thursday.",
                        ("2025-01-11", "2025-01-12"))]:
        found = [e for e in code_sentence(pipeline, text, "2025-01-16") if e["type"] == "ASSAULT"]
        killed = next(e for e in found if e["evidence"]["trigger"]["text"] == "killed")
        assert (killed["when"]["start"], killed["when"]["end"]) == days, text


def test_an_act_that_dates_another_by_a_counted_interval_is_that_interval_away(pipeline):
    """"on Wednesday, a day after a drone struck it": Tuesday; a bare "after" counts nothing."""
    text = "Firefighters were still at the fuel depot on Wednesday, a day after a drone struck it."
    assert when_of(pipeline, text, "ASSAULT")["start"] == "2025-01-07"
    text = "Firefighters were still at the fuel depot on Wednesday, two weeks after a drone struck it."
    assert when_of(pipeline, text, "ASSAULT")["start"] == "2024-12-25"
    text = "Firefighters were still at the fuel depot on Wednesday, two days after a drone strike hit it."
    assert when_of(pipeline, text, "ASSAULT")["start"] == "2025-01-06"  # the act named by a noun


def test_a_statement_that_is_the_event_takes_its_date(pipeline):
    text = "\"We demand the immediate release of the hostages,\" the foreign minister said on Thursday."
    when = when_of(pipeline, text, "REQUEST")
    assert (when["start"], when["end"], when["precision"]) == ("2025-01-09", "2025-01-09", "day")


def test_a_later_sentence_continuing_a_dated_scene_keeps_its_date(pipeline):
    text = ("M23 rebels attacked the town of Sake on Sunday, residents said.\n"
            "The rebels also shelled a camp for displaced people outside Sake, aid workers told Reuters.")
    events = [e for e in code_sentence(pipeline, text) if e["type"] == "ASSAULT"]
    assert [e["when"]["start"] for e in events] == ["2025-01-05", "2025-01-05"], events


def test_a_time_that_bounds_a_record_dates_nothing(pipeline):
    text = ("Ukrainian drones hit the port of Novorossiysk on Monday, in one of the heaviest attacks on the city this "
            "year. Two dock workers were killed.")
    # the toll is the strike's ("one of the heaviest attacks" names a kind, no act): dated Monday, not "this year"
    toll = next(e for e in code_sentence(pipeline, text) if any(q["kind"] == "killed" for q in e["quantities"]))
    assert toll["when"]["start"] == "2025-01-06", toll["when"]


def test_a_scene_is_continued_by_another_name_for_its_happening(pipeline):
    text = ("Police fired tear gas at rival fans ahead of the match in Marseille on Thursday.\n"
            "A man was stabbed in the old port in the afternoon.\n"
            "Then, at the end of the game, Russian supporters charged at England supporters.")
    events = {e["evidence"]["trigger"]["text"]: e for e in code_sentence(pipeline, text)}
    assert events["charged"]["when"]["start"] == "2025-01-09", events["charged"]["when"]


def test_a_retrospective_keeps_its_day():
    from eventwire import Pipeline

    text = ("Few events seared the memory of Belfast as those of Friday, 21 July 1972, known as Bloody Friday.\n"
            "By the end of the day, the IRA's Belfast brigade had detonated at least 20 bombs across the city.")
    events = Pipeline().code(text, published="2002-07-16")
    assert events and all(e.when.start == "1972-07-21" for e in events if e.type == "ASSAULT")


def test_a_planned_event_is_not_dated_after_publication(pipeline):
    for text in ("The government agreed that peace talks would resume next week in Doha.",
                 "The interior ministry will impose a curfew in Bamako next week, officials said."):
        events = code_sentence(pipeline, text)  # the agreement, the announced curfew: said, not yet done
        assert events and all(e["when"]["end"] <= SAT for e in events), (text, events)


def test_a_past_event_is_never_dated_after_publication(pipeline):
    when = when_of(pipeline, "Russian forces shelled Kharkiv this month, killing three civilians.", "ASSAULT")
    assert (when["start"], when["end"]) == ("2025-01-01", SAT)


def test_the_first_three_months_of_the_year_is_that_range(pipeline):
    text = "Security forces arrested 300 protesters in Nairobi in the first three months of the year."
    when = when_of(pipeline, text, "COERCE", published="2025-06-02")
    assert (when["start"], when["end"]) == ("2025-01-01", "2025-03-31")


def test_the_rules_alone():
    sat = date(2025, 1, 11)
    assert publication_range(None) is None
    assert settle(normalise("next week", sat, "future"), sat) is None  # a plan, not when it happened
    assert settle(normalise("next week", sat, "future"), sat, planned=True).start == "2025-01-13"
    assert settle(normalise("this month", sat), sat).end == "2025-01-11"
    bound = on_or_before(normalise("Tuesday", sat))
    assert (bound.start, bound.end, bound.precision, bound.timex) == ("2025-01-06", "2025-01-07", "range", None)


def test_the_time_of_what_is_vowed_does_not_date_the_meeting_where_it_was_vowed(pipeline):
    text = ("During a bilateral meeting at the White House on the eve of his visit, Obama and Modi vowed to ratify "
            "the Paris climate deal this year.")
    when = when_of(pipeline, text, "CONSULT", published="2016-06-08")
    assert (when["precision"], when["source"]) == ("range", "published")


def test_what_a_rejection_says_happened_does_not_date_the_rejection(pipeline):
    text = ("Health Minister Ana Ruiz rejected the charge, saying that vaccinations started right after the "
            "first case was found on December 15, 2005.")
    when = when_of(pipeline, text, "REJECT", published="2006-01-11")
    # the story dates no statement: the rejection is the day's news, not December 15
    assert (when["start"], when["end"], when["source"]) == ("2006-01-11", "2006-01-11", "published")


def test_a_time_after_since_says_when_a_state_began_not_when_the_event_happened(pipeline):
    text = "Azerbaijani troops shelled villages near Talish in the worst hostilities since 1994."
    when = when_of(pipeline, text, "ASSAULT", published="2016-04-05")
    assert when["start"] != "1994-01-01" and when["source"] == "published"


def test_a_statement_in_the_present_perfect_is_news_not_the_earlier_scene(pipeline):
    text = ("A feud between the two leaders started a civil war in December 2013 that has killed thousands.\n"
            "The European Union has welcomed the rebel leader's return to Juba.")
    when = when_of(pipeline, text, "SUPPORT", published="2016-04-28")
    assert (when["start"], when["end"], when["source"]) == ("2016-04-28", "2016-04-28", "published")


def test_an_event_that_has_since_happened_follows_the_time_told_before_it(pipeline):
    text = ("Police arrested three men in Leeds on Saturday.\n"
            "The youngest man has since been released by police.")
    when = when_of(pipeline, text, "RETREAT", published="2017-06-05")
    assert (when["start"], when["end"], when["precision"]) == ("2017-06-04", "2017-06-05", "range")


def test_an_undated_statement_is_made_on_the_day_the_storys_statements_are_dated(pipeline):
    text = ("Gunmen attacked a police post in Mao on Thursday, killing two officers.\n"
            "The governor said on Friday that the attackers had fled toward the border.\n"
            "The rebels denied any role in the attack.")
    when = when_of(pipeline, text, "REJECT")
    assert (when["start"], when["end"]) == ("2025-01-10", "2025-01-10")
    alone = when_of(pipeline, "The rebels denied any role in the attack on a police post in Mao.", "REJECT")
    assert (alone["start"], alone["end"]) == (SAT, SAT)  # a story that dates no statement: the day's news
    older = when_of(pipeline, "The governor said on December 20 that the attackers had fled.\n"
                              "The rebels denied any role in the attack.", "REJECT")
    assert (older["start"], older["end"]) == ("2025-01-10", SAT)  # statements dated long before: the range


def test_a_time_in_a_clause_describing_a_noun_dates_no_event_outside_it(pipeline):
    text = ("ADDIS ABABA, Ethiopia (Wire) -- Turkey, whose president brokered a declaration between the two leaders in "
            "December 2024, said on Wednesday it was ready to host new talks between Ethiopia and Somalia.")
    offer = next(e for e in pipeline.code(text, published="2026-07-08") if e.type == "AGREE")
    assert offer.when is not None and offer.when.start.startswith("2026-07")


def _dates(pipeline, text, type_, published=SAT):
    return [e["when"]["start"] for e in code_sentence(pipeline, text, published) if e["type"] == type_]


def test_a_coordinated_act_shares_the_time_of_the_verb_it_is_coordinated_with(pipeline):
    text = ("In a statement issued late Tuesday, the militia said its fighters had shelled army positions "
            "near the airport and accused the government of hiding its losses.")
    assert _dates(pipeline, text, "ACCUSE") == ["2025-01-07"]


def test_a_day_told_right_after_a_verb_of_saying_dates_the_saying(pipeline):
    text = ("Rebels shelled the town of Kalehe, residents said.\n"
            "The provincial government said on Thursday it was aware of reports of fighting near the town.\n"
            "The governor later accused the rebels of targeting civilians.")
    assert _dates(pipeline, text, "ACCUSE") == ["2025-01-09"]  # the day the story's statements were made


def test_a_statement_carried_by_the_media_on_a_day_is_dated_by_it(pipeline):
    text = ("The defence ministry said in comments carried by state television on Thursday that soldiers "
            "had repelled an attack on a base near Goma.\n"
            "The ministry accused the rebels of targeting civilians.")
    assert _dates(pipeline, text, "ACCUSE") == ["2025-01-09"]


def test_a_part_of_the_day_with_no_day_continues_the_scene(pipeline):
    text = ("Rebels attacked the town of Sake on Sunday, residents said. "
            "Police sealed the main roads into Sake from early morning.")
    assert _dates(pipeline, text, "COERCE") == ["2025-01-05"]  # the paragraph's day, not publication's morning


def test_an_undated_statement_in_a_story_that_dates_none_takes_the_day_of_its_lead(pipeline):
    text = ("India and Pakistan expel diplomats\n\n"
            "NEW DELHI (Wire) -- India and Pakistan expelled each other's diplomats on Wednesday after a "
            "border clash.\n\n"
            "India's foreign ministry said it had summoned Pakistan's envoy and accused Islamabad of "
            "sheltering militants.")
    assert set(_dates(pipeline, text, "ACCUSE")) == {"2025-01-08"}  # not the publication day


def test_a_time_in_a_relative_clause_opens_no_scene(pipeline):
    text = ("Government forces attacked the town of Sake on Sunday, residents said.\n"
            "The town, which grew up around a market in 1950, lies west of Goma.\n"
            "Soldiers then arrested 12 men in the town.")
    assert _dates(pipeline, text, "COERCE") == ["2025-01-05"]


def test_a_time_in_a_likeness_to_another_occasion_dates_nothing_after_it(pipeline):
    text = ("Kenya offered on Friday to mediate between the two sides. Uganda said it was ready to host talks, "
            "as it did last year. Rwanda welcomed the offer.")
    when = when_of(pipeline, text, "SUPPORT")
    assert when["start"] >= "2025-01-01"  # not last year's talks



def test_a_season_said_of_other_acts_dates_no_later_sentence(pipeline):
    # "attacks on civilians in summer" describes attacks in general; the bombing after it is undated
    text = "The envoy denounced what he called reckless attacks on civilians in summer. Army jets bombed a rebel depot in Dilling."
    when = when_of(pipeline, text, "ASSAULT")
    assert when["start"] >= "2025-01-01" and when.get("precision") != "season"
