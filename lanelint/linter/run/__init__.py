"""The run: settings, per-document results (cache, workers, buffers), the workspace phase."""
