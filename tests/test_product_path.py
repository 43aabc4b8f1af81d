"""The default path reads every sentence: places, times and entities never depend on whether a
sentence holds an event word (an analyst reads `annotate` and the map for all of them)."""
from eventwire.model import Article

NO_TRIGGER = ("The mayor of Dayton, Ohio, spoke to reporters in Beirut last Tuesday.\n"
              "Heavy rain fell on Kharkiv in March 2024.")


def test_parser_entities_equal_the_full_model(pipeline):
    text = NO_TRIGGER + "\nRussian forces shelled Kherson on Monday."
    ours = [(e.start_char, e.end_char, e.label_) for e in pipeline.parser(text).ents]
    full = [(e.start_char, e.end_char, e.label_) for e in pipeline.nlp(text).ents]
    assert ours == full and ours


def test_annotate_finds_places_and_times_in_sentences_without_triggers(pipeline):
    notes = pipeline.annotate(Article(id="a", text=NO_TRIGGER, published="2025-01-11"))
    places = {p.text for p in notes.places}
    assert {"Dayton", "Beirut", "Kharkiv"} <= places, places
    times = {t.timex for t in notes.times}
    assert {"2025-01-07", "2024-03"} <= times, times


def test_eval_runner_uses_the_default_pipeline():
    import inspect

    from eventwire.evaluation import runner

    assert "Pipeline()" in inspect.getsource(runner.run)
