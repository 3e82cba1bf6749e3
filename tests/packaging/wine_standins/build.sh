#!/usr/bin/env bash
# Build the test-only stand-in DLLs for Wine 8's gaps with mingw, into OUT (default: ./out):
#   icuuc.dll      Windows' ICU, which Qt 6's QtCore imports (absent from Wine 8)
#   mscms.dll      WcsCreateIccProfile, unimplemented in Wine 8 (load with mscms=n)
#   bcryptprimitives.dll  ProcessPrng, which Rust-built extensions (pydantic_core) import (absent from Wine 8)
#   ucrtbase.dll   C99 complex accessors NumPy 2 calls at import (stubs in Wine 8's ucrtbase);
#                  everything else forwarded to wineucrt.dll, a copy of Wine's own ucrtbase
#                  (load with ucrtbase=n)
# They belong in a Wine prefix's system32 for building and testing, never in the bundle.
# Usage: build.sh [OUT] [PYTHON-with-pefile]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/out}"
python="${2:-python3}"
cc=x86_64-w64-mingw32-gcc
wine_dlls=/usr/lib/x86_64-linux-gnu/wine/x86_64-windows
mkdir -p "$out"
flags=(-shared -O2 -fno-builtin -nostdlib -Wl,--entry=DllEntry -Wl,--enable-stdcall-fixup -s)
entry="$out/entry.c"
printf 'int __stdcall DllEntry(void *h, unsigned long r, void *p) { (void)h; (void)r; (void)p; return 1; }\n' > "$entry"
"$cc" "${flags[@]}" -o "$out/icuuc.dll" "$here/icuuc.c" "$entry"
"$cc" "${flags[@]}" -o "$out/mscms.dll" "$here/mscms.c" "$entry"
"$cc" "${flags[@]}" -o "$out/bcryptprimitives.dll" "$here/bcryptprimitives.c" "$entry" -ladvapi32
"$python" "$here/ucrtbase_def.py" "$wine_dlls/ucrtbase.dll" "$out/ucrtbase.def"
"$cc" "${flags[@]}" -o "$out/ucrtbase.dll" "$here/ucrt_complex.c" "$entry" "$out/ucrtbase.def"
# Wine's ucrtbase, marked as an ordinary (native) DLL so that it loads under another name.
"$python" - "$wine_dlls/ucrtbase.dll" "$out/wineucrt.dll" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
marker = b"Wine builtin DLL"
at = data.find(marker, 0, 0x200)
if at >= 0:
    data[at:at + len(marker)] = bytes(len(marker))
open(sys.argv[2], "wb").write(data)
PY
rm -f "$entry"
echo "$out"
