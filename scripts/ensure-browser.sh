#!/bin/sh
# Browser tests drive Debian's Chromium (never a downloaded build) and need CJK fonts to render Chinese.
set -eu
. "$(dirname "$0")/debian-packages.sh"
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$missing fonts-noto-cjk"
# shellcheck disable=SC2086 # one word a package
install_missing "the browser tests" $missing
