"""Print: the products, their HTML, the PDF engine, form fields, merging, the worker pool and the print build."""
