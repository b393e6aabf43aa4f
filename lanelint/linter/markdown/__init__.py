"""Markdown: the markdown-it-py parse, inline scanning and the document model."""
