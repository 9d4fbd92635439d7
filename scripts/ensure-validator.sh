#!/bin/sh
# The HTML validity test runs the W3C Nu HTML Checker: vnu.jar from npm's vnu-jar (the exact version pinned in
# tests/vnu/package-lock.json), on Debian's Java. Like ensure-browser.sh, Debian packages only when missing.
set -eu
cd "$(dirname "$0")/.."
missing=""
command -v java >/dev/null 2>&1 || missing="default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages for the HTML validity test:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "The HTML validity test needs Debian packages that are not installed:$missing" >&2
    echo "Install them, then run 'make test' again:  sudo apt-get install -y$missing" >&2
    exit 1
  fi
fi
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime of its own; Debian's is used instead.
npm ci --prefix tests/vnu --ignore-scripts --no-audit --no-fund --loglevel=error
