"""Search: the words a worried reader types for a page, kept as reviewed data and indexed like a keywords field.

A frightened reader does not write the page's words: "群主要负责吗", "can they post my photos in another group",
"骗徒叫我转账". hooks/data/search-reader-words.yml lists, per page and per section where the section is the
right landing place, the everyday words and phrases (English for the English edition; Chinese, in Simplified or
in Hong Kong and Taiwan forms, for both Chinese editions) that such a reader types when that page is the answer,
each entry with why. hooks/search_index.py reads the file once per build, hands each page its words with the
page (hooks/search_pages.index_entry), and checks the file against the English pages: an unknown page or
section, or a badly written entry, is a build problem at the file's line (hooks/problems.py).

The words are folded and cut by jieba exactly like the page text, so a Traditional query reaches them through
the same fold. They are indexed with the page (or under the section's heading) at READER_WEIGHT: above body
text, as much as a third-level heading, below the title and the sections' headings. They are never shown:
lc-search.js leaves them out of excerpts (search_pages.READER_START … READER_END).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from problems import Problem
from search_fold import fold
from search_zh import HAN_RUN

READER_FILE = Path(__file__).parent / "data" / "search-reader-words.yml"
READER_FILE_NAME = "hooks/data/search-reader-words.yml"  # as problems name it: relative to the project
KEYS = ("why", "en", "zh")
KEY = re.compile(r"^(?P<page>[a-z0-9][a-z0-9_/-]*)(?:#(?P<anchor>[A-Za-z0-9_-]+))?$")
ENGLISH = re.compile(r"^[a-z0-9][a-z0-9' .-]*$")  # lower case, as lc-search.js lower-cases a query


@dataclass(frozen=True)
class Entry:
    """One page's or section's reader words: where it is written, why, and its words per edition kind."""

    page: str  # the page's file name without .md below its language folder: "online", "index" for the home page
    anchor: str  # a section's heading id, or "" for the page as a whole
    line: int
    why: str
    en: tuple[str, ...]
    zh: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


def _words(node, key: str, line: int, file: str) -> tuple[tuple[str, ...], list[Problem]]:
    if not isinstance(node, yaml.SequenceNode) or not all(isinstance(item, yaml.ScalarNode) for item in node.value):
        return (), [Problem(file, line, f"'{key}' must be a list of words in brackets, e.g. {key}: [word, other word]")]
    words, problems = [], []
    for item in node.value:
        word = " ".join(str(item.value).split())
        where = item.start_mark.line + 1
        if not word:
            problems.append(Problem(file, where, f"an empty word in '{key}'; remove it"))
        elif key == "en" and not ENGLISH.match(word):
            problems.append(
                Problem(file, where, f"'{word}' in 'en': write English words in lower case, letters and digits only")
            )
        elif key == "zh" and not HAN_RUN.search(word) and not ENGLISH.match(word):
            problems.append(
                Problem(file, where, f"'{word}' in 'zh': write Chinese, or English in lower case as readers type it")
            )
        elif word in words:
            problems.append(Problem(file, where, f"'{word}' is listed twice in '{key}'; keep one"))
        else:
            words.append(word)
    return tuple(words), problems


def parse_reader_words(text: str, file: str = READER_FILE_NAME) -> tuple[list[Entry], list[Problem]]:
    """The entries of the reader-words file, and a problem for each badly written one (file and line)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [
            Problem(
                file,
                mark.line + 1 if mark else 0,
                f"not valid YAML ({getattr(error, 'problem', error)}); put quotes around a value with ': ' in it",
            )
        ]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [
            Problem(file, root.start_mark.line + 1, "write one entry per page or section: 'page:' or 'page#id:'")
        ]
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        key = str(key_node.value)
        match = KEY.match(key)
        if not match:
            problems.append(
                Problem(
                    file,
                    line,
                    f"'{key}' is not a page: write the page's file name without .md, e.g. online or online#screenshots",
                )
            )
            continue
        if key in seen:
            problems.append(Problem(file, line, f"'{key}' already has an entry on line {seen[key]}; merge the two"))
            continue
        seen[key] = line
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(Problem(file, line, f"'{key}' needs why, en and zh below it"))
            continue
        fields = {}
        for field_node, field_value in value_node.value:
            name = str(field_node.value)
            if name not in KEYS:
                where = field_node.start_mark.line + 1
                problems.append(Problem(file, where, f"unknown field '{name}' in '{key}'; allowed: {', '.join(KEYS)}"))
            else:
                fields[name] = field_value
        why = fields.get("why")
        if not isinstance(why, yaml.ScalarNode) or not str(why.value).strip():
            problems.append(
                Problem(file, line, f"'{key}' has no 'why': say in a few words why readers type these words here")
            )
        words = {}
        for name in ("en", "zh"):
            words[name], found = _words(fields[name], name, line, file) if name in fields else ((), [])
            problems += found
        if not words["en"] and not words["zh"]:
            problems.append(Problem(file, line, f"'{key}' has no words; add 'en: [...]' or 'zh: [...]', or remove it"))
            continue
        entries.append(
            Entry(match["page"], match["anchor"] or "", line, str(why.value) if why else "", words["en"], words["zh"])
        )
    return entries, problems


def word_problems(entries, stop: set[str], phrases: dict[str, str], file: str = READER_FILE_NAME) -> list[Problem]:
    """Words that could never be matched as written: a stop word (a query never searches it; a Chinese phrase
    of stop words, such as 是什么, is searched whole), a Chinese word
    that the query's phrase folding turns into another (hooks/data/search-phrases*.txt: list that word), and a
    Chinese word that is another of the entry's words once folded (截圖 is 截图)."""
    # jieba's cut through hooks/jieba_store.py: in the main process it reads the helper's stored dictionary
    # instead of loading jieba's whole one (0.6 s), and cuts the same.
    from jieba_store import tokenizer
    from search_phrases import query_fold

    cut = tokenizer().cut
    # A word is checked whole against every regional word, and inside against the one-character ones (Cantonese
    # 搵 → 找), which no page writes: a longer one inside a word (文件 in 寄文件) is left out of the build's table
    # where the pages write it (search_phrases.phrase_table), which only the built tables know.
    characters = {key: word for key, word in phrases.items() if len(key) == 1}
    problems = []
    for entry in entries:
        folded_seen: dict[str, str] = {}
        for chinese, word in [(False, word) for word in entry.en] + [(True, word) for word in entry.zh]:
            folded = fold(word) if chinese else word
            tokens = " ".join(cut(folded, HMM=True)).split() if chinese else re.split(r"[\s'.-]+", folded)
            # A Chinese phrase of several words is indexed whole too (search_pages.reader_phrases) and the query's
            # cut takes it whole, so 是什么 is searched although 是 and 什么 are stop words; unless it is one itself.
            whole = chinese and HAN_RUN.fullmatch(folded) and len(tokens) > 1 and folded not in stop
            if not whole and all(token in stop for token in tokens if token):
                message = f"'{word}' in '{entry.key}' is a stop word (hooks/data/search-stop-words.txt), never searched"
                problems.append(Problem(file, entry.line, f"{message}; remove it"))
            elif chinese and (searched := phrases.get(folded) or query_fold(folded, characters)) != folded:
                message = f"'{word}' in '{entry.key}' is searched as '{searched}' (hooks/data/search-phrases"
                problems.append(Problem(file, entry.line, f"{message}*.txt); list '{searched}' instead, or neither"))
            elif chinese and folded in folded_seen:
                message = f"'{word}' in '{entry.key}' is '{folded_seen[folded]}' once folded; keep one"
                problems.append(Problem(file, entry.line, message))
            if chinese:
                folded_seen.setdefault(folded, word)
    return problems


@cache
def reader_entries(path: Path = READER_FILE) -> tuple[tuple[Entry, ...], tuple[Problem, ...]]:
    """The file's entries and its problems, read once per process."""
    from search_phrases import known_phrases
    from search_words import stop_words

    entries, problems = parse_reader_words(path.read_text(encoding="utf-8"))
    phrases = dict(reversed(known_phrases()))  # the reviewed pairs come first and win, as in phrase_table
    problems += word_problems(entries, set(stop_words()), phrases)
    return tuple(entries), tuple(problems)


def page_key(url: str) -> str:
    """The page an entry names, from its URL relative to its language root: "online/" → "online", "./" → "index"."""
    path = url.removeprefix("./").removesuffix("/").removesuffix(".html").removesuffix("/index")
    return path or "index"


def check_entries(
    entries, pages: dict[str, set[str]], excluded: set[str] = frozenset(), file: str = READER_FILE_NAME
) -> list[Problem]:
    """A problem for each entry whose page, or section, the English edition does not have (`pages`: page key →
    its section ids), and for each page that search leaves out."""
    problems = []
    for entry in entries:
        if entry.page in excluded:
            message = f"'{entry.page}' is left out of search (front matter search: exclude); remove its entry"
            problems.append(Problem(file, entry.line, message))
        elif entry.page not in pages:
            known = ", ".join(sorted(pages))
            message = f"no page '{entry.page}' (docs/en/{entry.page}.md); use one of: {known}"
            problems.append(Problem(file, entry.line, message))
        elif entry.anchor and entry.anchor not in pages[entry.page]:
            known = ", ".join(sorted(pages[entry.page])) or "none"
            message = (
                f"'{entry.page}' has no section '#{entry.anchor}'; use the id of one of its ## or ### headings "
                f"({known}), or write '{entry.page}' for the whole page"
            )
            problems.append(Problem(file, entry.line, message))
    return problems


SECTION_ID = re.compile(r"""<h[23]\b[^>]*?\sid=["']([^"']+)["']""")


def section_ids(html: str) -> set[str]:
    """The ids of a rendered page's ## and ### headings: the sections the index gives their own results
    (hooks/search_pages.page_sections)."""
    return set(SECTION_ID.findall(html))


def words_for(entries, page: str, language: str, anchors: set[str]) -> tuple[str, dict[str, str]]:
    """This page's reader words for one edition: (the page's own, {section id: the section's}). English words
    for the English edition, the Chinese list for the Chinese ones. A section this edition's page lacks (a
    translation that is behind) gives its words to the page as a whole."""
    page_words: list[str] = []
    sections: dict[str, list[str]] = {}
    for entry in entries:
        if entry.page != page:
            continue
        words = entry.en if language == "en" else entry.zh
        if not words:
            continue
        target = sections.setdefault(entry.anchor, []) if entry.anchor in anchors else page_words
        target.extend(words)
    return " ".join(page_words), {anchor: " ".join(words) for anchor, words in sections.items()}
