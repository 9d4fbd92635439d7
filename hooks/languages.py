"""The site's languages, and the questions several hooks ask about them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.utils import get_relative_url

SOURCE_LANGUAGE = "en"  # pages are written in English first; static-i18n's default language
LANGUAGES = (SOURCE_LANGUAGE, "zh")  # the languages people write: English and its Simplified translation
# Editions generated at build time from a written language (hooks/zh_hant_edition.py).
GENERATED_EDITIONS = {"zh-Hant": "zh"}
EDITIONS = (*LANGUAGES, *GENERATED_EDITIONS)
SUMMARY_PAGE = "for-your-lawyer/"  # docs/<lang>/for-your-lawyer.md: the summary for a lawyer, in every edition


def written_language(language: str) -> str:
    """The language an edition is made from: zh-Hant → zh; others are their own."""
    return GENERATED_EDITIONS.get(language, language)


def is_generated(path: str | Path) -> bool:
    """True for a file of a generated edition (docs/zh-Hant/…)."""
    return any(part in GENERATED_EDITIONS for part in Path(path).parts)


def build_language(config) -> str:
    """The language being built; static-i18n knows it before the theme is switched over."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def other_language_path(path: str | Path, languages: tuple[str, str] = LANGUAGES) -> Path:
    """docs/en/x.md ↔ docs/zh/x.md (the language folder nearest the file); docs/zh-Hant/x.md → docs/en/x.md."""
    parts = list(Path(path).parts)
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in GENERATED_EDITIONS:
            parts[index] = languages[0]
            return Path(*parts)
        if parts[index] in languages:
            parts[index] = languages[1] if parts[index] == languages[0] else languages[0]
            return Path(*parts)
    raise ValueError(f"{path} is not inside a language folder {languages}")


MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(date: dt.date, language: str) -> str:
    """A review date as a reader of that language writes it."""
    if written_language(language) == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


def summary_url(page_url: str, language: str) -> str:
    """This edition's summary page for a lawyer, relative to a page (the guide and checklists link to it)."""
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
    return get_relative_url(prefix + SUMMARY_PAGE, page_url)
