import sys

from qbank.cli import main

sys.exit(main())
