"""Traditional → Simplified folding for search, from OpenCC's character tables, without the network.

The index is folded at build time with the full table; the browser folds a reader's query with a
compact copy limited to the characters that can still match something in that language's index.
The full table is kept in hooks/data/fold-table.txt, made from OpenCC by `python hooks/search_fold.py`
(the build reads it in milliseconds instead of running OpenCC over 28,000 characters; a test checks it
still matches the installed OpenCC).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

TABLE_FILE = Path(__file__).parent / "data" / "fold-table.txt"
# CJK Unified Ideographs, Extension A and the compatibility block: every character OpenCC may fold.
HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
# OpenCC's generic Traditional table first; the Taiwan and Hong Kong variant tables fill the gaps.
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")
PAIRS_PER_LINE = 40


def opencc_table() -> dict[str, str]:
    """Every single character OpenCC folds to a different single character: {traditional: simplified}."""
    import opencc

    chars = [chr(code) for start, end in HAN_BLOCKS for code in range(start, end + 1)]
    table: dict[str, str] = {}
    for name in OPENCC_CONFIGS:
        converted = opencc.OpenCC(name).convert("\n".join(chars)).split("\n")
        for source, target in zip(chars, converted, strict=True):
            if source != target and len(target) == 1:
                table.setdefault(source, target)
    # A character that is itself some character's Simplified form is left alone: the Taiwan table
    # turns 么 into 幺, but 么 is what Simplified text writes in 什么.
    simplified = set(table.values())
    return {source: target for source, target in sorted(table.items()) if source not in simplified}


def table_text(table: dict[str, str]) -> str:
    """The table file: a comment, then lines of pairs (traditional, simplified) with nothing between."""
    pairs = [source + target for source, target in table.items()]
    lines = ["".join(pairs[i : i + PAIRS_PER_LINE]) for i in range(0, len(pairs), PAIRS_PER_LINE)]
    header = "# Traditional → Simplified pairs from OpenCC (t2s, tw2s, hk2s). Made by: python hooks/search_fold.py"
    return "\n".join([header, *lines]) + "\n"


def parse_table(text: str) -> dict[str, str]:
    pairs = "".join(line for line in text.splitlines() if line and not line.startswith("#"))
    if len(pairs) % 2:
        raise ValueError(f"{TABLE_FILE}: odd number of characters; remake it with: python hooks/search_fold.py")
    return {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}


@cache
def traditional_to_simplified() -> dict[str, str]:
    """The full fold table, {traditional: simplified}, as kept in hooks/data/fold-table.txt."""
    return parse_table(TABLE_FILE.read_text(encoding="utf-8"))


@cache
def _fold_translation() -> dict[int, str]:
    return str.maketrans(traditional_to_simplified())


def fold(text: str, table: dict[str, str] | None = None) -> str:
    """Text with each Traditional character replaced by its Simplified form; everything else kept."""
    return text.translate(_fold_translation() if table is None else str.maketrans(table))


def compact_table(table: dict[str, str], indexed_text: str) -> dict[str, str]:
    """Only the entries whose Simplified character occurs in the indexed text: the rest match nothing."""
    present = set(indexed_text)
    return {source: target for source, target in sorted(table.items()) if target in present}


def unfold_table(texts, table: dict[str, str] | None = None) -> dict[str, str]:
    """{simplified: traditional} for a Traditional edition's excerpts: the index holds folded text, so each
    folded character is shown again as the character that page text most often had there.

    Per character, not per word: where an edition writes two Traditional forms of one Simplified character
    (台/臺), an excerpt may show the other form. Both are correct Traditional characters."""
    fold_map = traditional_to_simplified() if table is None else table
    seen: dict[str, Counter] = {}
    for text in texts:
        for char in text:
            folded = fold_map.get(char)
            if folded:
                seen.setdefault(folded, Counter())[char] += 1
    return {folded: counts.most_common(1)[0][0] for folded, counts in sorted(seen.items())}


def fold_asset(table: dict[str, str]) -> str:
    """The browser's copy: one JSON string of pairs, "誹诽謗谤…", the smallest form to ship and parse."""
    return json.dumps("".join(source + target for source, target in table.items()), ensure_ascii=False)


if __name__ == "__main__":
    table = opencc_table()
    TABLE_FILE.write_text(table_text(table), encoding="utf-8")
    print(f"{TABLE_FILE}: {len(table)} pairs")
