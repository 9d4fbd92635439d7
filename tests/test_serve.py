"""`make serve` as a contributor uses it: PORT, a busy port, hook edits taking effect, problems in the browser."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, free_port
from test_build import copy_project

spec = importlib.util.spec_from_file_location("serve_script", ROOT / "scripts" / "serve.py")
serve_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve_script)


def test_port_comes_from_the_environment_and_must_be_a_port():
    assert serve_script.requested_port({}) == 8000
    assert serve_script.requested_port({"PORT": "8123"}) == 8123
    with pytest.raises(ValueError, match="PORT must be a number"):
        serve_script.requested_port({"PORT": "http"})


def run_serve(project: Path, port: int) -> subprocess.Popen:
    """The preview as `make serve` starts it; its log goes to a file (a pipe nobody reads could fill up)."""
    env = {**os.environ, "PORT": str(port), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "scripts/serve.py"]
    log = (project / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    process.log_path = project / "serve.log"
    return process


def test_a_busy_port_is_one_clear_line(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "serve.py")],
            cwd=ROOT,
            env={**os.environ, "PORT": str(port)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: port {port} is already in use (another `make serve`?). "
        f"Stop that one, or choose another port: PORT={port + 123} make serve"
    ]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, process: subprocess.Popen, timeout: float = 120) -> str:
    """Poll the preview until the page contains `text` (the rebuild takes a few seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.log_path.read_text(encoding="utf-8")
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.25)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.mark.preview
def test_hook_data_edits_take_effect_and_problems_show_in_the_browser(tmp_path):
    project = copy_project(tmp_path)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    port = free_port()
    process = run_serve(project, port)
    try:
        home = f"http://127.0.0.1:{port}/zh/"
        wait_for(home, "最后审阅", process)
        strings = project / "hooks" / "data" / "ui-strings.yml"
        strings.write_text(
            strings.read_text(encoding="utf-8").replace('"最后审阅"', '"最近一次审阅"'), encoding="utf-8"
        )
        wait_for(home, "最近一次审阅", process)
        page = project / "docs" / "en" / "help.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
        shown = wait_for(f"http://127.0.0.1:{port}/help/", "lc-build-problems", process)
        assert "docs/en/help.md:" in shown and "&lt;script&gt; is not allowed in a page" in shown
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=30) == 0
    assert "Traceback" not in process.log_path.read_text(encoding="utf-8")
