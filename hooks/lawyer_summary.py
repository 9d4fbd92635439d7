"""The summary for a lawyer: the reader's answers, outcome, checklist ticks and facts, in their language and English.

A page asks for it with one line where the summary should go:

    <!-- lawyer-summary no-dates="accused-route scam-help" -->

`no-dates` lists the flowchart outcomes after which the deadlines for suing over a post are not shown
(the reader is not the one who would sue). Everything the summary says comes from Markdown: each
flowchart answer's and outcome's `<!-- summary: … -->` sentence (docs/<lang>/what-to-do.md, checked by
hooks/flowchart_graph.py), each checklist's items (hooks/checklists.py), and the strings of the facts
form and the dates in hooks/data/ui-strings.yml (keys `summary_…`). This hook reads those sources for
the reader's edition and for English, puts them in a JSON island, and lc-lawyer-summary.js builds the
summary on the reader's device from the address and local storage (with lc-summary-dates.js for the dates and
lc-summary-sheet.js for the printed sheet, the text and the calendar file). Nothing is sent anywhere.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from checklists import parse as parse_checklists
from flowchart_graph import graph_data
from flowchart_graph import parse as parse_flowchart
from languages import SOURCE_LANGUAGE, written_language
from page_assets import QR_SCRIPT, asset_url, require
from problems import Problem, report
from translations import shown_source, shown_source_of
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.lawyer_summary")

MARKER_RE = re.compile(r"^[ \t]{0,3}<!--\s*lawyer-summary\b(?P<attrs>[^>]*?)-->\s*$", re.M)
NO_DATES_RE = re.compile(r'\bno-dates\s*=\s*"(?P<ids>[^"]*)"')
PLACEHOLDER = "<!--lc-lawyer-summary-->"
TEMPLATE = "partials/lc-lawyer-summary.html"
FLOWCHART_PAGE = "what-to-do.md"
STRING_PREFIX = "summary_"

LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKUP_RE = re.compile(r"\*\*|__|(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])|`|<[^>]+>")
ATTR_LIST_RE = re.compile(r"\s*\{[:\s]*[#.][^}]*\}\s*$")


@dataclass(frozen=True)
class SummaryItem:
    id: str
    text: str


@dataclass(frozen=True)
class SummaryChecklist:
    id: str
    title: str
    items: tuple[SummaryItem, ...]


@dataclass(frozen=True)
class Marker:
    line: int
    no_dates: tuple[str, ...]


def plain_text(markdown: str) -> str:
    """One line of Markdown as the plain text a reader sees: link text kept, markup and tags dropped."""
    text = LINK_RE.sub(r"\1", markdown)
    text = MARKUP_RE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def heading_text(line: str) -> str:
    """`### Preserve the evidence { #evidence-checklist }` → `Preserve the evidence`."""
    return plain_text(ATTR_LIST_RE.sub("", line.lstrip("#")))


def find_marker(markdown: str) -> Marker | None:
    found = MARKER_RE.search(markdown)
    if not found:
        return None
    ids = NO_DATES_RE.search(found["attrs"])
    line = markdown.count("\n", 0, found.start()) + 1
    return Marker(line, tuple(ids["ids"].split()) if ids else ())


def checklists_in(folder: Path) -> list[SummaryChecklist]:
    """Every checklist defined in one edition's pages, in file order, as plain text."""
    found: dict[str, SummaryChecklist] = {}
    for path in sorted(folder.glob("*.md")):
        source = shown_source(path)
        text = source.read_text(encoding="utf-8")
        if "<!-- checklist" not in text:
            continue
        for checklist in parse_checklists(text, source.as_posix()).checklists:
            items = tuple(SummaryItem(item.id, plain_text(item.text)) for item in checklist.items)
            found.setdefault(checklist.id, SummaryChecklist(checklist.id, heading_text(checklist.heading), items))
    return list(found.values())


def site_name_of(config, edition: str) -> str:
    """The site's name in an edition (static-i18n's per-language site_name, else the original one)."""
    i18n = config.plugins.get("i18n")
    for language in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if language.locale == edition and language.site_name:
            return language.site_name
    return getattr(i18n, "original_configs", {}).get("site_name") or config.site_name


def edition_data(docs_dir: Path, edition: str, site: str = "") -> dict:
    """One edition's half of the summary: its guide, checklists and strings."""
    folder = docs_dir / edition
    flowchart_path = shown_source(folder / FLOWCHART_PAGE)
    chart, _ = parse_flowchart(flowchart_path.read_text(encoding="utf-8"), flowchart_path.as_posix())
    strings = {key: text for key, text in strings_for(edition).items() if key.startswith(STRING_PREFIX)}
    return {
        "lang": edition,
        "site": site,
        "flowchart": graph_data(chart, summaries=True) if chart else None,
        "checklists": [asdict(checklist) for checklist in checklists_in(folder)],
        "strings": strings,
    }


def summary_data(docs_dir: Path, edition: str, marker: Marker, sites: dict[str, str]) -> dict:
    """The JSON island: the reader's edition first, then English (once, on the English page).
    `sites` names the site in each edition as the summary's heading gives it."""
    editions = [edition] if edition == SOURCE_LANGUAGE else [edition, SOURCE_LANGUAGE]
    return {
        "editions": [edition_data(docs_dir, name, sites.get(name, "")) for name in editions],
        "noDates": list(marker.no_dates),
    }


def marker_problems(marker: Marker, data: dict, where: str) -> list[Problem]:
    """`no-dates` must name outcomes of the guide; a guide must exist in every edition shown."""
    problems = []
    for half in data["editions"]:
        if half["flowchart"] is None:
            problems.append(Problem(where, marker.line, f"docs/{half['lang']}/{FLOWCHART_PAGE} has no flowchart"))
    reader = data["editions"][0]["flowchart"]
    if reader:
        outcomes = {node_id for node_id, node in reader["nodes"].items() if node["kind"] == "outcome"}
        for node_id in marker.no_dates:
            if node_id not in outcomes:
                problems.append(
                    Problem(
                        where,
                        marker.line,
                        f"no-dates names '{node_id}', which is not an outcome of the guide; "
                        f"use the {{ #id }} of an outcome in {FLOWCHART_PAGE}",
                    )
                )
    return problems


def inject(html: str, rendered: str) -> str:
    return html.replace(PLACEHOLDER, rendered, 1) if PLACEHOLDER in html else html


# --- MkDocs events -------------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    if find_marker(markdown) is None:
        return markdown
    language = config.theme["language"]
    path, where = shown_source_of(page, config)
    marker = find_marker(path.read_text(encoding="utf-8")) or find_marker(markdown)  # lines as in the file
    docs_dir = Path(config.docs_dir)
    edition = language if (docs_dir / language).is_dir() else written_language(language)
    address = config.site_url or ""
    sites = {name: f"{site_name_of(config, name)} ({address})" for name in (edition, SOURCE_LANGUAGE)}
    data = summary_data(docs_dir, edition, marker, sites)
    report(marker_problems(marker, data, where), language, log)
    page.lc_lawyer_summary = data
    return MARKER_RE.sub(PLACEHOLDER, markdown, count=1)


def on_page_context(context, page, config, nav):
    data = getattr(page, "lc_lawyer_summary", None)
    if data is None or not page.content:
        return context
    language = config.theme["language"]
    template = config.theme.get_env().get_template(TEMPLATE)
    qr_src = asset_url(QR_SCRIPT, page.url)
    rendered = template.render(data=data, ui=strings_for(language), config=config, page=page, qr_src=qr_src)
    page.content = inject(page.content, rendered)
    # The dates and the printed sheet are their own files; the page's script needs both, in this order.
    for name in ("lc-summary-dates", "lc-summary-sheet", "lc-lawyer-summary"):
        require(page, name)
    return context
