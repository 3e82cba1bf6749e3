#!/usr/bin/env bash
# The run command: README's first command. Creates .venv, installs the console, and starts it on
# its embedded demo centre (generated on first start). Extra arguments go to dispatch-console.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$@"
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; fi
}

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ] && ! "$python" -m venv --help >/dev/null 2>&1; then
  apt_install python3-venv  # Debian splits venv out of python3
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .

# On a Linux desktop, Qt's xcb plugin needs a few X libraries that minimal systems lack.
if [ "$(uname -s)" = Linux ] && [ -n "${DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  if ! .venv/bin/python -c "from PySide6.QtWidgets import QApplication; QApplication([])" >/dev/null 2>&1; then
    libs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0
          libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libegl1 libgl1 libfontconfig1)
    echo "Installing the X libraries Qt needs: ${libs[*]}"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${libs[@]}"
    else sudo apt-get update -qq && sudo apt-get install -y -qq "${libs[@]}"; fi
  fi
fi

exec .venv/bin/dispatch-console "$@"
