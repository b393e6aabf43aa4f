"""Builds the weekly digest (example project)."""
