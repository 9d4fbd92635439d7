"""The list of pages the build writes, known before the build runs, so browser tests can be parametrised on it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "zh", "zh-Hant")


def site_pages(docs: Path = ROOT / "docs") -> list[str]:
    """Every HTML page under the site root: each English page in each edition (an untranslated page is
    shown in English there), and each edition's 404."""
    pages = ["404.html", "zh/404.html", "zh-Hant/404.html"]
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        source_root = docs / "en"
        for source in sorted(source_root.rglob("*.md")):
            relative = source.relative_to(source_root).with_suffix("")
            folder = "" if relative.name == "index" else f"{relative.as_posix()}/"
            pages.append(f"{prefix}{folder}index.html")
    return pages


def url_of(server: str, page_path: str) -> str:
    """The address a reader types for a page: its folder, without index.html."""
    return server + page_path.removesuffix("index.html")


OWN_BUNDLE = re.compile(r'(?:href|src)="([^"]*assets/bundles/lc-[0-9a-f]+\.(?:css|js))"')
BUNDLED_FILE = re.compile(r"^/\* (assets/\S+) \*/$", re.M)


def own_files_of(built_site: Path, html_path: Path) -> list[str]:
    """The files of ours a built page loads through its bundles (hooks/page_assets.py), in order."""
    html = html_path.read_text(encoding="utf-8")
    files = []
    for link in OWN_BUNDLE.findall(html):
        bundle = built_site / "assets" / "bundles" / link.rsplit("/", 1)[1]
        files += BUNDLED_FILE.findall(bundle.read_text(encoding="utf-8"))
    return files
