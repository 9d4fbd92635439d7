"""Translation state of every Chinese page: untranslated, current, or behind its English original.

Each Chinese page records in its front matter the English text it was translated from, as a short hash:

    translated_from: 3f9a1c0b7d2e    # written by `python scripts/translation_sync.py <page>`

The hash covers the English page's title, description and body (not `reviewed` or `sources`), with line
endings, trailing spaces and runs of blank lines normalised, so re-wrapping whitespace does not count as
a change. When the English page changes, the hashes differ and the Chinese page shows a bilingual notice
with the date the English page was updated: the date of the last commit that touched it, when git knows
it (a full clone, file committed), otherwise the English page's `reviewed` date.

A Chinese page that is missing (static-i18n then copies the English page into the Chinese build) or
marked `translation: pending` is shown in English: its content carries lang="en", a bilingual "not yet
translated" notice, and hooks/i18n_head.py drops its Chinese hreflang. The translation-status page lists
every page's state where it says <!-- translation-status -->.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import front_matter
import zh_hant
from languages import GENERATED_EDITIONS, LANGUAGES, build_language, format_date, other_language_path
from mkdocs.plugins import event_priority
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.translations")

SOURCE, TARGET = LANGUAGES  # translated from, translated into
# The Chinese editions: the translation and the edition generated from it (hooks/zh_hant_edition.py),
# which shares its state: a Simplified page that is behind English makes its Traditional copy say so.
TRANSLATED = (TARGET, *GENERATED_EDITIONS)
HASH_LENGTH = 12
HASH_FIELD = "translated_from"
PENDING_FIELD, PENDING_VALUE = "translation", "pending"
STATUS_MARKER = re.compile(r"^<!--\s*translation-status\s*-->\s*$", re.M)
CURRENT, OUTDATED, PENDING = "current", "outdated", "pending"


@dataclass(frozen=True)
class PageStatus:
    page: str  # the path below docs/<lang>/, e.g. "defamation.md"
    state: str  # CURRENT, OUTDATED or PENDING
    source_hash: str  # the English page's hash now
    translated_from: str | None  # what the Chinese page records
    source_title: str
    target_title: str | None  # None when there is no Chinese page
    source_updated: dt.date | None


def split_front_matter(text: str) -> tuple[dict, str]:
    """A page's YAML front matter (empty when it has none or cannot be read) and its body."""
    parsed = front_matter.parse(text)
    return parsed.meta, parsed.body


def normalise_body(body: str) -> str:
    """The body as the hash sees it: LF line ends, no trailing spaces, single blank lines, no edge blanks."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


@lru_cache(maxsize=4096)  # a pure function of the text; several checks ask it of the same page in one build
def source_hash(text: str) -> str:
    """The short hash of an English page that a translation records as `translated_from`."""
    meta, body = split_front_matter(text)
    parts = [str(meta.get("title", "")).strip(), str(meta.get("description", "")).strip(), normalise_body(body)]
    return hashlib.sha256("\n\n".join(parts).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def is_pending(meta: dict) -> bool:
    return str(meta.get(PENDING_FIELD, "")).strip().lower() == PENDING_VALUE


@lru_cache(maxsize=4096)
def _is_pending_text(text: str) -> bool:
    return is_pending(split_front_matter(text)[0])


def shown_source(path: Path) -> Path:
    """The file whose content readers see for this page: a `translation: pending` draft shows the
    English page until it is translated, so checks that read pages from disk read that instead."""
    if path.exists() and _is_pending_text(path.read_text(encoding="utf-8")):
        return other_language_path(path)
    return path


def shown_source_of(page, config) -> tuple[Path, str]:
    """The file readers see for a page (see shown_source) and its name as problems give it: docs/zh/x.md."""
    path = shown_source(Path(page.file.abs_src_path))
    docs = Path(config["docs_dir"])
    return path, f"{docs.name}/{path.relative_to(docs).as_posix()}" if path.is_relative_to(docs) else str(path)


def translation_is_current(english_path: Path) -> bool:
    """True when the Chinese twin of an English page records that page's current text (not behind, not pending).

    Checklists, flowchart answers and heading ids are compared between languages only then: a translation
    that is behind may lack what English added, and the translation report lists it instead."""
    twin = other_language_path(english_path)
    if not twin.exists() or shown_source(twin) != twin:
        return False
    meta, _ = split_front_matter(twin.read_text(encoding="utf-8"))
    return str(meta.get(HASH_FIELD, "")).strip() == source_hash(english_path.read_text(encoding="utf-8"))


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _git(folder: str, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def git_date(path: Path, full_clones: dict[str, bool] | None = None) -> dt.date | None:
    """The date of the last commit that touched path, if git can tell it truthfully, else None.

    None when git or the repository is missing, the clone is shallow (every file would get the date of
    the one commit it has) or the file has uncommitted changes (its commit date would be too early).
    `full_clones` remembers the answer to "is this a full clone?" per folder across calls."""
    folder = str(path.parent)
    full_clone = full_clones.get(folder) if full_clones is not None else None
    if full_clone is None:
        full_clone = _git(folder, "rev-parse", "--is-shallow-repository") == "false"
        if full_clones is not None:
            full_clones[folder] = full_clone
    if not full_clone:
        return None
    if _git(folder, "status", "--porcelain", "--", path.name) != "":
        return None  # modified, untracked, or git failed
    return _date(_git(folder, "log", "-1", "--format=%cs", "--", path.name) or "")


def page_status(page: str, source_text: str, target_text: str | None, updated: dt.date | None = None) -> PageStatus:
    """One page's translation state from the text of its English and (if any) Chinese files."""
    source_meta, _ = split_front_matter(source_text)
    current_hash = source_hash(source_text)
    source_title = str(source_meta.get("title") or page)
    updated = updated or _date(source_meta.get("reviewed", ""))
    if target_text is None:
        return PageStatus(page, PENDING, current_hash, None, source_title, None, updated)
    target_meta, _ = split_front_matter(target_text)
    recorded = target_meta.get(HASH_FIELD)
    recorded = str(recorded).strip() if recorded is not None else None
    target_title = str(target_meta.get("title") or source_title)
    if is_pending(target_meta):
        state = PENDING
    elif recorded == current_hash:
        state = CURRENT
    else:
        state = OUTDATED
    return PageStatus(page, state, current_hash, recorded, source_title, target_title, updated)


def collect_statuses(docs_dir: Path, dates=None) -> dict[str, PageStatus]:
    """Every English page's status, keyed by its path below docs/en/; `dates` gives an outdated page's
    English update date (default: git_date, asking git whether the clone is shallow once per folder)."""
    if dates is None:
        full_clones: dict[str, bool] = {}

        def dates(path: Path) -> dt.date | None:
            return git_date(path, full_clones)

    statuses = {}
    source_root, target_root = docs_dir / SOURCE, docs_dir / TARGET
    for source in sorted(source_root.rglob("*.md")):
        page = source.relative_to(source_root).as_posix()
        target = target_root / page
        source_text = source.read_text(encoding="utf-8")
        target_text = target.read_text(encoding="utf-8") if target.exists() else None
        status = page_status(page, source_text, target_text)
        if status.state == OUTDATED:
            status = page_status(page, source_text, target_text, dates(source))
        statuses[page] = status
    return statuses


def _cell(text: str) -> str:
    """Page text as a Markdown table cell: escaped, so a title is never read as HTML."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def updated_text(status: PageStatus, language: str) -> str:
    return format_date(status.source_updated, language) if status.source_updated else "?"


def state_text(status: PageStatus, language: str, ui: dict[str, str]) -> str:
    if status.state == CURRENT:
        return ui["translation_state_current"]
    if status.state == PENDING:
        return ui["translation_state_pending"]
    return ui["translation_state_outdated"].format(date=updated_text(status, language))


def status_table(statuses: list[PageStatus], language: str, ui: dict[str, str]) -> str:
    """The Markdown that replaces <!-- translation-status --> on the status page."""
    counts = {state: sum(1 for s in statuses if s.state == state) for state in (CURRENT, OUTDATED, PENDING)}
    summary = ui["translation_status_summary"].format(
        total=len(statuses), current=counts[CURRENT], outdated=counts[OUTDATED], pending=counts[PENDING]
    )
    rows = [
        summary,
        "",
        f"| {ui['translation_status_page']} | {ui['translation_status_state']} |",
        "|---|---|",
    ]
    for status in statuses:
        title = status.target_title if language in TRANSLATED and status.state != PENDING else status.source_title
        if language in GENERATED_EDITIONS and status.state != PENDING:
            title = zh_hant.convert(title)  # the Simplified title, in the edition's script
        rows.append(f"| [{_cell(title)}]({status.page}) | {_cell(state_text(status, language, ui))} |")
    return "\n".join(rows)


def _bilingual(key: str, chinese: str = TARGET, **values) -> str:
    """A notice paragraph in Chinese (in the edition's script) and then English, each marked with its language."""
    return "".join(
        f'<p lang="{lang}">{html.escape(strings_for(lang)[key].format(**values))}</p>' for lang in (chinese, SOURCE)
    )


def notice_html(status: PageStatus, status_url: str, english_url: str | None = None, chinese: str = TARGET) -> str:
    """The bilingual notice at the top of an untranslated or outdated Chinese page ('' when current)."""
    if status.state == CURRENT:
        return ""
    link_text = strings_for(chinese)["translation_status_link"]
    links = [f'<a href="{html.escape(status_url)}">{html.escape(link_text)}</a>']
    if status.state == PENDING:
        kind, body = "info", _bilingual("translation_pending_notice", chinese)
    else:
        kind = "warning"
        body = "".join(
            f'<p lang="{lang}">{html.escape(strings_for(lang)["translation_outdated_notice"].format(date=date))}</p>'
            for lang, date in ((lang, updated_text(status, lang)) for lang in (chinese, SOURCE))
        )
        if english_url:
            english = strings_for(SOURCE)["translation_read_english"]
            links.insert(0, f'<a href="{html.escape(english_url)}" hreflang="en" lang="en">{html.escape(english)}</a>')
    return (
        f'<div class="admonition {kind} lc-translation lc-translation--{status.state}" role="note">'
        f"{body}<p>{' · '.join(links)}</p></div>\n"
    )


def wrap_untranslated(content: str, title: str, notice: str) -> str:
    """English content shown in the Chinese build: its own H1, the notice, and lang="en" around it all."""
    return f'<div class="lc-untranslated" lang="en">\n<h1>{html.escape(title)}</h1>\n{notice}{content}\n</div>'


# --- MkDocs events: thin wrappers over the functions above -------------------------------------------

_statuses: dict[str, PageStatus] = {}  # recomputed in on_files once per build (see there)
_statuses_of: dict[str, Path] = {}  # the docs folder _statuses were read from
_nav_order: list[str] = []


def page_key(src_uri: str) -> str:
    """'zh/defamation.md' or 'en/defamation.md' -> 'defamation.md'."""
    first, _, rest = src_uri.partition("/")
    return rest if first in (SOURCE, *TRANSLATED) and rest else src_uri


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    # Once per build: the default language is built first (each rebuild of `mkdocs serve` too), and the
    # other languages' builds read the same files, so their statuses are the same.
    docs = Path(config.docs_dir)
    if build_language(config) == SOURCE or _statuses_of.get("docs") != docs:
        _statuses.clear()
        _statuses.update(collect_statuses(docs))
        _statuses_of["docs"] = docs
    return files


def is_untranslated(language: str, src_uri: str) -> bool:
    """True for the Chinese copy of a page that readers see in English (missing or pending)."""
    status = _statuses.get(page_key(src_uri))
    return language in TRANSLATED and status is not None and status.state == PENDING


def on_env(env, config, files):
    env.globals["lc_is_untranslated"] = is_untranslated  # the sitemap leaves such copies out of hreflang
    return env


def on_nav(nav, config, files):
    _nav_order[:] = [page_key(page.file.src_uri) for page in nav.pages]
    return nav


def ordered_statuses() -> list[PageStatus]:
    rank = {page: index for index, page in enumerate(_nav_order)}
    return sorted(_statuses.values(), key=lambda s: (rank.get(s.page, len(rank)), s.page))


@event_priority(100)  # before page_meta checks the front matter: a pending page takes the English one
def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]
    key = page_key(page.file.src_uri)
    status = _statuses.get(key)
    page.lc_translation_pending = bool(status and status.state == PENDING)
    if language in TRANSLATED and getattr(page.file, "locale", language) == language and is_pending(page.meta):
        source = Path(config.docs_dir) / SOURCE / key
        if not source.exists():
            log.warning(f"docs/{page.file.src_uri}: marked 'translation: pending' but docs/{SOURCE}/{key} is missing")
        else:
            page.meta, markdown = split_front_matter(source.read_text(encoding="utf-8"))
    if STATUS_MARKER.search(markdown):
        table = status_table(ordered_statuses(), language, strings_for(language))
        markdown = STATUS_MARKER.sub(lambda _: table, markdown)
    return markdown


_files_by_key: dict[str, tuple] = {}  # page key → (the build's files, that page's file): one search per build


def _file_of(files, key: str):
    known = _files_by_key.get(key)
    if known is None or known[0] is not files:
        found = next((file for file in files.documentation_pages() if page_key(file.src_uri) == key), None)
        known = _files_by_key[key] = (files, found)
    return known[1]


def _url_to(files, key: str, page) -> str | None:
    """A link from this page to the page `key` of the current build, relative, or None."""
    from mkdocs.utils import get_relative_url

    file = _file_of(files, key)
    return get_relative_url(file.url, page.url) if file is not None else None


@event_priority(-50)  # after other hooks (glossary terms) have finished with the page's own content
def on_page_content(html_content, page, config, files):
    language = config.theme["language"]
    status = _statuses.get(page_key(page.file.src_uri))
    if language not in TRANSLATED or status is None or status.state == CURRENT:
        return html_content
    status_url = _url_to(files, "translation-status.md", page) or ""
    if status.state == PENDING:
        notice = notice_html(status, status_url, chinese=language)
        return wrap_untranslated(html_content, page.title or status.source_title, notice)
    # The English page has the same path without the /zh/ (or /zh-Hant/) prefix.
    english_path = page.url[len(language) + 1 :] if page.url.startswith(language + "/") else page.url
    english_url = "../" * page.url.count("/") + english_path or "./"
    return notice_html(status, status_url, english_url, chinese=language) + html_content
