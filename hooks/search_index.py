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
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority
from search_fold import compact_table, fold, fold_asset, traditional_to_simplified
from search_zh import HAN_RUN, segment
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.search_index")

BUNDLE_DIR = "pagefind"
FOLD_ASSET = "lc-fold.json"
# Pagefind's browser code re-cuts zh/ja/th queries with Intl.Segmenter, whose words are not jieba's.
# Our text arrives already cut, so every language but English (which gets Pagefind's stemmer) is
# written under the neutral code "und"; lc-search.js asks for that code by name.
PAGEFIND_LANGUAGE = {"en": "en"}
NEUTRAL_LANGUAGE = "und"
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
SKIPPED_TAGS = {"script", "style", "svg", "template", "button"}
BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "pre", "summary"}


@dataclass(frozen=True)
class SearchRecord:
    """One page as the index sees it: where it lives (relative to its language root) and its words."""

    url: str
    title: str
    text: str


@dataclass
class BuildState:
    """Records of the language now being built; static-i18n runs the build once per language."""

    language: str = ""
    prefix: str = ""  # where this language lives below the site root: "" or "zh/"
    records: list[SearchRecord] = field(default_factory=list)


STATE = BuildState()


class _TextExtractor(HTMLParser):
    """Visible text of rendered page HTML: no scripts, no permalink marks, blocks kept apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self._skip_depth or tag in SKIPPED_TAGS or "headerlink" in classes:
            if tag not in {"br", "img", "input"}:
                self._skip_depth += 1
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self._skip_depth:
            self._skip_depth -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip_depth:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The reader-visible text of a page body, whitespace collapsed."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


# Pagefind's WebAssembly re-cuts any Chinese query into single characters, which would undo jieba's
# words. So each Chinese word travels through Pagefind spelled in ASCII: "zq" and four hex digits
# per character (诽谤 → zq8bfd8c24). Prefixes still line up character by character, and
# lc-search.js spells queries the same way and turns excerpts back into Chinese.
WORD_MARK = "zq"


def spell_han(text: str) -> str:
    """Every run of Chinese characters spelled as WORD_MARK plus four hex digits per character."""
    return HAN_RUN.sub(lambda match: WORD_MARK + "".join(f"{ord(char):04x}" for char in match.group(0)), text)


def index_content(record: SearchRecord) -> str:
    """What Pagefind indexes for a page: title and text, folded to Simplified, Chinese cut into words."""
    return spell_han(segment(fold(f"{record.title}\n{record.text}")))


def pagefind_language(language: str) -> str:
    return PAGEFIND_LANGUAGE.get(language, NEUTRAL_LANGUAGE)


def index_html(record: SearchRecord, language: str) -> str:
    """The page as Pagefind reads it: the title as a heading (which Pagefind ranks higher), then the text."""
    title, text = (escape(spell_han(segment(fold(part)))) for part in (record.title, record.text))
    return (
        f'<html lang="{pagefind_language(language)}"><body>'
        f'<h1 data-pagefind-meta="title:{escape(record.title)}">{title}</h1><p>{text}</p></body></html>'
    )


def index_file(url: str) -> str:
    """Where a page's index HTML goes so that Pagefind gives it back this URL: "a/" → "a/index.html"."""
    path = url.removeprefix("./")
    return f"{path}index.html" if path == "" or path.endswith("/") else path


@dataclass
class IndexRun:
    """A Pagefind run under way for one language: the binary indexes while MkDocs goes on building."""

    language: str
    bundle: Path
    records: list[SearchRecord]
    process: subprocess.Popen
    scratch: tempfile.TemporaryDirectory


def start_bundle(records: list[SearchRecord], language: str, bundle: Path) -> IndexRun:
    """Write each page as index HTML to a scratch folder and start the Pagefind binary over it.

    One command-line run rather than Pagefind's Python API, which answers one request per 0.1 s poll
    (1.5 s for our 15 pages); the indexer is the same.
    """
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise FileNotFoundError("the Pagefind binary (package pagefind-bin)") from None
    executable = get_executable()
    scratch = tempfile.TemporaryDirectory(prefix="lc-search-")
    for record in records:
        page = Path(scratch.name, index_file(record.url))
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(index_html(record, language), encoding="utf-8")
    command = [str(executable), "--site", scratch.name, "--output-path", str(bundle.resolve()), "--silent"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return IndexRun(language, bundle, records, process, scratch)


def finish_bundle(run: IndexRun) -> None:
    """Wait for the run, then trim the bundle to what lc-search.js uses and add the compact fold table."""
    output, _ = run.process.communicate()
    run.scratch.cleanup()
    if run.process.returncode != 0:
        raise RuntimeError(f"Pagefind exited with {run.process.returncode}: {output.strip()}")
    for name in UNUSED_FILES:
        (run.bundle / name).unlink(missing_ok=True)
    indexed = "".join(fold(record.title + record.text) for record in run.records)
    table = compact_table(traditional_to_simplified(), indexed)
    (run.bundle / FOLD_ASSET).write_text(fold_asset(table), encoding="utf-8")


def write_bundle(records: list[SearchRecord], language: str, bundle: Path) -> None:
    """Write the Pagefind bundle for one language, and the compact fold table beside it."""
    finish_bundle(start_bundle(records, language, bundle))


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
    STATE.records = []


def language_relative(url: str, prefix: str) -> str:
    """A page URL relative to its language's root, which is where that language's bundle sits."""
    relative = url[len(prefix) :] if prefix and url.startswith(prefix) else url
    return relative or "./"


def on_page_content(html, page, config, files):
    language = config.theme["language"]
    # Untranslated pages copied in from the default language are not this language's results.
    if getattr(page.file, "locale", language) != language or is_excluded(page.meta):
        return html
    STATE.records.append(
        SearchRecord(url=language_relative(page.url, STATE.prefix), title=page.title or "", text=page_text(html))
    )
    return html


RUNS: list[IndexRun] = []  # started, not yet finished


@event_priority(-50)  # before static-i18n (-100) builds the other languages: they overlap with Pagefind
def start_index(config):
    bundle = Path(config.site_dir) / STATE.prefix / BUNDLE_DIR
    try:
        RUNS.append(start_bundle(STATE.records, STATE.language, bundle))
    except FileNotFoundError as error:
        log.error(f"search index for '{STATE.language}' not written: {error}. Fix: pip install -r requirements.txt")
        raise


@event_priority(-110)  # after static-i18n has built the other languages
def finish_indexes(config):
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
            "error": ui["search_error"],
        }
        if enabled
        else None
    )
    return env
