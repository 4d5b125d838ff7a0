"""The parsed bank as JSON: what the parser understood, for scripts and for debugging."""

from __future__ import annotations

import json

from exampdf.model import Bank, to_dict


def to_json(bank: Bank) -> str:
    return json.dumps(to_dict(bank), ensure_ascii=False, indent=2) + "\n"
