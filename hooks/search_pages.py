"""A page as the search index sees it: its visible text, and the HTML that Pagefind is given for it.

Chinese is folded Traditional → Simplified, cut into words by jieba (our legal terms kept whole) and
each word spelled in ASCII, so that Pagefind keeps jieba's words (see WORD_MARK). A module of its own,
importable by name, because hooks/background.py sends index_html to a helper process by name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from html.parser import HTMLParser

from search_fold import fold
from search_synonyms import extra_words
from search_zh import HAN_RUN, segment

# Pagefind's browser code re-cuts zh/ja/th queries with Intl.Segmenter, whose words are not jieba's.
# Our text arrives already cut, so every language but English (which gets Pagefind's stemmer) is
# written under the neutral code "und"; lc-search.js asks for that code by name.
PAGEFIND_LANGUAGE = {"en": "en"}
NEUTRAL_LANGUAGE = "und"
SKIPPED_TAGS = {"script", "style", "svg", "template", "button"}
BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "pre", "summary"}


SECTION_TAGS = {"h2", "h3"}  # a heading with an id starts a section that a result can link to


@dataclass(frozen=True)
class Section:
    """A part of a page below one heading: the heading's id and text, and the words under it."""

    id: str
    heading: str
    text: str
    reader: str = ""  # reader words for this section (hooks/search_reader_words.py), never shown


@dataclass(frozen=True)
class SearchRecord:
    """One page as the index sees it: where it lives (relative to its language root) and its words.

    `text` is the text before the first section heading (all of it when the page has no sections)."""

    url: str
    title: str
    text: str
    sections: tuple[Section, ...] = ()
    weight: float = 1.0  # front matter `search: {boost: …}`, Material's key: the glossary ranks below topic pages
    reader: str = ""  # reader words for the page as a whole (hooks/search_reader_words.py), never shown

    @property
    def reader_words(self) -> str:
        """All of the page's reader words, its own and its sections'."""
        return " ".join(filter(None, [self.reader, *(section.reader for section in self.sections)]))

    @property
    def all_text(self) -> str:
        return " ".join([self.text, *(f"{section.heading} {section.text}" for section in self.sections)])


class _TextExtractor(HTMLParser):
    """Visible text of rendered page HTML: no scripts, no permalink marks, blocks kept apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.sections: list[tuple[str, list[str], list[str]]] = []  # (id, heading parts, text parts)
        self._skip_depth = 0
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self._skip_depth or tag in SKIPPED_TAGS or "headerlink" in classes:
            if tag not in {"br", "img", "input"}:
                self._skip_depth += 1
            return
        if tag in SECTION_TAGS and attributes.get("id"):
            self._heading = []
            self.sections.append((attributes["id"], self._heading, []))
            self.parts = self.sections[-1][2]
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self._skip_depth:
            self._skip_depth -= 1
        elif tag in SECTION_TAGS and self._heading is not None:
            self._heading = None
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._skip_depth:
            return
        (self._heading if self._heading is not None else self.parts).append(data)


def _collapse(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def page_sections(html: str) -> tuple[str, tuple[Section, ...]]:
    """The reader-visible text before the first section heading, and each section (id, heading, text)."""
    extractor = _TextExtractor()
    intro = extractor.parts
    extractor.feed(html)
    extractor.close()
    sections = tuple(Section(key, _collapse(heading), _collapse(text)) for key, heading, text in extractor.sections)
    return _collapse(intro), sections


def page_text(html: str) -> str:
    """The reader-visible text of a page body, whitespace collapsed."""
    intro, sections = page_sections(html)
    return " ".join([intro, *(f"{section.heading} {section.text}" for section in sections)]).strip()


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


def _indexed(text: str) -> str:
    return escape(spell_han(segment(fold(text))))


# Reader words (hooks/search_reader_words.py) weigh like a keywords field: as much as a third-level heading
# (Pagefind: h3 5), less than the title (h1 7) and the sections' own headings (h2 6); body text is 1. At 3 they
# lost to pages that only mention the reader's words; 5 and 7 gave the same tuning figures (contrib/search.md).
# They sit right after the title or the section's heading, so that Pagefind's excerpt around them also shows the
# heading and the start of the text, and between marks that lc-search.js cuts out of excerpts with the words
# between them: READER_START, READER_MORE every READER_CHUNK words (an excerpt of 24 words that starts or ends
# inside a long list still shows a mark, and which side of it is reader words), READER_END. Nobody types the
# marks; they say nothing about a page.
READER_WEIGHT = 5
READER_START, READER_MORE, READER_END = "lcrwa", "lcrwm", "lcrwz"
READER_CHUNK = 8


# A reader phrase of several words (被告了, 不知道该怎么做) is also indexed whole, spelled with a mark of its own
# (zr…), so that no word's search finds it by prefix; a query that has the whole phrase searches it as one more
# word (lc-search-cut.js), which only the phrase's page or section has. Its words are indexed too, as before.
PHRASE_MARK = "zr"


def reader_phrases(words: str) -> list[str]:
    """The Chinese reader phrases that jieba cuts into several words, folded (被告了; not 群主, one word)."""
    folded = (fold(item) for item in words.split() if HAN_RUN.fullmatch(item))
    return [phrase for phrase in folded if len(segment(phrase).split()) > 1]


def spell_phrase(phrase: str) -> str:
    return PHRASE_MARK + phrase.encode("utf-16-be").hex()


def marked_html(tokens: list[str], weight: float) -> str:
    """Index words that no excerpt may show: weighted, between their marks."""
    if not tokens:
        return ""
    chunks = [" ".join(tokens[i : i + READER_CHUNK]) for i in range(0, len(tokens), READER_CHUNK)]
    inner = f" {READER_MORE} ".join(chunks)
    return f'<p data-pagefind-weight="{weight:g}">{READER_START} {inner} {READER_END}</p>'


def reader_html(words: str, weight: float = 1.0) -> str:
    """Reader words as the index holds them: folded, cut, spelled, each phrase of several words whole too."""
    tokens = _indexed(words).split()
    if tokens:
        tokens += [spell_phrase(phrase) for phrase in reader_phrases(words)]
    return marked_html(tokens, READER_WEIGHT * weight)


SYNONYM_WEIGHT = 0.5  # search synonyms (hooks/search_synonyms.py): below the page's own text


def synonym_html(words: str, weight: float = 1.0) -> str:
    return marked_html(_indexed(words).split(), SYNONYM_WEIGHT * weight)


def section_synonyms(record: SearchRecord) -> tuple[str, dict[str, str]]:
    """The search synonyms of the page's text before its first section (with the title), and of each section's
    own heading and text: {section id: words}. Each part gets the synonyms of the words it uses, so that a
    synonym finds the section that uses its group's word (before 2026-12-02 they all followed the last
    section, which Pagefind then took for the section that matched)."""
    intro = extra_words(fold(f"{record.title} {record.text}"))
    return intro, {section.id: extra_words(fold(f"{section.heading} {section.text}")) for section in record.sections}


def index_html(record: SearchRecord, language: str, synonyms: tuple[str, dict[str, str]] = ("", {})) -> str:
    """The page as Pagefind reads it: the title as the top heading, each section under its own heading with
    the section's id (Pagefind weighs headings above text, and returns the matching section as a sub-result
    that links to it), and, inside each part, the words readers use for its words (search synonyms,
    section_synonyms), weighted low and never shown."""
    intro_synonyms, by_section = synonyms

    def extra(words: str) -> str:
        return synonym_html(words, record.weight)

    body = "".join(
        f'<h2 id="{escape(section.id)}">{_indexed(section.heading)}</h2>'
        f"{reader_html(section.reader, record.weight)}<p>{_indexed(section.text)}</p>"
        f"{extra(by_section.get(section.id, ''))}"
        for section in record.sections
    )
    content = (
        f'<h1 data-pagefind-meta="title:{escape(record.title)}">{_indexed(record.title)}</h1>'
        f"{reader_html(record.reader, record.weight)}<p>{_indexed(record.text)}</p>{extra(intro_synonyms)}{body}"
    )
    if record.weight != 1.0:
        content = f'<div data-pagefind-weight="{record.weight:g}">{content}</div>'
    return f'<html lang="{pagefind_language(language)}"><body>{content}</body></html>'


def index_entry(
    html: str, url: str, title: str, weight: float, language: str, reader: tuple[str, dict[str, str]] = ("", {})
) -> tuple[SearchRecord, str]:
    """A rendered page as its search record and its index HTML (with its search synonyms, and its reader words:
    the page's own and {section id: the section's}, from hooks/search_reader_words.words_for)."""
    intro, sections = page_sections(html)
    page_words, section_words = reader
    sections = tuple(replace(section, reader=section_words.get(section.id, "")) for section in sections)
    record = SearchRecord(url, title, intro, sections, weight, page_words)
    return record, index_html(record, language, section_synonyms(record))


def index_entries(pages: list[tuple[str, str, str, float, str]]) -> list[tuple[SearchRecord, str]]:
    """index_entry for several pages: the helper process is handed pages in batches, since each hand-over
    costs the main process about as much as reading a page."""
    return [index_entry(*page) for page in pages]


def index_file(url: str) -> str:
    """Where a page's index HTML goes so that Pagefind gives it back this URL: "a/" → "a/index.html"."""
    path = url.removeprefix("./")
    return f"{path}index.html" if path == "" or path.endswith("/") else path
