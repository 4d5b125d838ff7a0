"""The diagnostics' messages and hints, id -> (English, Japanese): data only, one table."""

from exampdf.catalog.bank import BANK_TEXTS
from exampdf.catalog.choices import CHOICE_TEXTS
from exampdf.catalog.files import FILE_TEXTS

DIAGNOSTIC_TEXTS: dict[str, tuple[str, str]] = {**BANK_TEXTS, **CHOICE_TEXTS, **FILE_TEXTS}
