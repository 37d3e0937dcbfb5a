"""Moments for tests that must stay on today's date in Dutch time, whatever the hour."""

import datetime

from django.utils import timezone


def eerder_vandaag(**verschil) -> datetime.datetime:
    """``verschil`` ago (timedelta arguments), but not before midnight today in Dutch time:
    something that already happened today (a conversation just held). Just after midnight
    "an hour ago" is yesterday, which a melding of today rightly refuses."""
    nu = timezone.localtime()
    return max(nu - datetime.timedelta(**verschil), nu.replace(hour=0, minute=0, second=0))
