"""rhinocc_dash.serving."""
