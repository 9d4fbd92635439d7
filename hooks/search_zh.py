"""Chinese search: our legal-terms dictionary for jieba, with jieba quiet on stderr, and the cutting of text.

Our legal terms (诺威奇令, 不方便法院, …) are kept whole, so a reader's query matches them wherever they sit in
a sentence. The dictionary is loaded where the search helper's work runs (hooks/jieba_store.prepare, sent
by hooks/search_index.py), not in the main process at start-up.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

LEGAL_TERMS = Path(__file__).parent / "data" / "legal-terms.txt"


def load_legal_terms(dictionary: Path = LEGAL_TERMS) -> None:
    """Silence jieba's progress chatter and add our terms; the path does not depend on the cwd."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(dictionary))
    _spaced_words.cache_clear()  # words cut before the terms were known may now be cut otherwise


# Runs of Han characters (with Extension A and the compatibility block); everything else is left as is.
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def segment(text: str) -> str:
    """Text with every run of Chinese cut into words by jieba (our terms kept whole), words spaced apart.

    Latin text is untouched, so "Van Breda 案" and "诺威奇令（Norwich order）" keep their English words.
    The search index splits on spaces, so each Chinese word becomes findable wherever it sits.
    """
    return re.sub(r"\s+", " ", HAN_RUN.sub(lambda match: _spaced_words(match.group(0)), text)).strip()


# jieba keeps a few questions whole (有用吗, 是吗): the question mark 吗 is a stop word and the rest is the word
# a reader searches, so the index keeps them apart; otherwise 有用吗, on one page, is a rare word that a reader's
# "删了有用吗" matches there alone.
QUESTION_ENDING = "吗"


def _apart(word: str) -> list[str]:
    if len(word) > 1 and word.endswith(QUESTION_ENDING):
        return [word[: -len(QUESTION_ENDING)], QUESTION_ENDING]
    return [word]


@lru_cache(maxsize=65536)  # the Traditional edition, folded back, repeats most of the Simplified runs
def _spaced_words(run: str) -> str:
    import jieba

    return " " + " ".join(part for word in jieba.cut(run, HMM=True) for part in _apart(word)) + " "
