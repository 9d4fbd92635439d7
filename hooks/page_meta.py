"""Front matter every content page must carry, checked at build time and handed to the theme.

Each page declares `title`, `description`, `reviewed` (ISO date) and `sources` (a list of {title, url}).
The theme shows the review date, a not-legal-advice notice and the sources on every content page.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urlparse

from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.page_meta")

DESCRIPTION_MAX = 160
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    reviewed: dt.date
    sources: tuple[Source, ...]


def _parse_date(value) -> dt.date | None:
    """A YAML date, or a string in ISO form; anything else is None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _check_sources(value, where: str) -> tuple[tuple[Source, ...], list[str]]:
    """Each source needs a title and an http(s) url; urls may not repeat."""
    if not isinstance(value, list) or not value:
        return (), [
            f"{where}: 'sources' must be a non-empty list of {{title, url}} entries, one per authority the page cites"
        ]
    sources, errors, seen = [], [], set()
    for index, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            errors.append(f"{where}: sources[{index}] must be a mapping with 'title' and 'url'")
            continue
        title, url = entry.get("title"), entry.get("url")
        if not isinstance(title, str) or not title.strip():
            errors.append(f"{where}: sources[{index}] needs a 'title'")
        parsed = urlparse(url) if isinstance(url, str) else None
        if not parsed or parsed.scheme not in ("http", "https") or not parsed.netloc:
            errors.append(f"{where}: sources[{index}] needs a 'url' starting with https://, got {url!r}")
        elif url in seen:
            errors.append(f"{where}: sources[{index}] repeats {url}; list each source once")
        unknown = set(entry) - {"title", "url"}
        if unknown:
            errors.append(f"{where}: sources[{index}] has unknown keys {sorted(unknown)}; use only 'title' and 'url'")
        if isinstance(title, str) and isinstance(url, str):
            seen.add(url)
            sources.append(Source(title.strip(), url))
    return tuple(sources), errors


def validate_meta(meta: dict, where: str, today: dt.date | None = None) -> tuple[PageMeta | None, list[str]]:
    """Check a page's front matter; return the parsed metadata (None when invalid) and every problem found."""
    today = today or dt.date.today()
    errors = [
        f"{where}: front matter is missing '{field}'; see CONTRIBUTING.md, 'Front matter'"
        for field in ("title", "description", "reviewed", "sources")
        if field not in meta
    ]
    for field in ("title", "description"):
        if field in meta and (not isinstance(meta[field], str) or not meta[field].strip()):
            errors.append(f"{where}: '{field}' must be non-empty text")
    description = meta.get("description")
    if isinstance(description, str) and len(description.strip()) > DESCRIPTION_MAX:
        errors.append(
            f"{where}: 'description' is {len(description.strip())} characters; keep it to {DESCRIPTION_MAX} "
            "so search engines show it whole"
        )
    reviewed = None
    if "reviewed" in meta:
        reviewed = _parse_date(meta["reviewed"])
        if reviewed is None:
            errors.append(f"{where}: 'reviewed' must be an ISO date like 2026-11-25, got {meta['reviewed']!r}")
        elif reviewed > today:
            errors.append(f"{where}: 'reviewed' is {reviewed.isoformat()}, which is in the future")
    sources: tuple[Source, ...] = ()
    if "sources" in meta:
        sources, source_errors = _check_sources(meta["sources"], where)
        errors.extend(source_errors)
    if errors:
        return None, errors
    return PageMeta(meta["title"].strip(), description.strip(), reviewed, sources), []


def format_date(date: dt.date, language: str) -> str:
    """A review date as a reader of that language writes it."""
    if language == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    page_meta, errors = validate_meta(page.meta, where)
    for error in errors:
        log.warning(error)
    page.lc_meta = page_meta
    return markdown


def on_page_context(context, page, config, nav):
    language = config.theme["language"]
    context["ui"] = strings_for(language)
    page_meta = getattr(page, "lc_meta", None)
    if page_meta:
        context["lc_reviewed"] = page_meta.reviewed.isoformat()
        context["lc_reviewed_text"] = format_date(page_meta.reviewed, language)
        context["lc_sources"] = page_meta.sources
    return context
