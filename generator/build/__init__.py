"""Build: settings in, a built briefs/ and the memory that makes the next build incremental out."""
