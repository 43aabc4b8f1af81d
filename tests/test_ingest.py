"""Bad input gets one clear line naming the file and cause; the batch keeps going."""
import json
import subprocess
import sys

import pytest

from eventwire.readers.articles import Rejected, read_paths
from eventwire.model import Article


def items(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Russian forces shelled Kharkiv.", encoding="utf-8")
    [a] = items(p, published="2025-01-11")
    assert isinstance(a, Article) and a.published == "2025-01-11" and a.id == "a"


def test_empty_binary_and_wrong_encoding_are_rejected_with_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 bombing in Mos\xfal".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Police detained 4 people in Minsk.", encoding="utf-8")
    got = items(tmp_path)
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in got if isinstance(r, Rejected)}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["latin1.txt"] and "iconv" in reasons["latin1.txt"]
    assert [a.id for a in got if isinstance(a, Article)] == ["good"]


def test_jsonl_bad_lines_are_named_and_the_rest_kept(tmp_path, caplog):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "one", "text": "Hamas released three hostages.", "published": "2025-01-19"}),
        '{"id": "two", "text": ',
        json.dumps({"id": "three"}),
        json.dumps({"id": "four", "text": "x", "published": "yesterday"}),
        json.dumps({"id": "five", "html": "<html><body><article><p>" + "Police arrested ten protesters in Tbilisi on Monday. " * 5 + "</p></article></body></html>"}),
    ]), encoding="utf-8")
    got = items(p)
    assert [a.id for a in got if isinstance(a, Article)] == ["one", "four", "five"]
    rejected = {r.origin: r.reason for r in got if isinstance(r, Rejected)}
    assert "malformed JSON" in rejected[f"{p}:2"]
    assert "no 'text' or 'html'" in rejected[f"{p}:3"]
    # an unreadable date is a warning naming the line, and the article is coded without one (issue 19)
    assert next(a for a in got if getattr(a, "id", None) == "four").published is None
    assert any(f"{p}:4" in r.getMessage() and "'yesterday'" in r.getMessage() for r in caplog.records)


def test_html_without_text(tmp_path):
    p = tmp_path / "junk.html"
    p.write_text("<html><head><script>var x=1;</script></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    [r] = items(p)
    assert isinstance(r, Rejected) and "no main text" in r.reason


def test_html_main_text_and_date(tmp_path):
    p = tmp_path / "story.html"
    body = "<p>Russian forces shelled Kharkiv on Tuesday, killing three civilians, officials said.</p>" * 3
    p.write_text(f'<html><head><title>Strike</title><meta property="article:published_time" content="2025-01-09">'
                 f"</head><body><article>{body}</article></body></html>", encoding="utf-8")
    [a] = items(p)
    assert isinstance(a, Article) and "Kharkiv" in a.text and a.published == "2025-01-09"


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    [r] = items(p, max_bytes=1000)
    assert isinstance(r, Rejected) and "too large" in r.reason


@pytest.mark.slow
def test_cli_batch_continues_and_exit_status_reports_rejects(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russian forces shelled Kharkiv on Tuesday.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "code", str(bad), str(good), "--published", "2025-01-11"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"rejected {bad}: binary" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert json.loads(proc.stdout.splitlines()[0])["type"] == "ASSAULT"


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY big "expanded">]>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Shelling hits Kherson</title><link>https://example.org/a</link><guid>a1</guid>
<pubDate>Tue, 11 Mar 2025 14:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian artillery shelled Kherson on Tuesday &amp;amp; killed two residents.&lt;/p&gt;&big;</description></item>
<item><title>Empty</title><link>https://example.org/b</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Protest in Tbilisi</title><link href="https://example.org/c"/><id>c1</id><updated>2025-02-03T10:00:00Z</updated>
<content type="html">Thousands protested in Tbilisi on Sunday.</content></entry></feed>"""


def test_rss_and_atom_feeds_become_articles(tmp_path):
    from eventwire.readers.articles import read_path

    (tmp_path / "wire.rss").write_text(FEED)
    (tmp_path / "news.atom").write_text(ATOM)
    (tmp_path / "broken.xml").write_text("<rss><channel><item>")
    items = list(read_path(tmp_path))
    arts = {a.id: a for a in items if isinstance(a, Article)}
    assert arts["a1"].published == "2025-03-11" and arts["a1"].url == "https://example.org/a"
    assert "shelled Kherson" in arts["a1"].text and "expanded" not in arts["a1"].text  # entities are not expanded
    assert arts["c1"].published == "2025-02-03" and arts["c1"].text.startswith("Protest in Tbilisi\n")
    rejected = sorted(str(r) for r in items if isinstance(r, Rejected))
    assert any("broken.xml: malformed feed XML" in r for r in rejected)
    assert any("wire.rss#item2: feed item has no text" in r for r in rejected)
