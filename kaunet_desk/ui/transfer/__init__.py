"""The import dialog and the "export this table" helper (menus are wired by the main window)."""
