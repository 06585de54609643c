"""`python -m rhinocc_dash.cli`: the same as the `rhinocc-dash` command."""

import sys

from . import main

sys.exit(main())
