"""The 繁體中文 edition is generated from docs/zh/ at the start of every build. Nothing of it is committed.

`docs/zh-Hant/` is written from the Simplified pages by hooks/zh_hant.py at the start of each build,
including each rebuild of `make serve`. A file is written only when its text has changed, so the preview
does not rebuild forever. The folder is in .gitignore. static-i18n then builds it as the `zh-Hant`
language at `/zh-Hant/`. Every other hook treats it as the Simplified pages in another script:

- The same ids and the same translation state as `zh`.
- Problems are reported against the Simplified source (hooks/problems.py drops those that name a
  generated file). A conversion problem names the `docs/zh/` file and line.
- Each page says that it was converted automatically and that its legal terms follow Hong Kong usage,
  with a link for reporting a wording problem.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
from functools import cache
from pathlib import Path

import zh_hant
from languages import GENERATED_EDITIONS, SOURCE_LANGUAGE, build_language
from mkdocs.plugins import event_priority
from problems import Problem, report
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.zh_hant_edition")

EDITION, SOURCE = "zh-Hant", GENERATED_EDITIONS["zh-Hant"]


class _GeneratedFileWarnings(logging.Filter):
    """MkDocs's own warnings about a generated page (a broken link, say) repeat the Simplified page's."""

    def filter(self, record: logging.LogRecord) -> bool:
        return f"'{EDITION}/" not in record.getMessage()


for _name in ("mkdocs.structure.pages", "mkdocs.structure.files", "mkdocs.structure.nav"):
    logging.getLogger(_name).addFilter(_GeneratedFileWarnings())

GENERATED_NOTE = "# Generated from docs/{source}/{name} by hooks/zh_hant_edition.py: edit that file, not this one.\n"


def generated_text(text: str, name: str, converted: str | None = None) -> str:
    """A Simplified page as its Traditional copy, with a note in its front matter saying where it came from.

    `converted` is zh_hant.convert(text) when the caller has it already (the conversion is the costly part)."""
    converted = zh_hant.convert(text) if converted is None else converted
    note = GENERATED_NOTE.format(source=SOURCE, name=name)
    return "---\n" + note + converted[4:] if converted.startswith("---\n") else converted


def source_problems(text: str, converted: str, file: str) -> list[Problem]:
    """Conversion problems and Traditional characters in the source, at the Simplified page's lines."""
    found = [Problem(file, line, message) for line, message in zh_hant.check_converted(converted)]
    for line, char in zh_hant.traditional_in_simplified(text):
        message = (
            f"the Traditional character {char!r} is in a Simplified page; write its Simplified form "
            "(the 繁體中文 edition is converted from this page)"
        )
        found.append(Problem(file, line, message))
    return found


MANIFEST = ".generated.json"  # in docs/zh-Hant/; MkDocs leaves dotfiles out of the site


@cache
def converter_fingerprint() -> str:
    """What a page's conversion depends on besides its text: the converter's code, its tables, OpenCC."""
    import opencc

    digest = hashlib.sha256(str(getattr(opencc, "__version__", "")).encode())
    for path in (Path(zh_hant.__file__), Path(__file__), zh_hant.PHRASES_FILE, zh_hant.CHECKS_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(target_root: Path) -> dict[str, list[str]]:
    """{page: [digest of its Simplified source, digest of the page written]} from the last build, when that
    build converted with the same converter; else nothing (every page is converted again)."""
    try:
        data = json.loads((target_root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("pages", {}) if data.get("converter") == converter_fingerprint() else {}


def write_edition(docs: Path) -> list[Problem]:
    """Bring docs/zh-Hant/ in line with docs/zh/: write changed pages and remove pages that are gone.

    A page whose source, converter and written copy are all as the last build left them, with no problem
    found then, is not converted again (the conversion and its checks are most of this hook's time)."""
    source_root, target_root = docs / SOURCE, docs / EDITION
    problems, wanted, done = [], set(), {}
    before = read_manifest(target_root)
    for source in sorted(source_root.rglob("*.md")):
        name = source.relative_to(source_root).as_posix()
        text = source.read_text(encoding="utf-8")
        target = target_root / name
        wanted.add(target)
        source_digest = _digest(text)
        unchanged = name in before and before[name][0] == source_digest and target.exists()
        if unchanged and _digest(target.read_text(encoding="utf-8")) == before[name][1]:
            done[name] = before[name]
            continue
        converted = zh_hant.convert(text)  # once: both the page and the checks use it
        found = source_problems(text, converted, f"docs/{SOURCE}/{name}")
        problems += found
        page = generated_text(text, name, converted)
        if not target.exists() or target.read_text(encoding="utf-8") != page:
            _write(target, page)
        if not found:  # a page with problems is converted and reported again on every build
            done[name] = [source_digest, _digest(page)]
    for stale in target_root.rglob("*.md") if target_root.exists() else ():
        if stale not in wanted:
            stale.unlink()
    manifest = json.dumps({"converter": converter_fingerprint(), "pages": done}, indent=1, sort_keys=True)
    if done != before or not (target_root / MANIFEST).exists():
        _write(target_root / MANIFEST, manifest)
    return problems


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write beside it and rename: a build running at the same time never reads half a page.
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, target)


@event_priority(1000)  # before static-i18n and MkDocs gather the files of the build
def on_config(config):
    if build_language(config) == SOURCE_LANGUAGE:  # once per build: the default language's build comes first
        report(write_edition(Path(config.docs_dir)), SOURCE, log)
    return config


@cache  # the same for every page of an edition
def notice_html(language: str) -> str:
    ui = strings_for(language)
    return (
        f'<p class="lc-converted-notice">{html.escape(ui["converted_notice"])} '
        f'<a href="{html.escape(ui["converted_report_url"])}">{html.escape(ui["converted_report_link"])}</a></p>'
    )


@event_priority(-60)  # after the translation notice: the conversion notice sits right above the text
def on_page_content(html_content, page, config, files):
    if config.theme["language"] != EDITION or getattr(page.file, "locale", EDITION) != EDITION:
        return html_content
    return notice_html(EDITION) + html_content
