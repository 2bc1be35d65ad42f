"""注意の目安: the warning share, the office's (rate key limit.warning_pct) or the clerk's own.

The office's value comes from the rate table with the month's rows; the clerk may set
another for this tab, kept in the settings as an override until 「事業所の設定に戻す」.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from kaunet_desk.domain.rates import DEFAULT_RATES, LIMIT_WARNING_PCT
from kaunet_desk.i18n import _
from kaunet_desk.ui.limits.debounce import debounce_timer
from kaunet_desk.ui.limits.settings import set_warning_override, warning_override

# Lets the spin box settle before the levels of 100,000 rows are worked out again.
THRESHOLD_DELAY_MS = 300


class WarningShareBox(QWidget):
    changed = Signal()  # the share in effect may differ: levels need recomputing

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._office_pct: int | None = None
        self.spin = QSpinBox()
        self.spin.setObjectName("warning_pct")
        self.spin.setRange(1, 100)
        self.spin.setSuffix(" %")
        # Shown until the office's value arrives with the first month.
        default = DEFAULT_RATES.int_value(LIMIT_WARNING_PCT, date.today())
        self.spin.setValue(warning_override(settings) or default)
        self.spin.setAccessibleName(_("注意の目安"))
        self.spin.setToolTip(_("利用率がこの割合以上で上限未満のお客さまを「注意」にします"))
        self._timer = debounce_timer(self, THRESHOLD_DELAY_MS, self._edited)
        self.spin.valueChanged.connect(lambda _value: self._timer.start())
        self.reset_button = QPushButton(_("事業所の設定に戻す"))
        self.reset_button.clicked.connect(self._reset)
        self.note = QLabel()
        self.note.setObjectName("threshold_note")
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("注意の目安")))
        layout.addWidget(self.spin)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.note, 1)
        self.setFocusProxy(self.spin)
        self._update()

    def effective_pct(self) -> int | None:
        return warning_override(self._settings) or self._office_pct

    def set_office_pct(self, pct: int) -> None:
        self._office_pct = pct
        self._update()

    def _update(self) -> None:
        override = warning_override(self._settings)
        pct = self.effective_pct()
        if pct is not None:
            self.spin.blockSignals(True)
            self.spin.setValue(pct)
            self.spin.blockSignals(False)
        office = "—" if self._office_pct is None else f"{self._office_pct} %"
        # The reset button, when disabled, says why: tooltip, and the note beside it.
        if override is None:
            self.note.setText(_("事業所の設定({office})を使っています").format(office=office))
            self.reset_button.setEnabled(False)
            self.reset_button.setToolTip(_("すでに事業所の設定を使っています"))
        else:
            self.note.setText(
                _("この画面だけの設定です(事業所の設定は {office})").format(office=office))
            self.reset_button.setEnabled(True)
            self.reset_button.setToolTip(_("料率表の limit.warning_pct に戻します"))

    def _edited(self) -> None:
        pct = self.spin.value()
        set_warning_override(self._settings, None if pct == self._office_pct else pct)
        self._update()
        self.changed.emit()

    def _reset(self) -> None:
        self._timer.stop()
        set_warning_override(self._settings, None)
        self._update()
        self.changed.emit()
