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
- Fenced code blocks are skipped, so the syntax can be shown in examples.

Every problem is logged as a warning naming file:line and the fix (so `--strict` fails), all at once:
answers pointing to missing nodes, unreachable nodes, cycles, nodes with neither answers nor outcome
text, duplicate ids, a missing or unknown start node, an unclosed block, two answers of one question
leading to the same node, and any difference between the English and Chinese graphs (same node ids,
same answers in the same order). The other language's file is read from disk, so the check works in
either language build.

The Markdown stays the page (the no-JavaScript click-through document). The hook adds, through
overrides/partials/lc-flowchart.html, a JSON data island for lc-flowchart.js, the interactive widget's
shell and an overview of the whole tree (also the printed outline), and asks for lc-flowchart.js/.css
on this page only (hooks/page_assets.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from languages import other_language_path
from markdown_lines import unfenced_lines
from page_assets import require
from translations import shown_source
from ui_strings import strings_for

log = logging.getLogger("mkdocs.hooks.flowchart")

OPEN_RE = re.compile(r"^\s{0,3}<!--\s*flowchart\b(?P<attrs>[^>]*?)-->\s*$")
START_RE = re.compile(r"""\bstart\s*=\s*["']?(?P<start>[\w-]+)["']?""")
CLOSE_RE = re.compile(r"^\s{0,3}<!--\s*/flowchart\s*-->\s*$")
KIND_RE = re.compile(r"^\s{0,3}<!--\s*(?P<kind>question|outcome)\s*-->\s*$")
HEADING_RE = re.compile(r"^##(?!#)\s+(?P<title>.*?)\s*(?:\{\s*#(?P<id>[\w-]+)\s*\})?\s*$")
ANSWER_RE = re.compile(r"^\s{0,3}[-*+]\s+\[(?P<label>[^\]]+)\]\(#(?P<target>[\w-]+)\)\s*$")
INLINE_MARKUP_RE = re.compile(r"(\*\*|__|\*|`)")

HTML_OPEN_RE = re.compile(r"<!--\s*flowchart\b[^>]*-->")
HTML_CLOSE_RE = re.compile(r"<!--\s*/flowchart\s*-->")
TEMPLATE = "partials/lc-flowchart.html"


@dataclass
class Answer:
    label: str
    target: str
    line: int


@dataclass
class Node:
    id: str
    title: str
    line: int
    kind: str | None = None  # "question", "outcome", or None when the marker is missing
    answers: list[Answer] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


@dataclass
class Flowchart:
    where: str
    start: str | None
    line: int
    nodes: list[Node] = field(default_factory=list)
    closed: bool = True

    def node_map(self) -> dict[str, Node]:
        """Nodes by id; with duplicate ids the first one wins (the duplicate is reported by validate)."""
        found: dict[str, Node] = {}
        for node in self.nodes:
            found.setdefault(node.id, node)
        return found


def plain(text: str) -> str:
    """Heading and answer text without simple inline Markdown markup."""
    return INLINE_MARKUP_RE.sub("", text).strip()


def parse(text: str, where: str) -> tuple[Flowchart | None, list[str]]:
    """The first flowchart block in a Markdown file (front matter included, so lines match the file).

    Returns (None, []) when the file has no flowchart. Syntax problems found while reading are returned
    as messages; graph problems are left to validate().
    """
    errors: list[str] = []
    chart: Flowchart | None = None
    node: Node | None = None
    for number, line in unfenced_lines(text):
        if chart is None:
            opened = OPEN_RE.match(line)
            if opened:
                start = START_RE.search(opened["attrs"])
                chart = Flowchart(where, start["start"] if start else None, number, closed=False)
            continue
        if CLOSE_RE.match(line):
            chart.closed = True
            break
        heading = HEADING_RE.match(line)
        if heading:
            if not heading["id"]:
                errors.append(
                    f"{where}:{number}: heading '{plain(heading['title'])}' has no explicit id; "
                    "end it with { #some-id }, the same in both languages"
                )
                node = None
                continue
            node = Node(heading["id"], plain(heading["title"]), number)
            chart.nodes.append(node)
            continue
        if node is None:
            continue
        kind = KIND_RE.match(line)
        if kind:
            node.kind = kind["kind"]
            continue
        answer = ANSWER_RE.match(line)
        if node.kind == "question" and answer:
            node.answers.append(Answer(plain(answer["label"]), answer["target"], number))
        elif line.strip():
            node.body.append(line)
    if chart is None:
        return None, []
    return chart, errors


def _find_cycle(chart: Flowchart) -> list[str]:
    """Each cycle reachable from any node, reported once at the answer that closes it."""
    nodes = chart.node_map()
    errors: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished

    def visit(node_id: str, trail: list[str]) -> None:
        state[node_id] = 1
        for answer in nodes[node_id].answers:
            if answer.target not in nodes:
                continue
            if state.get(answer.target) == 1:
                loop = trail[trail.index(answer.target) :] + [node_id, answer.target]
                errors.append(
                    f"{chart.where}:{answer.line}: answer '{answer.label}' in '{node_id}' leads back to "
                    f"'{answer.target}', a cycle ({' → '.join(loop)}); every answer must move forward "
                    "towards an outcome"
                )
            elif answer.target not in state:
                visit(answer.target, trail + [node_id])
        state[node_id] = 2

    for node in chart.nodes:
        if node.id not in state:
            visit(node.id, [])
    return errors


def reachable(chart: Flowchart) -> set[str]:
    """Ids reachable from the start node by following answers."""
    nodes = chart.node_map()
    if chart.start not in nodes:
        return set()
    seen, queue = {chart.start}, [chart.start]
    while queue:
        for answer in nodes[queue.pop()].answers:
            if answer.target in nodes and answer.target not in seen:
                seen.add(answer.target)
                queue.append(answer.target)
    return seen


def validate(chart: Flowchart) -> list[str]:
    """Every problem in one flowchart, each naming file:line and how to fix it."""
    where = chart.where
    errors: list[str] = []
    if not chart.closed:
        errors.append(
            f"{where}:{chart.line}: the flowchart opened here is never closed; "
            "add <!-- /flowchart --> after its last node"
        )
    nodes = chart.node_map()
    if chart.start is None:
        errors.append(
            f'{where}:{chart.line}: the flowchart has no start node; write <!-- flowchart start="<id>" --> '
            "naming the first question"
        )
    elif chart.start not in nodes:
        errors.append(
            f"{where}:{chart.line}: the start node '{chart.start}' does not exist; "
            "set start= to the { #id } of the first question"
        )
    for node in chart.nodes:
        first = nodes[node.id]
        if first is not node:
            errors.append(
                f"{where}:{node.line}: duplicate node id '{node.id}' (first used on line {first.line}); "
                "give every ## section its own { #id }"
            )
    for node in chart.nodes:
        if node.kind == "question" and node.answers:
            targets: dict[str, Answer] = {}
            for answer in node.answers:
                if answer.target not in nodes:
                    errors.append(
                        f"{where}:{answer.line}: answer '{answer.label}' in '{node.id}' points to "
                        f"'#{answer.target}', which is not a node; link to an existing {{ #id }} or add that section"
                    )
                elif answer.target in targets:
                    errors.append(
                        f"{where}:{answer.line}: answers '{targets[answer.target].label}' and '{answer.label}' "
                        f"in '{node.id}' both lead to '#{answer.target}'; merge them, or send one elsewhere"
                    )
                targets.setdefault(answer.target, answer)
        elif node.kind == "outcome" and node.body:
            continue
        elif node.kind != "question" or not node.answers:
            errors.append(
                f"{where}:{node.line}: node '{node.id}' has neither answers nor outcome text; add "
                "<!-- question --> and a list of answer links like - [Yes](#next-id), "
                "or <!-- outcome --> and what to do"
            )
    if chart.start in nodes:
        found = reachable(chart)
        for node in chart.nodes:
            if node.id not in found and nodes[node.id] is node:
                errors.append(
                    f"{where}:{node.line}: node '{node.id}' cannot be reached from the start node "
                    f"'{chart.start}'; link to it from a question's answers, or remove it"
                )
    errors.extend(_find_cycle(chart))
    return errors


def compare(chart: Flowchart, other: Flowchart) -> list[str]:
    """Differences between two languages' graphs, reported against `chart`'s file."""
    where, there = chart.where, other.where
    errors: list[str] = []
    if chart.start != other.start:
        errors.append(
            f"{where}:{chart.line}: the flowchart starts at '{chart.start}' here but at '{other.start}' "
            f"in {there}:{other.line}; both languages must start at the same node"
        )
    mine, theirs = chart.node_map(), other.node_map()
    for node in chart.nodes:
        if mine[node.id] is not node:
            continue
        twin = theirs.get(node.id)
        if twin is None:
            errors.append(
                f"{where}:{node.line}: node '{node.id}' is missing from {there}; "
                "add it there with the same { #id }, or remove it here"
            )
            continue
        here_targets = [answer.target for answer in node.answers]
        there_targets = [answer.target for answer in twin.answers]
        if here_targets != there_targets:
            errors.append(
                f"{where}:{node.line}: the answers of '{node.id}' lead to {here_targets} here but to "
                f"{there_targets} in {there}:{twin.line}; give both languages the same answers in the same order"
            )
    for node in other.nodes:
        if node.id not in mine and theirs[node.id] is node:
            errors.append(
                f"{where}:{chart.line}: node '{node.id}' ({there}:{node.line}) is missing here; "
                "add it with the same { #id }, or remove it there"
            )
    return errors


def check_file(path: Path, where: str, other_where: str) -> tuple[Flowchart | None, list[str]]:
    """Parse, validate and compare one flowchart file with its other-language twin on disk."""
    chart, errors = parse(path.read_text(encoding="utf-8"), where)
    if chart is None:
        return None, errors
    errors += validate(chart)
    twin_path = other_language_path(path)
    if shown_source(twin_path) != twin_path:
        return chart, errors  # the twin is a draft marked `translation: pending`: readers see this file there
    if not twin_path.exists():
        errors.append(f"{where}:{chart.line}: {other_where} does not exist; translate the flowchart there")
        return chart, errors
    twin, _ = parse(twin_path.read_text(encoding="utf-8"), other_where)
    if twin is None:
        errors.append(f"{where}:{chart.line}: {other_where} has no flowchart block; translate the flowchart there")
    else:
        errors += compare(chart, twin)
    return chart, errors


def graph_data(chart: Flowchart) -> dict:
    """What lc-flowchart.js needs: the start, and each node's title, kind and answers."""
    return {
        "start": chart.start,
        "nodes": {
            node.id: {
                "title": node.title,
                "kind": node.kind,
                "answers": [{"label": answer.label, "target": answer.target} for answer in node.answers],
            }
            for node in chart.node_map().values()
        },
    }


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


# --- MkDocs events -------------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    if "<!-- flowchart" not in markdown:
        return markdown
    path = shown_source(Path(page.file.abs_src_path))
    docs = Path(config["docs_dir"])
    where = f"{docs.name}/{path.relative_to(docs).as_posix()}" if path.is_relative_to(docs) else str(path)
    other_where = other_language_path(where).as_posix()
    chart, errors = check_file(path, where, other_where)
    for error in errors:
        log.warning(error)
    page.lc_flowchart = chart if chart and not errors else None
    return markdown


def on_page_context(context, page, config, nav):
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
        tree=outline(chart),
        canonical_url=page.canonical_url or "",
    )
    page.content = inject(page.content, rendered)
    require(page, "lc-flowchart")
    return context
