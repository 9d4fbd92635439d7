"""scripts/check_links.py against a local server: working links, a 404, a refused HEAD, a timeout."""

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from check_links import Result, check, check_all, external_links, main, table  # noqa: E402


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def answer(self, status: int, body: bytes = b"ok"):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def do_HEAD(self):  # noqa: N802 - the stdlib's name
        self.route()

    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.route()

    def route(self):
        if self.path == "/ok":
            self.answer(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/get-only":
            self.answer(405 if self.command == "HEAD" else 200)
        elif self.path == "/slow":
            time.sleep(1.5)
            self.answer(200)
        else:
            self.answer(404, b"missing")


@pytest.fixture(scope="module")
def remote():
    httpd = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_working_link_and_a_redirect_to_one_pass(remote):
    assert check(f"{remote}/ok", timeout=1) == Result(f"{remote}/ok", "200", True)
    assert check(f"{remote}/moved", timeout=1) == Result(f"{remote}/moved", "200", True)


def test_a_server_refusing_head_is_asked_with_get(remote):
    assert check(f"{remote}/get-only", timeout=1) == Result(f"{remote}/get-only", "200", True)


def test_a_missing_page_fails_with_its_status(remote):
    assert check(f"{remote}/gone", timeout=1) == Result(f"{remote}/gone", "404", False)


def test_a_slow_server_fails_with_a_timeout(remote):
    assert check(f"{remote}/slow", timeout=0.3) == Result(f"{remote}/slow", "timeout after 0.3 s", False)


def test_nobody_listening_fails_with_the_error(remote):
    result = check("http://127.0.0.2:9/nothing", timeout=1)
    assert result.ok is False and result.status.startswith("error: ")


def site_with_links(tmp_path, remote):
    (tmp_path / "zh").mkdir()
    (tmp_path / "index.html").write_text(
        f'<a href="{remote}/ok">a</a> <a href="{remote}/gone#part">b</a> <a href="../about/">internal</a>'
        '<a href="http://127.0.0.1:8000/zh/">own preview</a>'
        '<a class="md-content__button md-icon" href="https://github.com/x/y/edit/main/docs/en/index.md">edit</a>',
        encoding="utf-8",
    )
    (tmp_path / "zh" / "index.html").write_text(f'<a href="{remote}/ok">a</a>', encoding="utf-8")
    return tmp_path


def test_external_links_are_collected_with_their_pages_and_without_fragments(tmp_path, remote):
    site = site_with_links(tmp_path, remote)
    assert external_links(site) == {f"{remote}/ok": ["index.html", "zh/index.html"], f"{remote}/gone": ["index.html"]}


def test_the_table_lists_broken_links_first_and_counts_them(tmp_path, remote):
    site = site_with_links(tmp_path, remote)
    pages = external_links(site)
    results = check_all(sorted(pages), timeout=1)
    assert table(results, pages).splitlines() == [
        "status  ok    pages  url (first page)",
        f"404     FAIL      1  {remote}/gone (index.html)",
        f"200     ok        2  {remote}/ok (index.html)",
        "2 external links, 1 broken",
    ]


def test_main_exits_1_when_a_link_is_broken_and_2_without_a_site(tmp_path, remote, capsys):
    (tmp_path / "site").mkdir()
    site = site_with_links(tmp_path / "site", remote)
    assert main([str(site), "--timeout", "1"]) == 1
    assert "1 broken" in capsys.readouterr().out
    assert main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'nowhere'}: no built site here. Fix: run `make build` first.\n"


def test_the_links_workflow_runs_weekly_or_by_hand_and_reports_in_an_issue_with_least_privilege():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert set(triggers) == {"schedule", "workflow_dispatch"}  # never blocks a pull request
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["external-links"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    uses = [step.get("uses", "").split("@")[0] for step in job["steps"]]
    assert "lycheeverse/lychee-action" in uses and "peter-evans/create-issue-from-file" in uses
    lychee = next(step for step in job["steps"] if step.get("uses", "").startswith("lycheeverse/"))
    assert lychee["with"]["fail"] is False


def test_make_links_runs_the_script_on_the_built_site():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nlinks: build\n\t$(BIN)/python scripts/check_links.py site\n" in makefile
