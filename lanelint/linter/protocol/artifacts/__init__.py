"""Typed artifacts of the protocol, read from the document model (FORMATS.md's kinds)."""
