"""Search: Hong Kong and Taiwan words folded to the Simplified words our pages use (軟體 → 软件, 伺服器 → 服务器).

Character folding (hooks/search_fold.py) turns 軟體 into 软体, which no page uses. hooks/search_index.py
writes, beside each language's Pagefind bundle and from the same cut pages, `lc-phrases.json`: {folded
regional word: the Simplified word of the pages}. The pairs come from OpenCC's phrase tables (s2twp, s2hkp
over jieba's dictionary, kept in hooks/data/search-phrases-opencc.txt and remade by running this module) and
from hooks/data/search-phrases.txt (reviewed words OpenCC lacks, each with its reason). Only pairs whose
Simplified word this language's pages contain are written, so the file stays small; lc-search.js fetches it
with the fold table, only when a query contains Chinese, and applies it after character folding, before
segmentation."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from search_fold import fold
from search_zh import HAN_RUN, LEGAL_TERMS

DATA = Path(__file__).parent / "data"
REVIEWED_FILE = DATA / "search-phrases.txt"  # reviewed by hand, each with its reason
OPENCC_FILE = DATA / "search-phrases-opencc.txt"  # made by: python hooks/search_phrases.py
PHRASE_ASSET = "lc-phrases.json"
# Simplified → Taiwan words (軟體, 伺服器, 螢幕, 資訊) and → Hong Kong words (伺服器, 軟件).
OPENCC_CONFIGS = ("s2twp", "s2hkp")


def _simplified_words(words) -> list[str]:
    """Words of two or more Han characters that are written in Simplified already."""
    return sorted({word for word in words if len(word) > 1 and HAN_RUN.fullmatch(word) and fold(word) == word})


def dictionary_words() -> list[str]:
    """The Simplified words of jieba's dictionary and of our legal terms: the words a page can be cut into."""
    import jieba

    words = []
    for path in (Path(jieba.__file__).parent / "dict.txt", LEGAL_TERMS):
        words += [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return _simplified_words(words)


def opencc_phrases(words, configs=OPENCC_CONFIGS) -> list[tuple[str, str]]:
    """(folded regional form, Simplified word) for each word whose Taiwan or Hong Kong form (OpenCC's phrase
    tables) does not fold back to it character by character: 软件 → 軟體 → 软体, so (软体, 软件)."""
    import opencc

    ordered = list(words)
    pairs = set()
    for name in configs:
        converted = opencc.OpenCC(name).convert("\n".join(ordered)).split("\n")
        for word, form in zip(ordered, converted, strict=True):
            key = fold(form)
            if key != word and HAN_RUN.fullmatch(key):
                pairs.add((key, word))
    return sorted(pairs)


def parse_pairs(text: str, reasons: bool = False) -> list[tuple[str, str]]:
    """Lines of `regional<TAB>Simplified` (and, for the reviewed file, `<TAB>why`); # starts a comment."""
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != (3 if reasons else 2) or not all(parts):
            shape = "regional word, a tab, Simplified word" + (", a tab, why" if reasons else "")
            raise ValueError(f"line {number}: write the {shape}")
        pairs.append((parts[0], parts[1]))
    return pairs


@cache
def known_phrases() -> tuple[tuple[str, str], ...]:
    """The reviewed pairs first (folded, so either script may be written), then OpenCC's."""
    reviewed = [(fold(key), word) for key, word in parse_pairs(REVIEWED_FILE.read_text(encoding="utf-8"), True)]
    return tuple(reviewed + parse_pairs(OPENCC_FILE.read_text(encoding="utf-8")))


def phrase_table(page_text: str, synonyms: str = "", pairs=None) -> dict[str, str]:
    """{folded regional word: Simplified word} for this language: only words its (folded) pages or their
    search synonyms contain, and no regional word that the pages write themselves (资讯 stays 资讯 where a page
    writes it). A regional word that is only a synonym is still replaced: the page's own word then matches
    its headings and text, not only the synonyms' low-weighted line."""
    indexed_text = f"{page_text} {synonyms}"
    # Most pairs fail on a pair of characters the pages never write side by side: a set lookup, before a scan.
    bigrams = {indexed_text[i : i + 2] for i in range(len(indexed_text) - 1)}
    table: dict[str, str] = {}
    for key, word in known_phrases() if pairs is None else pairs:
        if key in table or key == word or not all(word[i : i + 2] in bigrams for i in range(len(word) - 1)):
            continue
        if word in indexed_text and key not in page_text:
            table[key] = word
    return dict(sorted(table.items()))


LONGEST_WORD = 8  # characters of a regional word, as lc-search-rank.js's LONGEST_WORD


def query_fold(folded: str, table: dict[str, str]) -> str:
    """The phrase folding of a query already folded character by character, as lc-search-rank.js's fold does
    it: from the left, the longest regional word first (软体 → 软件, 搵 → 找)."""
    out, at = [], 0
    while at < len(folded):
        for size in range(min(LONGEST_WORD, len(folded) - at), 0, -1):
            word = table.get(folded[at : at + size])
            if word:
                out.append(word)
                at += size
                break
        else:
            out.append(folded[at])
            at += 1
    return "".join(out)


def phrase_asset(table: dict[str, str]) -> str:
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    found = opencc_phrases(dictionary_words())
    header = "# (folded Taiwan/Hong Kong word, Simplified word) from OpenCC s2twp and s2hkp over jieba's dictionary."
    OPENCC_FILE.write_text("\n".join([header, *(f"{key}\t{word}" for key, word in found)]) + "\n", encoding="utf-8")
    print(f"{OPENCC_FILE}: {len(found)} pairs")
