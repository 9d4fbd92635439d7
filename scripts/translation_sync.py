"""Mark Chinese pages as translated from the current English page, or list the ones that are behind.

    python scripts/translation_sync.py defamation.md       # after updating docs/zh/defamation.md
    python scripts/translation_sync.py --check             # list pages whose translation is behind; exit 1 if any

Marking writes `translated_from: <hash of the English page>` into the Chinese page's front matter; the
build (hooks/translations.py) compares it with the English page to decide whether the translation is
current. Run it only after you have brought the Chinese text in line with the English page.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import front_matter  # noqa: E402 - needs the hooks folder on the path first
from translations import (  # noqa: E402
    CURRENT,
    HASH_FIELD,
    SOURCE,
    TARGET,
    collect_statuses,
    is_pending,
    source_hash,
    split_front_matter,
)

DOCS = ROOT / "docs"
HASH_LINE = re.compile(rf"^{HASH_FIELD}:.*$", re.M)


def set_translated_from(target_text: str, digest: str) -> str:
    """The Chinese page with `translated_from: <digest>` in its front matter, replacing any older value."""
    if not target_text.startswith("---\n"):
        raise ValueError("the page has no front matter; it must start with a line '---'")
    end = target_text.find("\n---\n", 3)
    if end < 0:
        raise ValueError("the front matter is not closed; add a line '---' after it")
    meta, body = target_text[: end + 1], target_text[end + 1 :]
    line = f"{HASH_FIELD}: {digest}"
    if HASH_LINE.search(meta):
        meta = HASH_LINE.sub(line, meta, count=1)
    else:
        meta += line + "\n"
    return meta + body


def sync(page: str, docs: Path = DOCS) -> str:
    """Record the English page's current hash in the Chinese page; return a one-line report."""
    source, target = docs / SOURCE / page, docs / TARGET / page
    if not source.exists():
        raise FileNotFoundError(f"docs/{SOURCE}/{page} does not exist; give the page's path below docs/{SOURCE}/")
    if not target.exists():
        raise FileNotFoundError(f"docs/{TARGET}/{page} does not exist; translate the page first")
    digest = source_hash(source.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    try:
        updated = set_translated_from(text, digest)
    except ValueError as error:
        raise ValueError(f"docs/{TARGET}/{page}: {error}") from None
    if updated != text:
        target.write_text(updated, encoding="utf-8")
    note = " (still marked 'translation: pending': remove that line when the translation is done)"
    return f"docs/{TARGET}/{page}: {HASH_FIELD}: {digest}" + (note if is_pending(split_front_matter(text)[0]) else "")


def front_matter_problems(docs: Path = DOCS) -> list[str]:
    """Every page whose front matter cannot be read, as file:line messages (all of them, not the first)."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        name = f"docs/{path.relative_to(docs).as_posix()}"
        problems += [str(problem) for problem in front_matter.parse(path.read_text(encoding="utf-8"), name).problems]
    return problems


def main(argv: list[str] | None = None, docs: Path = DOCS) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="page paths below docs/en/, e.g. defamation.md")
    parser.add_argument("--check", action="store_true", help="list pages that are behind; exit 1 if any")
    args = parser.parse_args(argv)
    problems = front_matter_problems(docs)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.check:
        statuses = collect_statuses(docs, dates=lambda _: None).values()
        behind = [s for s in statuses if s.state != CURRENT]
        for status in behind:
            print(f"docs/{TARGET}/{status.page}: {status.state}")
        if not behind:
            print(f"All {len(statuses)} pages in docs/{TARGET}/ are current with docs/{SOURCE}/.")
        return 1 if behind else 0
    pages = args.pages
    if not pages:
        parser.error("name the page you have brought in line with English (e.g. defamation.md), or use --check")
    try:
        for page in pages:
            print(sync(page.removeprefix(f"docs/{TARGET}/").removeprefix(f"docs/{SOURCE}/"), docs))
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
