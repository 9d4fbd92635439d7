"""Site search: one small, split Pagefind index per language, with Chinese cut into words by jieba.

Each language build writes its own bundle under its own root (`/pagefind/`, `/zh/pagefind/`), so a
Chinese page only ever searches Chinese pages. Text is folded Traditional → Simplified and segmented
with jieba and our legal-terms dictionary before Pagefind sees it. The browser side is
docs/assets/javascripts/lc-search.js; the design and its measurements are in contrib/search.md.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from background import HELPER
from jieba_store import prepare as prepare_jieba
from languages import GENERATED_EDITIONS
from mkdocs.plugins import event_priority
from problems import report
from search_bundle import abandon_bundles, cut_pages, finish_language_bundles, forget_pages, start_language_bundle
from search_pages import pagefind_language
from search_reader_words import check_entries, page_key, reader_entries, section_ids, words_for
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.search_index")

BUNDLE_DIR = "pagefind"


@dataclass
class BuildState:
    """Pages of the language now being built; static-i18n runs the build once per language."""

    language: str = ""
    prefix: str = ""  # where this language lives below the site root: "" or "zh/"
    waiting: list[tuple] = field(default_factory=list)  # pages not yet handed to the helper: index_entry's arguments
    handed: list[Future] = field(default_factory=list)  # the helper's work for every language, in order
    # The English edition's pages as the reader-words file is checked against them: page key → section ids.
    sections: dict[str, set[str]] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)  # pages that search leaves out

    def hand_over(self) -> None:
        if self.waiting:
            self.handed.append(HELPER.submit(cut_pages, self.language, self.waiting))
            self.waiting = []


STATE = BuildState()
BATCH = 4  # pages handed to the helper at a time


def search_boost(meta: dict) -> float:
    """Material's front matter `search: {boost: …}`; 1 when it is not set or not a number."""
    search = meta.get("search")
    boost = search.get("boost", 1.0) if isinstance(search, dict) else 1.0
    return float(boost) if isinstance(boost, int | float) and boost > 0 else 1.0


def is_excluded(meta: dict) -> bool:
    """Material's own opt-out: front matter `search: {exclude: true}`."""
    search = meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def material_search(plugins):
    """Material's search plugin, under either of its names, or None."""
    return plugins.get("material/search") or plugins.get("search")


def skip_material_index(plugins) -> None:
    """Keep Material's search box (its header template asks for the plugin) but not the whole-site index
    the plugin builds: lc-search.js never downloads it, and building it cuts every Chinese page with
    jieba a second time."""
    plugin = material_search(plugins)
    if plugin is None:
        return
    for event in ("page_context", "post_build"):
        handlers = plugins.events[event]
        handlers[:] = [handler for handler in handlers if getattr(handler, "__self__", None) is not plugin]


@event_priority(-200)  # after static-i18n has switched the theme to the language being built
def on_config(config):
    skip_material_index(config.plugins)
    i18n = config.plugins.get("i18n")
    STATE.language = config.theme["language"]
    STATE.prefix = "" if i18n is None or i18n.is_default_language_build else f"{i18n.current_language}/"
    STATE.waiting = []
    STATE.sections, STATE.excluded = {}, set()
    # First the helper loads jieba's dictionary (once per process; on the second core, so the main process
    # never loads it, see hooks/jieba_store.py), then it forgets what a failed build left.
    STATE.handed.append(HELPER.submit(prepare_jieba))
    STATE.handed.append(HELPER.submit(forget_pages, STATE.language))
    report(reader_entries()[1], STATE.language)  # a badly written reader-words file: once per build


def language_relative(url: str, prefix: str) -> str:
    """A page URL relative to its language's root, which is where that language's bundle sits."""
    relative = url[len(prefix) :] if prefix and url.startswith(prefix) else url
    return relative or "./"


def on_page_content(html, page, config, files):
    language = config.theme["language"]
    # Untranslated pages copied in from the default language are not this language's results.
    if getattr(page.file, "locale", language) != language:
        return html
    url = language_relative(page.url, STATE.prefix)
    key, anchors = page_key(url), section_ids(html)
    if is_excluded(page.meta):
        STATE.excluded.add(key)
        return html
    STATE.sections[key] = anchors
    reader = words_for(reader_entries()[0], key, STATE.language, anchors)
    STATE.waiting.append((html, url, page.title or "", search_boost(page.meta), STATE.language, reader))
    if len(STATE.waiting) >= BATCH:
        STATE.hand_over()
    return html


def start_index(config) -> None:
    """Every page of this language has been read (MkDocs reads them all before it renders any): hand the
    rest to the helper and have it start the bundle, which it makes while MkDocs renders the pages."""
    STATE.hand_over()
    bundle = Path(config.site_dir) / STATE.prefix / BUNDLE_DIR
    STATE.handed.append(HELPER.submit(start_language_bundle, STATE.language, str(bundle)))


def is_nested_language_build(config) -> bool:
    """Whether this is a language build that static-i18n runs inside the default language's post_build."""
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


@event_priority(-110)  # after static-i18n has built the other languages
def on_post_build(config):
    if is_nested_language_build(config):
        return  # the helper goes on with this language; the outermost build waits once for all of them
    # The first wait of the build: until now the helper cut pages and started Pagefind on its own.
    handed, STATE.handed = STATE.handed, []
    started = time.perf_counter()
    try:
        for future in handed:
            future.result()
        done = HELPER.submit(finish_language_bundles).result()
    except FileNotFoundError as error:
        log.error(f"search index not written: {error}. Fix: pip install -r requirements.txt")
        raise
    finally:
        HELPER.close()  # a later build (mkdocs serve) starts a new helper if it can
    log.debug(f"search: waited {time.perf_counter() - started:.2f} s for the helper at the end of the build")
    for language, pages, bundle in done:
        log.debug(f"search: {pages} pages indexed for '{language}' in {bundle}")


@event_priority(50)  # before hooks/build_report.py removes the failed build's output
def on_build_error(error):
    handed, STATE.handed = STATE.handed, []
    STATE.waiting = []
    if not handed:
        return  # nothing under way (or a nested language build's error, already handled)
    for future in handed:
        future.cancel()  # work not yet started
    try:
        HELPER.submit(abandon_bundles).result()
    finally:
        HELPER.close()


def check_reader_words() -> None:
    """The reader-words file against the English edition, the one every page is written in first: an entry for a
    page or a section that does not exist is a build problem at its line. (A translation that is behind and
    lacks a section gives that section's words to its page: see words_for.)"""
    if STATE.prefix == "" and STATE.sections:
        report(check_entries(reader_entries()[0], STATE.sections, STATE.excluded), STATE.language)


def on_env(env, config, files):
    check_reader_words()
    start_index(config)
    # Every template, the 404 page included, gets what lc-search.html needs for this language.
    plugin = material_search(config.plugins)
    enabled = plugin is not None and getattr(plugin, "config", {}).get("enabled", True)
    language = config.theme["language"]
    ui = strings_for(language)
    env.globals["lc_search"] = (
        {
            "bundle": f"{STATE.prefix}{BUNDLE_DIR}/",
            "language": pagefind_language(language),
            "label": ui["search_dialog"],
            "unfold": language in GENERATED_EDITIONS,
            "error": ui["search_error"],
            "more": ui["search_more"],
            "pages": sum(1 for file in files.documentation_pages() if getattr(file, "locale", language) == language),
        }
        if enabled
        else None
    )
    return env
