"""`make serve`: preview the site with live reload, on PORT (default 8000), restarted when hooks/ changes.

    PORT=8123 make serve

- A busy port is one clear line, not a traceback.
- MkDocs loads hook modules once per process, so an edit under hooks/ (code or data) would rebuild with
  the old code. This wrapper restarts `mkdocs serve` when anything under hooks/ changes.
- The preview is not strict: a content problem is printed in the terminal and shown at the top of every
  page in the browser (hooks/build_report.py), instead of a server that waits for a good build.
  `make build` and `make test` stay strict.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

HOST = "127.0.0.1"
WATCHED_SUFFIXES = {".py", ".yml", ".yaml", ".txt", ".html"}
CHANGES = {"modified", "created", "deleted", "moved"}  # not "opened"/"closed": the build reads these files


def port_is_free(port: int, host: str = HOST) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def requested_port(environ=os.environ) -> int:
    value = environ.get("PORT", "8000")
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ValueError(f"PORT must be a number between 1 and 65535, got {value!r}")
    return int(value)


class _Restart(FileSystemEventHandler):
    def __init__(self, wanted: threading.Event):
        self.wanted = wanted

    def on_any_event(self, event):
        if event.event_type not in CHANGES or event.is_directory or "__pycache__" in str(event.src_path):
            return
        if Path(str(event.src_path)).suffix in WATCHED_SUFFIXES:
            self.wanted.set()


def serve_command(port: int) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "-a", f"{HOST}:{port}"]


def quiet_environment(environ=os.environ) -> dict:
    """The child's environment; Material's end-of-life banner would otherwise print on every restart."""
    return {**environ, "NO_MKDOCS_2_WARNING": "1"}


def stop_on_signals() -> None:
    """Ctrl-C and a plain `kill` both stop the preview and its child.

    A shell that starts a command in the background (`make serve &` in a script) hands it SIGINT
    ignored, and Python then keeps ignoring Ctrl-C: set both handlers explicitly.
    """

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def main() -> int:
    stop_on_signals()
    try:
        port = requested_port()
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not port_is_free(port):
        print(
            f"error: port {port} is already in use (another `make serve`?). "
            f"Stop that one, or choose another port: PORT={port + 123} make serve",
            file=sys.stderr,
        )
        return 2
    restart = threading.Event()
    observer = Observer()
    observer.schedule(_Restart(restart), "hooks", recursive=True)
    observer.start()
    child = None
    try:
        while True:
            restart.clear()
            child = subprocess.Popen(serve_command(port), env=quiet_environment())
            while not restart.wait(timeout=0.5):
                if child.poll() is not None:
                    return child.returncode
            print("hooks/ changed: restarting the preview with the new code", file=sys.stderr, flush=True)
            child.terminate()
            child.wait(timeout=20)
            restart.wait(timeout=0.3)  # an editor often writes a file in several steps
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        if child and child.poll() is None:
            child.terminate()
            child.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
