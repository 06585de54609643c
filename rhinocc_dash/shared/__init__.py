"""rhinocc_dash.shared."""
