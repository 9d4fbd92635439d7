"""Glossary terms explained where they are used: on hover, keyboard focus and tap, in both languages.

The glossary page of each language (docs/<lang>/glossary.md) defines the terms:

    ### Norwich order { #norwich-order }            ### 诺威奇令（Norwich order） { #norwich-order }

    中文：**诺威奇令**                               英文：**Norwich order**

    A court order that makes a third party, …       法院命令第三方……

The term is the heading text (in Chinese, the part before the bracketed English); the explanation is the
first paragraph that is not the other-language label line. On every other page, the first occurrence of
each term in running text (not in a heading, link, code, button or label, and not when the page already
links to that glossary entry) becomes a link to the entry carrying its explanation as a tooltip
(overrides nothing: markup below, styles in lc-glossary.css, tap handling in lc-glossary.js).

Python-Markdown's `abbr` matches whole words only, so it never finds a Chinese term inside a Chinese
sentence. Here Chinese terms are matched anywhere, then kept only where jieba's segmentation (with our
legal-terms dictionary) has a word boundary on both sides: 被告 is marked in 被告可以 but not in 被告知.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba_store
from languages import build_language
from mkdocs.plugins import event_priority
from problems import Problem, report

log = logging.getLogger("mkdocs.hooks.glossary_terms")

GLOSSARY_PAGE = "glossary.md"
ENTRY = re.compile(r"^###\s+(?P<text>.+?)\s*\{\s*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}\s*$")
HEADING = re.compile(r"^#{1,6}\s")
LABEL = re.compile(r"^(中文|英文|Chinese|English)\s*[：:]")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CJK = re.compile(r"[\u3400-\u9fff]")
# Elements whose text is never marked: headings, links, code, form controls, and our own widgets.
SKIP_TAGS = frozenset(
    {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style", "button", "label"}
    | {"summary", "select", "option", "textarea", "abbr", "svg", "math", "dt", "figcaption"}
)
SKIP_CLASSES = frozenset({"admonition-title", "lc-term", "lc-fc", "lc-checklist__print-info", "lc-translation"})
BLOCK_TAGS = frozenset(
    {"p", "li", "div", "td", "th", "dd", "dt", "blockquote", "section", "article", "br"}
    | {f"h{n}" for n in range(1, 7)}
)
# English terms whose everyday sense ("terms of service") is far more common on our pages than the legal one.
EVERYDAY_WORDS = frozenset({"service"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]*)(?P<attrs>[^>]*?)(?P<self>/)?>", re.S)
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    explanation: str  # plain text


def plain_text(markdown: str) -> str:
    """A Markdown paragraph as plain text: links keep their words, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"(\*{1,3}|_{1,3}|`+)(\S.*?\S|\S)\1", r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def term_from_heading(text: str) -> str:
    """'诺威奇令（Norwich order）' -> '诺威奇令'; 'Norwich order' stays as it is."""
    return re.split(r"\s*[（(]", text, maxsplit=1)[0].strip() or text.strip()


def parse_glossary(markdown: str, file: str = GLOSSARY_PAGE) -> tuple[list[Term], list[Problem]]:
    """The terms of a glossary page, in page order, and a problem (with file:line) per unusable entry.

    A term or id defined twice is a problem naming both lines: the second would silently replace the
    first explanation on every page."""
    terms, problems = [], []
    first_line: dict[str, int] = {}  # term (case-folded) or #id → line of its first entry
    lines = markdown.split("\n")
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if FENCE.match(line):
            fence = None if fence else line.strip()[:3]
        match = None if fence else ENTRY.match(line)
        index += 1
        if not match:
            continue
        paragraphs, current, start = [], [], index + 1
        while index < len(lines) and not HEADING.match(lines[index]):
            if lines[index].strip():
                current.append(lines[index].strip())
            elif current:
                paragraphs.append(" ".join(current))
                current = []
            index += 1
        if current:
            paragraphs.append(" ".join(current))
        explanation = next((p for p in paragraphs if not LABEL.match(p)), "")
        line, term = start - 1, term_from_heading(match["text"])
        if not explanation:
            problems.append(Problem(file, line, f"glossary entry '{match['id']}' has no explanation paragraph"))
            continue
        clash = next((key for key in (f"#{match['id']}", term.casefold()) if key in first_line), None)
        if clash:
            what = f"the id {clash}" if clash.startswith("#") else f"the term '{term}'"
            message = f"{what} is already defined on line {first_line[clash]}; merge the two entries into one"
            problems.append(Problem(file, line, message))
            continue
        first_line[f"#{match['id']}"] = first_line[term.casefold()] = line
        terms.append(Term(match["id"], term, plain_text(explanation)))
    return terms, problems


def term_pattern(terms: list[Term]) -> re.Pattern | None:
    """One pattern for all terms, longest first, so 书面诽谤 wins over 诽谤 where both fit."""
    if not terms:
        return None
    words = sorted({t.term for t in terms}, key=len, reverse=True)
    chinese = [re.escape(w) for w in words if CJK.search(w)]
    latin = [rf"(?i:{re.escape(w[0])}){re.escape(w[1:])}" for w in words if not CJK.search(w)]
    # The word-start check stands outside the Latin alternatives, so the engine tries them only where a
    # word starts rather than at every character (several times faster on English pages).
    parts = chinese + ([rf"(?<![\w-])(?:{'|'.join(latin)})s?(?![\w-])"] if latin else [])
    return re.compile("|".join(parts))


@lru_cache(maxsize=64)
def _pattern_for(terms: tuple[Term, ...]) -> re.Pattern | None:
    """term_pattern, made once per set of terms (most pages link to no glossary entry themselves)."""
    return term_pattern(list(terms))


def is_sentence_start(text: str, offset: int) -> bool:
    """Whether offset starts a sentence, as far as this piece of text shows (its start counts as one)."""
    before = text[:offset].rstrip()
    return not before or before[-1] in ".!?:;\"'“‘("


def looks_like_a_name(term: str, word: str, text: str, offset: int) -> bool:
    """'Libel' inside 'the Libel and Slander Act': a capital that the glossary term does not explain."""
    return term[1:] == term[1:].lower() and word[0].isupper() and not is_sentence_start(text, offset)


def word_boundaries(text: str) -> set[int]:
    """Offsets in text where jieba's segmentation starts or ends a word (hooks/jieba_store.py: without
    loading jieba's whole dictionary into this process when the helper has stored it)."""
    bounds = {0, len(text)}
    for _, start, end in jieba_store.tokenizer().tokenize(text):
        bounds.update((start, end))
    return bounds


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether jieba's segmentation of text has a word boundary at start and at end.

    jieba cuts each run of its Han characters (jieba.re_han_default) on its own, and every other character
    is a word of its own, so only the runs around start and end are cut: the same answer as
    word_boundaries(text), without cutting the whole paragraph."""
    import jieba

    low, high = start, end
    for run in jieba.re_han_default.finditer(text):
        if run.start() <= start < run.end():
            low = run.start()
        if run.start() < end <= run.end():
            high = run.end()
            break
        if run.start() >= end:
            break
    low -= text[low - 1 : low + 1] == "\r\n"  # jieba keeps a Windows line break as one word
    high += text[high - 1 : high + 1] == "\r\n"
    return {start - low, end - low} <= word_boundaries(text[low:high])


def _term_markup(term: Term, word: str, href: str) -> str:
    tip = f"lc-term-{term.id}"
    return (
        f'<span class="lc-term"><a class="lc-term__word" href="{html.escape(href)}#{term.id}" '
        f'aria-describedby="{tip}">{word}</a>'
        f'<span class="lc-term__tip" id="{tip}" role="tooltip">'
        f"{html.escape(term.explanation)}</span></span>"
    )


def _classes(attrs: str) -> set[str]:
    match = CLASS_ATTR.search(attrs)
    return set((match.group(1) or match.group(2) or "").split()) if match else set()


def mark_terms(content: str, terms: list[Term], glossary_href: str) -> tuple[str, list[str]]:
    """The page HTML with the first running-text occurrence of each term marked; and the ids marked."""
    terms = [t for t in terms if t.term.casefold() not in EVERYDAY_WORDS]
    by_word = {t.term.casefold(): t for t in terms}
    done = set(re.findall(rf'href="{re.escape(glossary_href)}#([A-Za-z0-9_-]+)"', content))
    pattern = _pattern_for(tuple(t for t in terms if t.id not in done))
    if pattern is None:
        return content, []
    marked: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, skipped)
    skipping = 0  # how many elements of the stack are skipped ones: text is marked only at 0
    out = []
    before = ""  # the end of the text since the current block started, to tell sentence starts
    for piece in TOKEN.split(content):
        if not piece:
            continue
        if piece.startswith("<"):
            tag = TAG.match(piece)
            if tag and not piece.startswith("<!--"):
                name = tag["name"].lower()
                if tag["close"]:
                    for depth in range(len(stack) - 1, -1, -1):
                        if stack[depth][0] == name:
                            skipping -= sum(skipped for _, skipped in stack[depth:])
                            del stack[depth:]
                            break
                elif name not in VOID_TAGS and not tag["self"]:
                    skipped = name in SKIP_TAGS or bool(_classes(tag["attrs"]) & SKIP_CLASSES)
                    stack.append((name, skipped))
                    skipping += skipped
                if name in BLOCK_TAGS:
                    before = ""  # a new block starts a new sentence
            out.append(piece)
            continue
        text_before, before = before, (before + piece)[-40:]
        if skipping or not pattern.search(piece):
            out.append(piece)
            continue

        def replace(match: re.Match, piece=piece, text_before=text_before) -> str:
            word = match.group(0)
            term = by_word.get(word.casefold()) or by_word.get(word[:-1].casefold())
            if term is None or term.id in done:
                return word
            if CJK.search(word):
                if not is_whole_word(piece, match.start(), match.end()):
                    return word  # part of a longer word, e.g. 被告 in 被告知
            elif looks_like_a_name(term.term, word, text_before + piece, len(text_before) + match.start()):
                return word
            done.add(term.id)
            marked.append(term.id)
            return _term_markup(term, word, glossary_href)

        out.append(pattern.sub(replace, piece))
    return "".join(out), marked


# --- MkDocs events: thin wrappers over the functions above -------------------------------------------

_terms: dict[str, list[Term]] = {}  # per language, re-read in on_files for each language build


def _glossary_file(files, language: str):
    for file in files.documentation_pages():
        own = getattr(file, "locale", language) == language
        if own and file.src_uri in (f"{language}/{GLOSSARY_PAGE}", GLOSSARY_PAGE):
            return file
    return None


_glossary_of: dict[str, tuple] = {}  # language → (the build's files, its glossary file): one search per build


def glossary_file_of(files, language: str):
    """_glossary_file, looked up once per language build rather than once per page."""
    known = _glossary_of.get(language)
    if known is None or known[0] is not files:
        known = _glossary_of[language] = (files, _glossary_file(files, language))
    return known[1]


@event_priority(-200)  # after static-i18n has chosen this language's files
def on_files(files, config):
    language = build_language(config)
    glossary = _glossary_file(files, language)
    _terms[language] = []
    if glossary is None:
        return files
    text = Path(glossary.abs_src_path).read_text(encoding="utf-8")
    terms, problems = parse_glossary(text, f"docs/{glossary.src_uri}")
    report(problems, language, log)
    _terms[language] = terms
    return files


@event_priority(-40)  # after the search hooks have read the page: explanations are not the page's own text
def on_page_content(html_content, page, config, files):
    from mkdocs.utils import get_relative_url

    language = config.theme["language"]
    glossary = glossary_file_of(files, language)
    if glossary is None or page.file is glossary or getattr(page.file, "locale", language) != language:
        return html_content  # no glossary, the glossary itself, or an untranslated page shown in English
    href = get_relative_url(glossary.url, page.url)
    html_content, marked = mark_terms(html_content, _terms.get(language, []), href)
    page.lc_glossary_terms = marked
    return html_content
