"""Outputs: the views (JSON Lines, CSV, table) and exports (Parquet, GeoJSON, ACLED CSV) of
event records.
"""
