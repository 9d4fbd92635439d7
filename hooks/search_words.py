"""Search: the words a query is cut into and the words it can do without, written beside each bundle.

Pagefind answers a term that no indexed word starts with by the longest indexed word the term starts with, so
the browser cannot learn the index's words by asking Pagefind (contrib/search.md, "the browser's word cutting
does not cut"). `lc-words.json` tells it: every Chinese word of the edition's index with the number of pages
that contain it, and the number of pages. lc-search-cut.js cuts a Chinese query into these words (the more
pages a word is on, the likelier it is meant) and drops the characters no page has. The words are read back
from the index HTML (hooks/search_pages.index_html), so they are exactly the index's: jieba's words after
folding, and the synonym words. The file is fetched with the fold table, only for a query with Chinese.

`lc-stop.json` lists the words that say nothing about the page wanted (吗, 怎么办, "what", "my"): reviewed, each
with its reason, in hooks/data/search-stop-words.txt. lc-search.js does not search them when a query has
other words; idf alone cannot tell, on a site this small, that 吗 on 4 pages of 15 is not a topic.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from search_fold import fold
from search_pages import WORD_MARK
from search_zh import HAN_RUN

WORDS_ASSET = "lc-words.json"
STOP_ASSET = "lc-stop.json"
STOP_FILE = Path(__file__).parent / "data" / "search-stop-words.txt"
SPELLED = re.compile(WORD_MARK + r"((?:[0-9a-f]{4})+)")
ENGLISH_WORD = re.compile(r"[a-z]+")  # as lc-search.js splits a query: lower case, no punctuation


def spelled_words(index_page: str) -> set[str]:
    """The Chinese words of one page's index HTML, spelled back from Pagefind's ASCII (zq8bfd8c24 → 诽谤)."""
    words = set()
    for match in SPELLED.finditer(index_page):
        word = bytes.fromhex(match.group(1)).decode("utf-16-be", errors="replace")
        if HAN_RUN.fullmatch(word):  # anything else is not one of ours (English text that happens to look so)
            words.add(word)
    return words


def document_frequencies(index_pages: Iterable[str]) -> Counter:
    """{word: how many pages contain it} over the index HTML of one edition's pages."""
    counts: Counter = Counter()
    for page in index_pages:
        counts.update(spelled_words(page))
    return counts


def rounded(df: int) -> int:
    """A page count rounded down to a power of two (1, 2, 4, 8, …)."""
    return 1 << (df.bit_length() - 1)


def words_asset(counts: Counter, pages: int) -> str:
    """`{"pages": N, "df": {"1": "词 词 …", "2": …, "4": …}}`: the words grouped by their page count rounded down
    to a power of two, sorted within a group, spaces between them. The cut needs only a word's order of
    magnitude, and a few large groups gzip far better than one key per word or per count: at 500 pages per
    language the file is 10 KB gzipped instead of 11.8 KB."""
    groups: dict[int, list[str]] = {}
    for word, df in counts.items():
        groups.setdefault(rounded(df), []).append(word)
    df = {str(n): " ".join(sorted(groups[n])) for n in sorted(groups)}
    return json.dumps({"pages": pages, "df": df}, ensure_ascii=False, separators=(",", ":"))


def read_words(text: str) -> tuple[int, dict[str, int]]:
    """The page count and {word: page count, rounded} of a words asset, as lc-search-cut.js reads them."""
    data = json.loads(text)
    return data["pages"], {word: int(n) for n, words in data["df"].items() for word in words.split()}


def parse_stop_words(text: str) -> tuple[str, ...]:
    """Lines of `word<TAB>why`, # starting a comment; Chinese folded to Simplified, as the index holds it."""
    words = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, why = (part.strip() for part in line.partition("\t"))
        if not (HAN_RUN.fullmatch(word) or ENGLISH_WORD.fullmatch(word)) or not why:
            raise ValueError(f"line {number}: write one word (Chinese, or English in lower case), a tab, then why")
        words.append(fold(word))
    return tuple(words)


@cache
def stop_words(path: Path = STOP_FILE) -> tuple[str, ...]:
    return parse_stop_words(path.read_text(encoding="utf-8"))


def stop_asset(stop: Iterable[str], counts: Counter) -> str:
    """`{"stop": "a about … 的 了"}`: the English stop words, and the Chinese ones this edition's pages have."""
    kept = sorted({word for word in stop if not HAN_RUN.fullmatch(word) or word in counts})
    return json.dumps({"stop": " ".join(kept)}, ensure_ascii=False, separators=(",", ":"))
