"""Code articles on several cores: one pipeline per worker process, results in input order.

The parser dominates the cost and holds the GIL, so workers are processes. Each loads the
pipeline once (initializer) and returns contract records (plain dicts pickle cheaply), in the
order the articles came in, so storing them is deterministic whatever the number of workers.

Faults are isolated per article, in the worker that meets them: an exception while coding one
article becomes a :class:`~eventwire.ingest.Rejected` record (its type and message, the full
traceback appended to :func:`eventwire.ingest.error_log_path`) handed to ``on_error``, and the
batch goes on. :func:`code_article` and :func:`annotate_article` are the same boundary for one
article (the API's POST, the ``annotate`` command).
"""
from __future__ import annotations

import logging
import multiprocessing as mp
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from eventwire.readers.articles import Rejected, failure
from eventwire.model import Article

log = logging.getLogger(__name__)
_PIPELINE = None
Result = tuple[Article, list[dict[str, Any]]]
Outcome = tuple[Article, Union[list[dict[str, Any]], Rejected]]
OnError = Optional[Callable[[Rejected], None]]


def origin_of(article: Article) -> str:
    return article.origin or article.id or "<article>"


def code_article(pipeline: Any, article: Article) -> Union[list[dict[str, Any]], Rejected]:
    """The contract records of one article, or its rejection when coding it raised."""
    try:
        return [e.to_dict() for e in pipeline.code(article)]
    except Exception as e:  # the per-article isolation boundary
        return failure(origin_of(article), e, "coding", article.id)


def annotate_article(pipeline: Any, article: Article) -> Union[dict[str, Any], Rejected]:
    """Every layer found in one article (``Pipeline.annotate``), or its rejection when that raised."""
    try:
        return pipeline.annotate(article).to_dict()
    except Exception as e:  # the per-article isolation boundary
        return failure(origin_of(article), e, "annotating", article.id)


def _init(keep_hypothetical: bool, backend: str = "hybrid", outlet_homes: bool = False) -> None:
    global _PIPELINE
    from eventwire.pipeline import Pipeline

    _PIPELINE = Pipeline(keep_hypothetical=keep_hypothetical, backend=backend, outlet_homes=outlet_homes)


def _code(article: Article) -> Outcome:
    return article, code_article(_PIPELINE, article)


def code_records(articles: Iterable[Article], workers: int = 1, keep_hypothetical: bool = False,
                 pipeline: Optional[Any] = None, batch_size: int = 16, backend: str = "hybrid",
                 outlet_homes: bool = False, on_error: OnError = None) -> Iterator[Result]:
    """(article, records) for each article coded, in order; ``workers > 1`` spreads them over processes.
    An article whose coding raised is not yielded: its rejection goes to ``on_error`` (by default,
    a warning on the ``eventwire.parallel`` logger)."""
    for article, outcome in _outcomes(articles, workers, keep_hypothetical, pipeline, batch_size, backend,
                                      outlet_homes):
        if isinstance(outcome, Rejected):
            (on_error or _warn)(outcome)
        else:
            yield article, outcome


def _warn(rejected: Rejected) -> None:
    log.warning("rejected %s", rejected)


def _outcomes(articles: Iterable[Article], workers: int, keep_hypothetical: bool, pipeline: Optional[Any],
              batch_size: int, backend: str, outlet_homes: bool) -> Iterator[Outcome]:
    if workers > 1:
        with WorkerPool(workers, keep_hypothetical, backend, outlet_homes) as pool:
            yield from pool.outcomes(articles, batch_size)
        return
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline(keep_hypothetical=keep_hypothetical, backend=backend, outlet_homes=outlet_homes)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _code_batch(pipeline, batch)
            batch = []
    yield from _code_batch(pipeline, batch)


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

    def outcomes(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Outcome]:
        """(article, records or its rejection) for each article, in order."""
        window = self.workers * batch_size  # bounded read-ahead: a huge corpus is never all in memory
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= window:
                yield from self.pool.imap(_code, batch, chunksize=2)
                batch = []
        yield from self.pool.imap(_code, batch, chunksize=2)

    def code(self, articles: Iterable[Article], batch_size: int = 16, on_error: OnError = None) -> Iterator[Result]:
        """(article, records) for each article coded, in order; rejections go to ``on_error``."""
        for article, outcome in self.outcomes(articles, batch_size):
            if isinstance(outcome, Rejected):
                (on_error or _warn)(outcome)
            else:
                yield article, outcome

    def peak_rss_mb(self) -> float:
        """The largest peak RSS among the workers (each reports its own)."""
        return max(self.pool.map(_peak_rss, range(self.workers * 4), chunksize=1))


def _peak_rss(_: int) -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _code_batch(pipeline: Any, batch: list[Article]) -> Iterator[Outcome]:
    """The batch parsed together (faster); when that raises, the articles it had not finished are
    coded one by one, so only the one at fault is rejected."""
    done = 0
    try:
        for article, events in pipeline.code_many(batch, batch_size=len(batch) or 1):
            records = [e.to_dict() for e in events]
            done += 1
            yield article, records
    except Exception:  # the per-article isolation boundary: find the article at fault below
        for article in batch[done:]:
            yield article, code_article(pipeline, article)
