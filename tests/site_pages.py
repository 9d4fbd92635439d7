"""The list of pages the build writes, known before the build runs, so browser tests can be parametrised on it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "zh")


def site_pages(docs: Path = ROOT / "docs") -> list[str]:
    """Every HTML page under the site root: each source page in each language, and each language's 404."""
    pages = ["404.html", "zh/404.html"]
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        for source in sorted((docs / language).rglob("*.md")):
            relative = source.relative_to(docs / language).with_suffix("")
            folder = "" if relative.name == "index" else f"{relative.as_posix()}/"
            pages.append(f"{prefix}{folder}index.html")
    return pages


def url_of(server: str, page_path: str) -> str:
    """The address a reader types for a page: its folder, without index.html."""
    return server + page_path.removesuffix("index.html")
