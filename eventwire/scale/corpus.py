"""A corpus into one event database: read, skip what is stored, code (on N cores), deduplicate, commit.

Crash-safe by construction: each batch of articles — their rows, events, mentions and the
inputs rejected while reading them — is one transaction, and an article is recognised by the
sha256 of its text. Killed mid-batch, the batch rolls back; the same command again skips every
committed article and codes the rest in the same order, so the database ends exactly as an
uninterrupted run leaves it: nothing lost, nothing doubled.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from eventwire.dedup.across import DedupConfig
from eventwire.readers.articles import DEFAULT_MAX_BYTES, Rejected, read_paths
from eventwire.model import Article
from eventwire.scale.parallel import code_records
from eventwire.store import Store, text_key


@dataclass
class IngestReport:
    read: int = 0
    coded: int = 0
    skipped: int = 0          # already stored (same text), or repeated within this run
    rejected: int = 0
    articles: int = 0         # newly stored
    events_new: int = 0
    mentions_merged: int = 0  # coded events that restated an event already stored
    rejects: list[Rejected] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.articles} articles stored ({self.skipped} already there, {self.rejected} rejected); "
                f"{self.events_new} new events, {self.mentions_merged} reports merged into known events")


def _unique_id(store: Store, article: Article, key: str, ids_seen: dict[str, str]) -> None:
    """Two different texts both called 'report' (file stems) get told apart in listings; stored
    event ids are kept apart by the store itself (:func:`eventwire.store.mention_id`)."""
    other = ids_seen.get(article.id) or store.scalar("SELECT key FROM articles WHERE id = ?", (article.id,))
    if other and other != key:
        article.id = f"{article.id}-{key[:8]}"
    ids_seen[article.id] = key


def ingest(paths: Iterable[str], store: Store, published: Optional[str] = None, workers: int = 1,
           batch_size: int = 32, cfg: DedupConfig = DedupConfig(), max_bytes: int = DEFAULT_MAX_BYTES,
           keep_hypothetical: bool = False, on_article: Optional[Callable[[IngestReport], None]] = None,
           on_reject: Optional[Callable[[Rejected], None]] = None, pipeline=None) -> IngestReport:
    report = IngestReport()
    pending: list[Rejected] = []

    def rejected(item: Rejected) -> None:
        """Stored with the batch, so a rerun retries it; the report says it was rejected."""
        report.rejected += 1
        report.rejects.append(item)
        pending.append(item)
        if on_reject:
            on_reject(item)

    def fresh() -> Iterator[Article]:
        keys_seen: set[str] = set()
        ids_seen: dict[str, str] = {}
        for item in read_paths(paths, published, max_bytes):
            if isinstance(item, Rejected):
                rejected(item)
                continue
            report.read += 1
            key = text_key(item.text)
            if key in keys_seen or store.known_keys([key]):
                report.skipped += 1
                continue
            keys_seen.add(key)
            _unique_id(store, item, key, ids_seen)
            yield item

    batch: list[tuple[Article, list[dict]]] = []

    def flush() -> None:
        with store.transaction():
            added = [store.add_article(article, records, cfg) for article, records in batch]
            for rej in pending:
                store.add_reject(rej.origin, rej.reason)
        # counted after the commit: a rolled-back batch stored nothing, and an article that a
        # concurrent run stored between our read and our write is "already there", not ours
        report.articles += sum(a.stored for a in added)
        report.skipped += sum(not a.stored for a in added)
        report.events_new += sum(a.new for a in added)
        report.mentions_merged += sum(a.merged for a in added)
        batch.clear()
        pending.clear()

    for article, records in code_records(fresh(), workers, keep_hypothetical, pipeline, on_error=rejected):
        batch.append((article, records))
        report.coded += 1
        if len(batch) >= batch_size:
            flush()
        if on_article:
            on_article(report)
    flush()
    return report
