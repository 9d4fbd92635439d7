"""The allowlist for page HTML, and the reader that holds a page's HTML to it (hooks/content_safety.py).

A module of its own, importable by name, because the check runs where the search helper's work runs
(hooks/background.py sends `check_html` there by name; a hook module is not importable): it only reports,
never changes the page, so the main process goes on rendering meanwhile and collects the problems before
the build ends.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from problems import Problem

ALLOWED_HTML = "see CONTRIBUTING.md, 'Raw HTML'"

# What Markdown, pymdown-extensions and our hooks' partials write, and what content may add by hand.
TEXT_TAGS = {"p", "br", "hr", "span", "div", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small"}
TEXT_TAGS |= {"sub", "sup", "abbr", "kbd", "code", "pre", "q", "cite", "blockquote", "time"}
STRUCTURE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "details", "summary"}
STRUCTURE_TAGS |= {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"}
STRUCTURE_TAGS |= {"figure", "figcaption", "section", "aside", "nav"}
MEDIA_TAGS = {"a", "img", "svg", "path", "g", "title"}  # svg/path: the emoji extension's inline icons
CONTROL_TAGS = {"input", "label", "button", "textarea"}  # task lists and the checklist partial
ALLOWED_TAGS = TEXT_TAGS | STRUCTURE_TAGS | MEDIA_TAGS | CONTROL_TAGS

GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "markdown"}
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "style", "align"},
    "td": {"colspan", "rowspan", "style", "align"},
    "col": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "input": {"type", "checked", "disabled", "name", "value"},
    "label": {"for"},
    "button": {"type"},
    "textarea": {"readonly", "rows"},
    "svg": {"xmlns", "viewbox", "width", "height", "fill", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "g": {"fill"},
}
INPUT_TYPES = {"checkbox"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
TABLE_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$", re.I)
DATA_IMAGE = re.compile(r"^data:image/(png|gif|jpeg|webp|svg\+xml)[;,]", re.I)
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop tabs, newlines and controls inside a URL
# Phone numbers a reader may need to tap: Canadian toll-free and local numbers, 9-8-8 and 911.
PHONE = re.compile(r"(?<![0-9A-Za-z/.-])(1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|9-8-8|911)(?![0-9A-Za-z/-])")
MERMAID = (
    "mermaid diagrams are not supported: the theme would load mermaid from another site; "
    "draw the diagram as an SVG in docs/assets/images/, or write it as a list"
)

WHY = {
    "script": "it runs code in readers' browsers",
    "iframe": "it shows another site's page, which can track readers",
    "frame": "it shows another site's page, which can track readers",
    "object": "it loads a plug-in or another site's content",
    "embed": "it loads a plug-in or another site's content",
    "style": "a style sheet can load from other sites; use a class from docs/assets/stylesheets",
    "link": "it loads a file, possibly from another site",
    "meta": "the theme writes the page head",
    "base": "it changes where every link of the page goes",
    "form": "it can send what a reader types to another site",
}


def _scheme(url: str) -> str | None:
    match = SCHEME.match(URL_NOISE.sub("", url))
    return match[1].lower() if match else None


def check_url(tag: str, attribute: str, url: str) -> str | None:
    """Why a link or image address is not allowed, or None."""
    scheme = _scheme(url)
    if attribute == "href":
        if scheme is None or scheme in LINK_SCHEMES:
            return None
        return f"a link to '{scheme}:' is not allowed (it can run code); link with https:, mailto:, tel: or a page path"
    if attribute == "src":
        cleaned = URL_NOISE.sub("", url)
        if scheme is None and not cleaned.startswith("//"):
            return None
        if scheme == "data" and DATA_IMAGE.match(cleaned):
            return None
        return (
            f"<{tag}> loads {url[:80]!r} from another site, which tells that site who is reading; "
            "put the file in docs/assets/images/ and link it with a relative path"
        )
    return None


class _Checker(HTMLParser):
    """Collects (needle, message) pairs; a needle is text to look for in the Markdown to find the line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._link_depth = 0  # inside <a>: a number there is already a link
        self._code_depth = 0  # inside <code> or <pre>: shown as written

    def handle_endtag(self, tag):
        if tag == "a" and self._link_depth:
            self._link_depth -= 1
        elif tag in ("code", "pre") and self._code_depth:
            self._code_depth -= 1

    def handle_data(self, data):
        if self._link_depth or self._code_depth:
            return
        for match in PHONE.finditer(data):
            number = match.group(1)
            target = "+" + number if number.startswith("1-") else number.replace("-", "")
            message = f"the phone number {number} is not a link; write [{number}](tel:{target}) so a phone can call it"
            self.found.append((f"\t{number}", message))

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._link_depth += 1
        elif tag in ("code", "pre"):
            self._code_depth += 1
        if tag not in ALLOWED_TAGS:
            why = WHY.get(tag, "it is not in the list of allowed HTML")
            self.found.append((f"<{tag}", f"<{tag}> is not allowed in a page: {why}; {ALLOWED_HTML}"))
            return
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                message = f"the '{name}' attribute on <{tag}> runs code in readers' browsers; remove it"
                self.found.append((name, message))
            elif name.startswith(("data-lc-", "aria-")):
                continue
            elif name == "style":
                if tag not in ("th", "td") or not TABLE_STYLE.match(value):
                    message = f"an inline style on <{tag}> is not allowed (it can load from other sites); use a class"
                    self.found.append(("style=", message))
            elif name not in allowed:
                self.found.append((name, f"the '{name}' attribute is not allowed on <{tag}>; {ALLOWED_HTML}"))
            elif name in ("href", "src") and (why := check_url(tag, name, value)):
                self.found.append((value.strip()[:60] or name, why))
            elif name == "class" and {"mermaid", "language-mermaid"} & set(value.split()):
                self.found.append(("mermaid", MERMAID))
            elif tag == "input" and name == "type" and value.lower() not in INPUT_TYPES:
                self.found.append(("<input", f"<input type={value!r}> is not allowed; only checkboxes (task lists)"))

    def handle_decl(self, decl):
        self.found.append(("<!", f"<!{decl[:20]}> is not allowed in a page; {ALLOWED_HTML}"))

    def handle_pi(self, data):
        self.found.append(("<?", f"<?{data[:20]}> is not allowed in a page; {ALLOWED_HTML}"))


def line_of(source: str, needle: str, after: int = 0) -> int:
    """The 1-based line where `needle` first appears in the Markdown (case-insensitive), else 0.

    A needle that starts with a tab is a phone number: its first appearance that is not a link's text."""
    if needle.startswith("\t"):
        for match in re.finditer(re.escape(needle[1:]), source):
            if source[match.end() : match.end() + 2] != "](" and not source[: match.start()].endswith("tel:"):
                return source.count("\n", 0, match.start()) + 1
        return 0
    index = source.lower().find(needle.lower(), after)
    return source.count("\n", 0, index) + 1 if index >= 0 else 0


def check_html(html: str, source: str, file: str) -> list[Problem]:
    """Every disallowed construct in a page's HTML, each placed at its line in the Markdown source."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    problems, seen = [], set()
    for needle, message in checker.found:
        problem = Problem(file, line_of(source, needle), message)
        if problem not in seen:
            seen.add(problem)
            problems.append(problem)
    return problems
