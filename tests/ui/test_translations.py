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


def test_sources_have_no_untranslatable_strings() -> None:
    """lupdate finds every string: none hidden in f-strings, which it cannot read."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    ui = Path(__file__).resolve().parents[2] / "console" / "ui"
    offenders = [str(p.name) for p in ui.glob("*.py") if "self.tr('" in p.read_text() or 'f"{self.tr(' in p.read_text()]
    assert lupdate and offenders == []
