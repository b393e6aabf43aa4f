"""Tests of the digest store (example project)."""
