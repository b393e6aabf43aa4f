"""Fixtures of the digest tests (example project)."""
