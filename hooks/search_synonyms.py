"""Search synonyms: a page that uses one word of a group is also found by the words readers use instead.

The groups are data (hooks/data/search-synonyms.txt), each with its reason. Expansion happens when the index
is written, so the browser downloads nothing more: the other words of each group the page uses are added
to the page's index entry, weighted low (hooks/search_pages.index_html).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

SYNONYMS_FILE = Path(__file__).parent / "data" / "search-synonyms.txt"


@cache
def synonym_groups(path: Path = SYNONYMS_FILE) -> tuple[tuple[str, ...], ...]:
    groups = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        words, _, why = line.partition("\t")
        if not why.strip() or len(words.split()) < 2:
            raise ValueError(f"{path.name}:{number}: write two or more words, a tab, then why")
        groups.append(tuple(words.split()))
    return tuple(groups)


MAX_REPEAT = 10


def extra_words(folded_text: str, groups: tuple[tuple[str, ...], ...] | None = None) -> str:
    """The words of every group the (folded) page text uses that the text itself does not contain, each as
    often as the page uses the group's words (at most MAX_REPEAT): a page that is about limitation periods
    then outranks one that mentions them once, as it would for the page's own word."""
    groups = synonym_groups() if groups is None else groups
    extra: list[str] = []
    for group in groups:
        own = {word: _own_count(folded_text, word, group) for word in group}
        uses = min(MAX_REPEAT, sum(own.values()))
        if uses:
            extra += [word for word in group if not own[word]] * uses
    return " ".join(extra)


def _own_count(folded_text: str, word: str, group: tuple[str, ...]) -> int:
    """How often the text has the word other than inside a longer word of its group: a page that writes 诉讼费用
    has no 讼费 that a search for 讼费 could find (the index holds 诉讼费用 as one word), so it needs the synonym."""
    for longer in group:
        if word != longer and word in longer:
            folded_text = folded_text.replace(longer, " ")
    return folded_text.count(word)
