from datetime import date

import pytest

from eventwire.times.timex import normalise

SAT = date(2025, 1, 11)  # a Saturday


@pytest.mark.parametrize("text,timex,start,end,precision", [
    ("on Saturday", "2025-01-11", "2025-01-11", "2025-01-11", "day"),
    ("on Sunday", "2025-01-05", "2025-01-05", "2025-01-05", "day"),
    ("On Tuesday", "2025-01-07", "2025-01-07", "2025-01-07", "day"),
    ("last Saturday", "2025-01-04", "2025-01-04", "2025-01-04", "day"),
    ("the final week of December", "2024-12", "2024-12-25", "2024-12-31", "week"),
    ("last autumn", "2024-FA", "2024-09-01", "2024-11-30", "season"),
    ("last summer", "2024-SU", "2024-06-01", "2024-08-31", "season"),
    ("in August in 2024", "2024-08", "2024-08-01", "2024-08-31", "month"),
    ("December", "2024-12", "2024-12-01", "2024-12-31", "month"),
    ("three days ago", "2025-01-08", "2025-01-08", "2025-01-08", "day"),
    ("overnight", "2025-01-10", "2025-01-10", "2025-01-10", "day"),
    ("yesterday", "2025-01-10", "2025-01-10", "2025-01-10", "day"),
    ("on Jan. 5", "2025-01-05", "2025-01-05", "2025-01-05", "day"),
    ("January 5, 2025", "2025-01-05", "2025-01-05", "2025-01-05", "day"),
    ("5 January", "2025-01-05", "2025-01-05", "2025-01-05", "day"),
    ("last week", "2025-W01", "2024-12-30", "2025-01-05", "week"),
    ("earlier this month", "2025-01", "2025-01-01", "2025-01-11", "month"),
    ("since 2022", "2022", "2022-01-01", "2025-01-11", "year"),
    ("2024", "2024", "2024-01-01", "2024-12-31", "year"),
    ("mid-March", "2024-03", "2024-03-11", "2024-03-20", "month"),
])
def test_news_expressions_resolve_against_publication(text, timex, start, end, precision):
    expr = normalise(text, SAT)
    assert (expr.timex, expr.start, expr.end, expr.precision) == (timex, start, end, precision)


def test_future_tense_resolves_weekday_forwards():
    assert normalise("on Tuesday", SAT, "future").start == "2025-01-14"


def test_no_publication_date_leaves_relative_expressions_unresolved():
    for text in ("on Tuesday", "last week", "December", "three days ago", "last summer"):
        assert normalise(text, None).start is None, text


def test_absolute_date_resolves_without_anchor():
    assert normalise("January 5, 2025", None).start == "2025-01-05"


def test_durations_are_not_points():
    expr = normalise("a day", SAT)
    assert expr.timex == "P1D" and expr.start is None


def test_spelled_out_years_from_transcripts():
    assert normalise("the winter of nineteen ninety-four", SAT).timex == "1994-WI"
    assert normalise("the year two thousand", SAT).timex == "2000"
    count = normalise("more than two thousand years", SAT)
    assert count is None or count.timex != "2000"


def test_this_month_name_is_the_anchor_year():
    assert normalise("this September", SAT).timex == "2025-09"


def test_every_weekday_and_each_month_are_sets():
    assert normalise("every Thursday", SAT).timex == "XXXX-WXX-4"
    assert normalise("each July", SAT).timex == "XXXX-07"


def _found(nlp, text, anchor):
    from eventwire.times import finder as times
    return [(t.expr.text, t.expr.timex) for t in times.find(nlp(text), anchor)]


def test_clock_joins_the_day_that_follows_it(nlp):
    wed = date(1989, 11, 1)
    assert ("5 p.m. EST Nov. 9", "1989-11-09T17:00") in _found(nlp, "Bids are due by 5 p.m. EST Nov. 9.", wed)
    assert ("Friday Oct. 13", "1989-10-13") in _found(nlp, "$14 million seeped out Friday Oct. 13 alone.", wed)


def test_bare_clock_takes_the_day_its_sentence_names(nlp):
    found = _found(nlp, "The bomb exploded on Friday at about 10:35 a.m. outside the embassy.", date(1998, 8, 8))
    assert ("about 10:35 a.m.", "1998-08-07T10:35") in found


def test_period_ended_date_is_two_expressions(nlp):
    found = _found(nlp, "Sales for the third quarter ended Sept. 30 rose.", date(1989, 10, 30))
    assert found == [("the third quarter", "1989-Q3"), ("Sept. 30", "1989-09-30")]


def test_year_ago_in_a_quarterly_report_is_that_quarter(nlp):
    text = "Net income in the third quarter rose from $3 million a year earlier. The quarter was strong."
    found = _found(nlp, text, date(1989, 10, 30))
    assert ("a year earlier", "1988-Q3") in found and ("The quarter", "1989-Q3") in found
    assert ("a year ago", "1988") in _found(nlp, "Prices fell a year ago.", date(1989, 10, 30))


def test_scheduled_and_infinitival_verbs_look_forward(nlp):
    oct30 = date(1989, 10, 30)
    assert ("December", "1989-12") in _found(nlp, "Closing, which is expected in December, will follow.", oct30)
    assert ("early November", "1989-11") in _found(nlp, "Guidelines to be published in early November will decide.", oct30)
    assert ("December", "1988-12") in _found(nlp, "He was killed in December.", oct30)
    # "is to resume": a plan (DCT a Friday; the coming Tuesday, not the one before)
    assert ("Tuesday", "1989-10-31") in _found(nlp, "The stock is to resume trading in Paris Tuesday.", date(1989, 10, 27))


def test_a_participle_clause_takes_the_tense_of_the_verb_it_hangs_on(nlp):
    nov2 = date(1989, 11, 2)  # a bare month in a participle clause of a past verb is the last March, not the next
    assert ("March", "1989-03") in _found(nlp, "The shares have climbed sharply, rising to $40 from $29 in March.", nov2)


def test_a_bare_clock_time_in_the_next_paragraph_takes_the_lead_day(pipeline):
    text = ("A drone strike killed 31 people in El Fasher on Monday, medics said.\n\n"
            "The doctors said the strike hit the market shortly before midday.")
    times = {t.text: t.start for t in pipeline.annotate(text, published="2025-08-13").times}
    assert times["Monday"] == "2025-08-11" and times["midday"] == "2025-08-11"


def test_days_later_counts_from_the_story_not_the_publication_date():
    assert normalise("three days later", SAT).timex == "P3D" and normalise("three days later", SAT).start is None
    assert normalise("a day earlier", SAT).timex == "P1D"
    assert normalise("three days ago", SAT).start == "2025-01-08"


OCT30 = date(1989, 10, 30)  # a Monday


@pytest.mark.parametrize("text,timex", [
    ("nearly five months", "P5M"), ("at least 72 hours", "PT72H"), ("2 1/2 years", "P2Y6M"),
    ("5 1/2 hours", "PT5H30M"), ("a minute and a half", "PT1M30S"), ("a couple of years", "P2Y"),
    ("Eight trading days", "P8D"), ("an additional year", "P1Y"), ("two to three weeks", "P2W"),
    ("the next two years or so", "P2Y"), ("the weeks ahead", "PXW"), ("18 months", "P18M"),
    ("three-month", "P3M"), ("two weeks", "P2W"), ("a decade", "P10Y"), ("the past several months", "PXM"),
    ("several quarters", "PXQ"), ("centuries", "PXC"), ("more than two thousand years", "P2L"),
])
def test_durations_as_timebank_writes_them(text, timex):
    assert normalise(text, OCT30).timex == timex


@pytest.mark.parametrize("text,timex", [
    ("every day", "P1D"), ("every quarter", "P1Q"), ("every morning", "XXXX-XX-XXTMO"), ("each season", "P3M"),
    ("weekly", "P1W"), ("annually", "P1Y"), ("twice a week", "P1W"), ("every other day", "P2D"),
])
def test_sets(text, timex):
    assert normalise(text, OCT30).timex == timex


@pytest.mark.parametrize("text,timex", [
    ("current", "PRESENT_REF"), ("now", "PRESENT_REF"), ("the past", "PAST_REF"), ("at the time", "PAST_REF"),
    ("the future", "FUTURE_REF"), ("the near future", "FUTURE_REF"),
])
def test_reference_words(text, timex):
    expr = normalise(text, OCT30)
    assert expr.timex == timex and expr.start is None


@pytest.mark.parametrize("text,timex,start,end", [
    ("the 20th century", "19", "1900-01-01", "1999-12-31"),
    ("the '80s", "198", "1980-01-01", "1989-12-31"),
    ("the 1990s", "199", "1990-01-01", "1999-12-31"),
    ("the first quarter", "1989-Q1", "1989-01-01", "1989-03-31"),
    ("the first three months of the year", "1989-Q1", "1989-01-01", "1989-03-31"),
    ("the first nine months", "P9M", "1989-01-01", "1989-09-30"),
    ("the last half of 1989", "1989-H2", "1989-07-01", "1989-12-31"),
    ("this year's third quarter", "1989-Q3", "1989-07-01", "1989-09-30"),
    ("the current fiscal year", "1989", "1989-01-01", "1989-12-31"),
    ("year end", "1989", "1989-12-01", "1989-12-31"),
    ("Thanksgiving Day", "1988-11-24", "1988-11-24", "1988-11-24"),
    ("Easter week", "1989-W12", "1989-03-20", "1989-03-26"),
    ("the past two weeks", "P2W", "1989-10-16", "1989-10-30"),
    ("mid-afternoon yesterday", "1989-10-29TAF", "1989-10-29", "1989-10-29"),
    ("the day before last Tuesday", "1989-10-23", "1989-10-23", "1989-10-23"),
])
def test_dates_centuries_decades_parts_of_years_and_holidays(text, timex, start, end):
    expr = normalise(text, OCT30)
    assert (expr.timex, expr.start, expr.end) == (timex, start, end)


def test_ages_and_annual_are_no_time_expressions():
    assert normalise("a 6-year-old", OCT30) is None and normalise("52 years old", OCT30) is None
    assert normalise("annual", OCT30) is None


def test_references_count_from_the_time_the_story_named(nlp):
    text = ("On May 22, 1995, Farkas was made a general, and the following year he was appointed attache. "
            "Slepian was killed on Oct. 23, 1998. Earlier that day, the family sent a fax. "
            "He was shot at 10 p.m. as he stood in the kitchen.")
    found = _found(nlp, text, date(1999, 4, 19))
    assert ("the following year", "1996") in found and ("Earlier that day", "1998-10-23") in found
    assert ("10 p.m.", "1998-10-23T22:00") in found


def test_spans_keep_the_determiner_and_find_what_spacy_leaves_out(nlp):
    found = _found(nlp, "Rallies were held every day in the past. Parades march each July. He ran in this year's race.",
                   OCT30)
    assert ("every day", "P1D") in found and ("the past", "PAST_REF") in found
    assert ("each July", "XXXX-07") in found and ("this year", "1989") in found
    assert not [f for f in _found(nlp, "The 6-year-old boy cut its quarterly dividend.", OCT30) if f[1]]
