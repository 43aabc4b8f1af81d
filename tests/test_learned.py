"""The learned typer and the backends: shipped weights match their card, predictions are sane,
training round-trips, and the hybrid keeps every rule event."""
import hashlib
import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import EXAMPLES
from eventwire.events import typer as learn


def test_shipped_weights_match_the_card():
    card = json.loads(learn.CARD_PATH.read_text())
    assert hashlib.sha256(learn.MODEL_PATH.read_bytes()).hexdigest() == card["sha256"]
    assert learn.MODEL_PATH.stat().st_size < 4_000_000 and "NONE" in card["classes"]


def test_typer_types_clear_sentences(nlp):
    typer = learn.load()
    for text, want in (("Artillery shelled the town, killing four civilians.", "ASSAULT"),
                       ("Thousands of demonstrators marched through the capital demanding the minister resign.", "PROTEST"),
                       ("The bakery opened at nine and sold bread.", "NONE")):
        got, p = typer.predict(nlp(text)[:])
        assert got == want, (text, got, p)


def test_training_round_trip(tmp_path, nlp):
    pytest.importorskip("sklearn")
    from eventwire.training import train

    texts = ["troops shelled the village", "rebels attacked a convoy", "police arrested protesters",
             "officers detained the journalist", "the weather was mild", "the market opened late"] * 3
    labels = ["ASSAULT", "ASSAULT", "COERCE", "COERCE", "NONE", "NONE"] * 3
    X, scale = train.featurize(nlp, texts)
    model = train.fit(X, labels)
    path = tmp_path / "typer.npz"
    train.learn.save(path, list(model.classes_), model.coef_, model.intercept_, scale)
    typer = learn.load(str(path))
    ours = [typer.predict(nlp(t)[:])[0] for t in texts[:6]]
    theirs = list(model.predict(X[:6]))
    assert ours == theirs
    probs = typer.proba(nlp(texts[0])[:])
    assert abs(sum(probs.values()) - 1) < 1e-4 and np.isclose(probs["ASSAULT"], model.predict_proba(X[:1])[0][0], atol=0.02)


@pytest.mark.slow
def test_hybrid_keeps_every_rule_event():
    from eventwire.pipeline import Pipeline

    rules, hybrid = Pipeline(backend="rules"), Pipeline(backend="hybrid")
    text = (EXAMPLES / "sudan-el-fasher.txt").read_text()
    r = {(e.type, e.evidence.trigger.start) for e in rules.code(text, published="2025-03-14")}
    h = {(e.type, e.evidence.trigger.start) for e in hybrid.code(text, published="2025-03-14")}
    assert r <= h
    assert all(e.coder["backend"] == "hybrid" for e in hybrid.code(text, published="2025-03-14"))


def test_unknown_backend_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "code", "-", "--backend", "magic"],
                          input="x", capture_output=True, text=True)
    assert proc.returncode == 2 and "unknown --backend" in proc.stderr


def test_modal_and_negation_cues_are_features(nlp):
    """'must release' (a demand) and 'will release' (a promise) differ only in the auxiliary."""
    must, _, _ = learn.features(nlp("The government must release the prisoners")[:])
    will, _, _ = learn.features(nlp("The government will release the prisoners")[:])
    assert set(must.tolist()) != set(will.tolist())
    assert learn._bucket("cb=COERCE") in set(learn.features(nlp("Police arrested him")[:])[0].tolist())


def test_other_ontologies_map_to_plover_or_are_left_out():
    from eventwire.training import sets as ts

    assert ts.plover_type("conflict.attack.airstrikemissilestrike", ts.RAMS_TO_PLOVER) == "ASSAULT"
    assert ts.plover_type("justice.initiatejudicialprocess.chargeindict", ts.RAMS_TO_PLOVER) == "ACCUSE"
    assert ts.plover_type("contact.mediastatement.broadcast", ts.RAMS_TO_PLOVER) == "NONE"
    assert ts.plover_type("movement.transportperson.selfmotion", ts.RAMS_TO_PLOVER) is None
    assert ts.plover_type("Justice.ArrestJailDetain.Unspecified", ts.WIKIEVENTS_TO_PLOVER) == "COERCE"
    assert ts._sentence_label(["ASSAULT", "NONE"]) == "ASSAULT"
    assert ts._sentence_label(["ASSAULT", "COERCE"]) is None and ts._sentence_label(["NONE", None]) is None


def test_real_news_training_sentences(shared):
    from eventwire.training import sets as trainsets

    rams = trainsets.rams(shared)
    assert len(rams) > 500 and {lab for _, lab in rams} >= {"ASSAULT", "NONE", "REQUEST", "SANCTION"}
    assert all(len(text.split()) >= 3 for text, _ in rams)


def test_training_never_sees_what_a_floor_scores(shared):
    """The GSR test part, LGL test documents and the blind real-news documents are never training data."""
    import json

    from eventwire.training import train
    from eventwire.evaluation import splits

    trained = {text for text, _ in train.gsr(shared)}
    records = json.loads((shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    test_texts = {r["eventText"] for r in records if r.get("text") and r.get("eventText")
                  and splits.is_test("plover-gsr", str(r.get("id")))}
    assert test_texts and not (test_texts & trained) - {r["eventText"] for r in records
                                                        if not splits.is_test("plover-gsr", str(r.get("id")))}
    gold_docs = train.gold_documents()
    assert len(gold_docs) >= 15
    wiki = [json.loads(line) for line in (shared / "data" / "wikievents-dev" / "dev.jsonl").read_text().splitlines()]
    gold_sentences = {" ".join(tok for tok, _, _ in s[0]) for d in wiki if d["doc_id"] in gold_docs for s in d["sentences"]}
    trained_news = {text for text, _ in train.real_news(shared)}
    assert gold_sentences and not (gold_sentences & trained_news)
