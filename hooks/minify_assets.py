"""Our own JavaScript and CSS, minified on their way into the site (rJSmin and rCSSmin).

docs/assets keeps the readable files, comments and all; readers download about a third less (gzip).
Material's own files arrive minified already and are left alone, and so is anything named *.min.*.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

MINIFIED_SUFFIXES = (".js", ".css")


def minified(text: str, suffix: str) -> str:
    """The file's text without comments and needless whitespace; the code itself is unchanged."""
    if suffix == ".js":
        import rjsmin

        return rjsmin.jsmin(text, keep_bang_comments=False)
    if suffix == ".css":
        import rcssmin

        return rcssmin.cssmin(text, keep_bang_comments=False)
    raise ValueError(f"cannot minify {suffix} files")


def is_own_asset(src_uri: str, abs_src_path: str | None, docs_dir: str) -> bool:
    """A .js or .css file of ours (under docs/), not one of the theme's and not already minified."""
    if abs_src_path is None or not src_uri.endswith(MINIFIED_SUFFIXES) or ".min." in src_uri:
        return False
    return Path(abs_src_path).resolve().is_relative_to(Path(docs_dir).resolve())


@event_priority(-300)  # last: static-i18n (-100) needs each file's source path, which a new content unsets
def on_files(files, config):
    for file in files.media_files():
        if is_own_asset(file.src_uri, file.abs_src_path, config.docs_dir):
            file.content_string = minified(file.content_string, Path(file.src_uri).suffix)
    return files
