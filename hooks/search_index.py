"""Site search: one small, split Pagefind index per language, with Chinese cut into words by jieba.

Each language build writes its own bundle under its own root (`/pagefind/`, `/zh/pagefind/`), so a
Chinese page only ever searches Chinese pages. Text is folded Traditional → Simplified and segmented
with jieba and our legal-terms dictionary before Pagefind sees it. The browser side is
docs/assets/javascripts/lc-search.js; the design and its measurements are in contrib/search.md.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from background import Helper
from languages import GENERATED_EDITIONS
from mkdocs.plugins import CombinedEvent, event_priority
from search_fold import compact_table, fold, fold_asset, traditional_to_simplified, unfold_table
from search_pages import SearchRecord, index_entries, index_file, index_html, pagefind_language
from search_words import STOP_ASSET, WORDS_ASSET, document_frequencies, stop_asset, stop_words, words_asset
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.search_index")

BUNDLE_DIR = "pagefind"
FOLD_ASSET = "lc-fold.json"
UNFOLD_ASSET = "lc-unfold.json"  # generated Traditional editions only: how to show folded excerpts again
# Pagefind's ready-made interfaces, its highlighter and its worker: lc-search.js uses none of them.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)


@dataclass
class BuildState:
    """Pages of the language now being built; static-i18n runs the build once per language."""

    language: str = ""
    prefix: str = ""  # where this language lives below the site root: "" or "zh/"
    waiting: list[tuple] = field(default_factory=list)  # pages not yet handed to the helper: index_entry's arguments
    batches: list[Future] = field(default_factory=list)  # index_entries of each batch handed over, being made

    def hand_over(self) -> None:
        if self.waiting:
            self.batches.append(HELPER.submit(index_entries, self.waiting))
            self.waiting = []

    def entries(self) -> list[tuple[SearchRecord, str]]:
        """Every page's (record, index HTML), in page order, once the helper has made them all."""
        self.hand_over()
        return [entry for batch in self.batches for entry in batch.result()]


STATE = BuildState()
HELPER = Helper()  # reads pages and cuts them into words in a second process while MkDocs renders the next
BATCH = 20  # pages handed to the helper at a time


@dataclass
class IndexRun:
    """A Pagefind run under way for one language: the binary indexes while MkDocs goes on building."""

    language: str
    bundle: Path
    records: list[SearchRecord]
    process: subprocess.Popen
    scratch: tempfile.TemporaryDirectory
    words: str = ""  # lc-words.json: the index's Chinese words and their page counts
    stop: str = ""  # lc-stop.json: the words a query can do without


def start_bundle(
    records: list[SearchRecord], language: str, bundle: Path, index_pages: list[str] | None = None
) -> IndexRun:
    """Write each page as index HTML (made here unless given) to a scratch folder and start Pagefind over it.

    One command-line run rather than Pagefind's Python API, which answers one request per 0.1 s poll
    (1.5 s for our 15 pages); the indexer is the same.
    """
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise FileNotFoundError("the Pagefind binary (package pagefind-bin)") from None
    executable = get_executable()
    scratch = tempfile.TemporaryDirectory(prefix="lc-search-")
    if index_pages is None:
        index_pages = [index_html(record, language) for record in records]
    for record, content in zip(records, index_pages, strict=True):
        page = Path(scratch.name, index_file(record.url))
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(content, encoding="utf-8")
    command = [str(executable), "--site", scratch.name, "--output-path", str(bundle.resolve()), "--silent"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    counts = document_frequencies(index_pages)
    words, stop = words_asset(counts, len(records)), stop_asset(stop_words(), counts)
    return IndexRun(language, bundle, records, process, scratch, words, stop)


def finish_bundle(run: IndexRun) -> None:
    """Wait for the run, then trim the bundle to what lc-search.js uses and add the fold table, the words and the
    stop words (hooks/search_words.py)."""
    output, _ = run.process.communicate()
    run.scratch.cleanup()
    if run.process.returncode != 0:
        raise RuntimeError(f"Pagefind exited with {run.process.returncode}: {output.strip()}")
    for name in UNUSED_FILES:
        (run.bundle / name).unlink(missing_ok=True)
    indexed = "".join(fold(record.title + record.all_text) for record in run.records)
    table = compact_table(traditional_to_simplified(), indexed)
    (run.bundle / FOLD_ASSET).write_text(fold_asset(table), encoding="utf-8")
    (run.bundle / WORDS_ASSET).write_text(run.words, encoding="utf-8")
    (run.bundle / STOP_ASSET).write_text(run.stop, encoding="utf-8")
    if run.language in GENERATED_EDITIONS:
        unfold = unfold_table(record.title + record.all_text for record in run.records)
        (run.bundle / UNFOLD_ASSET).write_text(fold_asset(unfold), encoding="utf-8")


def write_bundle(records: list[SearchRecord], language: str, bundle: Path) -> None:
    """Write the Pagefind bundle for one language, and the fold table and the words beside it."""
    finish_bundle(start_bundle(records, language, bundle))


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
    STATE.batches = []


def language_relative(url: str, prefix: str) -> str:
    """A page URL relative to its language's root, which is where that language's bundle sits."""
    relative = url[len(prefix) :] if prefix and url.startswith(prefix) else url
    return relative or "./"


def on_page_content(html, page, config, files):
    language = config.theme["language"]
    # Untranslated pages copied in from the default language are not this language's results.
    if getattr(page.file, "locale", language) != language or is_excluded(page.meta):
        return html
    url = language_relative(page.url, STATE.prefix)
    STATE.waiting.append((html, url, page.title or "", search_boost(page.meta), STATE.language))
    if len(STATE.waiting) >= BATCH:
        STATE.hand_over()
    return html


RUNS: list[IndexRun] = []  # started, not yet finished


@event_priority(-50)  # before static-i18n (-100) builds the other languages: they overlap with Pagefind
def start_index(config):
    bundle = Path(config.site_dir) / STATE.prefix / BUNDLE_DIR
    entries = STATE.entries()
    records, index_pages = [record for record, _ in entries], [page for _, page in entries]
    try:
        RUNS.append(start_bundle(records, STATE.language, bundle, index_pages))
    except FileNotFoundError as error:
        log.error(f"search index for '{STATE.language}' not written: {error}. Fix: pip install -r requirements.txt")
        raise


@event_priority(-110)  # after static-i18n has built the other languages
def finish_indexes(config):
    HELPER.close()  # every page is cut by now; a later build starts a new helper if it can
    while RUNS:
        run = RUNS.pop(0)
        finish_bundle(run)
        log.debug(f"search: {len(run.records)} pages indexed for '{run.language}' in {run.bundle}")


on_post_build = CombinedEvent(start_index, finish_indexes)


def on_env(env, config, files):
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
