"""Issue 23, a hostile tester's findings on reading and coding: each used to kill a whole batch.

Recursion in coreference, impossible and human-written dates, calendar overflow, articles over
spaCy's length limit, deeply nested JSON, broken feed items, quadratic time, and one article's
exception ending the run; then property tests over news-like text and every reader.
"""
import io
import json
import sys
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwire.parse import longtext
from eventwire.scale import parallel
from eventwire.cli.main import app
from eventwire.readers.articles import Rejected, normalise_date, parse_published, read_bytes, read_path, read_paths
from eventwire.model import Article
from eventwire.times.timex import normalise

POISON = "Zorblax"  # an article holding this word raises inside the pipeline (fault injection)
GOOD = "Russian forces shelled Kharkiv on Tuesday, killing three civilians, officials said."
OTHER = "Police detained 41 protesters in Tbilisi overnight, the interior ministry said."


def cli(*args, stdin=None):
    return CliRunner().invoke(app, list(args), input=stdin)


def spans_hold(record, text: str) -> bool:
    """Every field with offsets points at the characters of the text it quotes."""
    if isinstance(record, list):
        return all(spans_hold(r, text) for r in record)
    if not isinstance(record, dict):
        return True
    for a, b, key in (("start", "end", "text"), ("start_char", "end_char", "text"), ("start", "end", "sentence")):
        if isinstance(record.get(a), int) and isinstance(record.get(b), int) and record.get(key) is not None:
            if text[record[a]:record[b]] != record[key]:
                return False
    return all(spans_hold(v, text) for k, v in record.items() if k != "article")


# -- 1: coreference is bounded ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "\u201cWe cannot allow ourselves to be used to achieve their political objectives,\u201dSampanthan said on Monday.",
    "\u201cWe will win,\u201dthey said on Monday.",
    "Officials met.\n\u2026and she\u300cIt said: \u201cSo did I.\u201d\u2026 \u201cWe left,\u201dthey said.",
])
def test_glued_quotes_do_not_recurse(pipeline, text):
    assert isinstance(pipeline.code(text, published="2025-01-11"), list)
    assert spans_hold(pipeline.annotate(text, published="2025-01-11").to_dict(), text)


def test_first_person_in_a_quote_is_still_the_speaker(pipeline):
    text = "\u201cWe will not retreat from Kharkiv,\u201d the Ukrainian defence minister said on Monday."
    actors = pipeline.annotate(text, published="2025-01-11").to_dict()["actors"]
    assert any(a["text"] == "We" and a["country"] == "UKR" and "speaker" in a["why"] for a in actors)


# -- 2: publication dates are parsed when read, as people write them -------------------------------
@pytest.mark.parametrize("value,expected", [
    ("2025-06-12", "2025-06-12"), ("Thu, 12 Jun 2025 14:05:00 GMT", "2025-06-12"),
    ("2025-06-12T14:05:00+02:00", "2025-06-12"), ("2025-06-12T23:30:00-05:00", "2025-06-12"),
    ("June 12, 2025", "2025-06-12"), ("12 June 2025", "2025-06-12"), ("Jun. 12 2025", "2025-06-12"),
    ("2025-02-30", None), ("2025-13-45", None), ("Thu, 31 Feb 2025 14:05:00 GMT", None), ("yesterday", None),
    ("June 2", None), (["2025-06-12"], None),
])
def test_published_forms(value, expected):
    day = parse_published(value)
    assert (day.isoformat() if day else None) == expected


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-45", "June 2"])
def test_bad_published_option_is_a_usage_error(bad, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = cli("code", str(tmp_path / "a.txt"), "--published", bad)
    assert result.exit_code == 2
    assert "--published" in result.stderr and "YYYY-MM-DD" in result.stderr and "June 12, 2025" in result.stderr


def test_impossible_item_dates_are_warnings_and_the_articles_are_coded(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(json.dumps({"id": f"a{k}", "text": GOOD, "published": d})
                           for k, d in enumerate(["2025-02-30", "2025-13-45", "Thu, 12 Jun 2025 14:05:00 GMT"])),
                 encoding="utf-8")
    result = cli("code", str(p))
    assert result.exit_code == 0, result.stderr
    published = {json.loads(line)["article"]["id"]: json.loads(line)["article"]["published"]
                 for line in result.stdout.splitlines()}
    assert published == {"a0": None, "a1": None, "a2": "2025-06-12"}
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2 and f"{p}:1" in warnings[0] and f"{p}:2" in warnings[1]


def test_rss_pubdate_that_is_no_date_is_a_warning(tmp_path, caplog):
    feed = tmp_path / "wire.rss"
    feed.write_text(f"<rss><channel><item><title>Strike</title><pubDate>Mon, 30 Feb 2025 10:00:00 GMT</pubDate>"
                    f"<description>{GOOD}</description></item></channel></rss>", encoding="utf-8")
    [article] = read_path(feed)
    assert isinstance(article, Article) and article.published is None
    assert any("wire.rss#item1" in r.getMessage() for r in caplog.records)


def test_undated_text_says_once_how_to_give_a_date(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    result = cli("code", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if "--published" in line]
    assert len(notes) == 1 and "relative dates" in notes[0]


def test_library_published_that_is_no_date_is_a_clear_error(pipeline):
    with pytest.raises(ValueError, match="not a date"):
        pipeline.code(GOOD, published="2025-02-30")
    assert normalise_date("12 June 2025") == "2025-06-12"


# -- 3: offsets past the calendar's ends are left unresolved ---------------------------------------
@pytest.mark.parametrize("text,anchor", [
    ("three days ago", date(1, 1, 1)), ("yesterday", date(1, 1, 1)), ("tomorrow", date(9999, 12, 31)),
    ("1000000 days ago", date(2025, 1, 11)), ("30000 months ago", date(2025, 1, 11)),
    ("1000000 years ago", date(2025, 1, 11)), ("3 weeks ago", date(1, 1, 20)), ("last winter", date(1, 1, 1)),
])
def test_calendar_overflow_is_unresolved(text, anchor):
    expr = normalise(text, anchor)
    assert expr is not None and expr.start is None


def test_overflowing_dates_do_not_stop_coding(pipeline):
    assert isinstance(pipeline.code("Rebels attacked Goma three days ago.", published="0001-01-01"), list)
    layers = pipeline.annotate("Rebels attacked Goma 1000000 days ago, 30000 months ago.", published="2025-01-11")
    assert [t.start for t in layers.times] == [None, None]


# -- 4: an article over spaCy's length limit is parsed in parts, offsets kept -----------------------
def test_split_joins_back_and_cuts_after_whole_whitespace_runs():
    text = ("Word " * 30 + "end.\n\n") * 40 + "x" * 3000
    parts = longtext.split(text, limit=1000)
    assert "".join(parts) == text and all(len(p) <= 1000 for p in parts)
    assert all(not p[:1].isspace() for p in parts[1:])  # each part starts on a word
    assert longtext.split("short", limit=1000) == ["short"]


@pytest.mark.slow
def test_long_article_codes_with_offsets_into_the_original(pipeline):
    # an inlined image, as scraped pages carry: few tokens per character keep the test fast
    filler = "The council met and discussed the budget.\ndata:image/png;base64," + "iVBORw0KGgo" * 180 + "\n"
    event = "Russian forces shelled Kharkiv on Tuesday, killing three civilians, officials said.\n"
    text = filler * 300 + event + filler * 300 + event.replace("Kharkiv", "Odesa")
    assert len(text) > 1_200_000 > pipeline.nlp.max_length  # spaCy alone refuses it (E088)
    doc = next(longtext.pipe(pipeline.nlp, [text]))
    assert doc.text == text
    records = [e.to_dict() for e in pipeline.code(Article(id="long", text=text, published="2025-01-11"), doc=doc)]
    shelled = [r for r in records if r["type"] == "ASSAULT"]
    assert {r["location"]["name"] for r in shelled} == {"Kharkiv", "Odesa"}
    assert all(text[r["evidence"]["trigger"]["start"]:r["evidence"]["trigger"]["end"]] == "shelled" for r in shelled)
    assert spans_hold(records, text)


def test_pipe_keeps_order_and_text(pipeline):
    texts = ["Rebels attacked Goma.", ("Police arrested ten protesters in Tbilisi. " * 60 + "\n") * 3, ""]
    docs = list(longtext.pipe(pipeline.nlp, texts, limit=2000))
    assert [d.text for d in docs] == texts
    long_doc = docs[1]
    assert all(long_doc[t.i + 1].is_sent_start for t in long_doc[:-1] if "\n" in t.text_with_ws)


# -- 5: deeply nested JSON is a rejection, not a RecursionError -------------------------------------
DEEP = "[" * 100000 + "]" * 100000


def test_nested_json_file_line_and_stdin_are_rejected(tmp_path, monkeypatch):
    (tmp_path / "deep.json").write_text(DEEP)
    (tmp_path / "deep.jsonl").write_text(DEEP + "\n" + json.dumps({"id": "ok", "text": GOOD}) + "\n")
    got = list(read_paths([tmp_path / "deep.json", tmp_path / "deep.jsonl"]))
    rejected = [g for g in got if isinstance(g, Rejected)]
    assert [r.origin for r in rejected] == [str(tmp_path / "deep.json"), f"{tmp_path / 'deep.jsonl'}:1"]
    assert all("nested" in r.reason for r in rejected)
    assert [a.id for a in got if isinstance(a, Article)] == ["ok"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DEEP.encode())))
    [r] = read_path("-")
    assert isinstance(r, Rejected) and "nested" in r.reason


# -- 6: feeds are read item by item ----------------------------------------------------------------
def test_bad_feed_items_are_rejected_alone(tmp_path):
    items = ["<item><title>Only a comment</title><description>&lt;!-- nothing --&gt;</description></item>",
             "<item><title>Declared</title><description>&lt;?xml version='1.0' encoding='iso-8859-1'?&gt;"
             f"&lt;p&gt;{OTHER}&lt;/p&gt;</description></item>",
             f"<item><title>Later</title><guid>later</guid><description>{GOOD}</description></item>"]
    feed = tmp_path / "wire.rss"
    feed.write_text("<rss><channel>" + "".join(items) + "</channel></rss>", encoding="utf-8")
    got = list(read_path(feed))
    assert [g.origin for g in got if isinstance(g, Rejected)] == [f"{feed}#item1"]
    articles = [g for g in got if isinstance(g, Article)]
    assert [a.origin for a in articles] == [f"{feed}#item2", f"{feed}#item3"] and OTHER in articles[0].text


# -- 7: coding time grows linearly -----------------------------------------------------------------
def best_of(pipeline, text, runs=3):
    """CPU seconds of this process (others' load on a shared machine does not count), best of ``runs``."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        pipeline.code(text, published="2025-01-11")
        times.append(time.process_time() - t0)
    return min(times)


# Invented sentences of ordinary news prose: the yardstick the stress inputs are timed against.
PROSE = ("Government forces shelled the eastern town of Uvira on Tuesday, killing three civilians, a local official said. "
         "The rebels denied the report and accused the army of lying. Police arrested five protesters in Bunia after a "
         "march against the governor. The United Nations called for talks between the two sides. ")


@pytest.fixture(scope="module")
def prose_seconds_per_word(pipeline):
    text = PROSE * 40
    return best_of(pipeline, text, runs=2) / len(text.split())


def best_of_interleaved(pipeline, small_text, large_text, runs=4) -> tuple[float, float]:
    """Best CPU seconds of each text, timed in turn: a burst of load on a shared CI machine then
    slows both sizes alike instead of only one (a ratio of 2.4 here read 3.1 once in CI)."""
    small, large = [], []
    for _ in range(runs):
        small.append(best_of(pipeline, small_text, runs=1))
        large.append(best_of(pipeline, large_text, runs=1))
    return min(small), min(large)


@pytest.mark.slow
@pytest.mark.parametrize("make", [
    lambda n: "The leader " + "of the leader " * n + "attacked Goma.",
    lambda n: " ".join(["\u201cWe will not allow it,\u201dthe minister said.", "\u201cThey shelled our homes,\u201d he said,",
                        "\u201cand they will pay. \u00abIt was us,\u00bb\u201d she told reporters. \"We", "attacked Goma,\" they said."]
                       * (n // 4)),
    lambda n: "; ".join(["rebels attacked goma", "police arrested five men in uvira", "protesters marched in bunia",
                         "the army shelled kalehe"][k % 4] for k in range(n)) + ".",
], ids=["repeated-clause", "quote-heavy", "chained-clauses"])
def test_coding_time_is_linear(pipeline, make, prose_seconds_per_word):
    small, large = best_of_interleaved(pipeline, make(200), make(400))
    assert large / small < 3, (small, large)
    # The bound is relative to ordinary prose coded on the same machine: an absolute limit in seconds failed on
    # a CI machine three times slower than the one it was set on, with the same code.
    longest = make(800)
    per_word = best_of(pipeline, longest, runs=1) / len(longest.split())
    assert per_word < 3 * prose_seconds_per_word, (per_word, prose_seconds_per_word)


# -- 8: one article's exception is one rejection; the batch goes on ---------------------------------
@pytest.fixture
def poisoned(monkeypatch, tmp_path):
    """Pipeline.code and .annotate raise for a text holding POISON; tracebacks go to tmp_path."""
    from eventwire.pipeline import Pipeline

    monkeypatch.setenv("EVENTWIRE_ERROR_LOG", str(tmp_path / "errors.log"))
    real_code, real_annotate = Pipeline.code, Pipeline.annotate

    def check(article):
        if POISON in (article.text if isinstance(article, Article) else article):
            raise RuntimeError("injected fault")

    def code(self, article, published=None, doc=None):
        check(article)
        return real_code(self, article, published, doc)

    def annotate(self, article, published=None, doc=None):
        check(article)
        return real_annotate(self, article, published, doc)

    monkeypatch.setattr(Pipeline, "code", code)
    monkeypatch.setattr(Pipeline, "annotate", annotate)
    return tmp_path / "errors.log"


def three_files(tmp_path):
    paths = []
    for name, text in (("a", GOOD), ("b", f"{POISON} militia attacked Goma."), ("c", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    return paths


@pytest.mark.parametrize("command", ["code", "annotate"])
def test_cli_batch_survives_one_failing_article(poisoned, tmp_path, command):
    paths = three_files(tmp_path)
    result = cli(command, *paths, "--published", "2025-01-11")
    assert result.exit_code == 1
    ids = {json.loads(line)["article"]["id"] for line in result.stdout.splitlines()}
    assert ids == {"a", "c"}
    [line] = result.stderr.strip().splitlines()
    assert f"rejected {paths[1]}" in line and "RuntimeError: injected fault" in line and str(poisoned) in line
    assert "Traceback" in poisoned.read_text() and "injected fault" in poisoned.read_text()


def test_code_records_isolates_the_article_at_fault(poisoned, pipeline):
    articles = [Article(id=k, text=t, origin=f"batch:{n}") for n, (k, t) in
                enumerate((("a", GOOD), ("b", f"{POISON} militia attacked Goma."), ("c", OTHER)), 1)]
    errors = []
    coded = list(parallel.code_records(articles, pipeline=pipeline, on_error=errors.append))
    assert [a.id for a, _ in coded] == ["a", "c"] and all(records for _, records in coded)
    [err] = errors
    assert err.origin == "batch:2" and "article b" in err.reason and "RuntimeError" in err.reason


def test_worker_returns_a_rejection(poisoned, pipeline, monkeypatch):
    monkeypatch.setattr(parallel, "_PIPELINE", pipeline)
    article, outcome = parallel._code(Article(id="b", text=f"{POISON} attacked Goma.", origin="f.jsonl:2"))
    assert isinstance(outcome, Rejected) and outcome.origin == "f.jsonl:2"


def test_ingest_keeps_going_past_a_failing_article(poisoned, pipeline, tmp_path):
    from eventwire.scale.corpus import ingest
    from eventwire.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'events.db'}")
    report = ingest(three_files(tmp_path), store, published="2025-01-11", pipeline=pipeline)
    assert report.articles == 2
    store.close()


def test_ingest_stores_a_failing_article_as_rejected(poisoned, pipeline, tmp_path):
    from eventwire.scale.corpus import ingest
    from eventwire.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'events.db'}")
    report = ingest(three_files(tmp_path), store, published="2025-01-11", pipeline=pipeline)
    assert report.rejected == 1 and "injected fault" in store.rejects()[0]["reason"]


def test_spark_partition_rejects_the_row_at_fault(poisoned, pipeline, monkeypatch):
    from eventwire.scale import spark

    monkeypatch.setattr(spark, "_PIPELINE", pipeline)
    rows = [(("c.jsonl:1", json.dumps({"id": "a", "text": GOOD})), 0),
            (("c.jsonl:2", json.dumps({"id": "b", "text": f"{POISON} attacked Goma."})), 1),
            (("c.jsonl:3", DEEP), 2),
            (("c.jsonl:4", json.dumps({"id": "c", "text": OTHER})), 3)]
    out = list(spark.code_partition(rows))
    rejects = [json.loads(v) for k, v in out if k == "reject"]
    assert [r["origin"] for r in rejects] == ["c.jsonl:2", "c.jsonl:3"]
    assert {json.loads(v)["article"]["id"] for k, v in out if k == "event"} == {"a", "c"}


def test_a_crash_of_the_program_exits_3(monkeypatch, tmp_path, capsys):
    from eventwire.cli import main as cli_mod
    from eventwire.formats.output import Writer

    monkeypatch.setenv("EVENTWIRE_ERROR_LOG", str(tmp_path / "errors.log"))
    monkeypatch.setattr(Writer, "write_records", lambda self, records: 1 / 0)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["eventwire", "code", str(tmp_path / "a.txt"), "--published", "2025-01-11"])
    with pytest.raises(SystemExit) as exit_:
        cli_mod.main()
    assert exit_.value.code == 3 and "ZeroDivisionError" in capsys.readouterr().err


# -- 9: properties over news-like text and every reader --------------------------------------------
ACTORS = ["Russian forces", "the Rapid Support Forces", "Hamas", "Ukraine's defence minister", "police", "they",
          "we", "she", "President Zelensky", "protesters", "the army", "\u00abthe militia\u00bb"]
VERBS = ["shelled", "attacked", "detained", "killed", "struck", "protested in", "met", "accused", "released"]
TARGETS = ["Kharkiv", "a market in El Fasher", "41 protesters", "Goma", "the Kremlin", "three civilians",
           "Tbilisi", "a convoy near Deir ez-Zor", "ourselves"]
WHENS = ["on Tuesday", "three days ago", "1000000 days ago", "30000 months ago", "last winter", "on February 30, 2025",
         "on 0001-01-01", "yesterday", "in 2025-13-45", "at 25:99 p.m.", "99999999999999999999 years ago", ""]
SOURCES = ["officials said", "according to the ministry", "the army said on Monday", "witnesses told Reuters", ""]
QUOTES = ["\u201c", "\u201d", '"', "\u00ab", "\u00bb", "\u300c", "\u300d", "\u2018", "\u2019", "'", ""]
NOISE = ["", " ", "\n", "\n\n", "\u2026", "\u200b", "\u202e", "\U0001F4A5", "e\u0301", "\t", ",", ";", "(", ")", "--",
         "42", "1,000,000", "-3", "\u0661\u0662", "\u00a0"]


@st.composite
def sentences(draw):
    actor, verb, target = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(TARGETS))
    when, source = draw(st.sampled_from(WHENS)), draw(st.sampled_from(SOURCES))
    plain = f"{actor} {verb} {target} {when}".strip() + (f", {source}." if source else ".")
    if draw(st.booleans()):  # as a quote, with marks that may be unpaired, glued or of mixed styles
        open_q, close_q = draw(st.sampled_from(QUOTES)), draw(st.sampled_from(QUOTES))
        glue = draw(st.sampled_from(["", " "]))
        plain = f"{open_q}{actor} {verb} {target},{close_q}{glue}{draw(st.sampled_from(ACTORS))} said {when}."
    pos = draw(st.integers(0, len(plain)))
    return plain[:pos] + draw(st.sampled_from(NOISE)) + plain[pos:]


news = st.lists(st.one_of(sentences(), sentences(), st.text(max_size=12)), min_size=1, max_size=8).flatmap(
    lambda ss: st.sampled_from([" ", "\n", "\n\n", "", "\u2028"]).map(lambda sep: sep.join(ss)))
published = st.sampled_from([None, "2025-01-11", "0001-01-01", "9999-12-31", "2024-02-29"])
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])


@PROPERTY
@given(text=news, day=published)
def test_code_and_annotate_return_contract_records(pipeline, text, day):
    t0 = time.perf_counter()
    records = [e.to_dict() for e in pipeline.code(text, published=day)]
    layers = pipeline.annotate(text, published=day).to_dict()
    assert time.perf_counter() - t0 < 5 + len(text) / 200  # linear: a generous 5 ms per character
    for r in records:
        assert r["type"] and r["certainty"] and 0 < r["confidence"] <= 1 and r["article"]["published"] == day
        assert r["evidence"]["trigger"]["text"] and text[r["evidence"]["start"]:r["evidence"]["end"]]
    assert spans_hold(records, text) and spans_hold(layers, text)
    assert {"places", "times", "actors", "quantities"} <= set(layers)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=12)
article_objects = st.fixed_dictionaries({}, optional={
    "id": json_values, "text": st.one_of(news, json_values), "html": st.one_of(news.map(lambda t: f"<p>{t}</p>"), json_values),
    "published": st.one_of(st.sampled_from(["2025-02-30", "Thu, 12 Jun 2025 14:05:00 GMT", "June 12, 2025", "x"]),
                           json_values),
    "title": json_values, "url": json_values, "source": json_values})
feed_bodies = st.one_of(news, st.sampled_from(["<!-- c -->", "<?xml version='1.0' encoding='latin-1'?><p>x</p>",
                                               "<![CDATA[x]]>", "&amp;", "<script>x</script>", "<p>", "", "\u0000"]))


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def inputs(draw):
    """(bytes, suffix) for one input file of each kind, well-formed or not."""
    kind = draw(st.sampled_from(["jsonl", "json", "html", "rss", "atom", "raw"]))
    if kind == "jsonl":
        lines = draw(st.lists(st.one_of(article_objects.map(json.dumps), st.text(max_size=40)), max_size=5))
        return "\n".join(lines).encode(), ".jsonl"
    if kind == "json":
        return json.dumps(draw(st.one_of(article_objects, st.lists(article_objects, max_size=3)))).encode(), ".json"
    if kind == "html":
        body = draw(news)
        return f"<html><head><title>t</title></head><body><article><p>{body}</p></article></body></html>".encode(), ".html"
    if kind in ("rss", "atom"):
        bodies = draw(st.lists(feed_bodies, min_size=1, max_size=4))
        dates = draw(st.lists(st.sampled_from(["Mon, 30 Feb 2025 10:00:00 GMT", "2025-06-12T14:05:00Z", "x", ""]),
                              min_size=len(bodies), max_size=len(bodies)))
        if kind == "rss":
            items = "".join(f"<item><title>t{k}</title><pubDate>{d}</pubDate><description>{escape(b)}</description></item>"
                            for k, (b, d) in enumerate(zip(bodies, dates)))
            return f"<rss><channel>{items}</channel></rss>".encode("utf-8", "surrogatepass"), ".rss"
        items = "".join(f"<entry><title>t{k}</title><updated>{d}</updated><content type='html'>{escape(b)}</content></entry>"
                        for k, (b, d) in enumerate(zip(bodies, dates)))
        return f"<feed xmlns='http://www.w3.org/2005/Atom'>{items}</feed>".encode("utf-8", "surrogatepass"), ".atom"
    return draw(st.binary(max_size=200)), draw(st.sampled_from([".txt", ".json", ".jsonl", ".html", ".rss", ""]))


@PROPERTY
@given(data=inputs())
def test_readers_return_articles_or_rejections(data):
    payload, suffix = data
    for item in read_bytes(payload, f"input{suffix}", suffix, "2025-01-11"):
        assert isinstance(item, (Article, Rejected))
        if isinstance(item, Article):
            assert item.text.strip() and (item.published is None or parse_published(item.published))
