"""Structured logs: one JSON object per line, with the request id.

No personal data: the formatter writes the message, logger, level and request id, and for
an exception only its class and stack (file, line, function), never the exception text or
local values, which may contain a BSN or a name.
"""

import datetime
import json
import logging
import traceback

from .context import request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    EXTRA = ("route", "method", "status", "duur_ms", "taak", "worker")

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "tijd": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id.get(),
        }
        for naam in self.EXTRA:
            if hasattr(record, naam):
                data[naam] = getattr(record, naam)
        if record.exc_info and record.exc_info[0] is not None:
            soort, _, tb = record.exc_info
            data["fout"] = f"{soort.__module__}.{soort.__qualname__}"
            data["stapel"] = [
                f"{f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)
            ][-15:]
        return json.dumps(data, ensure_ascii=False)
