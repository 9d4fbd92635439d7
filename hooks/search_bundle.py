"""A language's search bundle, made where the helper's work runs: its pages cut into words, Pagefind over them,
and the small tables lc-search.js fetches beside the bundle (fold, unfold, phrases).

A module of its own, importable by name, because hooks/background.py sends these functions to the helper
process by name (a hook module is not importable). The main process hands over pages as MkDocs renders
them and starts each language's bundle without waiting; it waits once, at the end of the build.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from languages import GENERATED_EDITIONS, SOURCE_LANGUAGE
from search_english import ENGLISH_ASSET, english_asset, english_table
from search_fold import compact_table, fold, fold_asset, traditional_to_simplified, unfold_table
from search_pages import SearchRecord, index_entries, index_file, index_html
from search_phrases import PHRASE_ASSET, phrase_asset, phrase_table
from search_synonyms import extra_words
from search_words import STOP_ASSET, document_frequencies, stop_asset, stop_words, word_shards

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
class IndexRun:
    """A Pagefind run under way for one language: the binary indexes while MkDocs goes on building."""

    language: str
    bundle: Path
    records: list[SearchRecord]
    process: subprocess.Popen
    scratch: tempfile.TemporaryDirectory
    tables: dict[str, str] = field(default_factory=dict)  # file name → text, written beside the bundle


def bundle_tables(records: list[SearchRecord], language: str, index_pages: list[str]) -> dict[str, str]:
    """The small files lc-search.js fetches beside the bundle: the fold table cut down to this language's
    characters, the index's words with their page counts and the stop words (hooks/search_words.py), the
    regional words (lc-phrases.json), for a Chinese edition the English words readers mix in (lc-english.json)
    and, for a generated edition, the unfold table. Reader words count as the
    pages' words for the fold and phrase tables (a query must reach them), and so do the search synonyms (群组 is
    indexed on every page that says 群聊, so 群組 must fold to it) and the regional words' keys, not for the unfold
    table (they are never shown)."""
    texts = [fold(f"{record.title} {record.all_text}") for record in records]
    reader = " ".join(fold(record.reader_words) for record in records)  # reader words: indexed, never shown
    synonyms = " ".join(extra_words(text) for text in texts)
    phrases = phrase_table(" ".join(texts), f"{synonyms} {reader}")
    counts = document_frequencies(index_pages)
    # The regional words' own characters too: 閂咗 is kept folded as 闩咗, which no page writes.
    reachable = " ".join([*texts, reader, synonyms, *phrases])
    tables = {
        FOLD_ASSET: fold_asset(compact_table(traditional_to_simplified(), reachable)),
        STOP_ASSET: stop_asset(stop_words()),
        **word_shards(counts, len(records)),
    }
    if language in GENERATED_EDITIONS:
        tables[UNFOLD_ASSET] = fold_asset(unfold_table(record.title + record.all_text for record in records))
    tables[PHRASE_ASSET] = phrase_asset(phrases)
    if language != SOURCE_LANGUAGE:
        tables[ENGLISH_ASSET] = english_asset(english_table(f"{' '.join(texts)} {synonyms} {reader}"))
    return tables


def start_bundle(
    records: list[SearchRecord], language: str, bundle: Path, index_pages: list[str] | None = None
) -> IndexRun:
    """Write each page as index HTML (made here unless given) to a scratch folder and start Pagefind over it;
    make the tables meanwhile.

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
    return IndexRun(language, bundle, records, process, scratch, bundle_tables(records, language, index_pages))


def finish_bundle(run: IndexRun) -> None:
    """Wait for the run, then trim the bundle to what lc-search.js uses and write the tables beside it."""
    output, _ = run.process.communicate()
    run.scratch.cleanup()
    if run.process.returncode != 0:
        raise RuntimeError(f"Pagefind exited with {run.process.returncode}: {output.strip()}")
    for name in UNUSED_FILES:
        (run.bundle / name).unlink(missing_ok=True)
    for name, text in run.tables.items():
        (run.bundle / name).write_text(text, encoding="utf-8")


def write_bundle(records: list[SearchRecord], language: str, bundle: Path) -> None:
    """Write the Pagefind bundle for one language, and the compact fold table beside it."""
    finish_bundle(start_bundle(records, language, bundle))


# Kept where the helper's work runs (the helper process, or this one in place): each language's cut pages,
# then its Pagefind runs under way. The main process never reads these; it only waits at the very end.
CUT: dict[str, list[tuple[SearchRecord, str]]] = {}
RUNS: list[IndexRun] = []  # started, not yet finished


def forget_pages(language: str) -> None:
    """A language build starts: drop what an earlier, failed build of it left (`mkdocs serve` rebuilds)."""
    CUT.pop(language, None)


def cut_pages(language: str, pages: list[tuple]) -> int:
    CUT.setdefault(language, []).extend(index_entries(pages))
    return len(pages)


def start_language_bundle(language: str, bundle: str) -> int:
    """Start Pagefind over this language's cut pages (it runs on while the next language is built)."""
    entries = CUT.pop(language, [])
    records, index_pages = [record for record, _ in entries], [page for _, page in entries]
    RUNS.append(start_bundle(records, language, Path(bundle), index_pages))
    return len(records)


def abandon_bundles() -> None:
    """The build failed: stop every Pagefind run under way (it would write into the removed site) and drop
    the cut pages."""
    CUT.clear()
    while RUNS:
        run = RUNS.pop(0)
        run.process.kill()
        run.process.communicate()
        run.scratch.cleanup()


def finish_language_bundles() -> list[tuple[str, int, str]]:
    """Wait for every Pagefind run under way and complete its bundle: (language, pages, bundle) for each."""
    done = []
    while RUNS:
        run = RUNS.pop(0)
        finish_bundle(run)
        done.append((run.language, len(run.records), str(run.bundle)))
    return done
