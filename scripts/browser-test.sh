#!/usr/bin/env bash
# Real-browser test of the built sample site.
#
# Builds the release binary, builds the sample briefing (the repository root) into a fresh
# temporary folder, serves it on 127.0.0.1, and runs tests/browser/site.test.mjs against it in
# headless chromium (Debian's /usr/bin/chromium; set CHROMIUM to use another).
#
# Needs: cargo, python3, node 20+ and npm (for playwright-core, installed from
# tests/browser/package-lock.json if tests/browser/node_modules is missing), chromium.
# Screenshots go to $SCREENSHOTS if set, otherwise to a temporary folder (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

TMP=$(mktemp -d "${TMPDIR:-/tmp}/crossbrief-browser.XXXXXX")
SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  # Keep the screenshots if they were written inside $TMP; remove the rest.
  rm -rf "$TMP/site" "$TMP/server.log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SHOTS="${SCREENSHOTS:-$TMP/screenshots}"

echo "== build release binary"
cargo build --release

echo "== build the sample site"
target/release/crossbrief build --root . --output "$TMP/site"

echo "== serve it"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
python3 -m http.server --bind 127.0.0.1 --directory "$TMP/site" "$PORT" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$BASE/" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the web server exited:" >&2
    cat "$TMP/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$BASE/" \
  || { echo "the web server at $BASE does not answer" >&2; cat "$TMP/server.log" >&2; exit 1; }
echo "serving $TMP/site at $BASE"

if [[ ! -d tests/browser/node_modules ]]; then
  echo "== install browser-test dependencies"
  npm ci --prefix tests/browser --no-audit --no-fund
fi

echo "== browser test"
status=0
node tests/browser/site.test.mjs "$BASE" "$SHOTS" || status=$?
echo "screenshots: $SHOTS"
exit "$status"
