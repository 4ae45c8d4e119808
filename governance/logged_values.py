"""How a changed value is written into the audit trail, for people to read.

The trail is read on the assignment's public timeline and in the admin's history, so a
value is written as a reader expects it: Ja/Nej rather than True/False, a moment as local
date and minute rather than an ISO stamp with microseconds and UTC offset.
"""

from datetime import datetime

from django.utils import timezone


def logged_value(value) -> str:
    """`value` as the audit trail writes it; empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return moment.strftime("%Y-%m-%d %H:%M")
    return str(value)
