"""Search: the words a query is cut into and the words it can do without, written beside each bundle.

Pagefind answers a term that no indexed word starts with by the longest indexed word the term starts with, so
the browser cannot learn the index's words by asking Pagefind (contrib/search.md, "the browser's word cutting
does not cut"). `lc-words-NN.json` tells it: every Chinese word of the edition's index with the number of pages
that contain it, and the number of pages. lc-search-cut.js cuts a Chinese query into these words (the more
pages a word is on, the likelier it is meant) and drops the characters no page has. The words are read back
from the index HTML (hooks/search_pages.index_html), so they are exactly the index's: jieba's words after
folding, the synonym words, and the reader phrases indexed whole (listed as "+被告了": the browser spells
them with their own mark, search_pages.PHRASE_MARK). The words come in WORD_SHARDS files by first
character; a query with Chinese fetches only the files of its own characters.

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
from search_pages import PHRASE_MARK, WORD_MARK
from search_zh import HAN_RUN

STOP_ASSET = "lc-stop.json"
STOP_FILE = Path(__file__).parent / "data" / "search-stop-words.txt"
SPELLED = re.compile(f"({WORD_MARK}|{PHRASE_MARK})" + r"((?:[0-9a-f]{4})+)")
PHRASE_PREFIX = "+"  # a reader phrase, indexed whole (search_pages.PHRASE_MARK), as the words asset lists it
ENGLISH_WORD = re.compile(r"[a-z]+")  # as lc-search.js splits a query: lower case, no punctuation


def spelled_words(index_page: str) -> set[str]:
    """The Chinese words of one page's index HTML, spelled back from Pagefind's ASCII (zq8bfd8c24 → 诽谤), and
    its whole reader phrases (zr88ab544a4e86 → +被告了)."""
    words = set()
    for match in SPELLED.finditer(index_page):
        word = bytes.fromhex(match.group(2)).decode("utf-16-be", errors="replace")
        if HAN_RUN.fullmatch(word):  # anything else is not one of ours (English text that happens to look so)
            words.add(PHRASE_PREFIX + word if match.group(1) == PHRASE_MARK else word)
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


# The words are shipped in WORD_SHARDS files by their first character (its code point modulo WORD_SHARDS), so a
# query fetches only the files of its own characters: every word the cut can try for a run of Chinese starts with
# one of the run's characters. At 500 pages per language the whole file is 10.4 KB gzip; a two-character query
# fetches two shards of about 0.3 KB. lc-search.js computes the same shard numbers (wordShard).
WORD_SHARDS = 64


def shard_of(word: str) -> int:
    """The shard a word is in: its first character's code point modulo WORD_SHARDS."""
    return ord(word.removeprefix(PHRASE_PREFIX)[0]) % WORD_SHARDS


def shard_name(shard: int) -> str:
    return f"lc-words-{shard:02x}.json"


def word_shards(counts: Counter, pages: int) -> dict[str, str]:
    """{file name: text} for every shard, empty ones too (a query never asks for a missing file). Each is a
    words asset (words_asset) of the words that start in it, with what the cut needs of the whole vocabulary:
    `total`, the sum of every word's rounded page count, and `longest`, the longest word's length in characters."""
    total = sum(rounded(df) for df in counts.values())
    longest = max((len(word.removeprefix(PHRASE_PREFIX)) for word in counts), default=1)
    parts: list[Counter] = [Counter() for _ in range(WORD_SHARDS)]
    for word, df in counts.items():
        parts[shard_of(word)][word] = df
    out = {}
    for number, part in enumerate(parts):
        data = json.loads(words_asset(part, pages))
        data = {"pages": pages, "total": total, "longest": longest, "df": data["df"]}
        out[shard_name(number)] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return out


def read_shards(texts: Iterable[str]) -> tuple[int, dict[str, int]]:
    """read_words over all of a bundle's shards: the page count and every word with its rounded page count."""
    pages, words = 0, {}
    for text in texts:
        pages, part = read_words(text)
        words.update(part)
    return pages, words


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


def stop_asset(stop: Iterable[str]) -> str:
    """`{"stop": "a about … 的 了"}`: every stop word. The Chinese ones no page has are there too: the query's cut
    must know them as words (lc-search-cut.js, withStopWords), or 到底 is cut into 到 and searched."""
    kept = sorted(set(stop))
    return json.dumps({"stop": " ".join(kept)}, ensure_ascii=False, separators=(",", ":"))
