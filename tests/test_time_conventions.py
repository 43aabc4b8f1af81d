"""TimeML conventions the time stage follows beyond single expressions: spans spaCy leaves out,
spelled-out days, deadlines, fiscal periods named by reference, discourse "Now"."""
from datetime import date

from eventwire.times.finder import COUNTED_RE
from eventwire.times.timex import normalise

OCT30 = date(1989, 10, 30)  # a Monday


def _found(nlp, text, anchor):
    from eventwire.times import finder

    return [(t.expr.text, t.expr.timex) for t in finder.find(nlp(text), anchor)]


def test_spelled_out_ordinal_days():
    mar5 = date(1998, 3, 5)
    assert normalise("this coming Sunday, March eighth", mar5, "future").timex == "1998-03-08"
    assert normalise("the twenty-first of March", mar5).timex == "1998-03-21"
    assert normalise("Friday, the second of June 1999", mar5).timex == "1999-06-02"


def test_the_day_is_a_date_like_the_week():
    assert normalise("the day", OCT30).timex == "1989-10-30"
    assert normalise("the week", OCT30).timex == "1989-W44"


def test_counted_lengths_spacy_misses(nlp):
    found = _found(nlp, "Russia can keep its base in Crimea for at least 20 more years.", OCT30)
    assert ("at least 20 more years", "P20Y") in found
    assert ("day-long", "P1D") in _found(nlp, "They emerged from their third day-long meeting.", OCT30)
    assert not COUNTED_RE.search("he hoped he one day follows")  # "one day": some day, no length


def test_written_date_inside_another_entity(nlp):
    found = _found(nlp, "Tourism fell as a result of the Aug. 7 Embassy bombings in Nairobi.", date(1998, 9, 7))
    assert ("Aug. 7", "1998-08-07") in found


def test_coordinated_bare_day_takes_the_month_before_it(nlp):
    found = _found(nlp, "The summit on April 24 and 25 went well.", date(1999, 3, 12))
    assert ("April 24", "1999-04-24") in found and ("25", "1999-04-25") in found


def test_trailing_conjunction_is_no_part_of_the_expression(nlp):
    found = _found(nlp, "The boy will not be repatriated between now and Feb. 10.", date(2000, 1, 14))
    assert ("now", "PRESENT_REF") in found and ("Feb. 10", "2000-02-10") in found


def test_overnight_into_a_day_is_the_night_before_that_day(nlp):
    from eventwire.times.finder import find
    tuesday = date(2026, 4, 14)
    spans = {m.expr.text: (m.expr.start, m.expr.end)
             for m in find(nlp("Drones struck the port overnight into Saturday, officials said."), tuesday)}
    assert spans["overnight"] == ("2026-04-10", "2026-04-11") and spans["Saturday"] == ("2026-04-11", "2026-04-11")
    alone = {m.expr.text: m.expr.start for m in find(nlp("Drones struck the port overnight, officials said."), tuesday)}
    assert alone == {"overnight": "2026-04-13"}


def test_until_names_a_deadline_ahead(nlp):
    assert ("mid-November", "1989-11") in _found(nlp, "Ottawa gave Merieux until mid-November to reply.", OCT30)
    thu = date(2000, 3, 30)
    assert [v for _, v in _found(nlp, "Officials postponed until Tuesday morning any action.", thu)] == ["2000-04-04"]
    assert ("Tuesday", "2000-03-28") in _found(nlp, "It was not until Tuesday that Castro spoke.", thu)
    assert [v for _, v in _found(nlp, "Shelling continued until Tuesday morning.", thu)] == ["2000-03-28"]


def test_sentence_opening_now_is_a_discourse_marker(nlp):
    assert _found(nlp, "Now, he says, the plan looks different.", OCT30) == []
    assert ("now", "PRESENT_REF") in _found(nlp, "The company now owns 72% of the shares.", OCT30)


def test_soon_only_where_the_verb_looks_ahead(nlp):
    assert ("soon", "FUTURE_REF") in _found(nlp, "Prosecutors may soon seek an indictment.", OCT30)
    assert _found(nlp, "He was soon released from the hospital.", OCT30) == []
    assert _found(nlp, "They will leave as soon as they can.", OCT30) == []


def test_a_share_of_quarters_is_no_time(nlp):
    assert _found(nlp, "Iraq imports about three-quarters of its food.", OCT30) == []


def test_year_ago_after_a_longer_period_is_the_year(nlp):
    text = ("Net rose in the third quarter to $5 million from $4 million a year earlier. For the nine months, "
            "net was $12 million, compared with $9 million a year earlier.")
    found = _found(nlp, text, OCT30)
    assert found.count(("a year earlier", "1988-Q3")) == 1 and ("a year earlier", "1988") in found


def test_fiscal_periods_named_by_reference(nlp):
    text = ("Net fell in the third quarter, compared with $1.8 million for the corresponding period last year. "
            "This quarter's loss includes charges. In the 1988 period, the company earned $2 million.")
    found = _found(nlp, text, OCT30)
    assert ("the corresponding period last year", "1988-Q3") in found
    assert ("This quarter", "1989-Q3") in found or ("This quarter's", "1989-Q3") in found
    assert ("the 1988 period", "1988-Q3") in found


def test_rates_and_pre_post_years(nlp):
    found = _found(nlp, "Exiles send $1 billion a year in remittances to their families.", date(2000, 2, 24))
    assert ("a year", "P1Y") in found
    assert ("post-1959", "1959") in _found(nlp, "But the post-1959 politics have split families.", date(2000, 2, 24))


def test_timebank_unpadded_weeks_are_the_padded_weeks():
    from eventwire.evaluation.timeml import same_value

    assert same_value("2000-W06", "2000-W6") and same_value("2000-W06-WE", "2000-W6-WE")
    assert not same_value("2000-W06", "2000-W7") and not same_value(None, "2000-W6")
