import sys

from kaunet_desk.cli import main

sys.exit(main())
