"""Regression tests of the weekly digest (example project)."""
