"""Templating, shared by site and print: the one Jinja environment (filters and globals registered in one place), safe text rendering, charts and the markers a build fills in afterwards."""
