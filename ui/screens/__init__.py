"""The screens of the guided flow, one module per screen, and their shared building blocks."""
