"""Syntax-check our JavaScript with Node when it is installed (Node is not needed to build the site)."""

import shutil
import subprocess
import sys
from pathlib import Path


def main(folder: str) -> int:
    node = shutil.which("node")
    files = sorted(Path(folder).rglob("*.js"))
    if node is None:
        print(f"node not found: skipped the syntax check of {len(files)} JavaScript files")
        return 0
    failed = [path for path in files if subprocess.run([node, "--check", str(path)]).returncode != 0]
    print(f"JavaScript syntax: {len(files) - len(failed)} of {len(files)} files OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
