"""What users see, built from analysis results and never from Streamlit: plotly charts, pydeck decks, the
detail card, the partner report, exports (CSV, GeoJSON, national standard) and the map's URL state."""
