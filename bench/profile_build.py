"""Where a build with hooks spends its time: one strict build under cProfile (CPU clock), summed per hook.

    .venv/bin/python bench/profile_build.py              # the real site
    .venv/bin/python bench/profile_build.py --pages 500  # with 500 generated pages per edition (bench/scale.py)
    .venv/bin/python bench/profile_build.py --variant no-hooks --keep base.prof  # a baseline, to compare

Prints each hook's MkDocs event handlers (cumulative seconds over the whole build, all editions), then
the costliest functions in hooks/ and in the libraries they call. cProfile slows pure-Python code by
about a third, so compare the figures with each other, not with bench/run.py's. Work done in the helper
process (hooks/background.py) and by the Pagefind binary is not in the profile.
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builds import ROOT, docs_snapshot, generate_edition, write_variants  # noqa: E402
from scale import nested_nav, scaled_docs  # noqa: E402

HOOKS = str(ROOT / "hooks") + os.sep


# cProfile timed by the process's CPU clock, not the wall clock, so that other people's work on the
# shared machine does not show up as ours.
RUNNER = """
import cProfile, sys, time
from mkdocs.__main__ import cli
profiler = cProfile.Profile(time.process_time)
try:
    profiler.runcall(cli.main, args=sys.argv[2:], prog_name="mkdocs", standalone_mode=False)
finally:
    profiler.dump_stats(sys.argv[1])
"""


def profile(config: Path, site: Path, output: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", RUNNER, str(output), "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def called_by_mkdocs(callers: dict) -> bool:
    return any(caller[0].endswith(os.path.join("mkdocs", "plugins.py")) for caller in callers)


def per_hook(stats: pstats.Stats) -> dict[str, list[tuple[str, int, float]]]:
    """{hook file: [(handler, calls, cumulative s)]} for every handler MkDocs called."""
    hooks: dict[str, list[tuple[str, int, float]]] = defaultdict(list)
    for (file, _, name), (_, calls, _, cumulative, callers) in stats.stats.items():
        if file.startswith(HOOKS) and called_by_mkdocs(callers):
            hooks[Path(file).name].append((name, calls, cumulative))
    return hooks


def print_summary(stats: pstats.Stats, top: int) -> None:
    hooks = per_hook(stats)
    print(f"build under cProfile: {stats.total_tt:.2f} CPU s\n\nper hook (handler calls cumulative-s):")
    for name, handlers in sorted(hooks.items(), key=lambda item: -sum(h[2] for h in item[1])):
        parts = ", ".join(f"{h} ×{calls} {cum:.2f}" for h, calls, cum in sorted(handlers, key=lambda h: -h[2]))
        print(f"  {sum(h[2] for h in handlers):6.2f}  {name}: {parts}")
    print(f"\ntop {top} functions in hooks/ by own time (calls, own s, cumulative s):")
    rows = [(key, value) for key, value in stats.stats.items() if key[0].startswith(HOOKS)]
    for (file, line, name), (_, calls, own, cumulative, _) in sorted(rows, key=lambda r: -r[1][2])[:top]:
        print(f"  {own:6.3f} {cumulative:6.3f} ×{calls:<6} {Path(file).name}:{line} {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="generated pages per edition (default: none)")
    parser.add_argument("--variant", choices=("with", "no-hooks", "plain"), default="with")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--keep", type=Path, help="also save the raw profile here (for snakeviz, pstats)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lc-profile-") as tmp:
        work = Path(tmp)
        if args.pages:
            docs, nav = scaled_docs(work, args.pages), nested_nav(args.pages)
        else:
            docs, nav = docs_snapshot(work), ""
            generate_edition(docs)
        output = args.keep or work / "build.prof"
        profile(write_variants(work, docs, nav)[args.variant], work / "site", output)
        print_summary(pstats.Stats(str(output)), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
