"""Reading: sources and their decoding, discovery of files, globs, and safe writes."""
