"""Ids that links, checklists and the language switch rely on: explicit, the same in every edition, unique.

- Every heading below the title carries an explicit id (`## Title { #some-id }`): a generated id would
  change with the wording and differ between languages, breaking links and the language switch's #hash.
- A translation that is current has the same heading ids, in the same order, as its English page
  (a translation that is behind may differ: that is in the translation report, not an error).
- A built page has no id twice: the second element could never be linked to, and scripts find the first.
Each problem names both places.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from languages import GENERATED_EDITIONS, LANGUAGES, build_language, other_language_path
from markdown_lines import unfenced_lines
from problems import Problem, report
from translations import CURRENT, page_status, shown_source, shown_source_of

log = logging.getLogger("mkdocs.hooks.page_ids")

HEADING = re.compile(r"^(?P<hashes>#{2,6})\s+(?P<text>.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"""\sid=["'](?P<id>[^"']+)["']""")


def heading_ids(text: str, file: str) -> tuple[list[tuple[str, int]], list[Problem]]:
    """(id, line) of every heading below the title, and a problem for each heading without an id."""
    found, problems = [], []
    for number, line in unfenced_lines(text):
        heading = HEADING.match(line)
        if not heading:
            continue
        explicit = EXPLICIT_ID.search(heading["text"])
        if explicit:
            found.append((explicit["id"], number))
        else:
            title = heading["text"][:50]
            message = f"heading '{title}' has no id; end it with {{ #some-id }}, the same id in every language"
            problems.append(Problem(file, number, message))
    return found, problems


def compare_editions(source: list[tuple[str, int]], target: list[tuple[str, int]], file: str, twin: str):
    """Problems where a current translation's heading ids differ from its English page's."""
    problems = []
    for index in range(max(len(source), len(target))):
        mine = source[index] if index < len(source) else None
        theirs = target[index] if index < len(target) else None
        if mine and theirs and mine[0] == theirs[0]:
            continue
        if mine and theirs:
            message = f"heading id '{mine[0]}' here is '{theirs[0]}' in {twin}:{theirs[1]}; use the same id in both"
            problems.append(Problem(file, mine[1], message))
        elif mine:
            problems.append(Problem(file, mine[1], f"heading id '{mine[0]}' has no heading in {twin}; add it there"))
        else:
            message = (
                f"{twin}:{theirs[1]} has heading id '{theirs[0]}', which this page lacks; "
                "add it here or remove it there"
            )
            problems.append(Problem(file, 0, message))
        break  # after the first difference the rest is shifted: one message per mistake
    return problems


def duplicate_ids(html: str, source: str, file: str) -> list[Problem]:
    """Each id used twice in a built page, placed at its line in the Markdown when it is written there."""
    counts = Counter(match["id"] for match in HTML_ID.finditer(html))
    problems = []
    for element_id, count in counts.items():
        if count < 2:
            continue
        index = max(source.find(f"#{element_id}"), source.find(f'id="{element_id}"'))
        line = source.count("\n", 0, index) + 1 if index >= 0 else 0
        message = f"the id '{element_id}' is used {count} times on this page; give each heading or element its own"
        problems.append(Problem(file, line, message))
    return problems


def _is_generated_edition(config) -> bool:
    """The Traditional edition has its Simplified source's ids exactly; that source is checked already."""
    return build_language(config) in GENERATED_EDITIONS


def on_page_markdown(markdown, page, config, files):
    if _is_generated_edition(config):
        return markdown
    path, name = shown_source_of(page, config)
    text = path.read_text(encoding="utf-8")
    ids, problems = heading_ids(text, name)
    twin = other_language_path(path)
    is_source = LANGUAGES[0] in path.parts and build_language(config) == LANGUAGES[0]
    if is_source and twin.exists() and shown_source(twin) == twin:
        twin_text = twin.read_text(encoding="utf-8")
        if page_status(path.name, text, twin_text).state == CURRENT:
            twin_name = other_language_path(name).as_posix()
            problems += compare_editions(ids, heading_ids(twin_text, twin_name)[0], name, twin_name)
    report(problems, build_language(config), log)
    return markdown


def on_post_page(output, page, config):
    if page.file.abs_src_path is None or _is_generated_edition(config):
        return output
    path, name = shown_source_of(page, config)
    report(duplicate_ids(output, path.read_text(encoding="utf-8"), name), build_language(config), log)
    return output
