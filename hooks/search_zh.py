"""Chinese search: load our legal-terms dictionary into jieba and keep jieba quiet on stderr.

Material segments Chinese text with jieba when it is importable; this hook makes jieba keep our legal
terms (诺威奇令, 不方便法院, …) whole, so a reader's query matches them wherever they sit in a sentence.
"""

from __future__ import annotations

import logging
from pathlib import Path

LEGAL_TERMS = Path(__file__).parent / "data" / "legal-terms.txt"


def load_legal_terms(dictionary: Path = LEGAL_TERMS) -> None:
    """Silence jieba's progress chatter and add our terms; the path does not depend on the cwd."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(dictionary))


def on_startup(command, dirty):
    load_legal_terms()
