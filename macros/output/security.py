"""A Content-Security-Policy and a referrer policy in the head of every page the build writes.

The policy lets a page load nothing but the site's own files: its scripts and styles, pictures
(and the `data:` images Material's stylesheet draws its icons with), its map frames, its search
worker. Inline scripts run only if their SHA-256 hash is listed, so each page's policy names
the hashes of its own inline scripts (Material's, the theme overrides', folium's map code, the
redirect stubs'). It goes in as a `<meta>` tag, right after the charset and before any script,
so that it holds on any host.

The offline bundle carries a policy too, read from file://, where 'self' is the bundle's folder
(measured in Chromium 156), but one that allows inline scripts: its search runs through
iframe-worker, which writes the worker's bootstrap as an inline script holding the worker's
address, and that address is wherever the reader unzipped the bundle, so no hash can be known
at build time. Nothing from another host is allowed there either.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.S | re.I)
# Data blocks are never run: the policy does not govern them.
DATA_BLOCK = re.compile(r"""\btype=["']?application/(?:ld\+)?json""", re.I)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
MARK = 'http-equiv="Content-Security-Policy"'
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+=", re.I)
REFERRER = "same-origin"  # the sources a reader follows are not told which page sent them
FIXED = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


class UnsafeMarkup(ValueError):
    """A page holds markup the policy would block (an inline style or event-handler attribute)."""


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, offline: bool = False) -> str:
    """The page's policy: its own inline scripts and styles by hash, nothing from another host."""
    if offline:
        return "; ".join(f"{name} {value}" for name, value in (FIXED | {"script-src": "'self' 'unsafe-inline'", "style-src": "'self'"}).items())
    scripts = sorted({digest(m["body"]) for m in SCRIPT.finditer(html) if "src=" not in m["attrs"] and not DATA_BLOCK.search(m["attrs"])})
    styles = sorted({digest(m["body"]) for m in STYLE.finditer(html)})
    directives = dict(FIXED) | {"script-src": " ".join(["'self'", *scripts]), "style-src": " ".join(["'self'", *styles])}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def secured(html: str, where: str, offline: bool = False) -> str:
    """The page with its policy and referrer policy as the first tags after the charset."""
    if MARK in html:
        return html
    for pattern, what in ((STYLE_ATTRIBUTE, "an inline style= attribute"), (HANDLER_ATTRIBUTE, "an inline event handler (on…=)")):
        if pattern.search(strip_scripts(html)):
            raise UnsafeMarkup(f"{where}: holds {what}, which the Content-Security-Policy blocks; move it into a stylesheet or a script file under docs/assets/")
    tags = f'<meta {MARK} content="{policy(html, offline)}"><meta name="referrer" content="{REFERRER}">'
    charset = CHARSET.search(html)
    if charset is None:
        raise UnsafeMarkup(f"{where}: has no <meta charset> to put the policy after")
    return html[: charset.end()] + tags + html[charset.end() :]


def strip_scripts(html: str) -> str:
    """The markup without script bodies (their text may mention 'style=' harmlessly)."""
    return SCRIPT.sub("<script></script>", html)


def secure_folder(folder: Path, offline: bool = False) -> int:
    """Give every HTML file under `folder` its policy (the offline bundle's if `offline`); returns how many."""
    pages = sorted(folder.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        path.write_text(secured(html, str(path.relative_to(folder)), offline), encoding="utf-8")
    return len(pages)
