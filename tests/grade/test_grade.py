"""Grading on a hand-computed example: two versions, four questions, six students."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exampdf.grade import analyse, item_csv, parse_key, read_responses, score_all, scores_csv
from exampdf.grade.key import AnswerKey


def q(number: int, qid: str, order: str, answer: str, points: int, **extra: object) -> dict:
    return {
        "number": number,
        "id": qid,
        "source": f"questions/{qid}.md",
        "multi": len(answer) > 1,
        "order": list(order),
        "answer": list(answer),
        "points": points,
        **extra,
    }


# Bank: q1 single (answer B, 1 pt), q2 multi 完答 (A and C, 2 pts), q3 multi partial
# (B and D, 2 pts), q4 written (3 pts). Version B prints q3, q1, q4, q2 with shuffled options.
KEY = {
    "schema": 1,
    "title": "t",
    "seed": 1,
    "shuffle": True,
    "future_field": "ignored",
    "versions": [
        {
            "code": "A",
            "pages": [1, 2],
            "questions": [
                q(1, "q1", "ABCD", "B", 1),
                q(2, "q2", "ABCD", "AC", 2),
                q(3, "q3", "ABCD", "BD", 2, scoring="partial"),
                q(4, "q4", "", "", 3),
            ],
        },
        {
            "code": "B",
            "pages": [3, 4],
            "questions": [
                q(1, "q3", "DCBA", "AC", 2, scoring="partial"),
                q(2, "q1", "CADB", "D", 1),
                q(3, "q4", "", "", 3),
                q(4, "q2", "BDAC", "CD", 2),
            ],
        },
    ],
}

RESPONSES = """\
student,version,1,2,3,4
s1,A,B,AC,BD,3
s2,A,b,A,B,1
s3,A,C,"A,C",A;B,
s4,B,A;C,D,2.5,CD
s5,Ｂ,C,A,0,C
s6,B版,ABCD,Ｄ,3,ＣＤ
"""


@pytest.fixture()
def key() -> AnswerKey:
    parsed, diags = parse_key(json.dumps(KEY), "key.json")
    assert parsed is not None and diags == []
    return parsed


def test_scores_by_hand(key: AnswerKey) -> None:
    rows, diags = read_responses(RESPONSES, "responses.csv", key)
    assert diags == []
    scores = score_all(rows, key)
    # s3: q3 marks A (wrong) and B (right): 1 - 1 = 0.  s5: q3 marks bank B only: 2 * 1/2.
    # s6: q3 marks all four: 2 right - 2 wrong = 0.  s4: q3 "A;C" in B is bank D and B.
    assert {s.student: s.points for s in scores} == {
        "s1": {"q1": 1, "q2": 2, "q3": 2, "q4": 3},
        "s2": {"q1": 1, "q2": 0, "q3": 1, "q4": 1},
        "s3": {"q1": 0, "q2": 2, "q3": 0, "q4": 0},
        "s4": {"q3": 2, "q1": 1, "q4": 2.5, "q2": 2},
        "s5": {"q3": 1, "q1": 0, "q4": 0, "q2": 0},
        "s6": {"q3": 0, "q1": 1, "q4": 3, "q2": 2},
    }
    assert [s.total for s in scores] == [8, 3, 2, 7.5, 1, 6]
    assert scores_csv(scores, key).splitlines() == [
        "student,version,q1,q2,q3,q4,total,max",
        "s1,A,1,2,2,3,8,8",
        "s2,A,1,0,1,1,3,8",
        "s3,A,0,2,0,0,2,8",
        "s4,B,1,2,2,2.5,7.5,8",
        "s5,B,0,0,1,0,1,8",
        "s6,B,1,2,0,3,6,8",
    ]


def test_item_analysis_by_hand(key: AnswerKey) -> None:
    rows, _ = read_responses(RESPONSES, "responses.csv", key)
    items = {it.id: it for it in analyse(rows, score_all(rows, key), key)}
    # 27% of 6 students rounds to 2: upper = s1 (8), s4 (7.5); lower = s3 (2), s5 (1).
    q1, q2, q3, q4 = items["q1"], items["q2"], items["q3"], items["q4"]
    assert (q1.n, q1.correct, q1.discrimination) == (6, 4, 1.0)
    # version B's printed D for q1 is the bank's B; printed A is the bank's C
    assert q1.chosen == {"A": 0, "B": 4, "C": 2, "D": 0} and q1.answer == ("B",)
    assert (q2.correct, q2.discrimination, q2.answer) == (4, 0.5, ("A", "C"))
    assert q2.chosen == {"A": 6, "B": 0, "C": 4, "D": 0}
    assert (q3.correct, q3.mean, q3.discrimination) == (2, 0.5, 0.75)
    assert q3.chosen == {"A": 2, "B": 6, "C": 1, "D": 3}
    assert (q4.correct, q4.blank, q4.chosen) == (2, 1, {})
    assert q4.mean == pytest.approx((1 + 1 / 3 + 0 + 2.5 / 3 + 0 + 1) / 6)
    assert q4.discrimination == pytest.approx((1 + 2.5 / 3) / 2)
    lines = item_csv(list(items.values())).splitlines()
    assert lines[0] == "id,points,answer,n,correct_rate,mean,discrimination,A,B,C,D,blank"
    assert lines[1] == "q1,1,B,6,0.67,0.67,1,0,4,2,0,0"
    assert lines[4] == "q4,3,,6,0.33,0.53,0.92,,,,,1"


BAD = """\
s1,A,B,AC,BD,3
s2,E,B,AC,BD,3
,A,B,AC,BD,3
s4,A,B,AC
s5,A,X,AC,BD,3
s6,A,B,AC,BD,4
s1,A,B,AC,BD,3
s7,A,BC,AC,BD,1
"""


def test_bad_rows_each_get_a_diagnostic_with_their_line(key: AnswerKey) -> None:
    rows, diags = read_responses(BAD, "responses.csv", key)
    assert [d.human().split("\n")[0] for d in diags] == [
        "responses.csv:2: error[G003]: unknown version 'E' for student s2",
        "responses.csv:3: error[G007]: the student id is empty",
        "responses.csv:4: error[G005]: 2 answer cells, version A has 4 questions",
        "responses.csv:5: error[G004]: question 1: 'X' is not an option (A–D)",
        "responses.csv:6: error[G004]: question 4 is written: give the points awarded (0–3), "
        "not '4'",
        "responses.csv:7: error[G006]: student s1 appears twice",
        "responses.csv:8: warning[G008]: question 1 has one answer but 'BC' marks 2",
    ]
    assert [r.student for r in rows] == ["s1", "s7"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"versions": []}', "'versions' is empty"),
        ('{"versions": [{"code": "A"}]}', "missing 'questions'"),
        (
            '{"versions": [{"code": "A", "questions": [{"id": "x", "order": ["A"], '
            '"answer": ["C"]}]}]}',
            "answer C has no option",
        ),
        (
            '{"versions": [{"code": "A", "questions": [{"id": "x", "scoring": "half"}]}]}',
            "scoring must be",
        ),
    ],
)
def test_bad_key_is_a_diagnostic(text: str, message: str) -> None:
    key, diags = parse_key(text, "out/key.json")
    assert key is None and len(diags) == 1
    assert diags[0].code == "G001" and message in diags[0].message


def test_generated_key_json_reads(tmp_path: Path) -> None:
    """The key.json `make` writes today (with whatever fields it grows) is accepted."""
    from exampdf.config import ExamConfig
    from exampdf.pipeline import make

    root = Path(__file__).resolve().parents[2]
    make([root / "questions"], tmp_path, ExamConfig(shuffle=True, versions=2))
    key, diags = parse_key((tmp_path / "key.json").read_text(encoding="utf-8"), "key.json")
    assert key is not None and diags == [] and len(key.versions) == 2
