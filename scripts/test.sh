#!/usr/bin/env bash
# The test command: README's second command, and exactly what .ci/run runs.
# Installs what the tests need (PostgreSQL server binaries, the project with its test extra),
# checks the import contracts, then runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}

# The suite starts its own PostgreSQL server (initdb into a temporary folder).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ] && ! "$python" -m venv --help >/dev/null 2>&1; then
  apt_install python3-venv  # Debian splits venv out of python3
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
# A Wine prefix the packaging tests used to leave in build/ links dosdevices/z: to /, and
# setuptools' package discovery follows links: the editable install would walk the whole disk.
rm -rf build/packaging-tests/desk-prefix
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"

# Qt's offscreen platform still needs a few system libraries on a bare machine.
if ! QT_QPA_PLATFORM=offscreen .venv/bin/python -c "from PySide6.QtWidgets import QApplication; QApplication([])" >/dev/null 2>&1; then
  apt_install libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
fi

# The console speaks Chinese by default: the screens' and printed reports' tests need a font with its
# characters, which a bare Debian lacks (Noto Sans CJK, one of those the reports look for).
if ! QT_QPA_PLATFORM=offscreen .venv/bin/python -c "import sys; from PySide6.QtGui import QFontDatabase, QGuiApplication; app = QGuiApplication([]); sys.exit(not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))" >/dev/null 2>&1; then
  apt_install fonts-noto-cjk
fi

# The packaging tests (tests/packaging) build the Linux bundle (binutils' strip takes the debug
# info off its libraries), and under Wine the Windows bundle and MSI, then install and run it on a
# fresh Wine prefix under a virtual screen.
for tool in wine wixl wixl-heat msiinfo x86_64-w64-mingw32-gcc xvfb-run xauth unzip strip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    apt_install wine wine64 msitools wixl gcc-mingw-w64-x86-64 xvfb xauth unzip binutils
    break
  fi
done

.venv/bin/ruff check --quiet console central db tests bench
.venv/bin/lint-imports
# In parallel (pytest-xdist): a worker per CPU (PYTEST_XDIST_AUTO_NUM_WORKERS=N for another count;
# `-n 0` among the arguments runs in this one process). (One worker more than the CPUs was tried: a
# clean clone's run took 10.3-11.2 minutes instead of 12.7 on 2 cores, but the tests that time a
# promise, such as the optimiser's progress every half second, failed in two runs of four.)
# --dist loadgroup keeps each group of tests/conftest.py's XDIST_GROUPS on one worker (all of
# tests/packaging: each bundle is built once a run), and the longest tests are collected first so
# that they do not bunch up at the end. Each worker starts its own PostgreSQL
# (tests/fixtures/postgres.py). The slowest 25 tests are listed at the end of every run (addopts in
# pyproject.toml).
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -n auto --dist loadgroup "$@"
