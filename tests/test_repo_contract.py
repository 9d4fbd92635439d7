"""The contributor surface: README commands, CI, workflows and issue forms agree with the Makefile."""

import re
import subprocess

import yaml
from conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
TARGETS = set(re.findall(r"^([a-z][\w-]*):", MAKEFILE, re.M))


def make_targets(text: str) -> set[str]:
    return set(re.findall(r"\bmake ([a-z][\w-]*)", text))


def test_readme_names_serve_and_test_and_they_exist():
    assert {"serve", "test", "build"} <= make_targets(README) <= TARGETS


def test_ci_script_runs_exactly_the_readme_test_command():
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert commands[-1] == "make test"
    assert "make test" in README


def load_workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def run_steps(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def test_ci_workflow_tests_builds_strictly_and_uploads_with_least_privilege():
    workflow = load_workflow("ci.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert "cancel-in-progress" in workflow["concurrency"]
    targets = set().union(*(make_targets(run) for run in run_steps(workflow)))
    assert {"test", "build"} <= targets <= TARGETS
    uses = [step.get("uses", "") for step in workflow["jobs"]["test"]["steps"]]
    assert any(use.startswith("actions/upload-artifact@") for use in uses)


def test_deploy_runs_only_after_the_tests_passed_on_main_and_builds_strictly_with_the_pages_actions():
    assert not (ROOT / ".github" / "workflows" / "deploy.yml").exists(), "deploy lives in ci.yml, after the tests"
    workflow = load_workflow("ci.yml")
    jobs = workflow["jobs"]
    assert jobs["pages-build"]["needs"] == "test" and jobs["deploy"]["needs"] == "pages-build"
    assert "refs/heads/main" in jobs["pages-build"]["if"] and "push" in jobs["pages-build"]["if"]
    build_runs = [step["run"] for step in jobs["pages-build"]["steps"] if "run" in step]
    assert set().union(*(make_targets(run) for run in build_runs)) == {"build"}
    uses = {step.get("uses", "").split("@")[0] for job in ("pages-build", "deploy") for step in jobs[job]["steps"]}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/configure-pages"} <= uses
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "--strict" in re.search(r"^build:.*?\n\n", MAKEFILE, re.M | re.S).group(0)


def test_issue_forms_and_dependabot_parse():
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = {yaml.safe_load(path.read_text(encoding="utf-8")).get("name") for path in forms} - {None}
    assert len(names) == 3
    ecosystems = {
        u["package-ecosystem"] for u in yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())["updates"]
    }
    assert ecosystems == {"pip", "github-actions"}


def test_requirements_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            if line and not line.startswith(("#", "-r")):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line), f"{name}: {line} is not pinned with =="


def test_every_package_asked_for_by_name_is_pinned_and_the_build_needs_no_test_tool():
    pins = {
        line.split("==")[0].strip().lower().replace("_", "-")
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    wanted = {
        line.strip().lower().replace("_", "-")
        for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert wanted <= pins, f"add to requirements.txt (make pins): {sorted(wanted - pins)}"
    assert "opencc" in pins  # the Traditional edition is converted at build time, not only in tests


def test_a_missing_debian_package_is_named_with_the_command_that_installs_it(tmp_path):
    """Not root (a contributor's own machine): nothing is installed, and the message says what to run."""
    (tmp_path / "id").write_text("#!/bin/sh\necho 1000\n")
    (tmp_path / "id").chmod(0o755)
    script = f". {ROOT / 'scripts' / 'debian-packages.sh'}; install_missing 'the browser tests' chromium fonts-noto-cjk"
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin"}
    result = subprocess.run(["sh", "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Debian packages for the browser tests are not installed: chromium fonts-noto-cjk",
        "Install them, then run 'make test' again:  sudo apt-get install -y chromium fonts-noto-cjk",
    ]
    nothing_missing = subprocess.run(["sh", "-c", script.split(";")[0] + "; install_missing 'x'"], env=env)
    assert nothing_missing.returncode == 0
