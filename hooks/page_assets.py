"""Our scripts and stylesheets: each page loads one stylesheet and one script of ours, made for it.

Every page needs the site-wide files listed in mkdocs.yml (`extra_css`, `extra_javascript`); some pages
also need their own, asked for by a hook: `require(page, "lc-checklist")` adds
assets/stylesheets/lc-checklist.css and assets/javascripts/lc-checklist.js. Instead of one request per
file (seven to nine on a checklist page), overrides/main.html links one bundle of each kind, made here from
the files a page needs, in order, minified (hooks/minify_assets.py), named by its content so that a
browser may keep it. A handful of bundles serve the whole site. The script comes before Material's own,
because its search module (lc-search.js) must take the search box over before Material starts; the other
modules start after Material's start-up, through lc-page.js. The search's own modules are not bundled:
lc-search.js imports lc-search-rank.js and lc-search-text.js when the search box opens, and lc-search-cut.js
only for a query with Chinese.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.plugins import event_priority

ATTRIBUTE = "lc_assets"  # page.lc_assets: the names a hook asked for
BUNDLE_DIR = "assets/bundles"
KINDS = {"css": "assets/stylesheets/{}.css", "js": "assets/javascripts/{}.js"}
# lean-qr (MIT), copied unchanged from npm: see contrib/third-party.md. Pages import it only when needed.
QR_SCRIPT = "assets/vendor/lean-qr-2.7.4.min.js"


def require(page, name: str) -> None:
    """Ask for assets/stylesheets/<name>.css and assets/javascripts/<name>.js on this page."""
    names = list(getattr(page, ATTRIBUTE, []))
    if name not in names:
        setattr(page, ATTRIBUTE, [*names, name])


def required(page) -> list[str]:
    return list(getattr(page, ATTRIBUTE, []))


def asset_url(path: str, page_url: str) -> str:
    """A file under docs/ as a link relative to a page, for scripts that load it themselves."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(path, page_url)


def bundle_text(parts: list[tuple[str, str]], kind: str) -> str:
    """The files' texts one after another, each after a comment naming it; `;` keeps scripts apart."""
    end = ";" if kind == "js" else ""
    return "".join(f"/* {path} */\n{text}{end}\n" for path, text in parts)


def bundle_path(text: str, kind: str) -> str:
    """Where a bundle goes: named by its content, so a changed bundle is a new address."""
    return f"{BUNDLE_DIR}/lc-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.{kind}"


@dataclass
class Bundles:
    site_wide: dict[str, list[str]] = field(default_factory=lambda: {"css": [], "js": []})  # paths under docs/
    texts: dict[str, str] = field(default_factory=dict)  # path of a file under docs/ → its minified text
    made: dict[tuple, str] = field(default_factory=dict)  # (kind, paths) → bundle path
    to_write: dict[str, str] = field(default_factory=dict)  # bundle path → text, not yet in site_dir

    def for_page(self, kind: str, names: list[str]) -> str | None:
        """The bundle path for the site-wide files of a kind and the page's own that exist; None if none."""
        paths = [*self.site_wide[kind], *(KINDS[kind].format(name) for name in names)]
        paths = tuple(path for path in paths if path in self.texts)
        if not paths:
            return None
        if (kind, paths) not in self.made:
            text = bundle_text([(path, self.texts[path]) for path in paths], kind)
            path = bundle_path(text, kind)
            self.made[(kind, paths)] = path
            self.to_write[path] = text
        return self.made[(kind, paths)]


STATE = Bundles()


def take_over(listed: list, kind: str) -> list:
    """Our own files among mkdocs.yml's extra_css / extra_javascript become the bundles' site-wide part;
    what is left (anything not ours under assets/) Material still links itself."""
    ours = [str(entry) for entry in listed if str(entry).startswith(KINDS[kind].split("{")[0])]
    if ours:  # static-i18n reuses the same config for every language: the lists are emptied once
        STATE.site_wide[kind] = ours
    return [entry for entry in listed if str(entry) not in ours]


@event_priority(50)  # before Material reads the lists for its templates
def on_config(config):
    config.extra_css = take_over(list(config.extra_css), "css")
    config.extra_javascript = take_over(list(config.extra_javascript), "js")
    STATE.made.clear()
    return config


@event_priority(-400)  # after hooks/minify_assets.py (-300): the bundles are made of the minified texts
def on_files(files, config):
    folders = tuple(pattern.split("{")[0] for pattern in KINDS.values())
    for file in files.media_files():
        if file.src_uri.startswith(folders) and file.src_uri.endswith((".css", ".js")):
            STATE.texts[file.src_uri] = file.content_string
    return files


def on_env(env, config, files):
    # overrides/main.html: {{ lc_bundle(page, "css") | url }}
    env.globals["lc_bundle"] = lambda page, kind: STATE.for_page(kind, required(page) if page else [])
    return env


def on_post_build(config):
    for path, text in STATE.to_write.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    STATE.to_write.clear()
