"""Reading, parsing, the document model, the rule engine, configuration and output formats."""
