"""`python -m salesmsg.cli ...`: the same as the `salesmsg` command."""

import sys

from salesmsg.cli import main

sys.exit(main())
