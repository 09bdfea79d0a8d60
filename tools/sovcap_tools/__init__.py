"""Shared code of the sovcap Python tools: reading results, errors, styles, plots."""
