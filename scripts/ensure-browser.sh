#!/bin/sh
# Browser tests drive Debian's Chromium (never a downloaded build) and need CJK fonts to render Chinese.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian packages for the browser tests:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "The browser tests need Debian packages that are not installed:$missing" >&2
  echo "Install them, then run 'make test' again:  sudo apt-get install -y$missing" >&2
  exit 1
fi
