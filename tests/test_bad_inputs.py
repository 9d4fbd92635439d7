"""The bad-input corpus (tests/bad_inputs/cases.yml) against the real build: every hostile or careless edit
fails the strict build with its exact message at the right file and line, once, and leaves no site behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import run_build
from test_build import copy_project

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8"))


def apply(project: Path, case: dict) -> None:
    page = project / case["file"]
    text = page.read_text(encoding="utf-8")
    if "append" in case:
        text = text.rstrip("\n") + "\n\n" + case["append"] + "\n"
    else:
        old, new = case["replace"]
        assert old in text, f"{case['id']}: {old!r} is not in {case['file']} any more; update the corpus"
        text = text.replace(old, new, 1)
    page.write_text(text, encoding="utf-8")


def expected_line(project: Path, case: dict) -> int:
    text = (project / case["file"]).read_text(encoding="utf-8")
    index = text.find(case["line_at"])
    assert index >= 0, case["id"]
    return text.count("\n", 0, index) + 1 + case.get("line_offset", 0)


def pattern(project: Path, case: dict) -> str:
    if "reported_in" in case:
        where = re.escape(case["reported_in"]) + r":\d+"
    else:
        where = re.escape(f"{case['file']}:{expected_line(project, case)}")
    message = case["message_re"] if "message_re" in case else re.escape(case["message"])
    return rf"(?m)^WARNING\s+-\s+{where}: {message}$"


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("corpus")
    project = copy_project(tmp_path)
    for case in CASES:
        apply(project, case)
    site = tmp_path / "site"
    return project, site, run_build(site, "http://127.0.0.1:1/", config=project / "mkdocs.yml")


def test_the_corpus_covers_every_attack_of_the_content_safety_issue():
    assert len(CASES) >= 20 and len({case["id"] for case in CASES}) == len(CASES)
    assert {case["stopped_by"] for case in CASES} <= {"sanitiser", "csp", "both"}


def test_the_build_fails_and_leaves_no_site_behind(corpus_build):
    _, site, result = corpus_build
    assert result.returncode != 0
    assert not site.exists(), "a failed build must not leave a site that could be published"
    assert "The build failed, so nothing was left in" in result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_each_bad_input_is_reported_once_at_its_file_and_line(corpus_build, case):
    project, _, result = corpus_build
    found = re.findall(pattern(project, case), result.stderr)
    assert len(found) == 1, (
        f"{case['id']}: expected one line matching\n{pattern(project, case)}\n{result.stderr[-6000:]}"
    )


def test_the_problem_count_covers_all_editions(corpus_build):
    _, _, result = corpus_build
    summary = re.search(r"(\d+) problems in all editions \(en: (\d+), zh: (\d+)\)", result.stderr)
    assert summary, result.stderr[-2000:]
    total, english, chinese = map(int, summary.groups())
    assert total == english + chinese and english > 0 and chinese > 0
    assert total == len(re.findall(r"(?m)^WARNING\s+-", result.stderr))


def test_front_matter_mistakes_alone_give_one_message_each_and_no_traceback(tmp_path):
    """Two pages whose front matter cannot be used, and nothing else wrong: one message for each (a broken
    front matter must not also set off the checks that read it), in one build."""
    cases = [case for case in CASES if case["id"] in ("malformed-yaml", "impossible-date")]
    project = copy_project(tmp_path)
    for case in cases:
        apply(project, case)
    result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=project / "mkdocs.yml")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(re.findall(r"(?m)^WARNING\s+-", result.stderr)) == len(cases) == 2, result.stderr[-3000:]
    for case in cases:
        assert len(re.findall(pattern(project, case), result.stderr)) == 1, case["id"]
    assert not (tmp_path / "site").exists()
