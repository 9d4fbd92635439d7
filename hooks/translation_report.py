"""The translation report: which Chinese pages are behind, pending or missing, and what English added.

Printed at the end of every test run and written to the GitHub job summary (tests/conftest.py). A page
that is behind is not an error; this report is how translators learn what to do, including checklist
items, flowchart answers and heading ids that English has and the translation does not have yet.
"""

from __future__ import annotations

from pathlib import Path

import checklists
import flowchart_graph
from page_ids import compare_editions, heading_ids
from translations import CURRENT, OUTDATED, collect_statuses


def differences(english: Path, chinese: Path) -> list[str]:
    """What the translation lacks or has differently, as the build would report it for a current page."""
    english_text, chinese_text = english.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
    english_name, chinese_name = f"docs/en/{english.name}", f"docs/zh/{chinese.name}"
    found = checklists.compare_translations(
        checklists.parse(english_text, english_name).checklists,
        checklists.parse(chinese_text, chinese_name).checklists,
        chinese_name,
    )
    english_chart, _ = flowchart_graph.parse(english_text, english_name)
    chinese_chart, _ = flowchart_graph.parse(chinese_text, chinese_name)
    if english_chart and chinese_chart:
        found += flowchart_graph.compare(english_chart, chinese_chart)
    found += compare_editions(
        heading_ids(english_text, english_name)[0],
        heading_ids(chinese_text, chinese_name)[0],
        english_name,
        chinese_name,
    )
    return [problem.message for problem in found]


def report_lines(docs: Path) -> list[str]:
    """One line per page that is not current, each followed by what differs (indented)."""
    lines = []
    for status in collect_statuses(docs, dates=lambda _: None).values():
        if status.state == CURRENT:
            continue
        state = "missing" if status.target_title is None else status.state
        lines.append(f"docs/zh/{status.page}: {state}")
        if status.state == OUTDATED:
            lines += [f"    {message}" for message in differences(docs / "en" / status.page, docs / "zh" / status.page)]
    return lines
