"""Third-party files served from the site (docs/assets/vendor/) are exactly the published package files,
with their licence, as contrib/third-party.md lists them."""

import hashlib

from conftest import ROOT
from page_assets import QR_SCRIPT

VENDOR = ROOT / "docs" / "assets" / "vendor"
# sha256 of lean-qr 2.7.4's package/index.mjs from npm (`npm pack lean-qr@2.7.4`).
LEAN_QR_SHA256 = "0ce41cd6f92cc23cf057a1df7e1b3876767d678665dd65af4e1d22b4fad967dc"


def test_lean_qr_is_the_published_file_with_its_licence():
    script = ROOT / "docs" / QR_SCRIPT
    assert hashlib.sha256(script.read_bytes()).hexdigest() == LEAN_QR_SHA256
    assert "MIT License" in (VENDOR / "lean-qr-2.7.4.LICENSE.txt").read_text(encoding="utf-8")


def test_every_vendored_file_is_listed_in_contrib():
    listed = (ROOT / "contrib" / "third-party.md").read_text(encoding="utf-8")
    for path in VENDOR.iterdir():
        if not path.name.endswith(".LICENSE.txt"):
            assert f"`{path.name}`" in listed, f"{path.name} is not listed in contrib/third-party.md"
