"""The language server (``lanelint server``; needs the ``lsp`` extra: pygls and lsprotocol).

:mod:`.project` keeps a workspace's lint state and knows nothing of the protocol;
:mod:`.fixes` turns the fix engine's fixes into code actions; :mod:`.server` speaks LSP with pygls.
"""
