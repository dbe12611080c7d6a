#!/usr/bin/env bash
# Regenerates docs/images/guards-report.png, the screenshot in docs/guards.md: the HTML guard
# report of docs/examples/pairs.py in headless Chromium (Debian's chromium package), with the
# flags the browser tests use (HtmlReportBrowserTest).
#
# Usage: docs/images/make-guards-report.sh   (CHROMIUM=PATH picks another browser binary)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "make-guards-report.sh: $chromium is missing: install it with apt-get install -y chromium" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/guards-report.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$root/symtrace" guards "$root/docs/examples/pairs.py" --format html >"$work/report.html"
# Chromium logs its own start-up noise (D-Bus, GPU) on stderr; the screenshot is the result.
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$work/profile" --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1400,1600 --screenshot="$root/docs/images/guards-report.png" \
  "file://$work/report.html" 2>/dev/null
echo "wrote docs/images/guards-report.png"
