"""Quick exit: what every page's "Leave this site quickly" control needs, in the page's language.

Set as a Jinja global in on_env, so the 404 pages (rendered without a page context) get it too. The neutral
address is data (hooks/data/ui-strings.yml, key quick_exit_url); the behaviour is in lc-quick-exit.js."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.quick_exit")


@dataclass(frozen=True)
class QuickExit:
    label: str
    hint: str
    url: str


def quick_exit_for(language: str, table: dict[str, dict[str, str]] | None = None) -> tuple[QuickExit, list[str]]:
    """The control's label, keyboard hint and neutral address in one language, and what is wrong with them."""
    ui = strings_for(language, table)
    quick_exit = QuickExit(ui["quick_exit_label"], ui["quick_exit_hint"], ui["quick_exit_url"])
    parts = urlsplit(quick_exit.url)
    errors = []
    if parts.scheme != "https" or not parts.netloc:
        errors.append(
            f"hooks/data/ui-strings.yml: quick_exit_url ({language}) must be an absolute https:// address of a "
            f"neutral site, got {quick_exit.url!r}. Fix: use e.g. https://weather.gc.ca/"
        )
    return quick_exit, errors


def on_env(env, config, files):
    quick_exit, errors = quick_exit_for(config.theme["language"])
    for error in errors:
        log.warning(error)
    env.globals["lc_quick_exit"] = quick_exit
    return env
