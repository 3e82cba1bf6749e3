"""Write the module-definition file of the test-only ucrtbase.dll stand-in: the functions of
ucrt_complex.c, and every other export of Wine's own ucrtbase forwarded to its copy wineucrt.dll.
Usage: python ucrtbase_def.py WINE_UCRTBASE_DLL OUT.def"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pefile

OWN = re.findall(r"__declspec\(dllexport\) \w+ (\w+)\(", (Path(__file__).parent / "ucrt_complex.c").read_text())


def main(wine_ucrtbase: str, out: str) -> None:
    exports = pefile.PE(wine_ucrtbase).DIRECTORY_ENTRY_EXPORT.symbols
    lines = ["LIBRARY ucrtbase.dll", "EXPORTS", *(f"  {name}" for name in OWN)]
    for symbol in exports:
        name = symbol.name.decode()
        if name not in OWN:
            target = symbol.forwarder.decode() if symbol.forwarder else f"wineucrt.{name}"
            lines.append(f"  {name} = {target}")
    Path(out).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
