#!/usr/bin/env bash
# Seconds from launching Digit Lab until its main window is on screen, on a virtual X display (Linux).
#
#   packaging/measure_startup.sh [EXECUTABLE] [RUNS]     # default: /usr/bin/digit-lab, 3 runs
#
# Needs xvfb-run and xdotool (apt-get install xvfb xdotool). The window is found by its title with
# `xdotool search --onlyvisible --name "Digit Lab"`, polled every 50 ms; the app is then closed.
set -euo pipefail
executable="${1:-/usr/bin/digit-lab}"
runs="${2:-3}"
for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "measure_startup.sh: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done
[ -x "$executable" ] || { echo "measure_startup.sh: $executable is not an executable" >&2; exit 2; }

for run in $(seq "$runs"); do
    # QT_QPA_PLATFORM unset: the real X11 (xcb) platform plugin, as on a user's desktop.
    env -u QT_QPA_PLATFORM xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
        bash -c '
            start=$(date +%s%N)
            "$1" >/dev/null 2>&1 &
            app=$!
            until xdotool search --onlyvisible --name "Digit Lab" >/dev/null 2>&1; do
                kill -0 "$app" 2>/dev/null || { echo "run $2: the app exited before showing a window"; exit 1; }
                if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 120 ]; then
                    echo "run $2: no window after 120 s"; kill "$app"; exit 1
                fi
                sleep 0.05
            done
            shown=$(date +%s%N)
            printf "run %s: window shown %.2f s after launch\n" "$2" "$(echo "($shown - $start) / 1000000000" | bc -l)"
            kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
        ' measure "$executable" "$run"
done
