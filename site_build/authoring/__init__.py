"""Authoring and planning: scaffolding new content files and the year planning."""
