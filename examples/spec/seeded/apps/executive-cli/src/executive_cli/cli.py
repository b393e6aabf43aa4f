"""The ``digest`` command (example project)."""
