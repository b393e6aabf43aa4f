"""The rule engine: registry, rule contexts, its own codes, diagnostics, suppressions, config."""
