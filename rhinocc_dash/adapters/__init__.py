"""Source adapters: each maps one source format onto the canonical tables."""
