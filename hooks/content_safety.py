"""Page content may not carry script, trackers or requests to other sites: checked on every page, every build.

Readers include people being blackmailed, and content arrives through pull requests, so the HTML that a
page's Markdown turns into is held to an allowlist (CONTRIBUTING.md, "Raw HTML"): the tags and attributes
that Markdown and our own hooks write, links to https/mailto/tel or within the site, images from the site
itself (or `data:` images, which our QR codes are), and nothing that runs code or loads from elsewhere.
Every front-matter text that reaches a template is plain text. Anything else fails the strict build,
naming the file, the line and what is allowed instead.

This is a strict check, not a cleaner: it never silently rewrites a page. It reads the HTML with the
standard library's HTMLParser (hooks/html_allowlist.py, run in the search helper process while MkDocs
renders on; its problems are collected before the build ends, so the strict build still fails, names
the file and line, and leaves no site); the Content-Security-Policy of hooks/security_headers.py is the
second lock, for anything a parser difference might let through.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import Future

import front_matter
from background import HELPER
from html_allowlist import MERMAID, check_html, check_url  # noqa: F401 - check_url: tests import it from here
from languages import GENERATED_EDITIONS, build_language
from mkdocs.plugins import event_priority
from problems import Problem, report
from translations import shown_source_of

log = logging.getLogger("mkdocs.hooks.content_safety")

HTML_IN_TEXT = re.compile(r"<\s*[a-zA-Z/!?]")
FENCE_OPEN = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})\s*\{?\s*\.?(?P<info>[\w-]*)")


def check_fences(source: str, file: str) -> list[Problem]:
    """A ```mermaid fence renders as plain code (and a theme set up for it would fetch mermaid): report it."""
    problems, fence = [], None
    for number, line in enumerate(source.split("\n"), start=1):
        opened = FENCE_OPEN.match(line)
        if fence is None and opened:
            fence = opened["fence"]
            if opened["info"].lower() == "mermaid":
                problems.append(Problem(file, number, MERMAID))
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)) and not line.strip(fence[0]).strip():
            fence = None
    return problems


def _texts(value, key: str):
    """(key path, text) for every string inside a front-matter value."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(item, f"{key}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _texts(item, f"{key}[{index}]")


def check_front_matter(meta: dict, key_lines: dict[str, int], file: str) -> list[Problem]:
    """Front-matter text reaches templates as it is written, so it must be plain text."""
    problems = []
    for key, value in meta.items():
        for path, text in _texts(value, key):
            if HTML_IN_TEXT.search(text):
                message = f"'{path}' contains HTML ({text.strip()[:40]!r}); front matter must be plain text"
                problems.append(Problem(file, key_lines.get(key, 1), message))
    return problems


PENDING: list[tuple[str, Future]] = []  # (language, the helper's check of one page's HTML), in page order


@event_priority(1000)  # first: the HTML exactly as the page's Markdown made it
def on_page_content(html, page, config, files):
    # A generated edition's page is its source page with Han characters and quotation marks converted
    # (hooks/zh_hant.py; markup, code and addresses kept): what it could report is reported at the source
    # page, and hooks/problems.py drops problems named after a generated file. Reading it again would only
    # cost a third more time.
    if page.file.abs_src_path is None or build_language(config) in GENERATED_EDITIONS:
        return html
    language = build_language(config)
    path, name = shown_source_of(page, config)
    source = path.read_text(encoding="utf-8")
    parsed = front_matter.parse(source, name)  # its syntax problems are hooks/page_meta.py's to report
    report(check_front_matter(parsed.meta, parsed.key_lines, name) + check_fences(source, name), language, log)
    PENDING.append((language, HELPER.submit(check_html, html, source, name)))
    return html


def is_nested_language_build(config) -> bool:
    """Whether this is a language build that static-i18n runs inside the default language's post_build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def collect_pending() -> None:
    """Report what the helper found in every page handed to it so far (waiting for it where needed)."""
    pending, PENDING[:] = list(PENDING), []
    for language, future in pending:
        report(future.result(), language, log, late=True)


# After static-i18n has built the other languages (-100); before hooks/search_index.py closes the helper
# (-110) and hooks/build_report.py counts the problems and removes a failed build's site (-1000).
@event_priority(-105)
def on_post_build(config):
    if not is_nested_language_build(config):  # the outermost build collects every edition's checks at once
        collect_pending()


# A build that fails (a strict language build stops at its end when it has problems) still lists the
# problems of every page rendered so far: before hooks/search_index.py closes the helper (50) and
# hooks/build_report.py prints the count and removes the site (0).
@event_priority(60)
def on_build_error(error):
    try:
        collect_pending()
    except Exception as failure:  # the helper itself failed: the build's own error says why it stopped
        log.debug(f"content safety: the helper's checks were lost: {failure!r}")
