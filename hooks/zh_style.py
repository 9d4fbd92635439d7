"""The Simplified Chinese style sheet (contrib/zh-style.md), checked where a machine can check it.

Data in hooks/data/zh-terms.yml:
- `terms`: one word per concept. A word listed under `avoid` is reported at its line, with the word to use.
- `link_labels`: the one label for links to each page. A link to that page (not to one of its sections,
  which is labelled by the section) with other text is reported.

The glossary's terms also get the English in brackets at their first use on each page, e.g.
诺威奇令（Norwich order). Today's pages miss it about a hundred times, mostly for everyday words that are also
glossary terms (诽谤, 发布, 勒索), so `first_use_report` lists them for editors at the end of each test run
instead of failing the build; the term and link-label rules fail it.
Fenced code, inline code and headings are skipped. The Traditional edition inherits all of this, because
it is converted from these pages.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
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
BRACKETED_LATIN = re.compile(r"^（[^）]*[A-Za-z][^）]*）")


@dataclass(frozen=True)
class StyleRules:
    avoid: dict[str, tuple[str, str]]  # word to avoid → (word to use, why)
    link_labels: dict[str, str]  # page → its one label


@cache
def load_rules(path: Path = TERMS_FILE) -> StyleRules:
    if not path.exists():
        return StyleRules({}, {})
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    avoid = {}
    for entry in data.get("terms") or []:
        for word in entry.get("avoid") or []:
            avoid[word] = (entry["use"], entry.get("why", ""))
    return StyleRules(avoid, dict(data.get("link_labels") or {}))


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


def glossary_terms(glossary_text: str) -> list[str]:
    """The Chinese headwords of the glossary whose heading gives the English in brackets."""
    terms = []
    for _, line in unfenced_lines(glossary_text):
        entry = ENTRY.match(line)
        if entry and "（" in entry["text"]:
            terms.append(term_from_heading(entry["text"]))
    return sorted(terms, key=len, reverse=True)  # longer terms first: 书面诽谤 before 诽谤


def check_first_use(text: str, file: str, terms: list[str]) -> list[Problem]:
    """The first use of each glossary term on a page carries the English in brackets."""
    problems, seen = [], set()
    for number, line in _prose_lines(text):
        for term in terms:
            if term in seen:
                continue
            index = line.find(term)
            if index < 0:
                continue
            seen.add(term)
            longer = any(other != term and term in other and other in line for other in terms)
            if not longer and not BRACKETED_LATIN.match(line[index + len(term) :]):
                message = f"the first '{term}' on this page needs its English term in brackets: {term}（…）"
                problems.append(Problem(file, number, message))
    return problems


def first_use_report(docs: Path) -> list[str]:
    """Every first use of a glossary term without its English in brackets, for editors (not a build error)."""
    glossary = docs / LANGUAGE / "glossary.md"
    terms = glossary_terms(glossary.read_text(encoding="utf-8")) if glossary.exists() else []
    lines = []
    for page in sorted((docs / LANGUAGE).rglob("*.md")):
        if page.name != "glossary.md":
            name = f"docs/{LANGUAGE}/{page.relative_to(docs / LANGUAGE).as_posix()}"
            lines += [str(problem) for problem in check_first_use(page.read_text(encoding="utf-8"), name, terms)]
    return lines


def on_page_markdown(markdown, page, config, files):
    if build_language(config) != LANGUAGE or getattr(page.file, "locale", LANGUAGE) != LANGUAGE:
        return markdown
    path = Path(page.file.abs_src_path)
    name = f"docs/{LANGUAGE}/{path.name}"
    report(check_terms(path.read_text(encoding="utf-8"), name, load_rules()), LANGUAGE, log)
    return markdown
