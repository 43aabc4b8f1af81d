"""Score hybrid policies on the DEV parts only (plv-train, realnews, seed+examples).

    python tools/tune_hybrid.py [MODEL.safetensors] [add,drop,retype,doubt ...]

The event model's probabilities are cached per sentence, so each policy costs only the rules.
Never pass --part test here: the test parts are gated, not tuned on.
"""
from __future__ import annotations

import sys
from pathlib import Path

from eventwire.events import backends, eventmodel
from eventwire.evaluation import runner
from eventwire.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = ["plv-train", "realnews", "seed+examples"]  # the GSR dev part is training data


def main(argv: list[str]) -> None:
    model_path = next((a for a in argv if a.endswith(".safetensors")), None)
    policies = [backends.Policy(*map(float, a.split(","))) for a in argv if "," in a] or [backends.HYBRID]
    pipe = Pipeline(backend="rules")
    pipe.backend = "hybrid"
    pipe.model = eventmodel.load(model_path)
    cache: dict[str, dict[str, float]] = {}
    raw = pipe.model.predict

    def cached(texts: list[str]) -> list[dict[str, float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            cache.update(zip(missing, raw(missing)))
        return [cache[t] for t in texts]

    pipe.model.predict = cached  # type: ignore[method-assign]
    for policy in policies:
        backends.HYBRID = policy
        result = runner.run(SHARED, parts=["dev"], only=SETS, pipeline=pipe, log=lambda m: None)
        heads = [f"{rep['dataset']}:{r['metric']}={r['value']:.3f}" for rep in result["reports"]
                 for r in rep["rows"] if r.get("headline")]
        print(policy, " ".join(heads), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
