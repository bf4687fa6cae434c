"""Sub-commands of ``kiosk``: each module has ``register(subparsers, context)``."""
