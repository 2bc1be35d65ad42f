"""The Qt user interface. Importing it applies the PySide6 workaround every GUI needs."""

from kaunet_desk.ui import pyside_none_refcount

pyside_none_refcount.apply()
