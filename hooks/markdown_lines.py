"""Markdown read line by line outside fenced code, for hooks that look for directive comments.

Skipping fences is what lets CONTRIBUTING and examples show a directive without the build acting on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")


def unfenced_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for each line outside ``` and ~~~ fences; fence lines are skipped too."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        match = FENCE.match(line)
        if fence is not None:
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                fence = None
            continue
        if match:
            fence = match["fence"]
            continue
        yield number, line
