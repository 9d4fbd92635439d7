"""What the bench's browser runs share: the Chromium they drive, and a quiet local server for a built site."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Debian's full browser (scripts/ensure-browser.sh installs it); the tests use its headless shell instead.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serving(site: Path):
    """The folder at http://127.0.0.1:<a free port>/ while the block runs. The address is known before the site
    is built into the folder, so that a build can be made for it."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
