#!/bin/sh
# The HTML validity test runs the W3C Nu HTML Checker: vnu.jar from npm's vnu-jar (the exact version pinned in
# tests/vnu/package-lock.json), on Debian's Java. Like ensure-browser.sh, Debian packages only when missing.
set -eu
cd "$(dirname "$0")/.."
. scripts/debian-packages.sh
missing=""
command -v java >/dev/null 2>&1 || missing="default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
# shellcheck disable=SC2086 # one word a package
install_missing "the HTML validity test" $missing
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime of its own; Debian's is used instead.
npm ci --prefix tests/vnu --ignore-scripts --no-audit --no-fund --loglevel=error
