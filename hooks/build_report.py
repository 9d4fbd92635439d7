"""The end of a build: one count of problems for all editions, and no half-written site left behind.

static-i18n builds the other languages inside the default language's `post_build`, so MkDocs's own
"Aborted with N warnings" counts one language only. This hook counts every warning of the whole build
(ours and MkDocs's) per language and prints the total once. When a strict build fails, it removes the
output folder: a failed build must never leave a complete-looking site that could be uploaded.
`mkdocs serve` (not strict, see scripts/serve.py) keeps its folder and shows the problems at the top of
every page instead, so a contributor sees them in the browser as well as in the terminal.
"""

from __future__ import annotations

import html
import logging
import re
import shutil
from collections import Counter
from pathlib import Path

import problems
from languages import LANGUAGES, build_language
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.build_report")


class _WarningCounter(logging.Handler):
    """Counts warnings per language while it is attached to the `mkdocs` logger."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.language = ""
        self.counts: Counter = Counter()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[getattr(record, "lc_language", self.language)] += 1  # a late report names its language
        self.messages.append(record.getMessage())


_state = {"depth": 0, "command": "build"}
_counter = _WarningCounter()


def remove_site(site_dir: str) -> bool:
    """Delete a failed build's output; True when something was removed."""
    path = Path(site_dir)
    if not path.exists():
        return False
    shutil.rmtree(path, ignore_errors=True)
    return True


BODY_OPEN = re.compile(r"<body[^>]*>")


def problems_banner(messages: list[str], summary: str) -> str:
    """The preview's list of problems, shown above every page while any remain."""
    items = "".join(f"<li><code>{html.escape(message)}</code></li>" for message in messages)
    return (
        '<div class="lc-build-problems" role="alert" style="background:#fff3cd;color:#000;padding:1em;'
        'border-bottom:3px solid #c00;font:14px/1.4 sans-serif"><strong>'
        f"{html.escape(summary)}</strong><ul>{items}</ul></div>"
    )


def show_in_pages(site_dir: str, banner: str) -> None:
    """Put the banner at the top of every built page (the preview only)."""
    for path in Path(site_dir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        path.write_text(BODY_OPEN.sub(lambda match: match.group(0) + banner, text, count=1), encoding="utf-8")


def _finish(config, failed: bool) -> None:
    logging.getLogger("mkdocs").removeHandler(_counter)
    line = problems.summary(_counter.counts)
    if line:
        log.error(line)
        if _state["command"] == "serve" and not failed:
            show_in_pages(config.site_dir, problems_banner(_counter.messages, line))
    failed = failed or (config.strict and bool(_counter.counts))
    if failed and _state["command"] != "serve" and remove_site(config.site_dir):
        log.error(f"The build failed, so nothing was left in {config.site_dir}")


def on_startup(command, dirty):
    _state["command"] = command


@event_priority(100)  # before any checker runs
def on_pre_build(config):
    if _state["depth"] == 0:
        problems.CURRENT.reset()
        _counter.counts.clear()
        _counter.messages.clear()
        logging.getLogger("mkdocs").addHandler(_counter)
    _state["depth"] += 1
    _counter.language = build_language(config)


@event_priority(-1000)  # last: after static-i18n has built the other languages
def on_post_build(config):
    _state["depth"] = max(0, _state["depth"] - 1)
    if _state["depth"] == 0:
        _finish(config, failed=False)
    else:
        _counter.language = LANGUAGES[0]  # back in the default language's build


def on_build_error(error):
    if _state["depth"] == 0:
        return  # the build had finished (MkDocs's strict abort comes after post_build): already reported
    _state["depth"] -= 1
    if _state["depth"] == 0:
        _finish(_state["config"], failed=True)


@event_priority(-1000)
def on_config(config):
    _state["config"] = config
    return config
