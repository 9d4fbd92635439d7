"""Timed strict builds for bench/run.py: configuration variants, one build's wall and CPU time, and
interleaved rounds that give paired ratios.

Three variants of the same docs snapshot:
- "with": mkdocs.yml as it is (all hooks);
- "no-hooks" (baseline 1): the same file with `hooks:` removed;
- "plain" (baseline 2): also without overrides/ (custom_dir), our extra_css/extra_javascript, and with
  Material's search plugin as shipped (no options), so Material builds its own search index.

Both baselines build three editions from the same files: docs/ is copied to a scratch folder and the
Traditional edition (docs/zh-Hant/, which only our hook writes) is generated there once, before any
timing. The "with" builds still run the hook, which finds every file up to date and writes nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("with", "no-hooks", "plain")
BASELINES = ("no-hooks", "plain")


def config_copy(
    text: str,
    docs_dir: Path | None = None,
    hooks: bool = True,
    drop_hook: str | None = None,
    extra_nav: str = "",
) -> str:
    """mkdocs.yml rewritten to work from another folder: absolute paths, optionally without hooks (all, or
    the one named by drop_hook), optionally with more nav entries (YAML lines) at the end of `nav:`."""
    out: list[str] = []
    section = ""
    for line in text.splitlines():
        top_key = re.match(r"^([A-Za-z_]+):", line)
        if top_key:
            if section == "nav" and extra_nav:
                out.append(extra_nav.rstrip("\n"))
            section = top_key[1]
        if section == "hooks" and not hooks:
            continue
        if section == "watch":
            line = re.sub(r"^(\s+- )(?!/)(\S+)$", lambda m: f"{m[1]}{ROOT / m[2]}", line)
        if drop_hook and re.match(rf"^\s+- hooks/{re.escape(drop_hook)}$", line):
            continue
        if re.match(r"^\s+- hooks/", line):
            line = re.sub(r"- hooks/", f"- {ROOT / 'hooks'}/", line)
        out.append(line)
    result = "\n".join(out) + "\n"
    result = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs_dir or ROOT / 'docs'}", result)
    return re.sub(r"(?m)^(\s+custom_dir:) .*$", rf"\1 {ROOT / 'overrides'}", result)


def _drop_block(text: str, key: str, indent: str = "") -> str:
    """The YAML text without the block `key:` at this indent (the key's line and every deeper line)."""
    pattern = rf"(?m)^{indent}{key}:.*\n(?:(?:{indent}[ \t]+.*|[ \t]*)\n)*"
    return re.sub(pattern, "", text)


def plain_config(text: str) -> str:
    """Baseline 2 from a config_copy(…, hooks=False): no custom_dir, no extra_css/extra_javascript, and
    Material's search plugin with no options."""
    text = re.sub(r"(?m)^\s+custom_dir: .*\n", "", text)
    text = _drop_block(text, "extra_css")
    text = _drop_block(text, "extra_javascript")
    text = re.sub(r"(?m)^  - search:\n(?:    .*\n)+", "  - search\n", text)
    return text


def write_variants(work: Path, docs: Path, extra_nav: str = "") -> dict[str, Path]:
    """The three configuration files for one docs folder, in work/."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without = config_copy(text, docs, hooks=False, extra_nav=extra_nav)
    texts = {
        "with": config_copy(text, docs, extra_nav=extra_nav),
        "no-hooks": without,
        "plain": plain_config(without),
    }
    paths = {}
    for name, content in texts.items():
        paths[name] = work / f"{docs.parent.name}-{docs.name}-{name}.yml"
        paths[name].write_text(content, encoding="utf-8")
    return paths


def generate_edition(docs: Path) -> None:
    """docs/zh-Hant/ written from docs/zh/ by our hook's own function, once, so every variant builds it."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import zh_hant_edition as z; from pathlib import Path; "
        "z.write_edition(Path(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT / "hooks"), str(docs)], check=True, cwd=ROOT)


def docs_snapshot(work: Path, name: str = "docs") -> Path:
    """A copy of docs/ (without any generated edition) in work/, with the Traditional edition generated."""
    docs = work / name
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("zh-Hant"))
    return docs


@dataclass(frozen=True)
class Build:
    """One strict build: wall seconds, CPU seconds (user + sys of the child and what it waited for),
    and the 1-minute load average just before it started."""

    variant: str
    wall: float
    cpu: float
    load: float

    def as_dict(self) -> dict:
        return {"variant": self.variant, "wall_s": round(self.wall, 3), "cpu_s": round(self.cpu, 3),
                "load_1min": round(self.load, 2)}  # fmt: skip


def timed_build(config: Path, site_dir: Path, variant: str = "") -> Build:
    """One strict build in a child process, timed with perf_counter and os.wait4's resource usage (which
    includes the helper process and Pagefind, both waited for by MkDocs). Raises if the build fails."""
    shutil.rmtree(site_dir, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": os.environ.get("SITE_URL", "http://127.0.0.1/")}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)]
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"build of {config} failed:\n{log.read().decode(errors='replace')[-4000:]}")
    return Build(variant, wall, usage.ru_utime + usage.ru_stime, load)


def round_order(index: int, variants: tuple[str, ...] = VARIANTS) -> tuple[str, ...]:
    """ABC in even rounds, CBA in odd ones: every pair of variants runs in ABBA order over two rounds."""
    return variants if index % 2 == 0 else tuple(reversed(variants))


def interleaved(configs: dict[str, Path], work: Path, rounds: int, warm_up: bool = True) -> list[list[Build]]:
    """`rounds` rounds of one build per variant, in alternating order; one untimed build of each first
    (compiled bytecode, jieba's cache and the page cache are then warm for every variant alike)."""
    variants = tuple(configs)
    if warm_up:
        for variant in variants:
            timed_build(configs[variant], work / f"site-{variant}", variant)
    results = []
    for index in range(rounds):
        builds = [timed_build(configs[v], work / f"site-{v}", v) for v in round_order(index, variants)]
        results.append(builds)
        print("  round", index + 1, " ".join(f"{b.variant} {b.wall:.2f}s" for b in builds), file=sys.stderr)
    return results


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def spread(values: list[float], digits: int = 3) -> dict:
    """Median, min, max and interquartile range of a list of numbers."""
    low, high = quartiles(values)
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "q1": round(low, digits),
        "q3": round(high, digits),
    }


def paired_summary(rounds: list[list[Build]], target: str = "with") -> dict:
    """For each baseline present: the per-round ratios target/baseline (wall and CPU), their spread, and
    the ratio of medians beside it; each variant's times; and the load average of every build."""
    by_round = [{b.variant: b for b in builds} for builds in rounds]
    variants = list(by_round[0])
    summary: dict = {"rounds": len(rounds), "variants": {}, "ratios": {}}
    for variant in variants:
        summary["variants"][variant] = {
            "wall_s": spread([r[variant].wall for r in by_round], 2),
            "cpu_s": spread([r[variant].cpu for r in by_round], 2),
        }
    for baseline in variants:
        if baseline == target:
            continue
        entry = {}
        for measure in ("wall", "cpu"):
            paired = [getattr(r[target], measure) / getattr(r[baseline], measure) for r in by_round]
            medians = summary["variants"][target][f"{measure}_s"]["median"] / max(
                summary["variants"][baseline][f"{measure}_s"]["median"], 1e-9
            )
            entry[measure] = {**spread(paired), "ratio_of_medians": round(medians, 3)}
        summary["ratios"][baseline] = entry
    loads = [b.load for builds in rounds for b in builds]
    summary["load_1min"] = spread(loads, 2)
    summary["builds"] = [[b.as_dict() for b in builds] for builds in rounds]
    return summary


def measure_real_site(work: Path, rounds: int) -> tuple[dict, Path]:
    """(a): the real site's three variants, interleaved; and the folder of the last "with" build."""
    docs = docs_snapshot(work)
    generate_edition(docs)
    configs = write_variants(work, docs)
    summary = paired_summary(interleaved(configs, work, rounds))
    summary["pages"] = sum(1 for _ in docs.rglob("*.md"))
    return summary, work / "site-with"


def build_real_site(work: Path) -> Path:
    """One build of the real site with hooks, for (b) and (d) when (a) is not measured."""
    docs = docs_snapshot(work)
    configs = write_variants(work, docs)
    timed_build(configs["with"], work / "site-with", "with")
    return work / "site-with"
