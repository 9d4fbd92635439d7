"""Language plumbing static-i18n leaves to us: absolute hreflang links, x-default, a 404 page per
language, and no 404s from Material's language selector."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.i18n_head")

DEFAULT_LANGUAGE = "en"
# Material fetches `sitemap.xml` below every rel=alternate link to map pages between languages.
# static-i18n's alternates are already per page, so an empty sitemap beside each page is enough,
# and it keeps the browser console free of 404s.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[^"]*)">\n?')


def absolute_alternates(alternates: list[dict], site_url: str) -> list[dict]:
    """The language switcher's entries with links made absolute against site_url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return [{**alt, "link": urljoin(base, alt["link"].lstrip("/"))} for alt in alternates]


def x_default(alternates: list[dict], default_language: str = DEFAULT_LANGUAGE) -> str | None:
    """The default language's link, which search engines show when no language matches the reader."""
    return next((alt["link"] for alt in alternates if alt.get("lang") == default_language), None)


def not_found_path(site_dir: str, language: str) -> Path:
    """Where a language's 404 page belongs: the default at the root, the others under /<lang>/."""
    root = Path(site_dir)
    return root / "404.html" if language == DEFAULT_LANGUAGE else root / language / "404.html"


@event_priority(-100)  # after static-i18n has pointed each alternate at this page's translation
def on_page_context(context, page, config, nav):
    # static-i18n sets the per-page list as an attribute, which is what Material's templates read.
    alternates = getattr(config.extra, "alternate", None) or []
    if alternates and config.site_url:
        config.extra.alternate = absolute_alternates(alternates, config.site_url)
        context["lc_x_default"] = x_default(config.extra.alternate)
    return context


def write_sitemap_stub(page_dest: str) -> None:
    """An empty sitemap beside a page, unless a real one (the site root's) is already there."""
    stub = Path(page_dest).with_name("sitemap.xml")
    if not stub.exists():
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(EMPTY_SITEMAP, encoding="utf-8")


def drop_hreflang(output: str, keep: str = DEFAULT_LANGUAGE) -> str:
    """The page without rel=alternate hreflang links for languages other than `keep` (x-default stays).

    For a page that exists only in English: its copy in another language's build is English too, so
    search engines must not be told that it is a translation. The language selector is left alone."""

    def replace(match: re.Match) -> str:
        return match.group(0) if match["lang"] in (keep, "x-default") else ""

    return HREFLANG_LINK.sub(replace, output)


def on_post_page(output, page, config):
    write_sitemap_stub(page.file.abs_dest_path)
    if getattr(page, "lc_translation_pending", False):  # set by hooks/translations.py
        output = drop_hreflang(output)
    return output


def on_post_template(output, template_name, config):
    # static-i18n builds every language into the same site_dir, so each language's 404 page would
    # overwrite the default one. Put the other languages' 404 pages under their own prefix.
    language = config.theme["language"]
    if template_name != "404.html" or language == DEFAULT_LANGUAGE:
        return output
    target = not_found_path(config.site_dir, language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # empty output: MkDocs skips writing the root 404.html for this language
