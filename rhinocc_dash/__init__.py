"""rhinocc-dash: analytics dashboard of digital-inclusion venues in Occitanie."""

__version__ = "0.1.0"
