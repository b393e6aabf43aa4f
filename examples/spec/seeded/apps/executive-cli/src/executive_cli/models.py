"""Models of the executive CLI (example project)."""
