"""Core of the digital-point kiosk: Qt-free, testable without a display."""

__version__ = "0.1.0"
PRODUCT = "point-numerique-kiosk"
