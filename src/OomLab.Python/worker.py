"""oomlab's Python language worker. The Functions host starts it as `python3 worker.py --host ... --port ...`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from oomlab_worker import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main.run(sys.argv[1:]))
