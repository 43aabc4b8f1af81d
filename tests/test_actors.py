import pytest

from eventwire import kb
from eventwire.actors import ActorCoder


def code(nlp, phrase, day="2025-01-11"):
    doc = nlp(phrase)
    root = next(t for t in doc if t.head.i == t.i)
    return ActorCoder(kb.load(), day).code(root)


@pytest.mark.parametrize("phrase,country,sector", [
    ("Ukrainian President, Volodymyr Zelensky", "UKR", "GOV"),
    ("U.S. Secretary of State Antony Blinken", "USA", "GOV"),
    ("North Korean soldiers", "PRK", "MIL"),
    ("the SBU", "UKR", "SPY"),
    ("Moscow", "RUS", "GOV"),
    ("the Kurdish-led SDF", "SYR", "REB"),
    ("Ukraine's military", "UKR", "MIL"),
    ("Ukrainian military officials", "UKR", "MIL"),
    ("a Russian command post", "RUS", "MIL"),
    ("The SBU spokesman", "UKR", "SPY"),
    ("Israeli police", "ISR", "COP"),
    ("Hamas", "PSE", "REB"),
    ("the Kremlin", "RUS", "GOV"),
])
def test_coding(nlp, phrase, country, sector):
    party = code(nlp, phrase)
    assert party is not None, phrase
    assert (party.country, party.sector) == (country, sector), party.why


def test_role_depends_on_date(nlp):
    assert code(nlp, "Donald Trump", "2025-03-01").sector == "GOV"
    assert code(nlp, "Donald Trump", "2023-03-01").sector == "PTY"


def test_non_actor_phrase_is_none(nlp):
    assert code(nlp, "a video") is None


def test_country_named_in_the_phrase_beats_a_dictionary_namesake(nlp):
    party = code(nlp, "King Hassan of Morocco", "1996-01-01")
    assert (party.country, party.sector) == ("MAR", "GOV") and "Morocco" in party.why
