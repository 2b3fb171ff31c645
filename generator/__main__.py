"""`python -m generator` does exactly what the `netwerkspiegel` command does."""

import sys

from generator.cli import main

sys.exit(main())
