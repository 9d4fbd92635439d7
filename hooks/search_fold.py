"""Traditional → Simplified folding for search, from OpenCC's character tables, without the network.

The index is folded at build time with the full table; the browser folds a reader's query with a
compact copy limited to the characters that can still match something in that language's index.
"""

from __future__ import annotations

import json
from functools import cache

# CJK Unified Ideographs, Extension A and the compatibility block: every character OpenCC may fold.
HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
# OpenCC's generic Traditional table first; the Taiwan and Hong Kong variant tables fill the gaps.
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")


@cache
def traditional_to_simplified() -> dict[str, str]:
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
    return {source: target for source, target in table.items() if source not in simplified}


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


def fold_asset(table: dict[str, str]) -> str:
    """The browser's copy: one JSON string of pairs, "誹诽謗谤…", the smallest form to ship and parse."""
    return json.dumps("".join(source + target for source, target in table.items()), ensure_ascii=False)
