#!/bin/sh
# Browser tests drive Debian's Chromium (never a downloaded build): its headless shell for the tests, the full
# browser for Lighthouse in bench/ and for CHROMIUM_PATH=/usr/bin/chromium; CJK fonts render Chinese.
set -eu
. "$(dirname "$0")/debian-packages.sh"
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
[ -x /usr/lib/chromium/chromium-headless-shell ] || missing="$missing chromium-headless-shell"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$missing fonts-noto-cjk"
# shellcheck disable=SC2086 # one word a package
install_missing "the browser tests" $missing
