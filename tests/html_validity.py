"""The W3C Nu HTML Checker (vnu.jar) over many pages in one run of Java, its findings as `page:line: message`.

`make validator` (part of `make test`) installs vnu.jar from npm's vnu-jar, at the version pinned in
tests/vnu/package-lock.json, and Debian's Java if `java` is missing (scripts/ensure-validator.sh).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EMPTY_HEADING = "Empty heading."
# vnu 26 also checks each page's Content-Security-Policy <meta> against the page's resources, and gets it
# wrong for this site: it blocks data: images that `img-src 'self' data:` allows, 'self' for pages read
# from disk, and it counts the JSON data block <script type="application/json"> as an inline script. The
# real policy is checked in Chromium (tests/test_content_safety_browser.py); these are only counted.
CSP_WARNING = "violates Content Security Policy (meta tag)"


@dataclass
class Findings:
    errors: list[str] = field(default_factory=list)
    empty_headings: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    csp_warnings: int = 0

    def summary(self) -> str:
        """The warnings in a few lines: each empty heading, then the others by message, with a count."""
        lines = [f"{len(self.empty_headings)} empty headings:", *(f"  {line}" for line in self.empty_headings)]
        others = Counter(line.split(": ", 1)[1] for line in self.warnings)
        lines += [f"{count} × warning: {message}" for message, count in others.most_common()]
        if self.csp_warnings:
            lines.append(f"{self.csp_warnings} × vnu's own Content-Security-Policy check (wrong here, not counted)")
        return "\n".join(lines)


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise FileNotFoundError(f"{'java' if java is None else VNU_JAR} is missing: run `make validator`")
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


def check_html(pages: list[Path], root: Path) -> Findings:
    """Check every page in one run of vnu; each finding names the page relative to root, and its line."""
    result = subprocess.run(
        [*vnu_command(), *(str(page) for page in pages)], capture_output=True, text=True, encoding="utf-8"
    )
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu writes its JSON report to stderr
    except (json.JSONDecodeError, KeyError) as exc:
        raise RuntimeError(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr[-3000:]}") from exc
    findings = Findings()
    for message in messages:
        url = message.get("url", "")
        where = Path(unquote(url.removeprefix("file:"))) if url.startswith("file:") else Path(url)
        if where.is_relative_to(root):
            where = where.relative_to(root)
        line = message.get("firstLine", message.get("lastLine", "?"))
        text = f"{where.as_posix()}:{line}: {message.get('message', '')}"
        if message.get("type") == "info" and message.get("subType") == "warning":
            if message.get("message") == EMPTY_HEADING:
                findings.empty_headings.append(text)
            elif CSP_WARNING in message.get("message", ""):
                findings.csp_warnings += 1
            else:
                findings.warnings.append(text)
        elif message.get("type") in ("error", "non-document-error"):
            findings.errors.append(text)
    return findings
