"""The executive CLI (example project)."""
