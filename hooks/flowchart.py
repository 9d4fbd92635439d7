"""Decision flowcharts written in Markdown: parsed, checked and turned into a one-question-at-a-time guide.

Syntax (it reads as an ordinary document on GitHub, where every answer is a link to another section):

    <!-- flowchart start="safety" -->
    ## Are you being threatened, asked for money, or is anyone in danger? { #safety }
    <!-- question -->
    Optional explanation shown with the question.

    - [Yes](#scam-help)
    - [No](#about-you)
    - [I'm not sure](#get-help)

    ## Get help with a scam or blackmail { #scam-help }
    <!-- outcome -->
    What to do next, with links to pages, checklists and help.
    <!-- /flowchart -->

- The block runs from `<!-- flowchart start="<id>" -->` to `<!-- /flowchart -->`; `start` names the first node.
- Every node is a `##` heading with an explicit `{ #id }`, followed by `<!-- question -->` or `<!-- outcome -->`.
- A question's answers are list items that are nothing but a link to another node: `- [label](#id)`.
  Any other lines under a question are explanation shown with it.
- An outcome has body text: what to do, with links. Outcomes end the path.
- Every answer ends with `<!-- summary: I know who posted it. -->` and every outcome has a
  `<!-- summary: … -->` line: the sentences of the summary for a lawyer (hooks/lawyer_summary.py).
  They are removed from this page.
- Fenced code blocks are skipped, so the syntax can be shown in examples.

Parsing and checks live in hooks/flowchart_graph.py. Every problem is logged as a warning naming
file:line and the fix (so `--strict` fails), all at once:
answers pointing to missing nodes, unreachable nodes, cycles, nodes with neither answers nor outcome
text, duplicate ids, a missing or unknown start node, an unclosed block, two answers of one question
leading to the same node, and any difference between the English and Chinese graphs (same node ids,
same answers in the same order). The other language's file is read from disk, so the check works in
either language build.

The Markdown stays the page (the no-JavaScript click-through document). The hook adds, through
overrides/partials/lc-flowchart.html, a JSON data island for lc-flowchart.js and the interactive widget's
shell, and asks for lc-flowchart.js/.css on this page only (hooks/page_assets.py).

The overview of the whole tree (every question, answer and outcome as a nested list, to read or print) is
a page of its own, so that the flowchart page stays small (contrib/performance.md): `<name>-overview.md`
beside the flowchart's `<name>.md`, in every language, whose body is `<!-- flowchart-overview -->`. The hook
renders the outline there (overrides/partials/lc-flowchart-outline.html, asking for lc-flowchart-outline.css)
from the flowchart file of the same edition, each node linking to the flowchart page at that node, and the
flowchart page links to it where the outline used to be.
"""

from __future__ import annotations

import logging
import posixpath
import re

from flowchart_graph import SUMMARY_COMMENT_RE, Flowchart, check_file, graph_data, parse
from languages import format_date, other_language_path, summary_url
from mkdocs.utils import get_relative_url
from page_assets import QR_SCRIPT, asset_url, require
from problems import Problem, report
from translations import shown_source_of
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.flowchart")

HTML_OPEN_RE = re.compile(r"<!--\s*flowchart\b[^>]*-->")
HTML_CLOSE_RE = re.compile(r"<!--\s*/flowchart\s*-->")
TEMPLATE = "partials/lc-flowchart.html"
OUTLINE_TEMPLATE = "partials/lc-flowchart-outline.html"
OVERVIEW_MARKER = "<!-- flowchart-overview -->"
OVERVIEW_SUFFIX = "-overview.md"


class _ReportedAnchors(logging.Filter):
    """Drops MkDocs's "no such anchor" warning for a flowchart answer this hook has already reported:
    one mistake, one message (ours names the line and the fix)."""

    def __init__(self) -> None:
        super().__init__()
        self.reported: set[tuple[str, str]] = set()  # (src_uri, "#target")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(f"'{uri}' contains a link '{link}', but" in message for uri, link in self.reported)


_reported_anchors = _ReportedAnchors()
logging.getLogger("mkdocs.structure.pages").addFilter(_reported_anchors)


def outline(chart: Flowchart) -> dict | None:
    """The tree from the start node, for the overview: each node expanded where it first appears,
    later mentions are references (`seen`), so a node shared by many paths is printed once."""
    nodes = chart.node_map()
    expanded: set[str] = set()

    def item(node_id: str) -> dict:
        node = nodes[node_id]
        entry = {"id": node.id, "title": node.title, "kind": node.kind, "seen": node_id in expanded, "answers": []}
        if entry["seen"]:
            return entry
        expanded.add(node_id)
        for answer in node.answers:
            if answer.target in nodes:
                entry["answers"].append({"label": answer.label, "node": item(answer.target)})
        return entry

    return item(chart.start) if chart.start in nodes else None


def all_paths(chart: Flowchart, limit: int = 500) -> list[list[str]]:
    """Every path from the start to an outcome, as node ids (at most `limit`; the graph must be valid)."""
    nodes = chart.node_map()
    paths: list[list[str]] = []

    def walk(trail: list[str]) -> None:
        if len(paths) >= limit:
            return
        node = nodes[trail[-1]]
        if not node.answers:
            paths.append(trail)
        for answer in node.answers:
            walk(trail + [answer.target])

    if chart.start in nodes:
        walk([chart.start])
    return paths


def inject(html: str, rendered: str) -> str:
    """Put the rendered partial around the click-through document between the two marker comments."""
    opened, closed = HTML_OPEN_RE.search(html), HTML_CLOSE_RE.search(html)
    if not opened or not closed or closed.start() < opened.end():
        return html
    document = html[opened.end() : closed.start()]
    return html[: opened.start()] + rendered.replace("<!--lc-flowchart-document-->", document, 1) + html[closed.end() :]


def sibling_url(page, files, name: str) -> str | None:
    """The address of the page `name` beside this page's file in this edition, relative to this page."""
    other = files.get_file_from_path(posixpath.join(posixpath.dirname(page.file.src_uri), name))
    return get_relative_url(other.url, page.url) if other is not None and other.is_documentation_page() else None


def overview_markdown(markdown, page, config, files):
    """A flowchart's overview page: the chart read from its flowchart file in the same edition."""
    name = posixpath.basename(page.file.src_uri).removesuffix(OVERVIEW_SUFFIX) + ".md"
    path, where = shown_source_of(page, config)
    chart_path = path.with_name(name)
    url = sibling_url(page, files, name)
    if url is None or not chart_path.exists():
        message = f"{name} does not exist beside this overview page, which is named after it: <name>{OVERVIEW_SUFFIX}"
        report([Problem(where, 1, message)], config.theme["language"], log)
        return markdown
    chart, _ = parse(chart_path.read_text(encoding="utf-8"), where)  # its problems are the flowchart page's
    page.lc_flowchart_overview = (chart, url) if chart is not None and chart.start in chart.node_map() else None
    require(page, "lc-flowchart-outline")
    return markdown


# --- MkDocs events -------------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    if OVERVIEW_MARKER in markdown:
        return overview_markdown(markdown, page, config, files)
    if "<!-- flowchart" not in markdown:
        return markdown
    overview = posixpath.basename(page.file.src_uri).removesuffix(".md") + OVERVIEW_SUFFIX
    page.lc_flowchart_overview_url = sibling_url(page, files, overview)
    path, where = shown_source_of(page, config)
    other_where = other_language_path(where).as_posix()
    chart, errors = check_file(path, where, other_where)
    report(errors, config.theme["language"], log)
    if chart is not None:
        nodes = chart.node_map()
        for node in chart.nodes:
            _reported_anchors.reported.update(
                (page.file.src_uri, f"#{answer.target}") for answer in node.answers if answer.target not in nodes
            )
    page.lc_flowchart = chart if chart and not errors else None
    # The summary sentences are for the lawyer's summary page (hooks/lawyer_summary.py), not this one.
    return SUMMARY_COMMENT_RE.sub("", markdown)


def render_overview(page, config) -> None:
    chart, flowchart_url = page.lc_flowchart_overview
    template = config.theme.get_env().get_template(OUTLINE_TEMPLATE)
    ui = strings_for(config.theme["language"])
    rendered = template.render(
        ui=ui, tree=outline(chart), flowchart_url=flowchart_url, canonical_url=page.canonical_url or ""
    )
    page.content = page.content.replace(OVERVIEW_MARKER, rendered, 1)


def on_page_context(context, page, config, nav):
    if getattr(page, "lc_flowchart_overview", None) and page.content:
        render_overview(page, config)
        return context
    chart = getattr(page, "lc_flowchart", None)
    if chart is None or not page.content:
        return context
    language = config.theme["language"]
    env = config.theme.get_env()
    template = env.get_template(TEMPLATE)
    ui = strings_for(language)
    rendered = template.render(
        page=page,
        base_url=context.get("base_url", ""),
        config=config,
        ui=ui,
        language=language,
        graph={**graph_data(chart), "strings": {k: v for k, v in ui.items() if k.startswith("flowchart_")}},
        overview_url=getattr(page, "lc_flowchart_overview_url", None),
        canonical_url=page.canonical_url or "",
        lawyer_url=summary_url(page.url, language),
        qr_src=asset_url(QR_SCRIPT, page.url),
        reviewed_text=format_date(page.lc_meta.reviewed, language) if getattr(page, "lc_meta", None) else "",
    )
    page.content = inject(page.content, rendered)
    if getattr(page, "lc_flowchart_overview_url", None):
        shorten_toc(page)
    require(page, "lc-flowchart")
    return context


def shorten_toc(page) -> None:
    """A flowchart page whose overview is a page of its own keeps only its first heading in the table of
    contents: Material renders the table twice (the sidebar and the phone's menu), about 160 elements for
    one entry per node, and with JavaScript every entry points into the hidden document. The overview page
    is the map of every node; the first entry keeps Material's "skip to content" link where it was."""
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    if page.toc.items:
        first = page.toc.items[0]
        page.toc = TableOfContents([AnchorLink(first.title, first.id, first.level)])
