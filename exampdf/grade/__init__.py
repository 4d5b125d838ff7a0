"""Grading after the exam: answer key, typed responses, scores and item analysis (pure)."""

from exampdf.grade.analysis import ItemStats, analyse, item_csv
from exampdf.grade.key import AnswerKey, KeyQuestion, KeyVersion, parse_key
from exampdf.grade.responses import Response, read_responses, read_responses_file
from exampdf.grade.scoring import StudentScore, score_all, scores_csv

__all__ = [
    "AnswerKey",
    "ItemStats",
    "KeyQuestion",
    "KeyVersion",
    "Response",
    "StudentScore",
    "analyse",
    "item_csv",
    "parse_key",
    "read_responses",
    "read_responses_file",
    "score_all",
    "scores_csv",
]
