"""Site: briefs and corpus pages in, their Markdown files in briefs/ out."""
