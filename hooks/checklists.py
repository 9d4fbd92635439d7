"""Interactive, printable checklists written in Markdown.

A checklist is an ordinary task list between two HTML comments, so it reads well on GitHub:

    <!-- checklist id="preserve-evidence" -->
    ### Preserve the evidence { #evidence-checklist }

    - [ ] Take screenshots that show the post and who posted it. <!-- id: screenshots -->
        An optional note, indented four spaces, may hold [links](help.md).
    - [ ] Back up the chat. <!-- id: backup -->
    <!-- /checklist -->

Another page can show the same checklist (same ids, so the same saved ticks) with
`<!-- checklist-include: preserve-evidence -->`. Checklist and item ids are shared by both languages;
the text is translated. Parsing gives plain data; validation collects every problem with file:line;
rendering goes through overrides/partials/lc-checklist.html.
"""

from __future__ import annotations

import functools
import logging
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import segno
from languages import LANGUAGES, build_language, format_date, other_language_path, summary_url
from markdown_lines import unfenced_lines
from mkdocs.plugins import event_priority
from page_assets import require
from problems import Problem, report
from translations import shown_source, translation_is_current
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.checklists")

OPTIONS = ("id",)
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
OPEN = re.compile(r"^\s*<!--\s*checklist(?P<options>(?:\s[^>]*?)?)\s*-->\s*$")
CLOSE = re.compile(r"^\s*<!--\s*/checklist\s*-->\s*$")
INCLUDE = re.compile(r"^\s*<!--\s*checklist-include:\s*(?P<id>\S*)\s*-->\s*$")
HEADING = re.compile(r"^(?P<hashes>#{2,4})\s+(?P<text>.+?)\s*$")
ITEM = re.compile(r"^[-*]\s+\[(?P<mark>[ xX])\]\s*(?P<text>.*?)\s*(?:<!--\s*id:\s*(?P<id>[^\s>]*)\s*-->)?\s*$")
NOTE_INDENT = "    "


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    note: str
    line: int


@dataclass(frozen=True)
class Checklist:
    id: str
    heading: str  # the Markdown heading line, kept as written so the table of contents lists it
    items: tuple[Item, ...]
    file: str
    line: int


@dataclass(frozen=True)
class Include:
    id: str
    line: int


@dataclass
class Parsed:
    """A page's checklists and includes, each with the 0-based line span it replaces."""

    blocks: list[tuple[int, int, Checklist | Include]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def checklists(self) -> list[Checklist]:
        return [block for _, _, block in self.blocks if isinstance(block, Checklist)]


def _options(text: str, file: str, line: int) -> tuple[dict[str, str], list[Problem]]:
    """`id="x"` style options; unknown options and bad quoting are problems."""
    try:
        words = shlex.split(text)
    except ValueError:
        return {}, [Problem(file, line, f'cannot read the options {text.strip()!r}; write them as id="my-list"')]
    options, problems = {}, []
    for word in words:
        key, sep, value = word.partition("=")
        if not sep:
            problems.append(Problem(file, line, f'option {word!r} needs a value, e.g. id="my-list"'))
        elif key not in OPTIONS:
            problems.append(Problem(file, line, f"unknown option {key!r}; allowed: {', '.join(OPTIONS)}"))
        else:
            options[key] = value
    return options, problems


def _parse_block(lines: list[str], start: int, end: int, list_id: str, file: str) -> tuple[Checklist, list[Problem]]:
    """The heading and items between an opening comment (start) and its closing comment (end)."""
    heading, items, problems = "", [], []
    current: dict | None = None
    for index in range(start + 1, end):
        raw = lines[index]
        number = index + 1
        item = ITEM.match(raw)
        if item:
            if item["mark"] != " ":
                problems.append(Problem(file, number, "items start unticked: write '- [ ]', not '- [x]'"))
            if not item["id"]:
                problems.append(Problem(file, number, "item has no id; end the line with <!-- id: short-name -->"))
            elif not ID.fullmatch(item["id"]):
                problems.append(
                    Problem(file, number, f"item id {item['id']!r} must be lowercase letters, digits and hyphens")
                )
            if not item["text"]:
                problems.append(Problem(file, number, "item is empty; write the step after '- [ ]'"))
            current = {"id": item["id"] or "", "text": item["text"], "note": [], "line": number}
            items.append(current)
        elif OPEN.match(raw):
            continue  # a nested opening is reported by parse()
        elif HEADING.match(raw) and not items and not heading:
            heading = raw.strip()
        elif not raw.strip():
            if current:
                current["note"].append("")
        elif raw.startswith(NOTE_INDENT) and current:
            current["note"].append(raw[len(NOTE_INDENT) :])
        else:
            problems.append(
                Problem(
                    file,
                    number,
                    "unexpected line in a checklist: use '- [ ] text <!-- id: name -->', "
                    "an indented note under an item, or one heading before the first item",
                )
            )
    if not heading:
        problems.append(Problem(file, start + 1, f"checklist {list_id!r} needs a heading (## or ###) before its items"))
    if not items:
        problems.append(Problem(file, start + 1, f"checklist {list_id!r} has no items"))
    seen: dict[str, int] = {}
    for item in items:
        if item["id"] in seen and item["id"]:
            problems.append(
                Problem(file, item["line"], f"item id {item['id']!r} is already used on line {seen[item['id']]}")
            )
        seen.setdefault(item["id"], item["line"])
    checklist = Checklist(
        id=list_id,
        heading=heading,
        items=tuple(Item(i["id"], i["text"], "\n".join(i["note"]).strip("\n"), i["line"]) for i in items),
        file=file,
        line=start + 1,
    )
    return checklist, problems


@functools.lru_cache(maxsize=512)  # on_files reads every page, then each page is parsed again as it is built
def parse(markdown: str, file: str) -> Parsed:
    """Find every checklist and include in a page, outside fenced code, and report malformed ones.
    The result is shared between callers: treat it as read-only."""
    lines = markdown.split("\n")
    parsed = Parsed()
    open_at: int | None = None
    open_id = ""
    for number, line in unfenced_lines(markdown):
        index = number - 1
        opening, closing, include = OPEN.match(line), CLOSE.match(line), INCLUDE.match(line)
        if opening:
            if open_at is not None:
                parsed.problems.append(
                    Problem(
                        file,
                        number,
                        f"checklist opened inside checklist {open_id!r} (line {open_at + 1}); "
                        "close that one first with <!-- /checklist -->",
                    )
                )
                continue
            options, problems = _options(opening["options"], file, number)
            parsed.problems.extend(problems)
            open_id = options.get("id", "")
            if not open_id:
                parsed.problems.append(
                    Problem(file, number, 'checklist has no id; write <!-- checklist id="my-list" -->')
                )
            elif not ID.fullmatch(open_id):
                parsed.problems.append(
                    Problem(file, number, f"checklist id {open_id!r} must be lowercase letters, digits and hyphens")
                )
            open_at = index
        elif closing:
            if open_at is None:
                parsed.problems.append(
                    Problem(file, number, '<!-- /checklist --> without an opening <!-- checklist id="…" -->')
                )
                continue
            checklist, problems = _parse_block(lines, open_at, index, open_id, file)
            parsed.problems.extend(problems)
            parsed.blocks.append((open_at, index, checklist))
            open_at = None
        elif include and open_at is None:
            if not ID.fullmatch(include["id"]):
                parsed.problems.append(
                    Problem(
                        file,
                        number,
                        "checklist-include needs the id of a checklist, "
                        "e.g. <!-- checklist-include: preserve-evidence -->",
                    )
                )
            else:
                parsed.blocks.append((index, index, Include(include["id"], number)))
    if open_at is not None:
        parsed.problems.append(
            Problem(
                file, open_at + 1, f"checklist {open_id!r} is not closed; add <!-- /checklist --> after its last item"
            )
        )
    seen: dict[str, int] = {}
    for checklist in parsed.checklists:
        if checklist.id in seen and checklist.id:
            parsed.problems.append(
                Problem(
                    file, checklist.line, f"checklist id {checklist.id!r} is already used on line {seen[checklist.id]}"
                )
            )
        seen.setdefault(checklist.id, checklist.line)
    return parsed


def compare_translations(
    original: list[Checklist], translation: list[Checklist], translation_file: str
) -> list[Problem]:
    """A translated page must have the same checklists with the same item ids (order and text may differ)."""
    problems = []
    by_id = {checklist.id: checklist for checklist in translation}
    for checklist in original:
        other = by_id.pop(checklist.id, None)
        if other is None:
            problems.append(
                Problem(
                    translation_file,
                    1,
                    f"checklist {checklist.id!r} from {checklist.file}:{checklist.line} is missing here; "
                    "translate it with the same ids",
                )
            )
            continue
        ours, theirs = [i.id for i in checklist.items], {i.id for i in other.items}
        lacking = [item_id for item_id in ours if item_id not in theirs]
        extra = [item for item in other.items if item.id not in ours]
        if len(lacking) == 1 and len(extra) == 1:  # one id typed differently: one mistake, one message
            message = (
                f"item {extra[0].id!r} of checklist {checklist.id!r} is {lacking[0]!r} in {checklist.file}; "
                "use the same item ids in both languages"
            )
            problems.append(Problem(other.file, extra[0].line, message))
            continue
        for item_id in ours:
            if item_id not in theirs:
                problems.append(
                    Problem(
                        other.file,
                        other.line,
                        f"checklist {checklist.id!r} lacks item {item_id!r}, which {checklist.file} has; "
                        "use the same item ids in both languages",
                    )
                )
        for item in other.items:
            if item.id not in ours:
                problems.append(
                    Problem(
                        other.file,
                        item.line,
                        f"item {item.id!r} is not in checklist {checklist.id!r} of {checklist.file}; "
                        "use the same item ids in both languages",
                    )
                )
    for checklist in by_id.values():
        problems.append(
            Problem(
                checklist.file,
                checklist.line,
                f"checklist {checklist.id!r} is not on the other-language page; add it there with the same ids",
            )
        )
    return problems


@functools.lru_cache(maxsize=256)  # the same page's checklists share one code
def qr_data_uri(url: str) -> str:
    """A QR code of the page's address as an SVG data URI, made at build time (no network)."""
    return segno.make(url, error="m").svg_data_uri(border=1, scale=4)


def render(checklist: Checklist, template, **context) -> str:
    """The Markdown-in-HTML that replaces a checklist block."""
    return "\n" + template.render(checklist=checklist, **context) + "\n"


def replace_blocks(markdown: str, parsed: Parsed, rendered: dict[int, str]) -> str:
    """The page with each block (keyed by its first line) swapped for its rendering."""
    lines = markdown.split("\n")
    for start, end, _ in sorted(parsed.blocks, reverse=True):
        if start in rendered:
            lines[start : end + 1] = [rendered[start]]
    return "\n".join(lines)


# --- MkDocs events: thin wrappers over the functions above -------------------------------------------

_registry: dict[str, Checklist] = {}  # rebuilt in on_files for each language build
_template: dict[str, object] = {}  # the checklist partial, compiled once per language build
TEMPLATE = "partials/lc-checklist.html"


def _source_name(file) -> str:
    return f"docs/{file.src_uri}"


@event_priority(-200)  # after static-i18n has picked this language's files (it runs at -100)
def on_files(files, config):
    _registry.clear()
    _template.clear()
    language = build_language(config)
    for file in files.documentation_pages():
        if getattr(file, "locale", language) != language:
            continue  # an untranslated fallback page: its checklists are in the other language
        text = shown_source(Path(file.abs_src_path)).read_text(encoding="utf-8")
        for checklist in parse(text, _source_name(file)).checklists:
            _registry.setdefault(checklist.id, checklist)
    return files


def expand(
    markdown: str, parsed: Parsed, registry: dict[str, Checklist], render_one, file: str
) -> tuple[str, list[Problem]]:
    """Swap each checklist, and each include of one, for its rendering; an unknown include is a problem."""
    rendered, problems = {}, []
    for start, _, block in parsed.blocks:
        checklist = registry.get(block.id) if isinstance(block, Include) else block
        if checklist is None:
            message = f"no checklist with id {block.id!r} in this language; check the id"
            problems.append(Problem(file, block.line, message))
            continue
        rendered[start] = render_one(checklist)
    return replace_blocks(markdown, parsed, rendered), problems


def _translation_problems(page, parsed: Parsed, name: str, language: str) -> list[Problem]:
    """Compare the two languages once, in the default-language build, reading the translation from disk."""
    if language != LANGUAGES[0] or getattr(page.file, "locale", language) != language:
        return []
    other = other_language_path(page.file.abs_src_path)
    if not translation_is_current(Path(page.file.abs_src_path)):
        return []  # not translated yet, a draft marked `translation: pending`, or behind English
    other_name = name.replace(f"/{language}/", f"/{LANGUAGES[1]}/", 1)
    translated = parse(other.read_text(encoding="utf-8"), other_name)
    return compare_translations(parsed.checklists, translated.checklists, other_name)


def on_page_markdown(markdown, page, config, files):
    name = _source_name(page.file)
    language = config.theme["language"]
    parsed = parse(markdown, name)
    problems = parsed.problems + _translation_problems(page, parsed, name, language)
    if parsed.blocks:
        if TEMPLATE not in _template:
            _template[TEMPLATE] = config.theme.get_env().get_template(TEMPLATE)
        template = _template[TEMPLATE]
        page_meta = getattr(page, "lc_meta", None)
        address = page.canonical_url or page.url
        context = {
            "ui": strings_for(language),
            "page_url": address,
            "qr_data_uri": qr_data_uri(address),
            "lawyer_url": summary_url(page.url, language),
            "reviewed_text": format_date(page_meta.reviewed, language) if page_meta else "",
        }
        markdown, expand_problems = expand(
            markdown, parsed, _registry, lambda checklist: render(checklist, template, **context), name
        )
        problems += expand_problems
        require(page, "lc-checklist")
    report(problems, language, log)
    return markdown
