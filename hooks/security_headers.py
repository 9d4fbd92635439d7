"""A Content-Security-Policy and a no-referrer policy on every page, as <meta> tags static hosts honour.

The policy is the second lock behind hooks/content_safety.py: only our own files may run or be loaded.
Material writes three small inline scripts (its storage helpers, the palette, the tab target); their
exact text differs between pages (the relative base path is inside), so each page's policy lists the
SHA-256 of those three as they appear on that page, recognised by how they begin and only outside the
page's own content, and nothing else: an inline script that came in with content is never hashed, so
the browser refuses it. No 'unsafe-inline' and no 'unsafe-eval' for script.
'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search; it does not allow eval().
Styles keep 'unsafe-inline': Markdown writes table alignment as style attributes, and a style cannot
run code; where it could load something (url()), img-src and font-src still allow only this site.

No referrer: a reader who follows a source link to CanLII or a court's site must not tell that site
which of our pages (a blackmail page, say) they were reading. 'strict-origin' would still say they came
from this site, which is itself sensitive, and we have no use for referrer data.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.plugins import event_priority

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
NON_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?!text/javascript|module)[\w/+.-]+""", re.I)
# How the theme's own inline scripts begin (Material 9.8); a test fails if an upgrade changes them.
THEME_SCRIPT_STARTS = (
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(",
)
HEAD_OPEN = re.compile(r"<head[^>]*>(?:\s*<meta charset=[^>]*>)?", re.I)  # the charset stays first

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
REFERRER = '<meta name="referrer" content="no-referrer">'


def inline_script_hashes(html: str, content: str = "") -> list[str]:
    """CSP source expressions for the theme's inline scripts in a page, never for one inside `content`."""
    if content:
        html = html.replace(content, "")
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"] or ""
        if "src=" in attrs.lower() or NON_SCRIPT_TYPE.search(attrs):
            continue
        if not match["body"].startswith(THEME_SCRIPT_STARTS):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode("ascii")
        expression = f"'sha256-{digest}'"
        if expression not in hashes:
            hashes.append(expression)
    return hashes


def policy_for(html: str, content: str = "") -> str:
    hashes = inline_script_hashes(html, content)
    return "; ".join(POLICY).format(hashes="".join(f" {h}" for h in hashes))


def with_policy(html: str, content: str = "") -> str:
    """The page with its CSP and referrer policy at the top of <head>, before any script."""
    head = HEAD_OPEN.search(html)
    if not head:
        return html
    tags = f'\n<meta http-equiv="Content-Security-Policy" content="{policy_for(html, content)}">\n{REFERRER}'
    return html[: head.end()] + tags + html[head.end() :]


@event_priority(-1000)  # last: after every other hook has written into the page
def on_post_page(output, page, config):
    return with_policy(output, page.content or "")


@event_priority(100)  # before hooks/i18n_head.py writes the other languages' 404 pages
def on_post_template(output, template_name, config):
    return with_policy(output) if template_name == "404.html" and output else output
