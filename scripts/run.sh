#!/usr/bin/env bash
# The run command: README's first command. Creates .venv, installs the console, and starts it on
# its embedded demo centre (generated on first start). Extra arguments go to dispatch-console.
# Before installing anything it says what and why; it installs only what is missing or changed.
# The map's Chromium reports a missing D-Bus and a disabled sandbox on stderr: harmless, so those
# lines go to chromium.log in the console's log folder and the terminal shows only the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'run.sh: %s\n' "$*"; }

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$@"
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; fi
}

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ] && ! "$python" -m venv --help >/dev/null 2>&1; then
  say "installing the Debian package python3-venv (with apt-get): Debian ships Python's venv module separately," \
      "and the console runs in its own virtual environment, .venv"
  apt_install python3-venv
fi
if [ ! -x .venv/bin/python ]; then
  say "creating the virtual environment .venv with $("$python" --version 2>&1)"
  "$python" -m venv .venv
fi

# pip runs when the console is not installed yet or pyproject.toml changed since it last ran.
stamp=.venv/.dispatch-console-installed
if [ ! -x .venv/bin/dispatch-console ] || [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  if [ ! -x .venv/bin/dispatch-console ]; then why="it is not installed in .venv yet"
  elif [ ! -f "$stamp" ]; then why="there is no record of run.sh installing it, so it may not match pyproject.toml"
  else why="pyproject.toml changed since the last install"; fi
  say "installing Dispatch Console and the Python packages it needs (PySide6 with QtWebEngine for the window" \
      "and the map, SQLAlchemy, OR-Tools, ...) into .venv with pip, because $why; the first time this" \
      "downloads several hundred MB"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
  touch "$stamp"
fi

# Whether Qt can open a window here. The probe runs in a child of Python so that when Qt aborts
# (a missing X library) no shell reports "Aborted" on the terminal.
qt_starts() {
  .venv/bin/python -c "import subprocess, sys
probe = 'from PySide6.QtWidgets import QApplication; QApplication([])'
sys.exit(subprocess.run([sys.executable, '-c', probe], capture_output=True).returncode != 0)"
}

# On a Linux desktop, Qt's xcb plugin needs a few X libraries that minimal systems lack.
if [ "$(uname -s)" = Linux ] && [ -n "${DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && ! qt_starts; then
  libs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0
        libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libegl1 libgl1 libfontconfig1)
  say "installing X libraries with apt-get, because Qt could not open a window on this display without them:" \
      "${libs[*]}"
  apt_install "${libs[@]}"
fi

# The console speaks Chinese by default; a bare Linux has no font with its characters (they would show as boxes).
if [ "$(uname -s)" = Linux ] && ! QT_QPA_PLATFORM=offscreen .venv/bin/python -c "import sys; from PySide6.QtGui import QFontDatabase, QGuiApplication; app = QGuiApplication([]); sys.exit(not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))" >/dev/null 2>&1; then
  say "installing the Debian package fonts-noto-cjk (with apt-get), because no font here has Chinese characters" \
      "and the console's screens and printed reports are in Chinese by default"
  apt_install fonts-noto-cjk
fi

log_dir="$(.venv/bin/python -c 'from console.paths import AppPaths; print(AppPaths.for_this_user().log_dir)')"
mkdir -p "$log_dir"
chromium_log="$log_dir/chromium.log"

# Chromium's own lines look like "[pid:tid:date/time:ERROR:.../dbus/bus.cc:408] Failed to connect to the bus".
chromium_noise='^\[[0-9]+:[0-9]+:[0-9/.]+:[A-Z]+:[^]]*(dbus|bus\.cc|sandbox)[^]]*\]'
route_stderr() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ $chromium_noise || $line == "Sandboxing disabled by user." ]]; then
      printf '%s %s\n' "$(date '+%F %T')" "$line" >>"$chromium_log"
    else
      printf '%s\n' "$line" >&2
    fi
  done
}

exec .venv/bin/dispatch-console "$@" 2> >(route_stderr)
