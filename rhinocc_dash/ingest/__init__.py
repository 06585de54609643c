"""Everything that writes the warehouse: catalogue, fetch, readers, source adapters, locate, dedup, build.

The app reaches this package through one narrow entry (`rhinocc_dash.ui.data` builds a missing warehouse
with `build`); nothing else on the read side imports it.
"""

from . import references
from .errors import BuildError, SourcesMissing
from .pipeline import build, is_stale

__all__ = ["BuildError", "SourcesMissing", "build", "is_stale", "references"]
