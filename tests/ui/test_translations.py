"""Every UI string is translated, and the shipped .qm files are compiled from the current .ts files."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_is_translated(language: str) -> None:
    tree = ET.parse(TRANSLATIONS / f"dispatch_console_{language}.ts")
    missing = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            missing.append(message.findtext("source"))
    assert missing == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_shipped_qm_files_are_up_to_date(language: str, tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6"
    out = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TRANSLATIONS / f"dispatch_console_{language}.ts"), "-qm", str(out)], check=True)
    assert out.read_bytes() == (TRANSLATIONS / f"dispatch_console_{language}.qm").read_bytes(), "run scripts/translations.sh"


def test_the_ts_files_hold_every_string_of_the_sources(tmp_path: Path) -> None:
    """lupdate run now finds nothing new: no string added to the code without a translation."""
    root = TRANSLATIONS.parents[1]
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    copy = tmp_path / "dispatch_console_zh_CN.ts"
    shutil.copy(TRANSLATIONS / "dispatch_console_zh_CN.ts", copy)
    sources = sorted(str(p) for folder in ("ui", "startup") for p in (root / "console" / folder).glob("*.py")) + [str(root / "console" / "app.py")]
    subprocess.run([lupdate, *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)], check=True, capture_output=True)
    unfinished = [m.findtext("source") for m in ET.parse(copy).getroot().iter("message") if m.find("translation").get("type") == "unfinished"]
    assert unfinished == [], "run scripts/translations.sh and translate the new strings"


def test_no_string_is_translated_inside_an_f_string() -> None:
    """lupdate does not see tr() calls inside f-strings: such a string would stay untranslated."""
    root = TRANSLATIONS.parents[1]
    hidden = [f"{p.name}:{n}" for folder in ("ui", "startup") for p in sorted((root / "console" / folder).glob("*.py"))
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "{self.tr(" in line or "{tr(" in line]
    assert hidden == []
