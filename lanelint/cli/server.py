"""``lanelint server``: the language server over standard input and output."""

from __future__ import annotations

import click

from lanelint.cli import fail

INSTALL_HINT = "python -m pip install '.[lsp]' in a checkout of lanelint"


@click.command()
def server() -> None:
    """Run the language server (LSP over stdio) for editors; needs the lsp extra."""
    try:
        from lanelint.lsp.server import main
    except ImportError as exc:
        missing = exc.name or "pygls"
        fail(f"the language server needs {missing!r}, which is not installed; run: {INSTALL_HINT}")
        return
    main()
