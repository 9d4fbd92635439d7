"""Language plumbing static-i18n leaves to us: hreflang in the sitemap only, and a 404 page per language.

Search engines read hreflang (with x-default) from sitemap.xml (overrides/sitemap.xml). Pages carry no
`<link rel="alternate" hreflang>`: Material's bundle fetches a `sitemap.xml` beside every such link, so
each page made three extra requests, and a build whose site_url is unset or wrong (a preview, a
mirror) made readers' browsers request that other origin, their own machine for the default. The
language selector's links stay relative, so they lead to the same site whatever site_url says."""

from __future__ import annotations

import html
import logging
import re
from functools import cache
from pathlib import Path

from languages import EDITIONS
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.i18n_head")


class _QuietSkipped404(logging.Filter):
    """MkDocs reports the other languages' empty root 404 as 'Template skipped'; that is intended here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Template skipped: '404.html'" not in record.getMessage()


logging.getLogger("mkdocs.commands.build").addFilter(_QuietSkipped404())

DEFAULT_LANGUAGE = "en"
# Starts with the tag itself, so the regex engine jumps from one "<link" to the next; the indent before
# each tag is removed by drop_hreflang. (A leading [ \t]* made the engine try every character: 4 ms a page.)
HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[^"]*)">\n?')


def not_found_path(site_dir: str, language: str) -> Path:
    """Where a language's 404 page belongs: the default at the root, the others under /<lang>/."""
    root = Path(site_dir)
    return root / "404.html" if language == DEFAULT_LANGUAGE else root / language / "404.html"


def drop_hreflang(output: str) -> str:
    """The page without the rel=alternate hreflang links that Material writes into the head, each with
    the spaces or tabs before it on its line."""
    kept, last = [], 0
    for match in HREFLANG_LINK.finditer(output):
        start = match.start()
        while start > last and output[start - 1] in " \t":
            start -= 1
        kept.append(output[last:start])
        last = match.end()
    return "".join(kept) + output[last:] if kept else output


def language_context(language: str, editions: tuple[str, ...] = EDITIONS) -> dict:
    """What the header's language button and the English pages' offer of a Chinese edition show."""
    ui = strings_for(language)
    offers = []
    if language == DEFAULT_LANGUAGE:
        for edition in editions[1:]:
            theirs = strings_for(edition)
            offers.append(
                {"lang": edition, "text": theirs["language_offer"], "dismiss": theirs["language_offer_dismiss"]}
            )
    return {
        "name": ui["language_name"],
        "short": ui["language_short"],
        "label": ui["language_button"].format(name=ui["language_name"]),
        "suggestions": offers,
    }


def not_found_context(language: str, editions: tuple[str, ...] = EDITIONS) -> dict:
    """The 404 page's strings for its edition; the root (English) one also carries the other editions'."""

    def texts(edition: str) -> dict:
        ui = strings_for(edition)
        keys = ("title", "text", "search", "home", "guide", "help", "danger", "end")
        return {key: ui[f"not_found_{key}"] for key in keys}

    def prefix(edition: str) -> str:
        return "" if edition == DEFAULT_LANGUAGE else f"{edition}/"

    others = [{"lang": e, "texts": texts(e), "prefix": prefix(e)} for e in editions if e != language]
    return {
        "own": texts(language),
        "prefix": prefix(language),
        "others": others if language == DEFAULT_LANGUAGE else [],
    }


def on_env(env, config, files):
    language = config.theme["language"]
    env.globals["lc_language"] = language_context(language)
    env.globals["lc_not_found"] = not_found_context(language)
    return env


HEADERLINK = re.compile(r'(class="headerlink" href="[^"]*") title="Link to this section"')
LOGO_ALT = re.compile(r'(<img src="[^"]*favicon\.svg") alt="logo"')


@cache  # strings_for makes a new table on each call; these two attributes are the same on every page
def _reader_attributes(language: str) -> tuple[str, str]:
    ui = strings_for(language)
    return html.escape(ui["permalink_title"]), html.escape(ui["logo_alt"])


def in_reader_language(output: str, language: str) -> str:
    """Theme attributes that are English whatever the page's language (the permalink titles and the logo's
    alt), and the logo's size."""
    title, alt = _reader_attributes(language)
    output = HEADERLINK.sub(lambda match: f'{match.group(1)} title="{title}"', output)
    # width and height: the logo is square (its viewBox is 24 × 24); the browser reserves its box before
    # the file arrives (Lighthouse's unsized-images). Material's CSS still sizes it.
    return LOGO_ALT.sub(lambda match: f'{match.group(1)} alt="{alt}" width="24" height="24"', output)


def on_post_page(output, page, config):
    return in_reader_language(drop_hreflang(output), config.theme["language"])


def on_post_template(output, template_name, config):
    # static-i18n builds every language into the same site_dir, so each language's 404 page would
    # overwrite the default one. Put the other languages' 404 pages under their own prefix.
    language = config.theme["language"]
    if template_name != "404.html":
        return output
    output = in_reader_language(drop_hreflang(output), language)
    if language == DEFAULT_LANGUAGE:
        return output
    target = not_found_path(config.site_dir, language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # empty output: MkDocs skips writing the root 404.html for this language
