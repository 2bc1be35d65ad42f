"""「この表を書き出す」: the visible table of any tab to CSV (Excel) or XLSX.

Writes what the clerk sees: the header texts and DisplayRole of every row and column of
``model`` (sorting and filtering of the view included when ``model`` is the view's
proxy). Rows are read on the GUI thread — a table model belongs to it — with a progress
dialog that can be cancelled; the file is written under a temporary name and renamed, so
a cancel leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.transfer.encoding import CP932, UTF8_BOM
from kaunet_desk.transfer.writers import ExportCancelled, ExportError, write_table


def _filters() -> dict[str, str]:
    """File-dialog filter → encoding ("" for XLSX)."""
    return {
        _("CSV — Excel 用 cp932 (*.csv)"): CP932,
        _("CSV — UTF-8 BOM 付き (*.csv)"): UTF8_BOM,
        _("Excel ブック (*.xlsx)"): "",
    }


def table_rows(model: QAbstractItemModel) -> tuple[list[str], Iterator[list[object]]]:
    columns = model.columnCount()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal,
                                    Qt.ItemDataRole.DisplayRole) or "") for c in range(columns)]

    def rows() -> Iterator[list[object]]:
        for row in range(model.rowCount()):
            values: list[object] = []
            for column in range(columns):
                value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                values.append("" if value is None else str(value))
            yield values

    return headers, rows()


def write_model(model: QAbstractItemModel, path: Path, encoding: str = CP932,
                progress: QProgressDialog | None = None) -> int:
    """Write ``model`` to ``path`` (.xlsx by extension); returns the number of rows."""
    headers, rows = table_rows(model)

    def report(done: int) -> None:
        if progress is not None:
            progress.setValue(done)
            QCoreApplication.processEvents()

    def cancelled() -> bool:
        return progress is not None and progress.wasCanceled()

    return write_table(path, headers, rows, encoding=encoding, progress=report,
                       cancelled=cancelled)


def export_table(parent: QWidget | None, model: QAbstractItemModel, default_name: str,
                 *, path: Path | None = None, encoding: str | None = None) -> Path | None:
    """Ask where (unless ``path`` is given), write, and say so; None when nothing was written."""
    if path is None:
        filters = _filters()
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            parent, _("表を書き出す"), default_name, ";;".join(filters))
        if not chosen:
            return None
        path = Path(chosen)
        encoding = filters.get(chosen_filter, CP932)
        if not encoding and path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
    progress = QProgressDialog(_("書き出しています…"), _("中止"), 0, max(model.rowCount(), 1),
                               parent)
    progress.setWindowTitle(_("表を書き出す"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    try:
        write_model(model, path, encoding or CP932, progress)
    except ExportCancelled:
        return None
    except ExportError as error:
        QMessageBox.warning(parent, _("書き出せません"), str(error))
        return None
    finally:
        progress.close()
    return path
