"""Front matter every content page must carry, checked at build time and handed to the theme.

Each page declares `title`, `description`, `reviewed` (ISO date) and `sources` (a list of {title, url}).
The theme shows the review date, a not-legal-advice notice and the sources on every content page.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import front_matter
from languages import build_language, format_date
from problems import Problem, report
from translations import shown_source_of
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.page_meta")

DESCRIPTION_MAX = 160


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


HOME_PAGES = Path(__file__).parent / "data" / "source-home-pages.txt"


@cache
def home_pages(path: Path = HOME_PAGES) -> frozenset[str]:
    """Sources allowed to be a site's home page (each listed with its reason)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[0].rstrip("/") for line in lines if line.strip() and not line.startswith("#"))


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
        if not parsed or parsed.scheme != "https" or not parsed.netloc:
            errors.append(f"{where}: sources[{index}] needs a 'url' starting with https://, got {url!r}")
        elif parsed.path in ("", "/") and not parsed.query and url.rstrip("/") not in home_pages():
            errors.append(
                f"{where}: sources[{index}] is a home page ({url}); link to the page that says what the site "
                f"cites it for, or add it with a reason to hooks/data/{HOME_PAGES.name}"
            )
        elif url in seen:
            errors.append(f"{where}: sources[{index}] repeats {url}; list each source once")
        unknown = set(entry) - {"title", "url"}
        if unknown:
            errors.append(f"{where}: sources[{index}] has unknown keys {sorted(unknown)}; use only 'title' and 'url'")
        if isinstance(title, str) and isinstance(url, str):
            seen.add(url)
            sources.append(Source(title.strip(), url))
    return tuple(sources), errors


def validate_meta(
    meta: dict, where: str, today: dt.date | None = None, key_lines: dict[str, int] | None = None
) -> tuple[PageMeta | None, list[Problem]]:
    """Check a page's front matter; return the parsed metadata (None when invalid) and every problem found.

    With `key_lines` (from hooks/front_matter.py) each problem names the line of its field."""
    today = today or dt.date.today()
    lines = key_lines if key_lines is not None else {}
    default_line = 1 if key_lines is not None else 0
    problems: list[Problem] = []

    def add(field: str, message: str) -> None:
        problems.append(Problem(where, lines.get(field, default_line), message))

    for field in ("title", "description", "reviewed", "sources"):
        if field not in meta:
            add(field, f"front matter is missing '{field}'; see CONTRIBUTING.md, 'Front matter'")
    for field in ("title", "description"):
        if field in meta and (not isinstance(meta[field], str) or not meta[field].strip()):
            add(field, f"'{field}' must be non-empty text")
    description = meta.get("description")
    if isinstance(description, str) and len(description.strip()) > DESCRIPTION_MAX:
        add(
            "description",
            f"'description' is {len(description.strip())} characters; keep it to {DESCRIPTION_MAX} "
            "so search engines show it whole",
        )
    reviewed = None
    if "reviewed" in meta:
        reviewed = _parse_date(meta["reviewed"])
        if reviewed is None:
            add("reviewed", f"'reviewed' must be an ISO date like 2026-11-25, got {meta['reviewed']!r}")
        elif reviewed > today:
            add("reviewed", f"'reviewed' is {reviewed.isoformat()}, which is in the future")
    sources: tuple[Source, ...] = ()
    if "sources" in meta:
        sources, source_errors = _check_sources(meta["sources"], where)
        for error in source_errors:
            add("sources", error.removeprefix(f"{where}: "))
    if problems:
        return None, problems
    return PageMeta(meta["title"].strip(), description.strip(), reviewed, sources), []


def on_page_markdown(markdown, page, config, files):
    path, where = shown_source_of(page, config)
    parsed = front_matter.parse(path.read_text(encoding="utf-8"), where)
    if parsed.problems:  # unreadable front matter: say so once, not once per field it hides
        page_meta, problems = None, list(parsed.problems)
    else:
        page_meta, problems = validate_meta(page.meta, where, key_lines=parsed.key_lines)
    report(problems, build_language(config), log)
    page.lc_meta = page_meta
    return markdown


NOTICE_TEMPLATE = "partials/lc-page-notice.html"
_env: dict = {}  # the Jinja environment MkDocs renders this language build's pages with (see on_env)
H1_END = re.compile(r"</h1>", re.I)


def is_home(src_uri: str) -> bool:
    """The home page of an edition: en/index.md, zh/index.md, zh-Hant/index.md."""
    parts = Path(src_uri).parts
    return len(parts) == 2 and parts[1] == "index.md"


def with_title_and_notice(content: str, title: str, notice: str) -> str:
    """The page's title first, then the notice; Material adds no second <h1> when the content has one."""
    if H1_END.search(content):
        return H1_END.sub(lambda match: match.group(0) + notice, content, count=1)
    return f"<h1>{html.escape(title)}</h1>{notice}{content}"


def on_env(env, config, files):
    # Render the notice with the build's own environment, which compiles the template once per language
    # build; theme.get_env() would make a new environment, and compile it again, for every page.
    _env.update(config=config, env=env)
    return env


def notice_template(config):
    env = _env["env"] if _env.get("config") is config else config.theme.get_env()
    return env.get_template(NOTICE_TEMPLATE)


@cache  # strings_for makes a new table on each call; templates only read it
def _ui(language: str) -> dict[str, str]:
    return strings_for(language)


def on_page_context(context, page, config, nav):
    language = config.theme["language"]
    context["ui"] = _ui(language)
    page_meta = getattr(page, "lc_meta", None)
    if page_meta:
        context["lc_reviewed"] = page_meta.reviewed.isoformat()
        context["lc_reviewed_text"] = format_date(page_meta.reviewed, language)
        context["lc_sources"] = page_meta.sources
        notice = notice_template(config).render(**context)
        page.content = with_title_and_notice(page.content or "", page.title or page_meta.title, notice)
        if is_home(page.file.src_uri):  # the home page's own phone layout (site.css)
            page.content = f'<div class="lc-home">{page.content}</div>'

    return context
