"""jieba's segmentation of a few short runs without loading its whole dictionary into this process.

Loading jieba's prefix dictionary (500,000 entries, with our legal terms) costs 0.5 s of CPU. The search
helper process needs all of it, to cut every page; the main process needs jieba only for the glossary's
word boundaries (hooks/glossary_terms.py), a few hundred short runs a build. So the helper loads the
dictionary and, once per dictionary, writes it to a SQLite file beside jieba's own cache (the temporary
folder); the main process reads from that file only the words its runs ask about. jieba's own code does
the cutting with that store in place of its in-memory dictionary, so the words are exactly jieba's
(tests/test_glossary_terms.py compares every run of the Chinese pages).

The file's name is a fingerprint of jieba's version, its dictionary file and our terms: a changed
dictionary gets a new file. Until the file exists (the first build on a machine), or where jieba is
loaded in this process anyway (the helper's work runs in place under `mkdocs serve`), jieba itself is used.

Importable by name: hooks/background.py sends `prepare` to the helper process by name.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from functools import cache, lru_cache
from pathlib import Path

from search_zh import LEGAL_TERMS, load_legal_terms

FORMAT = "1"  # bump when the file's layout changes


@cache
def store_path(terms: Path = LEGAL_TERMS) -> Path:
    """Where the stored dictionary for this jieba and these terms is (it may not exist yet)."""
    import jieba

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stat = dictionary.stat()
    digest = hashlib.sha256()
    for part in (FORMAT, jieba.__version__, str(stat.st_size), str(stat.st_mtime_ns)):
        digest.update(part.encode() + b"\0")
    digest.update(terms.read_bytes())
    return Path(tempfile.gettempdir()) / f"lc-jieba-{digest.hexdigest()[:16]}.sqlite"


def write_store(freq: dict[str, int], total: int, path: Path) -> None:
    """A loaded jieba dictionary (its FREQ and total) as a SQLite file; written aside, then moved into place."""
    fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
    os.close(fd)
    try:
        connection = sqlite3.connect(scratch)
        try:
            connection.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, count INTEGER) WITHOUT ROWID")
            connection.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            connection.execute("CREATE TABLE total (count INTEGER)")
            connection.execute("INSERT INTO total VALUES (?)", (total,))
            connection.commit()
        finally:
            connection.close()
        os.replace(scratch, path)
    finally:
        Path(scratch).unlink(missing_ok=True)


_loaded: set[Path] = set()  # the terms files loaded into jieba in this process


def load_terms_once(terms: Path = LEGAL_TERMS) -> None:
    """Our terms added to jieba (which loads its dictionary first) once per process: adding them again
    would count their frequencies twice."""
    if terms not in _loaded:
        load_legal_terms(terms)
        _loaded.add(terms)


def prepare(terms: Path = LEGAL_TERMS) -> None:
    """jieba's dictionary and our terms loaded where the helper's work runs (its first task each build),
    and stored for the main process if not yet stored."""
    import jieba

    load_terms_once(terms)
    path = store_path(terms)
    if not path.exists():
        write_store(jieba.dt.FREQ, jieba.dt.total, path)


class StoredFreq:
    """The part of a dict that jieba's Tokenizer uses of its FREQ (in, [], get), read from the store
    one word at a time and remembered."""

    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection
        self._known: dict[str, int | None] = {}

    def get(self, word: str, default=None):
        try:
            count = self._known[word]
        except KeyError:
            row = self._connection.execute("SELECT count FROM freq WHERE word = ?", (word,)).fetchone()
            count = self._known[word] = row[0] if row else None
        return default if count is None else count

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        count = self.get(word)
        if count is None:
            raise KeyError(word)
        return count


@lru_cache(maxsize=4)
def stored_tokenizer(path: Path):
    """A jieba Tokenizer over the stored dictionary at path, or None when there is none to read."""
    import jieba

    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        (total,) = connection.execute("SELECT count FROM total").fetchone()
    except sqlite3.Error:
        return None  # unreadable: jieba itself will do
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = StoredFreq(connection), total, True
    return tokenizer


def tokenizer():
    """jieba's tokenizer with our terms: jieba's own when they are loaded in this process, else the stored
    one, else jieba's own, loaded now."""
    import jieba

    stored = None if LEGAL_TERMS in _loaded else stored_tokenizer(store_path())
    if stored is None:
        load_terms_once()
        return jieba.dt
    return stored
