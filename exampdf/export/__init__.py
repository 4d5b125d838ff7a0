"""Exports of a parsed bank for online quizzes: Moodle XML, GIFT, and the model as JSON (pure)."""

from exampdf.export.gift import gift_images, to_gift
from exampdf.export.jsondump import to_json
from exampdf.export.moodle import ImageReader, to_moodle

__all__ = ["ImageReader", "gift_images", "to_gift", "to_json", "to_moodle"]
