"""(c) Synthetic scale for bench/run.py: generated pages in a nested navigation like a real site's.

Each size adds N pages per written language (English and Simplified; the Traditional edition is generated
from the Simplified pages, so each of the three editions has N more) under docs/<lang>/generated/, in
10 sections of 5 subsections each, listed in the nav after the real pages. The same docs snapshot is
built with hooks and without (baseline 1), and optionally as the plain stack (baseline 2), interleaved.
"""

from __future__ import annotations

import gzip
import shutil
import statistics
from pathlib import Path

from builds import docs_snapshot, generate_edition, interleaved, paired_summary, write_variants

SECTIONS, SUBSECTIONS = 10, 5

SECTION_EN = """
## Section {n} {{ #section-{n} }}

A person in Ontario who is defamed on WeChat can keep screenshots, write down dates and ask a lawyer.
This generated paragraph has the length of a real one, so that the build and the page weigh what a
real page would. See [the glossary]({up}glossary.md) and [what to do]({up}what-to-do.md).

- Keep the evidence: the message, the sender's name, the group and the time.
- Note the deadlines, which can be short.
"""
SECTION_ZH = """
## 第{n}节 {{ #section-{n} }}

在安大略省被人在微信上诽谤的人，可以保存截图、记下日期，并咨询律师。这一段是生成的文字，长度与真实段落相当，使构建时间和页面大小与真实页面接近。请参阅[术语表]({up}glossary.md)和[下一步怎么做]({up}what-to-do.md)。

- 保存证据：消息、发送者的名字、群名和时间。
- 留意期限，期限可能很短。
"""


def generated_page(language: str, number: int, up: str = "../../../") -> str:
    """One page of five sections, about the length of a real page; `up` leads back to the language root."""
    title = f"Generated page {number}" if language == "en" else f"生成的页面 {number}"
    description = "A generated page for the scale benchmark." if language == "en" else "用于规模测试的生成页面。"
    template = SECTION_EN if language == "en" else SECTION_ZH
    sections = "".join(template.format(n=n, up=up) for n in range(1, 6))
    return (
        f"---\ntitle: {title}\ndescription: {description}\nreviewed: 2026-11-25\nsources:\n"
        f"  - title: Libel and Slander Act\n    url: https://www.ontario.ca/laws/statute/90l12\n---\n\n"
        f"# {title}\n{sections}"
    )


def page_paths(count: int) -> list[tuple[int, int, str]]:
    """(section, subsection, path below the language folder) for `count` pages, spread evenly."""
    paths = []
    for number in range(1, count + 1):
        slot = (number - 1) % (SECTIONS * SUBSECTIONS)
        section, subsection = slot // SUBSECTIONS + 1, slot % SUBSECTIONS + 1
        paths.append((section, subsection, f"generated/s{section:02d}/ss{subsection}/page-{number:04d}.md"))
    return paths


def nested_nav(count: int) -> str:
    """YAML lines to append to `nav:`: Generated › Section s › Subsection ss › pages."""
    tree: dict[int, dict[int, list[str]]] = {}
    for section, subsection, path in page_paths(count):
        tree.setdefault(section, {}).setdefault(subsection, []).append(path)
    lines = ["  - Generated:"]
    for section, subsections in sorted(tree.items()):
        lines.append(f"      - Section {section}:")
        for subsection, paths in sorted(subsections.items()):
            lines.append(f"          - Subsection {section}.{subsection}:")
            lines += [f"              - {path}" for path in paths]
    return "\n".join(lines) + "\n"


def scaled_docs(work: Path, count: int) -> Path:
    """A docs snapshot with `count` generated pages per written language and the Traditional edition."""
    (work / f"scale-{count}").mkdir()
    docs = docs_snapshot(work / f"scale-{count}")  # named docs/, as problems name their files docs/…
    for language in ("en", "zh"):
        for _, _, path in page_paths(count):
            target = docs / language / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(generated_page(language, int(path[-7:-3])), encoding="utf-8")
    generate_edition(docs)
    return docs


def page_weight(site: Path) -> dict:
    """Mean size of a generated page's HTML, raw and gzip (KB), and the whole site (MB)."""
    pages = list((site / "generated").rglob("index.html"))
    raw = [p.stat().st_size for p in pages]
    packed = [len(gzip.compress(p.read_bytes(), 6)) for p in pages[:200]]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "html_kb_mean": round(statistics.mean(raw) / 1024, 1),
        "html_gzip_kb_mean": round(statistics.mean(packed) / 1024, 1),
        "site_mb": round(total / 1024 / 1024, 1),
    }


def measure_scale(work: Path, counts: list[int], rounds: int, plain: bool = False) -> list[dict]:
    """For each size: interleaved builds with hooks and without (and the plain stack if asked)."""
    rows = []
    for count in counts:
        docs = scaled_docs(work, count)
        configs = write_variants(work, docs, extra_nav=nested_nav(count))
        if not plain:
            configs.pop("plain")
        print(f"(c) {count} pages per edition, {rounds} rounds", flush=True)
        summary = paired_summary(interleaved(configs, work, rounds, warm_up=False))
        summary["pages_per_edition"] = count
        summary["pages_total"] = sum(1 for _ in docs.rglob("*.md"))
        summary.update(page_weight(work / "site-with"))
        rows.append(summary)
        for variant in configs:
            shutil.rmtree(work / f"site-{variant}", ignore_errors=True)
        shutil.rmtree(docs.parent, ignore_errors=True)
    return rows
