"""A page as the search index sees it: its visible text, and the HTML that Pagefind is given for it.

Chinese is folded Traditional → Simplified, cut into words by jieba (our legal terms kept whole) and
each word spelled in ASCII, so that Pagefind keeps jieba's words (see WORD_MARK). A module of its own,
importable by name, because hooks/background.py sends index_html to a helper process by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from search_fold import fold
from search_zh import HAN_RUN, segment

# Pagefind's browser code re-cuts zh/ja/th queries with Intl.Segmenter, whose words are not jieba's.
# Our text arrives already cut, so every language but English (which gets Pagefind's stemmer) is
# written under the neutral code "und"; lc-search.js asks for that code by name.
PAGEFIND_LANGUAGE = {"en": "en"}
NEUTRAL_LANGUAGE = "und"
SKIPPED_TAGS = {"script", "style", "svg", "template", "button"}
BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "pre", "summary"}


@dataclass(frozen=True)
class SearchRecord:
    """One page as the index sees it: where it lives (relative to its language root) and its words."""

    url: str
    title: str
    text: str


class _TextExtractor(HTMLParser):
    """Visible text of rendered page HTML: no scripts, no permalink marks, blocks kept apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self._skip_depth or tag in SKIPPED_TAGS or "headerlink" in classes:
            if tag not in {"br", "img", "input"}:
                self._skip_depth += 1
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self._skip_depth:
            self._skip_depth -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip_depth:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The reader-visible text of a page body, whitespace collapsed."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


# Pagefind's WebAssembly re-cuts any Chinese query into single characters, which would undo jieba's
# words. So each Chinese word travels through Pagefind spelled in ASCII: "zq" and four hex digits
# per character (诽谤 → zq8bfd8c24). Prefixes still line up character by character, and
# lc-search.js spells queries the same way and turns excerpts back into Chinese.
WORD_MARK = "zq"


def spell_han(text: str) -> str:
    """Every run of Chinese characters spelled as WORD_MARK plus four hex digits per character."""
    # HAN_RUN matches only characters of the Basic Multilingual Plane: UTF-16 gives four hex digits each.
    return HAN_RUN.sub(lambda match: WORD_MARK + match.group(0).encode("utf-16-be").hex(), text)


def pagefind_language(language: str) -> str:
    return PAGEFIND_LANGUAGE.get(language, NEUTRAL_LANGUAGE)


def index_html(record: SearchRecord, language: str) -> str:
    """The page as Pagefind reads it: the title as a heading (which Pagefind ranks higher), then the text."""
    title, text = (escape(spell_han(segment(fold(part)))) for part in (record.title, record.text))
    return (
        f'<html lang="{pagefind_language(language)}"><body>'
        f'<h1 data-pagefind-meta="title:{escape(record.title)}">{title}</h1><p>{text}</p></body></html>'
    )


def index_file(url: str) -> str:
    """Where a page's index HTML goes so that Pagefind gives it back this URL: "a/" → "a/index.html"."""
    path = url.removeprefix("./")
    return f"{path}index.html" if path == "" or path.endswith("/") else path
