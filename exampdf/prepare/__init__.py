"""Before any PDF: read the bank, check it, build the versions (in a forked process, if asked)."""

from exampdf.prepare.ahead import Ahead
from exampdf.prepare.steps import MakeResult, Prepared, Refused, prepare

__all__ = ["Ahead", "MakeResult", "Prepared", "Refused", "prepare"]
