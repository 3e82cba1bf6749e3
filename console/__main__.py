"""`python -m console` runs the desk."""

import sys

from console.app import main

sys.exit(main())
