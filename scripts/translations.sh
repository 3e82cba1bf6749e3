#!/usr/bin/env bash
# Refresh the .ts files from the sources (new strings appear as unfinished), then compile the .qm files.
# Translate with pyside6-linguist (or by editing the .ts), then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VIRTUAL_ENV:-.venv}/bin"
ts=resources/translations
"$bin/pyside6-lupdate" console/ui/*.py console/startup/*.py console/app.py -no-obsolete -locations none \
  -ts "$ts/dispatch_console_zh_CN.ts" "$ts/dispatch_console_en.ts"
for lang in zh_CN en; do
  "$bin/pyside6-lrelease" -silent "$ts/dispatch_console_$lang.ts" -qm "$ts/dispatch_console_$lang.qm"
done
