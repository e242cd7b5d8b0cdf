#!/bin/sh
# Starts the real trellis binary and checks it opened a project and painted the window.
#
#   smoke-trellis.sh TRELLIS EXPECTED-PARTNERSHIP [FILE]
#
# Without FILE, trellis starts as on its first run and must open the sample
# (TRELLIS_SAMPLE_PROJECT). With TRELLIS_DEBUG_SMOKE set, trellis prints what its window
# shows once a frame is drawn, then quits (see smoke_tick_cb in src/app/trellis-window.c).
set -u
trellis=$1
expected=$2
shift 2

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "no display: skipped (run the suite under xvfb-run)"
  exit 77
fi
if [ $# -eq 0 ] && [ ! -f "${TRELLIS_SAMPLE_PROJECT:-}" ]; then
  echo "the sample project ${TRELLIS_SAMPLE_PROJECT:-} is not there: skipped"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A first run in a home of its own: nothing remembered, nothing written to the real one.
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export GSETTINGS_BACKEND=memory TRELLIS_DEBUG_SMOKE=1

# A session bus of its own: on a shared one, a Trellis already running (another test, or
# the developer's) would receive the request and this instance would exit at once.
bus=""
if command -v dbus-run-session > /dev/null; then
  bus="dbus-run-session --"
fi

timeout 60 $bus "$trellis" "$@" > "$tmp/out" 2>&1
status=$?
cat "$tmp/out"
if [ $status -ne 0 ]; then
  echo "trellis exited with status $status"
  exit 1
fi
if ! grep -q "trellis: showing “$expected” (sections: [1-9][0-9]*" "$tmp/out"; then
  echo "trellis did not report showing “$expected”"
  exit 1
fi
