"""Check the external links of a built site: HEAD each one (GET when HEAD is refused), with a timeout.

    python scripts/check_links.py [site] [--timeout 10] [--workers 8]     # `make links` builds site/ first

Internal links are checked by the strict build; this is for the addresses of other websites, which break
over time. Prints a table (status, address, pages that link to it) and exits 1 if any link is broken.
The weekly GitHub workflow (.github/workflows/links.yml) does the same with lychee and opens an issue.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

USER_AGENT = "Mozilla/5.0 (compatible; wechat-legal-help-link-check/1.0)"
LOCAL_HOSTS = re.compile(r"^https?://(?:127\.0\.0\.1|localhost)(?::\d+)?(?:/|$)")
# "Edit this page" points at the repository's editor, which needs a login: not a reader's link.
SKIPPED_CLASSES = {"md-content__button"}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        href = attributes.get("href") or ""
        classes = set((attributes.get("class") or "").split())
        if tag == "a" and href.startswith(("http://", "https://")) and not classes & SKIPPED_CLASSES:
            self.links.append(href)


def external_links(site: Path) -> dict[str, list[str]]:
    """Every external address linked from the site's pages, with the pages (paths under site) that link to it."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        parser = LinkParser()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in dict.fromkeys(parser.links):
            if not LOCAL_HOSTS.match(url):
                found.setdefault(url.split("#")[0], []).append(page.relative_to(site).as_posix())
    return found


@dataclass(frozen=True)
class Result:
    url: str
    status: str  # an HTTP status code, or what went wrong
    ok: bool


def request(url: str, method: str, timeout: float) -> int:
    req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check(url: str, timeout: float = 10.0) -> Result:
    """HEAD, then GET if the server refuses HEAD; 2xx and 3xx (redirects are followed) count as working."""
    try:
        status = request(url, "HEAD", timeout)
        if status in (403, 405, 501):
            status = request(url, "GET", timeout)
    except TimeoutError:
        return Result(url, f"timeout after {timeout:g} s", False)
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return Result(url, f"timeout after {timeout:g} s", False)
        return Result(url, f"error: {reason}", False)
    except OSError as error:
        return Result(url, f"error: {error}", False)
    return Result(url, str(status), 200 <= status < 400)


def check_all(urls: Iterable[str], timeout: float = 10.0, workers: int = 8) -> list[Result]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda url: check(url, timeout), urls))


def table(results: list[Result], pages: dict[str, list[str]]) -> str:
    """Broken links first, then the rest, each with the number of pages and the first page linking to it."""
    rows = sorted(results, key=lambda result: (result.ok, result.url))
    width = max([len("status")] + [len(result.status) for result in rows])
    lines = [f"{'status':<{width}}  {'ok':<4}  {'pages':>5}  url (first page)"]
    for result in rows:
        where = pages.get(result.url, [])
        first = f" ({where[0]})" if where else ""
        mark = "ok" if result.ok else "FAIL"
        lines.append(f"{result.status:<{width}}  {mark:<4}  {len(where):>5}  {result.url}{first}")
    broken = sum(not result.ok for result in results)
    lines.append(f"{len(results)} external links, {broken} broken")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default 10)")
    parser.add_argument("--workers", type=int, default=8, help="requests at a time (default 8)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no built site here. Fix: run `make build` first.", file=sys.stderr)
        return 2
    pages = external_links(args.site)
    results = check_all(sorted(pages), args.timeout, args.workers)
    print(table(results, pages))
    return 0 if all(result.ok for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
