"""Flowchart sources as plain data: parse a `<!-- flowchart -->` block, validate its graph, compare languages.

Pure functions over Markdown text, used by hooks/flowchart.py (which renders the guide) and by tests.
The syntax is described in hooks/flowchart.py. Every problem is a `problems.Problem` naming file:line
and the fix; one mistake gives one message (a broken answer does not also report the nodes behind it,
and the two languages are compared only when both graphs are sound).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from languages import LANGUAGES, other_language_path
from markdown_lines import unfenced_lines
from problems import Problem
from translations import shown_source, translation_is_current

OPEN_RE = re.compile(r"^\s{0,3}<!--\s*flowchart\b(?P<attrs>[^>]*?)-->\s*$")
START_RE = re.compile(r"""\bstart\s*=\s*["']?(?P<start>[\w-]+)["']?""")
CLOSE_RE = re.compile(r"^\s{0,3}<!--\s*/flowchart\s*-->\s*$")
KIND_RE = re.compile(r"^\s{0,3}<!--\s*(?P<kind>question|outcome)\s*-->\s*$")
HEADING_RE = re.compile(r"^##(?!#)\s+(?P<title>.*?)\s*(?:\{\s*#(?P<id>[\w-]+)\s*\})?\s*$")
SUMMARY = r"<!--\s*summary:\s*(?P<summary>.*?)\s*-->"
ANSWER_RE = re.compile(r"^\s{0,3}[-*+]\s+\[(?P<label>[^\]]+)\]\(#(?P<target>[\w-]+)\)\s*(?:" + SUMMARY + r")?\s*$")
OUTCOME_SUMMARY_RE = re.compile(r"^\s{0,3}" + SUMMARY + r"\s*$")
# Removed from the page itself: the sentences are for the lawyer's summary (hooks/lawyer_summary.py).
SUMMARY_COMMENT_RE = re.compile(r"[ \t]*" + SUMMARY)
INLINE_MARKUP_RE = re.compile(r"(\*\*|__|\*|`)")
INLINE_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")  # [911](tel:911) reads as 911


@dataclass
class Answer:
    label: str
    target: str
    line: int
    summary: str = ""  # the reader's answer as one sentence, for the lawyer's summary


@dataclass
class Node:
    id: str
    title: str
    line: int
    kind: str | None = None  # "question", "outcome", or None when the marker is missing
    answers: list[Answer] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    summary: str = ""  # an outcome as one sentence, for the lawyer's summary


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
    return INLINE_MARKUP_RE.sub("", INLINE_LINK_RE.sub(r"\1", text)).strip()


def parse(text: str, where: str) -> tuple[Flowchart | None, list[Problem]]:
    """The first flowchart block in a Markdown file (front matter included, so lines match the file).

    Returns (None, []) when the file has no flowchart. Syntax problems found while reading are returned
    as messages; graph problems are left to validate().
    """
    errors: list[Problem] = []
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
                    Problem(
                        where,
                        number,
                        f"heading '{plain(heading['title'])}' has no explicit id; "
                        "end it with { #some-id }, the same in both languages",
                    )
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
        outcome_summary = OUTCOME_SUMMARY_RE.match(line)
        if node.kind == "question" and answer:
            node.answers.append(Answer(plain(answer["label"]), answer["target"], number, answer["summary"] or ""))
        elif node.kind == "outcome" and outcome_summary:
            node.summary = outcome_summary["summary"]
        elif line.strip():
            node.body.append(line)
    if chart is None:
        return None, []
    return chart, errors


def _find_cycle(chart: Flowchart) -> list[Problem]:
    """Each cycle reachable from any node, reported once at the answer that closes it."""
    nodes = chart.node_map()
    errors: list[Problem] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished

    def visit(node_id: str, trail: list[Problem]) -> None:
        state[node_id] = 1
        for answer in nodes[node_id].answers:
            if answer.target not in nodes:
                continue
            if state.get(answer.target) == 1:
                loop = trail[trail.index(answer.target) :] + [node_id, answer.target]
                errors.append(
                    Problem(
                        chart.where,
                        answer.line,
                        f"answer '{answer.label}' in '{node_id}' leads back to "
                        f"'{answer.target}', a cycle ({' → '.join(loop)}); every answer must move forward "
                        "towards an outcome",
                    )
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


def has_broken_answers(chart: Flowchart) -> bool:
    """True when an answer points to a node that does not exist."""
    nodes = chart.node_map()
    return any(answer.target not in nodes for node in chart.nodes for answer in node.answers)


def validate(chart: Flowchart) -> list[Problem]:
    """Every problem in one flowchart, each naming file:line and how to fix it."""
    where = chart.where
    errors: list[Problem] = []
    if not chart.closed:
        errors.append(
            Problem(
                where,
                chart.line,
                "the flowchart opened here is never closed; add <!-- /flowchart --> after its last node",
            )
        )
    nodes = chart.node_map()
    if chart.start is None:
        errors.append(
            Problem(
                where,
                chart.line,
                'the flowchart has no start node; write <!-- flowchart start="<id>" --> naming the first question',
            )
        )
    elif chart.start not in nodes:
        errors.append(
            Problem(
                where,
                chart.line,
                f"the start node '{chart.start}' does not exist; set start= to the {{ #id }} of the first question",
            )
        )
    for node in chart.nodes:
        first = nodes[node.id]
        if first is not node:
            errors.append(
                Problem(
                    where,
                    node.line,
                    f"duplicate node id '{node.id}' (first used on line {first.line}); "
                    "give every ## section its own { #id }",
                )
            )
    for node in chart.nodes:
        if node.kind == "question" and node.answers:
            targets: dict[str, Answer] = {}
            for answer in node.answers:
                if answer.target not in nodes:
                    errors.append(
                        Problem(
                            where,
                            answer.line,
                            f"answer '{answer.label}' in '{node.id}' points to "
                            f"'#{answer.target}', which is not a node; "
                            "link to an existing { #id } or add that section",
                        )
                    )
                elif answer.target in targets:
                    errors.append(
                        Problem(
                            where,
                            answer.line,
                            f"answers '{targets[answer.target].label}' and '{answer.label}' "
                            f"in '{node.id}' both lead to '#{answer.target}'; merge them, or send one elsewhere",
                        )
                    )
                targets.setdefault(answer.target, answer)
        elif node.kind == "outcome" and node.body:
            continue
        elif node.kind != "question" or not node.answers:
            errors.append(
                Problem(
                    where,
                    node.line,
                    f"node '{node.id}' has neither answers nor outcome text; add "
                    "<!-- question --> and a list of answer links like - [Yes](#next-id), "
                    "or <!-- outcome --> and what to do",
                )
            )
    # A broken answer already explains what cannot be reached behind it.
    if chart.start in nodes and not has_broken_answers(chart):
        found = reachable(chart)
        for node in chart.nodes:
            if node.id not in found and nodes[node.id] is node:
                errors.append(
                    Problem(
                        where,
                        node.line,
                        f"node '{node.id}' cannot be reached from the start node "
                        f"'{chart.start}'; link to it from a question's answers, or remove it",
                    )
                )
    errors.extend(_find_cycle(chart))
    return errors


def graph_data(chart: Flowchart, summaries: bool = False) -> dict:
    """The graph as plain data: the start, and each node's title, kind and answers. With `summaries`, also
    each answer's and outcome's sentence for the lawyer's summary (the guide page itself does not need them)."""

    def answer_data(answer: Answer) -> dict:
        extra = {"summary": answer.summary} if summaries else {}
        return {"label": answer.label, "target": answer.target, **extra}

    return {
        "start": chart.start,
        "nodes": {
            node.id: {
                "title": node.title,
                "kind": node.kind,
                **({"summary": node.summary} if summaries else {}),
                "answers": [answer_data(answer) for answer in node.answers],
            }
            for node in chart.node_map().values()
        },
    }


def missing_summaries(chart: Flowchart) -> list[Problem]:
    """Every answer and outcome needs its sentence for the lawyer's summary, in every language."""
    errors: list[Problem] = []
    for node in chart.nodes:
        if node.kind == "question":
            for answer in node.answers:
                if not answer.summary:
                    errors.append(
                        Problem(
                            chart.where,
                            answer.line,
                            f"answer '{answer.label}' in '{node.id}' has no sentence for the lawyer's summary; "
                            "end the line with <!-- summary: … -->, the answer as the reader would say it "
                            '(e.g. "I know who posted it.")',
                        )
                    )
        elif node.kind == "outcome" and node.body and not node.summary:
            errors.append(
                Problem(
                    chart.where,
                    node.line,
                    f"outcome '{node.id}' has no sentence for the lawyer's summary; add a line "
                    "<!-- summary: … --> under <!-- outcome -->, saying what the guide suggested",
                )
            )
    return errors


def compare(chart: Flowchart, other: Flowchart) -> list[Problem]:
    """Differences between two languages' graphs, reported against `chart`'s file."""
    where, there = chart.where, other.where
    errors: list[Problem] = []
    if chart.start != other.start:
        errors.append(
            Problem(
                where,
                chart.line,
                f"the flowchart starts at '{chart.start}' here but at '{other.start}' "
                f"in {there}:{other.line}; both languages must start at the same node",
            )
        )
    mine, theirs = chart.node_map(), other.node_map()
    for node in chart.nodes:
        if mine[node.id] is not node:
            continue
        twin = theirs.get(node.id)
        if twin is None:
            errors.append(
                Problem(
                    where,
                    node.line,
                    f"node '{node.id}' is missing from {there}; "
                    "add it there with the same { #id }, or remove it here",
                )
            )
            continue
        here_targets = [answer.target for answer in node.answers]
        there_targets = [answer.target for answer in twin.answers]
        if here_targets != there_targets:
            errors.append(
                Problem(
                    where,
                    node.line,
                    f"the answers of '{node.id}' lead to {here_targets} here but to "
                    f"{there_targets} in {there}:{twin.line}; give both languages the same answers in the same order",
                )
            )
    for node in other.nodes:
        if node.id not in mine and theirs[node.id] is node:
            errors.append(
                Problem(
                    where,
                    chart.line,
                    f"node '{node.id}' ({there}:{node.line}) is missing here; "
                    "add it with the same { #id }, or remove it there",
                )
            )
    return errors


def check_file(path: Path, where: str, other_where: str) -> tuple[Flowchart | None, list[Problem]]:
    """Parse, validate and compare one flowchart file with its other-language twin on disk."""
    is_source = LANGUAGES[0] in Path(where).parts
    chart, errors = parse(path.read_text(encoding="utf-8"), where)
    if chart is None:
        return None, errors
    errors += validate(chart) + missing_summaries(chart)
    twin_path = other_language_path(path)
    if shown_source(twin_path) != twin_path:
        return chart, errors  # the twin is a draft marked `translation: pending`: readers see this file there
    if not twin_path.exists():
        errors.append(Problem(where, chart.line, f"{other_where} does not exist; translate the flowchart there"))
        return chart, errors
    twin, twin_errors = parse(twin_path.read_text(encoding="utf-8"), other_where)
    if twin is None:
        errors.append(
            Problem(where, chart.line, f"{other_where} has no flowchart block; translate the flowchart there")
        )
    elif (
        is_source
        and translation_is_current(path)
        and not twin_errors
        and not has_broken_answers(chart)
        and not has_broken_answers(twin)
    ):
        # Compared once, from the English side, only while the translation is current (one that is behind
        # may lack new answers: the translation report lists it), and not when an answer points nowhere:
        # that is one mistake and gets one message, in the file that has it.
        errors += compare(chart, twin)
    return chart, errors
