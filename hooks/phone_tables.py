"""Wide tables on phones: each row becomes a card, each cell labelled with its column's heading.

A table of four or more columns does not fit a 390 px screen, and a sideways-scrolling table hides its
most useful column. Such tables get the class `lc-stack` and each cell a `data-label` from its column's
heading; site.css shows them as labelled cards on narrow screens, as an ordinary table elsewhere.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
HEADER_CELL = re.compile(r"<th[^>]*>(?P<text>.*?)</th>", re.S)
ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
CELL = re.compile(r"<td(?P<attrs>[^>]*)>")
TAG = re.compile(r"<[^>]+>")
MIN_COLUMNS = 4


def _labelled_row(row: re.Match, labels: list[str]) -> str:
    cells = iter(labels)
    return "<tr>" + CELL.sub(lambda cell: f'<td{cell["attrs"]} data-label="{next(cells, "")}">', row["cells"]) + "</tr>"


def stack_wide_tables(content: str) -> str:
    """Every table of MIN_COLUMNS or more columns, marked and labelled for the phone layout."""

    def stack(table: re.Match) -> str:
        body = table["body"]
        thead, _, rest = body.partition("</thead>")
        labels = [html.escape(html.unescape(TAG.sub("", cell["text"])).strip()) for cell in HEADER_CELL.finditer(thead)]
        if len(labels) < MIN_COLUMNS or not rest:
            return table.group(0)
        rows = ROW.sub(lambda row: _labelled_row(row, labels), rest)
        return f'<table class="lc-stack">{thead}</thead>{rows}</table>'

    return TABLE.sub(stack, content)


def on_page_content(html_content, page, config, files):
    return stack_wide_tables(html_content) if "<table>" in html_content else html_content
