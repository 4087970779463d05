"""Analysis: an `Article` in, its `Brief` out."""
