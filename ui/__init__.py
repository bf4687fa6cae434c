"""PySide6 widgets of the kiosk: they render what the Qt-free core (`kiosk`) describes."""
