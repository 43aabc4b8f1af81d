"""The API's own documentation page, rendered on the server from the OpenAPI schema.

FastAPI's Swagger UI loads its script from a CDN and starts it with an inline script: the
server's Content-Security-Policy (``script-src 'self'``) blocks both, and the page must work
without network. This page is plain HTML (no script), every schema text escaped.
"""
from __future__ import annotations

from html import escape
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def _parameters(op: dict[str, Any]) -> str:
    items = []
    for p in op.get("parameters") or []:
        schema = p.get("schema") or {}
        kind = schema.get("type") or " | ".join(s.get("type", "?") for s in schema.get("anyOf", []))
        desc = p.get("description") or schema.get("description") or ""
        items.append(f"<li><code>{escape(str(p.get('name')))}</code> ({escape(str(p.get('in')))}, {escape(kind)})"
                     f"{' required' if p.get('required') else ''}{': ' + escape(desc) if desc else ''}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    summary = op.get("summary") or op.get("operationId") or ""
    body = " (JSON body)" if op.get("requestBody") else ""
    return (f"<section><h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
            f"<p>{escape(summary)}{body}</p>{_parameters(op)}</section>")


def docs_page(schema: dict[str, Any]) -> str:
    """An HTML page listing every endpoint of an OpenAPI schema with its parameters."""
    info = schema.get("info") or {}
    sections = [_operation(path, method, ops[method]) for path, ops in sorted((schema.get("paths") or {}).items())
                for method in METHODS if method in ops]
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(str(info.get('title', 'API')))} API</title>"
            "</head><body>"
            f"<h1>{escape(str(info.get('title', 'API')))} {escape(str(info.get('version', '')))} API</h1>"
            f"<p>{escape(str(info.get('description', '')))}</p>"
            "<p>Machine-readable schema: <a href=\"/openapi.json\">/openapi.json</a>. Every error is "
            "<code>{\"error\": {\"status\", \"message\"}}</code>.</p>"
            f"{''.join(sections)}</body></html>")
