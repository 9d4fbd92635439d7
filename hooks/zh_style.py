"""The Simplified Chinese style sheet (contrib/zh-style.md), checked where a machine can check it.

Data in hooks/data/zh-terms.yml:
- `terms`: one word per concept. A word listed under `avoid` is reported at its line, with the word to use.
- `link_labels`: the one label for links to each page. A link to that page (not to one of its sections,
  which is labelled by the section) with other text is reported.
- `first_use_everyday`: phrases in which a glossary term is an everyday word (消息送达, 发布更正), each with
  the reason; see below.

The glossary's terms (the headings of docs/zh/glossary.md, e.g. 诺威奇令（Norwich order）) get the English in
brackets at their first use on each page: the first one without it is reported at its line with the
bracketed form to write. A closing ” or 》 may come between: “合理评论”（fair comment）,
《海牙送达公约》（Hague Service Convention）. These are not first uses, so the English goes at the next use:
comments (the flowchart's summary sentences), labels of links to other pages (fixed labels such as
[诈骗与勒索](scams.md); a link to the glossary carries the English in its label), a bold run-in heading at
the start of a line, a word inside a title in 《》 that is not the term itself (《书面及口头诽谤法》), a term
inside a longer one (送达 in 海牙送达公约), and the everyday phrases.
All three rules fail the build. Fenced code, inline code, headings, the front matter and the glossary page
itself are skipped. The Traditional edition inherits all of this, because it is converted from these pages.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from front_matter import SAFE_LOADER
from glossary_terms import ENTRY, term_from_heading
from languages import build_language
from markdown_lines import unfenced_lines
from problems import Problem, report

log = logging.getLogger("mkdocs.hooks.zh_style")

TERMS_FILE = Path(__file__).parent / "data" / "zh-terms.yml"
LANGUAGE = "zh"
LINK = re.compile(r"(?<!!)\[(?P<label>[^\]]+)\]\((?P<target>[^)#\s]+)(?P<anchor>#[^)\s]*)?\)")
INLINE_CODE = re.compile(r"`[^`\n]+`")
HEADING = re.compile(r"^#{1,6}\s")
# 诺威奇令（Norwich order）, also after a closing mark: “合理评论”（fair comment）, 《海牙送达公约》（…）
BRACKETED_LATIN = re.compile(r"^[”》*]*（[^）]*[A-Za-z][^）]*）")
ANY_LINK = re.compile(r"(?<!!)\[(?P<label>[^\]]+)\]\((?P<target>[^)#\s]*)[^)]*\)")
COMMENT = re.compile(r"<!--.*?-->")
RUN_IN_HEADING = re.compile(r"^\s*(?:[-*+]\s+|\d+\.\s+)?\*\*[^*]+\*\*")  # 3. **言论已被发布**：…
TITLE = re.compile(r"《(?P<title>[^》]+)》")
GLOSSARY_PAGE = "glossary.md"


@dataclass(frozen=True)
class StyleRules:
    avoid: dict[str, tuple[str, str]]  # word to avoid → (word to use, why)
    link_labels: dict[str, str]  # page → its one label
    everyday: tuple[str, ...] = ()  # phrases in which a glossary term is an everyday word: no English needed


@cache
def load_rules(path: Path = TERMS_FILE) -> StyleRules:
    if not path.exists():
        return StyleRules({}, {})
    return _parse_rules(path.read_text(encoding="utf-8"))


@cache  # asked for twice per page; the file is read each time, parsed once per content
def _parse_rules(text: str) -> StyleRules:
    data = yaml.load(text, Loader=SAFE_LOADER) or {}
    avoid = {}
    for entry in data.get("terms") or []:
        for word in entry.get("avoid") or []:
            avoid[word] = (entry["use"], entry.get("why", ""))
    everyday = tuple(entry["phrase"] for entry in data.get("first_use_everyday") or [])
    return StyleRules(avoid, dict(data.get("link_labels") or {}), everyday)


def _body_start(text: str) -> int:
    """The first line number after the front matter (1 when there is none)."""
    if not text.startswith("---\n"):
        return 1
    end = text.find("\n---\n", 3)
    return text.count("\n", 0, end) + 3 if end >= 0 else 1


def _prose_lines(text: str):
    """(line number, line) of the body outside fences and headings, with inline code blanked out."""
    start = _body_start(text)
    for number, line in unfenced_lines(text):
        if number >= start and not HEADING.match(line):
            yield number, INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)


def check_terms(text: str, file: str, rules: StyleRules) -> list[Problem]:
    problems = []
    for number, line in _prose_lines(text):
        for word, (use, why) in rules.avoid.items():
            if word in line:
                message = f"write '{use}' instead of '{word}' ({why}); see contrib/zh-style.md"
                problems.append(Problem(file, number, message))
        for link in LINK.finditer(line):
            target = link["target"].split("/")[-1]
            wanted = rules.link_labels.get(target)
            if wanted and not link["anchor"] and link["label"] != wanted:
                message = f"a link to {target} is labelled '{wanted}' on every page, not '{link['label']}'"
                problems.append(Problem(file, number, message))
    return problems


@cache
def glossary_terms(glossary_text: str) -> dict[str, str]:
    """The Chinese headwords of the glossary whose heading gives the English in brackets, with that English."""
    terms = {}
    for _, line in unfenced_lines(glossary_text):
        entry = ENTRY.match(line)
        if entry and "（" in entry["text"]:
            english = entry["text"].split("（", 1)[1].rsplit("）", 1)[0]
            terms[term_from_heading(entry["text"])] = english
    return dict(sorted(terms.items(), key=lambda item: -len(item[0])))  # longer first: 书面诽谤 before 诽谤


def _skipped_spans(line: str, everyday: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where a glossary term is not its first use: comments, labels of links to anything but the glossary,
    run-in bold headings, and the everyday phrases of zh-terms.yml."""
    spans = [match.span() for match in COMMENT.finditer(line)]
    spans += [match.span("label") for match in ANY_LINK.finditer(line) if match["target"] != GLOSSARY_PAGE]
    spans += [match.span() for match in RUN_IN_HEADING.finditer(line)]
    spans += [(match.start(), match.end()) for phrase in everyday for match in re.finditer(re.escape(phrase), line)]
    return spans


def check_first_use(text: str, file: str, terms: dict[str, str], everyday: tuple[str, ...] = ()) -> list[Problem]:
    """The first use of each glossary term on a page carries the English in brackets."""
    problems, seen = [], set()
    for number, line in _prose_lines(text):
        present = [(term, english) for term, english in terms.items() if term in line]  # most lines have none
        if not present:
            continue
        skipped = _skipped_spans(line, everyday)
        titles = [match.span("title") for match in TITLE.finditer(line)]
        taken: list[tuple[int, int]] = []  # where a longer term was found: 送达 inside 海牙送达公约
        for term, english in present:
            for match in re.finditer(re.escape(term), line):
                start, end = match.span()
                if any(a <= start and end <= b for a, b in taken):
                    continue
                taken.append((start, end))
                if term in seen:
                    continue
                if BRACKETED_LATIN.match(line[end:]):
                    seen.add(term)
                    continue
                # a word in a statute's name (《书面及口头诽谤法》) is not a use; a title that is the term is
                in_title = any(a <= start and end <= b and (a, b) != (start, end) for a, b in titles)
                if not in_title and not any(a <= start and end <= b for a, b in skipped):
                    seen.add(term)
                    message = f"the first '{term}' on this page needs its English term in brackets: {term}（{english}）"
                    problems.append(Problem(file, number, message))
    return problems


def check_page_first_use(text: str, file: str, glossary: Path) -> list[Problem]:
    if Path(file).name == GLOSSARY_PAGE or not glossary.exists():
        return []
    terms = glossary_terms(glossary.read_text(encoding="utf-8"))
    return check_first_use(text, file, terms, load_rules().everyday)


def on_page_markdown(markdown, page, config, files):
    if build_language(config) != LANGUAGE or getattr(page.file, "locale", LANGUAGE) != LANGUAGE:
        return markdown
    path = Path(page.file.abs_src_path)
    name = f"docs/{LANGUAGE}/{path.name}"
    text = path.read_text(encoding="utf-8")
    problems = check_terms(text, name, load_rules()) + check_page_first_use(text, name, path.parent / GLOSSARY_PAGE)
    report(problems, LANGUAGE, log)
    return markdown
