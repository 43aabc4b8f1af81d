from datetime import date

import pytest

from eventwire.timex import normalise

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
