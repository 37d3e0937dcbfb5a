"""The ``openwmo`` console script: Django's management commands for OpenWmo."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["openwmo", *sys.argv[1:]])


if __name__ == "__main__":
    main()
