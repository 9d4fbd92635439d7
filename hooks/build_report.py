"""The end of a build: one count of problems for all editions, and no half-written site left behind.

static-i18n builds the other languages inside the default language's `post_build`, so MkDocs's own
"Aborted with N warnings" counts one language only. This hook counts every warning of the whole build
(ours and MkDocs's) per language and prints the total once. When a strict build fails, it removes the
output folder: a failed build must never leave a complete-looking site that could be uploaded.
`mkdocs serve` keeps its folder (hooks/serve_errors.py shows the problems there instead).
"""

from __future__ import annotations

import logging
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

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[self.language] += 1


_state = {"depth": 0, "command": "build"}
_counter = _WarningCounter()


def remove_site(site_dir: str) -> bool:
    """Delete a failed build's output; True when something was removed."""
    path = Path(site_dir)
    if not path.exists():
        return False
    shutil.rmtree(path, ignore_errors=True)
    return True


def _finish(config, failed: bool) -> None:
    logging.getLogger("mkdocs").removeHandler(_counter)
    line = problems.summary(_counter.counts)
    if line:
        log.error(line)
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
