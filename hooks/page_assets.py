"""Scripts and stylesheets that only some pages need: a hook asks for them, overrides/main.html loads them.

`require(page, "lc-checklist")` puts assets/stylesheets/lc-checklist.css in the page's head and
assets/javascripts/lc-checklist.js after Material's scripts, once per page, in the order asked.
"""

from __future__ import annotations

ATTRIBUTE = "lc_assets"  # read by overrides/main.html as page.lc_assets


def require(page, name: str) -> None:
    """Ask for assets/stylesheets/<name>.css and assets/javascripts/<name>.js on this page."""
    names = list(getattr(page, ATTRIBUTE, []))
    if name not in names:
        setattr(page, ATTRIBUTE, [*names, name])


def required(page) -> list[str]:
    return list(getattr(page, ATTRIBUTE, []))


# lean-qr (MIT), copied unchanged from npm: see contrib/third-party.md. Pages import it only when needed.
QR_SCRIPT = "assets/vendor/lean-qr-2.7.4.min.js"


def asset_url(path: str, page_url: str) -> str:
    """A file under docs/ as a link relative to a page, for scripts that load it themselves."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(path, page_url)
