"""Read articles from files, directories, JSON Lines and stdin.

Every input either becomes an :class:`Article` or a :class:`Rejected` record with a one-line
reason naming the file (and line). Readers never raise on bad input, so a batch keeps going.

Accepted inputs: ``.txt`` (UTF-8 text), ``.html``/``.htm`` (main text extracted with
trafilatura, publication date from the page metadata), ``.jsonl`` (one article per line with
``id``, ``text`` or ``html``, ``title``, ``url``, ``published``, ``source``), ``.json`` (one
such object or a list), RSS/Atom feed files (``.rss``, ``.atom``, ``.xml``: one article per
item) and directories of these. ``-`` reads one article from stdin (JSON Lines when it starts with ``{``).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .model import Article

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MIN_HTML_WORDS = 8  # fewer words than a one-line news brief is menus and footers, not an article
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Rejected:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Union[Article, Rejected]


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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


def normalise_date(value: object) -> Optional[str]:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not DATE_RE.match(text):
        raise ValueError(f"published date {text!r} is not YYYY-MM-DD")
    return text[:10]


def html_to_article(html: str, origin: str, **meta: Optional[str]) -> Article:
    import trafilatura  # heavy import, only for HTML input

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    words = len(text.split()) if text else 0
    if words < MIN_HTML_WORDS:
        raise ValueError(f"no main text found in HTML ({words} words of boilerplate at most)")
    info = trafilatura.extract_metadata(html)
    published = meta.get("published") or (info.date if info and info.date else None)
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
    if not text.strip():
        raise ValueError("empty text")
    return Article(id=meta.get("id") or article_id(text), text=text, title=meta.get("title") or headline(text),
                   url=meta.get("url"), source=meta.get("source"),
                   published=normalise_date(meta.get("published")), origin=origin)


def _record_to_article(rec: object, origin: str) -> Article:
    if not isinstance(rec, dict):
        raise ValueError("JSON line is not an object")
    meta = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None)
            for k in ("id", "title", "url", "published", "source")}
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        return text_to_article(rec["text"], origin, **meta)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        return html_to_article(rec["html"], origin, **meta)
    raise ValueError("no 'text' or 'html' field with content")


def read_jsonl(text: str, origin: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            yield _record_to_article(json.loads(line), where)
        except json.JSONDecodeError as e:
            yield Rejected(where, f"malformed JSON ({e.msg} at column {e.colno})")
        except ValueError as e:
            yield Rejected(where, str(e))


def _json_document(text: str) -> Optional[object]:
    """A whole-file JSON value (an article object or a list of them), or None for JSON Lines."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _read_document(document: object, origin: str, published: Optional[str]) -> Iterator[Item]:
    items = document if isinstance(document, list) else [document]
    for k, rec in enumerate(items, 1):
        where = f"{origin}[{k}]" if isinstance(document, list) else origin
        try:
            article = _record_to_article(rec, where)
        except ValueError as e:
            yield Rejected(where, f"not an article: {e}")
            continue
        if published and not article.published:
            article.published = published
        yield article


def read_feed(text: str, origin: str, published: Optional[str] = None) -> Iterator[Item]:
    """Items of an RSS 2.0 or Atom feed file, each an article (title, link, date, text from the
    item's content or description). Entities are not expanded and nothing is fetched."""
    from lxml import etree, html as lhtml

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as e:
        yield Rejected(origin, f"malformed feed XML ({e.msg})")
        return
    local = lambda el: etree.QName(el).localname if isinstance(el.tag, str) else ""  # noqa: E731
    items = [el for el in root.iter() if local(el) in ("item", "entry")]
    if local(root) not in ("rss", "feed", "RDF"):
        yield Rejected(origin, f"XML root <{local(root)}> is not an RSS or Atom feed")
        return
    for k, item in enumerate(items, 1):
        fields: dict[str, str] = {}
        for child in item:
            name = local(child)
            value = child.get("href") if name == "link" and child.get("href") else (child.text or "")
            fields.setdefault(name, value.strip())
        body = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary") or ""
        text = lhtml.fromstring(body).text_content().strip() if body.strip() else ""
        where = f"{origin}#item{k}"
        if not text:
            yield Rejected(where, "feed item has no text (content, description or summary)")
            continue
        date = _feed_date(fields.get("pubDate") or fields.get("published") or fields.get("updated") or fields.get("date"))
        title = fields.get("title")
        yield Article(id=fields.get("guid") or fields.get("id") or fields.get("link") or article_id(text),
                      text=f"{title}\n{text}" if title else text, title=title, url=fields.get("link"),
                      source=None, published=date or published, origin=where)


def _feed_date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    if DATE_RE.match(value):
        return value[:10]
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()  # RSS: RFC 822 dates
    except (TypeError, ValueError):
        return None


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
        document = _json_document(text) if suffix == ".json" or text.lstrip().startswith("[") else None
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
        yield from read_path(path, published, max_bytes)
