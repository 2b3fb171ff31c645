"""`python -m generator …` is `netwerkspiegel …`."""

import sys

try:
    from generator.cli import run
except KeyboardInterrupt:  # Ctrl+C while Python is still starting up
    print("Afgebroken (Ctrl+C). De vorige site is niet veranderd.", file=sys.stderr)
    sys.exit(130)

run()
