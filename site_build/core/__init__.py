"""Shared machinery every stage uses: problems (the Dutch error shape), safe files, caches, the build lock, escaping."""
