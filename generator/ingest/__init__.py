"""Ingest: files in content/ in, `Article` values out."""
