"""Read articles from files, directories, JSON Lines and stdin.

Every input either becomes an :class:`Article` or a :class:`Rejected` record with a one-line
reason naming the file (and line). Readers never raise on bad input, so a batch keeps going.

Accepted inputs: ``.txt`` (UTF-8 text), ``.html``/``.htm`` (main text extracted with
trafilatura, publication date from the page metadata), ``.jsonl`` (one article per line with
``id``, ``text`` or ``html``, ``title``, ``url``, ``published``, ``source``), ``.json`` (one
such object or a list), RSS/Atom feed files (``.rss``, ``.atom``, ``.xml``: one article per
item) and directories of these. ``-`` reads one article from stdin (JSON Lines when it starts with ``{``).

Publication dates are read as people write them (:data:`PUBLISHED_FORMS`) and stored as YYYY-MM-DD;
an input's own unreadable date is a warning (logger ``eventwire.ingest``), never a rejection.
An unexpected exception while reading one input is that input's rejection (:func:`failure`).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import traceback
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from eventwire.model import Article
from eventwire.times.words import MONTH_RE, MONTHS

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MIN_HTML_WORDS = 8  # fewer words than a one-line news brief is menus and footers, not an article
ERROR_LOG_ENV = "EVENTWIRE_ERROR_LOG"
PUBLISHED_FORMS = ("YYYY-MM-DD (a time and zone may follow: 2025-06-12T14:05:00+02:00), "
                   "RFC 2822 (Thu, 12 Jun 2025 14:05:00 GMT), June 12, 2025 or 12 June 2025")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}\S*(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?", re.I)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TAIL = r"(?:(?:,?\s+|T)\d{1,2}:\d{2}.*)?"  # a clock time after the date is read past
MONTH_FIRST = re.compile(_WEEKDAY + MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TAIL, re.I)
DAY_FIRST = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + r",?\s+(\d{4})" + _TAIL, re.I)
XML_DECLARATION = re.compile(r"<\?xml[^>]*\?>", re.I)


@dataclass
class Rejected:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Union[Article, Rejected]


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def error_log_path() -> Path:
    """Where the full traceback of a failed input goes: ``$EVENTWIRE_ERROR_LOG``, else ``errors.log``
    in eventwire's cache directory (``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``)."""
    if os.environ.get(ERROR_LOG_ENV):
        return Path(os.environ[ERROR_LOG_ENV])
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire") / "errors.log"


def failure(origin: str, exc: BaseException, stage: str = "coding", article: Optional[str] = None) -> Rejected:
    """The rejection of one input that raised while being read or coded: the exception's type and
    message, and where its full traceback was appended (:func:`error_log_path`). The batch goes on."""
    message = " ".join(str(exc).split())[:300] or "no message"
    what = f"article {article}: " if article else ""
    logged = _log_traceback(origin, exc, article)
    return Rejected(origin, f"{stage} failed: {what}{type(exc).__name__}: {message} ({logged})")


def _log_traceback(origin: str, exc: BaseException, article: Optional[str]) -> str:
    path = error_log_path()
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entry = f"--- {stamp} {origin} article={article}\n" + "".join(traceback.format_exception(exc))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write(entry)
    except OSError as e:
        return f"traceback not logged: {e.strerror or e}"
    return f"traceback in {path}"


def decode(data: bytes) -> str:
    """UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is an error with the fix."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
                         "re-encode it, e.g. iconv -f latin1 -t utf-8") from None


def parse_published(value: object) -> Optional[date]:
    """A publication date read as a person reads it (see PUBLISHED_FORMS), or None when it is no
    real calendar date ("2025-02-30", "yesterday"). The date is the one written, in its own zone."""
    text = " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""
    for pattern, order in ((ISO_DATE, (1, 2, 3)), (MONTH_FIRST, (3, 1, 2)), (DAY_FIRST, (3, 2, 1))):
        m = pattern.fullmatch(text)
        if m:
            year, month, day = (m.group(k) for k in order)
            try:
                return date(int(year), int(month) if month.isdigit() else MONTHS[month.lower()], int(day))
            except ValueError:  # "2025-02-30", "2025-13-45"
                return None
    return _rfc2822(text)


def _rfc2822(text: str) -> Optional[date]:
    from email.utils import parsedate_to_datetime

    if not re.search(r"\b\d{4}\b", text):
        return None  # parsedate guesses a year for "Thu, 12 Jun"
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, OverflowError):
        return None


def normalise_date(value: object) -> Optional[str]:
    """YYYY-MM-DD for a date given on the command line or to the API; ValueError naming the accepted
    forms when it is not one."""
    if value in (None, ""):
        return None
    day = parse_published(value)
    if day is None:
        raise ValueError(f"{str(value)!r} is not a date: use {PUBLISHED_FORMS}")
    return day.isoformat()


def item_date(value: object, where: str) -> Optional[str]:
    """An input's own publication date; an unreadable one is a warning naming the input, and the
    article is coded without one (never rejected for it)."""
    if value in (None, ""):
        return None
    day = parse_published(value)
    if day is None:
        shown = repr(str(value)[:80]) if isinstance(value, (str, int, float)) else f"(a JSON {type(value).__name__})"
        log.warning("%s: published %s is not a date (use %s); coded with no publication date", where, shown,
                    PUBLISHED_FORMS)
        return None
    return day.isoformat()


def html_to_article(html: str, origin: str, **meta: Optional[str]) -> Article:
    import trafilatura  # heavy import, only for HTML input

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    words = len(text.split()) if text else 0
    if text is None or words < MIN_HTML_WORDS:
        raise ValueError(f"no main text found in HTML ({words} words of boilerplate at most)")
    info = trafilatura.extract_metadata(html)
    published = meta.get("published") or item_date(info.date if info and info.date else None, origin)
    return Article(id=meta.get("id") or article_id(text), text=text,
                   title=meta.get("title") or (info.title if info else None),
                   url=meta.get("url") or (info.url if info else None),
                   source=meta.get("source") or (info.sitename if info else None),
                   published=normalise_date(published), origin=origin)


def headline(text: str) -> Optional[str]:
    """The first line when it reads as a headline (short, no closing punctuation, more text after)."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first.split()) <= 25 and not first.endswith((".", "!", "?", '"', "\u201d")):
        return first
    return None


def text_to_article(text: str, origin: str, **meta: Optional[str]) -> Article:
    """An article from its text; ``published`` must be a date (ValueError otherwise: the API's 400)."""
    if not text.strip():
        raise ValueError("empty text")
    return Article(id=meta.get("id") or article_id(text), text=text, title=meta.get("title") or headline(text),
                   url=meta.get("url"), source=meta.get("source"),
                   published=normalise_date(meta.get("published")), origin=origin)


def record_to_article(rec: object, origin: str) -> Article:
    """One JSON article object (``id``, ``text`` or ``html``, ``title``, ``url``, ``published``, ``source``)."""
    if not isinstance(rec, dict):
        raise ValueError("JSON line is not an object")
    meta = {k: (str(rec[k]) if isinstance(rec.get(k), (str, int, float)) and rec[k] != "" else None)
            for k in ("id", "title", "url", "source")}
    meta["published"] = item_date(rec.get("published"), origin)
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        return text_to_article(rec["text"], origin, **meta)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        return html_to_article(rec["html"], origin, **meta)
    raise ValueError("no 'text' or 'html' field with content")


def _nested_too_deeply() -> ValueError:
    return ValueError(f"malformed JSON (nested more than {sys.getrecursionlimit()} levels deep)")


def read_jsonl(text: str, origin: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            yield record_to_article(json.loads(line), where)
        except json.JSONDecodeError as e:
            yield Rejected(where, f"malformed JSON ({e.msg} at column {e.colno})")
        except RecursionError:
            yield Rejected(where, str(_nested_too_deeply()))
        except ValueError as e:
            yield Rejected(where, str(e))
        except Exception as e:  # one line that breaks a reader must not end the file
            yield failure(where, e, "reading")


def _json_document(text: str, lines_ok: bool) -> Optional[object]:
    """A whole-file JSON value (an article object or a list of them), or None for JSON Lines. Nested
    too deeply, it is rejected, unless the file may be JSON Lines (each line is then judged alone)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None
    except RecursionError:
        if lines_ok:
            return None
        raise _nested_too_deeply() from None


def _read_document(document: object, origin: str, published: Optional[str]) -> Iterator[Item]:
    items = document if isinstance(document, list) else [document]
    for k, rec in enumerate(items, 1):
        where = f"{origin}[{k}]" if isinstance(document, list) else origin
        try:
            article = record_to_article(rec, where)
        except ValueError as e:
            yield Rejected(where, f"not an article: {e}")
            continue
        except Exception as e:  # one object that breaks a reader must not end the file
            yield failure(where, e, "reading")
            continue
        if published and not article.published:
            article.published = published
        yield article


def html_text(markup: str) -> str:
    """The visible text of an HTML fragment; '' when it has none (only a comment, only tags)."""
    from lxml import etree, html as lhtml

    markup = XML_DECLARATION.sub("", markup)  # lxml refuses a str that declares its own encoding
    if not markup.strip():
        return ""
    try:
        return lhtml.fromstring(markup).text_content().strip()
    except etree.ParserError:  # "Document is empty"
        return ""


def read_feed(text: str, origin: str, published: Optional[str] = None) -> Iterator[Item]:
    """Items of an RSS 2.0 or Atom feed file, each an article (title, link, date, text from the
    item's content or description). Entities are not expanded and nothing is fetched. Each item is
    read on its own: a bad one is one rejection naming its number, and the others are read."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as e:
        yield Rejected(origin, f"malformed feed XML ({e.msg})")
        return
    if _local(root) not in ("rss", "feed", "RDF"):
        yield Rejected(origin, f"XML root <{_local(root)}> is not an RSS or Atom feed")
        return
    for k, item in enumerate((el for el in root.iter() if _local(el) in ("item", "entry")), 1):
        where = f"{origin}#item{k}"
        try:
            yield _feed_item(item, where, published)
        except ValueError as e:
            yield Rejected(where, str(e))
        except Exception as e:  # lxml on hostile markup: this item only
            yield failure(where, e, "reading")


def _local(el) -> str:
    from lxml import etree

    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _feed_item(item, where: str, published: Optional[str]) -> Article:
    fields: dict[str, str] = {}
    for child in item:
        name = _local(child)
        value = child.get("href") if name == "link" and child.get("href") else (child.text or "")
        fields.setdefault(name, value.strip())
    body = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary") or ""
    text = html_text(body)
    if not text:
        raise ValueError("feed item has no text (content, description or summary)")
    raw_date = fields.get("pubDate") or fields.get("published") or fields.get("updated") or fields.get("date")
    title = fields.get("title")
    return Article(id=fields.get("guid") or fields.get("id") or fields.get("link") or article_id(text),
                   text=f"{title}\n{text}" if title else text, title=title, url=fields.get("link"),
                   source=None, published=item_date(raw_date, where) or published, origin=where)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_bytes(data: bytes, origin: str, suffix: str, published: Optional[str] = None) -> Iterator[Item]:
    try:
        text = decode(data)
    except ValueError as e:
        yield Rejected(origin, str(e))
        return
    try:
        as_json = suffix == ".json" or text.lstrip().startswith("[")
        document = _json_document(text, suffix in (".jsonl", ".ndjson")) if as_json else None
        if suffix in FEED_SUFFIXES or (suffix == "" and text.lstrip().startswith("<?xml")):
            yield from read_feed(text, origin, published)
        elif document is not None:
            yield from _read_document(document, origin, published)
        elif suffix in JSONL_SUFFIXES or (suffix == "" and text.lstrip().startswith("{")):
            for item in read_jsonl(text, origin):
                if isinstance(item, Article) and published and not item.published:
                    item.published = published
                yield item
        elif suffix in HTML_SUFFIXES or _looks_like_html(text):
            yield html_to_article(text, origin, published=published)
        else:
            yield text_to_article(text, origin, published=published, id=Path(origin).stem or None)
    except ValueError as e:
        yield Rejected(origin, str(e))
    except Exception as e:  # a reader's library failing on hostile input: this input only
        yield failure(origin, e, "reading")


def read_path(path: Union[str, Path], published: Optional[str] = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles from one path: a file, a directory (recursively, sorted) or ``-`` for stdin."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield Rejected("<stdin>", f"too large (over {max_bytes} bytes; raise --max-bytes)")
            return
        yield from read_bytes(data, "<stdin>", "", published)
        return
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            suffix = child.suffix.lower()
            if child.is_file() and suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES:
                yield from read_path(child, published, max_bytes)
        return
    try:
        size = p.stat().st_size
        if size > max_bytes:
            yield Rejected(str(p), f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit; raise --max-bytes)")
            return
        data = p.read_bytes()
    except OSError as e:
        yield Rejected(str(p), f"cannot read ({e.strerror or e})")
        return
    if not data.strip():
        yield Rejected(str(p), "empty file")
        return
    yield from read_bytes(data, str(p), p.suffix.lower(), published)


def read_paths(paths: Iterable[Union[str, Path]], published: Optional[str] = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    for path in paths:
        try:
            yield from read_path(path, published, max_bytes)
        except Exception as e:  # an unreadable folder, or a reader's bug: this path only
            yield failure(str(path), e, "reading")
