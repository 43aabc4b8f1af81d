"""Score hybrid policies on the DEV parts only (plv-train, realnews, seed+examples, acled-notes).

    python tools/tune_hybrid.py [MODEL.safetensors] [add,drop,retype,doubt ...] [acled:override,doubt,add ...]

The event model's readings are cached per sentence, so each policy costs only the rules.
Never pass --part test here: the test parts are gated, not tuned on.
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

from eventwire.events import backends, eventmodel
from eventwire.evaluation import runner
from eventwire.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = ["plv-train", "realnews", "seed+examples", "acled-notes"]  # the GSR dev part is training data


def main(argv: list[str]) -> None:
    model_path = next((a for a in argv if a.endswith(".safetensors")), None)
    policies = [backends.Policy(*map(float, a.split(","))) for a in argv if "," in a and not a.startswith("acled:")]
    acled = [backends.AcledPolicy(*map(float, a.removeprefix("acled:").split(","))) for a in argv if a.startswith("acled:")]
    sets = SETS if not acled or policies else ["realnews", "seed+examples", "acled-notes"]
    pipe = Pipeline(backend="rules")
    pipe.backend = "hybrid"
    pipe.model = eventmodel.load(model_path)
    cache: dict[str, eventmodel.Reading] = {}
    raw = pipe.model.read

    def cached(texts: list[str]) -> list[eventmodel.Reading]:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            cache.update(zip(missing, raw(missing)))
        return [cache[t] for t in texts]

    pipe.model.read = cached  # type: ignore[method-assign]
    for policy, acled_policy in itertools.product(policies or [backends.HYBRID], acled or [backends.ACLED]):
        backends.HYBRID, backends.ACLED = policy, acled_policy
        result = runner.run(SHARED, parts=["dev"], only=sets, pipeline=pipe, log=lambda m: None)
        heads = [f"{rep['dataset']}:{r['metric']}={r['value']:.3f}" for rep in result["reports"]
                 for r in rep["rows"] if r.get("headline")]
        print(policy, acled_policy, " ".join(heads), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
