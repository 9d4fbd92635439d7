"""bench/results/latest.md from the results of bench/run.py: one Markdown section per measure."""

from __future__ import annotations

from pages import LIGHTHOUSE_RUNS

HOOKS_RATIO, ARTICLE_KB = 1.15, 150
BASELINE_NAMES = {"no-hooks": "baseline 1, no hooks", "plain": "baseline 2, plain stack"}


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def _range(s: dict, unit: str = "") -> str:
    return f"{s['median']}{unit} ({s['min']}–{s['max']}; IQR {s['q1']}–{s['q3']})"


def ratio_rows(summary: dict) -> list[str]:
    """One table row per baseline and measure: the paired ratios' median, range and IQR."""
    rows = []
    for baseline, entry in summary["ratios"].items():
        for measure in ("wall", "cpu"):
            r = entry[measure]
            verdict = "within" if r["median"] <= HOOKS_RATIO else "OVER"
            rows.append(
                f"| {BASELINE_NAMES.get(baseline, baseline)} | {measure} | **{r['median']}** ({verdict}) | "
                f"{r['min']}–{r['max']} | {r['q1']}–{r['q3']} | {r['ratio_of_medians']} |"
            )
    return rows


def render_builds(summary: dict, title: str) -> list[str]:
    """A measure of interleaved builds: the ratios against each baseline, then each variant's times."""
    lines = [
        f"### {title}",
        "",
        f"{summary['rounds']} rounds, ABC/CBA order (each pair in ABBA order over two rounds); one ratio per round.",
        f"Load average (1 min) before each build: {_range(summary['load_1min'])}.",
        "",
        "| with hooks ÷ | time | paired ratio, median | min–max | IQR | ratio of medians |",
        "|---|---|---:|---:|---:|---:|",
        *ratio_rows(summary),
        "",
        "| variant | wall s, median (min–max; IQR) | CPU s (user+sys), median (min–max; IQR) |",
        "|---|---|---|",
    ]
    for variant, times in summary["variants"].items():
        lines.append(f"| {variant} | {_range(times['wall_s'])} | {_range(times['cpu_s'])} |")
    return [*lines, "", f"Target: with hooks ÷ baseline 1 ≤ {HOOKS_RATIO}.", ""]


def render_pages(pages: dict, own: dict) -> list[str]:
    lines = [
        "### (b) Bytes transferred per page (gzip, fresh browser, everything the page loads)",
        "",
        "| page | requests | total KB | document | script | stylesheet | other |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in pages.items():
        by = row["by_type"]
        other = row["bytes"] - sum(by.get(k, 0) for k in ("document", "script", "stylesheet"))
        lines.append(
            f"| {name} | {row['requests']} | {kb(row['bytes'])} | {kb(by.get('document', 0))} | "
            f"{kb(by.get('script', 0))} | {kb(by.get('stylesheet', 0))} | {kb(other)} |"
        )
    files = ", ".join(f"{name} {kb(size)}" for name, size in own["files"].items())
    per_page = ", ".join(f"{name} {kb(size)}" for name, size in own.get("per_page", {}).items())
    return [
        *lines,
        "",
        f"Target: ≤ {ARTICLE_KB} KB per article page. Our own JS + CSS a page loads (gzip; its two bundles, "
        f"lc-search.js inside): at most {kb(own.get('per_page_max', 0))} KB "
        f"(target ≤ {own['target_kb']} KB): {per_page}.",
        "",
        f"Each file of ours as built, gzip (all together {kb(own['total'])} KB, more than any page loads): {files}",
        "",
    ]


def render_scale(rows: list[dict]) -> list[str]:
    lines = [
        "### (c) Synthetic scale (nested nav: 10 sections × 5 subsections; N generated pages per edition)",
        "",
        "| pages / edition | pages built | with hooks, wall s | no hooks, wall s | paired ratio wall (min–max) "
        "| paired ratio CPU (min–max) | HTML KB / page | gzip KB | site MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        wall, cpu = row["ratios"]["no-hooks"]["wall"], row["ratios"]["no-hooks"]["cpu"]
        lines.append(
            f"| {row['pages_per_edition']} | {row['pages_total']} | {row['variants']['with']['wall_s']['median']} | "
            f"{row['variants']['no-hooks']['wall_s']['median']} | {wall['median']} ({wall['min']}–{wall['max']}) | "
            f"{cpu['median']} ({cpu['min']}–{cpu['max']}) | {row['html_kb_mean']} | {row['html_gzip_kb_mean']} | "
            f"{row['site_mb']} |"
        )
    lines.append("")
    for row in rows:
        lines += render_builds(row, f"(c) detail: {row['pages_per_edition']} pages per edition")
    return lines


def render_lighthouse(lighthouse: dict) -> list[str]:
    runs = max(
        (len(row.get("performance_runs", [])) for row in lighthouse.values() if isinstance(row, dict)), default=0
    )
    lines = [f"### (d) Lighthouse 12, mobile (median of {runs or LIGHTHOUSE_RUNS} runs by performance)", ""]
    if "skipped" in lighthouse:
        return [*lines, f"Skipped: {lighthouse['skipped']}.", ""]
    lines += [
        "| page | perf (each run) | TBT ms | a11y | best practices | SEO | audits not passed |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, row in lighthouse.items():
        if "error" in row:
            lines.append(f"| {name} | error: {row['error'][:80]} | | | | | |")
            continue
        s = row["scores"]
        lines.append(
            f"| {name} | {s.get('performance')} ({', '.join(map(str, row.get('performance_runs', [])))}) "
            f"| {row.get('tbt_ms', '')} | {s.get('accessibility')} | {s.get('best-practices')} | "
            f"{s.get('seo')} | {', '.join(row['not_passed']) or '–'} |"
        )
    return [*lines, ""]


def render(results: dict) -> str:
    lines = [f"Measured {results['when']} on {results['machine']}.", ""]
    if results.get("hooks"):
        hooks = results["hooks"]
        lines += render_builds(hooks, f"(a) Build time, real site ({hooks['pages']} Markdown files, three editions)")
    if results.get("pages"):
        lines += render_pages(results["pages"], results["own_assets"])
    if results.get("scale"):
        lines += render_scale(results["scale"])
    if results.get("lighthouse"):
        lines += render_lighthouse(results["lighthouse"])
    return "\n".join(lines)
