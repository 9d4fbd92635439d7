"""Every page's YAML front matter, read in one place that never crashes.

MkDocs swallows a YAML error and silently shows the front matter as page text; PyYAML raises a bare
ValueError for an impossible date such as `2026-13-45`. Here both become problems naming the file and
the line, every page is still read, and the build reports them all at once. A key's line is kept so
field checks (hooks/page_meta.py, hooks/content_safety.py) can point at it too.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field

import yaml
from problems import Problem

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?\n)?---[ \t]*\n", re.S)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there: ten times faster


@dataclass(frozen=True)
class FrontMatter:
    meta: dict
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key → 1-based line in the file
    problems: tuple[Problem, ...] = ()

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


class _Loader(SAFE_LOADER):
    """SafeLoader that keeps an impossible date as text and notes where it was."""

    def __init__(self, stream):
        super().__init__(stream)
        self.bad_dates: list[tuple[int, str]] = []

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            self.bad_dates.append((node.start_mark.line, node.value))
            return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _load(meta_text: str):
    """The data, the impossible dates, and each top-level key's line, from one pass of the parser."""
    loader = _Loader(meta_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, loader.bad_dates, _key_lines(node)
    finally:
        loader.dispose()


def _key_lines(node) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in node.value}  # +1 for '---', +1 for 1-based


@functools.lru_cache(maxsize=2048)
def _parse(text: str, file: str) -> FrontMatter:
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, text)
    meta_text, body = match["meta"] or "", text[match.end() :]
    try:
        meta, bad_dates, key_lines = _load(meta_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        message = (
            f"the front matter cannot be read ({reason}); write one 'key: value' per line and put text "
            "that contains ': ' or starts with a quote, [ or { in double quotes"
        )
        return FrontMatter({}, body, problems=(Problem(file, line, message),))
    if not isinstance(meta, dict):
        message = "the front matter must be 'key: value' lines between two '---' lines"
        return FrontMatter({}, body, problems=(Problem(file, 2, message),))
    problems = tuple(
        Problem(file, line + 2, f"{value!r} is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-25")
        for line, value in bad_dates
    )
    return FrontMatter(meta, body, key_lines, problems)


def parse(text: str, file: str = "") -> FrontMatter:
    """A page's front matter (empty when it has none or cannot be read), body, key lines and problems."""
    parsed = _parse(text, file)
    return FrontMatter(copy.deepcopy(parsed.meta), parsed.body, parsed.key_lines, parsed.problems)
