"""The protocol's artifacts, roles, timestamps and vocabulary, read from documents."""
