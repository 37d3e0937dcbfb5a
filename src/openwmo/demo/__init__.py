"""The fictitious demo municipality Lindeveen: generator, export and demo log-ins."""

from .constants import DEMO_PASSWORD, DEMO_USERS, LEGACY_FILENAME

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "LEGACY_FILENAME"]
