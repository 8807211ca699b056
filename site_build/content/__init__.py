"""The content model: load YAML, the models, provenance, validation and references, the schema."""
