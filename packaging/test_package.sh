#!/usr/bin/env bash
# Build the frozen one-folder bundle from this checkout and run its self-test, offscreen (Linux).
#
# Slow (about 3 minutes on 2 cores, 2.5 GB of disk while it runs), so .ci/run calls it only on request:
#     DIGIT_LAB_PACKAGE_TEST=1 packaging/test_package.sh
# Environment:
#     DIGIT_LAB_PACKAGE_TEST=1          run at all (otherwise: a one-line skip, exit 0)
#     PYTHON=...                        the interpreter of the environment Digit Lab is installed in
#                                       (default: python, i.e. the activated venv)
#     DIGIT_LAB_PACKAGE_OUT=DIR         keep the bundle in DIR (default: a temporary folder, removed)
#     DIGIT_LAB_PACKAGE_INSTALLERS=...  also make installers: tar,deb (default: none)
# Exit status: 0 when the bundle builds and its self-test passes, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${DIGIT_LAB_PACKAGE_TEST:-0}" != "1" ]; then
    echo "packaging/test_package.sh: skipped (set DIGIT_LAB_PACKAGE_TEST=1 to build and self-test the bundle)"
    exit 0
fi

python="${PYTHON:-python}"
if [ -n "${DIGIT_LAB_PACKAGE_OUT:-}" ]; then
    out="$DIGIT_LAB_PACKAGE_OUT"
else
    out="$(mktemp -d "${TMPDIR:-/tmp}/digit-lab-package.XXXXXX")"
    trap 'rm -rf "$out"' EXIT
fi

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
start=$(date +%s)
"$python" packaging/build.py --dist-dir "$out/dist" --work-dir "$out/build" \
    --installers "${DIGIT_LAB_PACKAGE_INSTALLERS:-none}"
echo "packaging/test_package.sh: bundle built and self-tested in $(( $(date +%s) - start )) s"
