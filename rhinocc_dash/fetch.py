"""Download every source file from its public origin and check its SHA-256 where a reference is known."""
