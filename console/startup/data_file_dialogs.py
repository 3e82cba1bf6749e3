"""Opening the desk's data file at start: a file that cannot be used is explained, and the user may
pick another; a new file is seeded with the demo centre behind a progress dialog."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from console.core.services.desk import seed_demo_centre
from console.core.store.database import Database
from console.data_file import DataFileError, DataFileProblem, open_data_file
from console.startup.waiting import wait_for

log = logging.getLogger("console")


def open_desk_file(app, data_file: Path) -> tuple[Database, bool, Path] | None:
    """Open the data file (checks and upgrades run off the GUI thread), letting the user pick
    another one when it cannot be used."""
    while True:
        try:
            database, created = wait_for(lambda path=data_file: open_data_file(path))
            return database, created, data_file
        except DataFileError as exc:
            log.error("data file refused: %s", exc)
            box = QMessageBox(QMessageBox.Icon.Critical, app.translate("App", "Data file"), data_file_message(app, exc))
            box.setDetailedText(str(exc))
            choose = box.addButton(app.translate("App", "Choose another data file…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not choose:
                return None
            picked, _ = QFileDialog.getSaveFileName(
                None, app.translate("App", "Data file"), str(data_file.parent), "*.sqlite",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not picked:
                return None
            data_file = Path(picked)


def data_file_message(app, error: DataFileError) -> str:
    texts = {
        DataFileProblem.CORRUPT: app.translate("App", "The data file %1 is damaged. It was left untouched; restore it from a backup or choose another file."),
        DataFileProblem.NOT_OURS: app.translate("App", "%1 is not a Dispatch Console data file. It was left untouched."),
        DataFileProblem.LOCKED: app.translate("App", "The data file %1 is in use by another Dispatch Console. Close that window first, or choose another data file."),
        DataFileProblem.NEWER_SCHEMA: app.translate("App", "The data file %1 was written by a newer version of Dispatch Console. Install the newer version; this one will not modify the file."),
        DataFileProblem.UNWRITABLE: app.translate("App", "The data file %1 cannot be opened or written. Check the folder's permissions and free space."),
    }
    return texts[error.problem].replace("%1", str(error.path))


def seed_with_progress(app, database: Database) -> bool:
    """Write the demo centre into a new data file while a progress dialog shows."""
    progress = QProgressDialog(app.translate("App", "Preparing the demo centre for this desk…"), "", 0, 0)
    progress.setWindowTitle(app.translate("App", "Dispatch Console"))
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()
    try:
        wait_for(lambda: seed_demo_centre(database))
    except Exception as exc:  # noqa: BLE001 - shown to the user, who cannot go on without the demo
        progress.close()
        QMessageBox.critical(None, app.translate("App", "Data file"), app.translate("App", "The demo centre could not be written: %1").replace("%1", str(exc)))
        return False
    progress.close()
    return True
