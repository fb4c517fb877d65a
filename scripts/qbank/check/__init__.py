"""Validation: the rule registry and its rules, and the near-duplicate index."""
