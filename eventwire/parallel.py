"""Code articles on several cores: one pipeline per worker process, results in input order.

The parser dominates the cost and holds the GIL, so workers are processes. Each loads the
pipeline once (initializer) and returns contract records (plain dicts pickle cheaply), in the
order the articles came in, so storing them is deterministic whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Any, Iterable, Iterator, Optional

from .model import Article

_PIPELINE = None
Result = tuple[Article, list[dict[str, Any]]]


def _init(keep_hypothetical: bool, backend: str = "hybrid", outlet_homes: bool = False) -> None:
    global _PIPELINE
    from .pipeline import Pipeline

    _PIPELINE = Pipeline(keep_hypothetical=keep_hypothetical, backend=backend, outlet_homes=outlet_homes)


def _code(article: Article) -> Result:
    return article, [e.to_dict() for e in _PIPELINE.code(article)]


def code_records(articles: Iterable[Article], workers: int = 1, keep_hypothetical: bool = False,
                 pipeline: Optional[Any] = None, batch_size: int = 16, backend: str = "hybrid",
                 outlet_homes: bool = False) -> Iterator[Result]:
    """(article, records) for each article, in order; ``workers > 1`` spreads them over processes."""
    if workers <= 1:
        if pipeline is None:
            from .pipeline import Pipeline

            pipeline = Pipeline(keep_hypothetical=keep_hypothetical, backend=backend, outlet_homes=outlet_homes)
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from _code_batch(pipeline, batch)
                batch = []
        yield from _code_batch(pipeline, batch)
        return
    with WorkerPool(workers, keep_hypothetical, backend, outlet_homes) as pool:
        yield from pool.code(articles, batch_size)


class WorkerPool:
    """Worker processes that each hold a loaded pipeline; reuse one across calls to pay start-up once."""

    def __init__(self, workers: int, keep_hypothetical: bool = False, backend: str = "hybrid",
                 outlet_homes: bool = False):
        ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.workers = workers
        self.pool = ctx.Pool(workers, initializer=_init, initargs=(keep_hypothetical, backend, outlet_homes))

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.terminate()
        self.pool.join()

    def code(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Result]:
        window = self.workers * batch_size  # bounded read-ahead: a huge corpus is never all in memory
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= window:
                yield from self.pool.imap(_code, batch, chunksize=2)
                batch = []
        yield from self.pool.imap(_code, batch, chunksize=2)

    def peak_rss_mb(self) -> float:
        """The largest peak RSS among the workers (each reports its own)."""
        return max(self.pool.map(_peak_rss, range(self.workers * 4), chunksize=1))


def _peak_rss(_: int) -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _code_batch(pipeline: Any, batch: list[Article]) -> Iterator[Result]:
    for article, events in pipeline.code_many(batch, batch_size=len(batch) or 1):
        yield article, [e.to_dict() for e in events]
