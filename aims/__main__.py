"""The `aims` console script: every management task, run as `aims <command>`."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aims.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["aims", *sys.argv[1:]])


if __name__ == "__main__":
    main()
