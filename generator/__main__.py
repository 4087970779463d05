"""Allow `python -m generator`, the same as the `briefs` command."""

from generator.cli import main

main()
