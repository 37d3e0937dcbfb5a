"""The id of the request being handled, for log records of this thread or task."""

import contextvars
import re
import uuid

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
GELDIG = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def nieuw_of_overgenomen(binnenkomend: str | None) -> str:
    """Keep a well-formed id from the proxy (X-Request-ID), otherwise make one."""
    if binnenkomend and GELDIG.match(binnenkomend):
        return binnenkomend
    return uuid.uuid4().hex
