"""The site: sitemap and navigation, Markdown pages from templates, and the glue to MkDocs."""
