"""CONTRIBUTING.md's promises, kept: the "Your first pull request" walk-through, followed step by step in a
scratch copy with the blocks the document shows, and the translation states it describes."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_build
from test_build import copy_project

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
GUIDE_ZH = (ROOT / "CONTRIBUTING.zh.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^(?P<indent> *)```(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)


def walkthrough(guide: str = GUIDE) -> str:
    start = guide.index("{ #first-pull-request }")
    return guide[start : guide.index("\n## ", start)]


def blocks(section: str) -> list[tuple[dict, str]]:
    """(options, text) of every code block, with its indentation removed; options come from its info string."""
    found = []
    for match in BLOCK.finditer(section):
        words = shlex.split(match["info"])
        options = dict(word.split("=", 1) for word in words[1:] if "=" in word)
        options.update({word: "" for word in words[1:] if "=" not in word})
        indent = len(match["indent"])
        text = "".join(line[indent:] if line.strip() else "\n" for line in match["body"].splitlines(keepends=True))
        found.append((options, text))
    return found


def follow(project: Path, section: str) -> None:
    """Write each file block, append each append block, insert each `after` block, as the steps say."""
    for options, text in blocks(section):
        if "file" in options and "after" in options:
            target = project / options["file"]
            content = target.read_text(encoding="utf-8")
            anchor = options["after"] + "\n"
            assert anchor in content, f"{options['file']} has no line {options['after']!r} any more"
            target.write_text(content.replace(anchor, anchor + text, 1), encoding="utf-8")
        elif "file" in options:
            (project / options["file"]).write_text(text, encoding="utf-8")
        elif "append" in options:
            target = project / options["append"]
            target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")


def sync(project: Path, *pages: str) -> None:
    command = [sys.executable, str(project / "scripts" / "translation_sync.py"), *pages]
    subprocess.run(command, check=True, capture_output=True, cwd=project)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("first-pr")
    project = copy_project(tmp_path)
    (project / "scripts").mkdir()
    (project / "scripts" / "translation_sync.py").write_text(
        (ROOT / "scripts" / "translation_sync.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    follow(project, walkthrough())
    sync(project, "keep-a-record.md", "glossary.md")
    return project


def test_both_guides_walk_through_the_same_files():
    def steps(guide: str) -> list[tuple]:
        found = [(options.get("file"), options.get("append"), text) for options, text in blocks(walkthrough(guide))]
        return [step for step in found if step[0] or step[1]]

    assert steps(GUIDE) == steps(GUIDE_ZH) and steps(GUIDE)[1][0] == "docs/zh/keep-a-record.md"


def test_the_walkthrough_builds_with_its_page_checklist_and_glossary_term(project, tmp_path):
    result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    for prefix, term in (("", "Contemporaneous notes"), ("zh/", "同期记录")):
        page = (tmp_path / "site" / prefix / "keep-a-record" / "index.html").read_text(encoding="utf-8")
        assert 'data-lc-checklist="keep-a-record"' in page and 'data-lc-item="audience"' in page
        assert "lc-translation" not in page  # the synced translation shows no "may be out of date" notice
        glossary = (tmp_path / "site" / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        assert 'id="contemporaneous-notes"' in glossary and term in glossary


def test_each_mistake_of_step_seven_gives_the_message_the_guide_shows(project, tmp_path):
    english = project / "docs" / "en" / "keep-a-record.md"
    chinese = project / "docs" / "zh" / "keep-a-record.md"
    original_english, original_chinese = english.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
    try:
        english.write_text(
            original_english.replace(" { #what-to-write }", "", 1) + "\n<script>alert(1)</script>\n", encoding="utf-8"
        )
        chinese.write_text(original_chinese.replace("id: audience", "id: viewers"), encoding="utf-8")
        result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=project / "mkdocs.yml")
        assert result.returncode != 0
        expected = next(text for options, text in blocks(walkthrough()) if "expect" in options).splitlines()
        warnings = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert warnings == expected, warnings  # each once; the checklist mismatch waits: English is now ahead
        english.write_text(original_english, encoding="utf-8")  # undo the English mistakes: current again
        result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=project / "mkdocs.yml")
        warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert len(warnings) == 1 and "docs/zh/keep-a-record.md" in warnings[0] and "audience" in warnings[0]
    finally:
        english.write_text(original_english, encoding="utf-8")
        chinese.write_text(original_chinese, encoding="utf-8")


def test_an_english_only_edit_passes_and_the_translation_report_says_what_english_added(project):
    from translation_report import report_lines

    english = project / "docs" / "en" / "keep-a-record.md"
    original = english.read_text(encoding="utf-8")
    try:
        english.write_text(
            original.replace("<!-- /checklist -->", "- [ ] Who posted it. <!-- id: poster -->\n<!-- /checklist -->"),
            encoding="utf-8",
        )
        lines = report_lines(project / "docs")
        index = lines.index("docs/zh/keep-a-record.md: outdated")
        assert "poster" in lines[index + 1] and lines[index + 1].startswith("    ")
    finally:
        english.write_text(original, encoding="utf-8")
