"""The key's last questions made by another job first: the same booklet, and nothing left."""

from __future__ import annotations

import pickle
from collections import Counter
from pathlib import Path

import pytest

from exampdf.config import ExamConfig
from exampdf.layout.theme import make_theme
from exampdf.parse.fingerprint import fingerprint
from exampdf.prepare import Prepared, prepare
from exampdf.progress import ignore
from exampdf.render import keyahead
from exampdf.render.keyahead import AHEAD_DIR, AHEAD_MAX, KeyAhead, ahead_count
from exampdf.render.keyset import KEY, KeyRun, key_ahead_job, key_pdf_jobs
from exampdf.specs import key_spec

SAMPLE = Path(__file__).resolve().parents[2] / "questions"


def _prepared(versions: int) -> tuple[Prepared, KeyRun]:
    config = ExamConfig(shuffle=True, versions=versions, seed=7)
    prepared = prepare([SAMPLE], config, ignore)
    assert isinstance(prepared, Prepared)
    theme = make_theme(config.font, config.base_size)
    return prepared, KeyRun(key_spec(config), theme, fingerprint(prepared.bank.files))


def _booklet(stage: Path, prepared: Prepared, run: KeyRun, ahead: KeyAhead | None) -> bytes:
    key_pdf_jobs(stage, prepared.bank, prepared.versions, run, ahead)[KEY]()
    return (stage / KEY).read_bytes()


def _picked(prepared: Prepared) -> list[int]:
    return sorted({i.question for v in prepared.versions for i in v.items})


def test_questions_made_ahead_give_the_same_booklet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared, run = _prepared(3)
    (tmp_path / "plain").mkdir()
    plain = _booklet(tmp_path / "plain", prepared, run, None)
    picked = _picked(prepared)
    ahead = KeyAhead(tmp_path, picked[len(picked) // 2])
    made = key_ahead_job(prepared.bank, prepared.versions, run, ahead)()
    assert made == len(picked) - len(picked) // 2  # the key's job had not started
    assert len(list((tmp_path / AHEAD_DIR).iterdir())) == made
    taken: list[bytes] = []
    loads = pickle.loads

    def counted(data: bytes) -> object:
        taken.append(data)
        return loads(data)

    monkeypatch.setattr(keyahead.pickle, "loads", counted)
    assert _booklet(tmp_path, prepared, run, ahead) == plain
    assert len(taken) == made  # every question made ahead was taken
    assert not (tmp_path / AHEAD_DIR).exists()  # and the folder removed


def test_a_question_the_key_reached_is_not_made_ahead(tmp_path: Path) -> None:
    prepared, run = _prepared(3)
    picked = _picked(prepared)
    ahead = KeyAhead(tmp_path, picked[0])
    ahead.made(picked[-2], list)  # the key's layout is at the last question but one
    assert key_ahead_job(prepared.bank, prepared.versions, run, ahead)() == 1
    assert [p.name for p in (tmp_path / AHEAD_DIR).iterdir()] == [str(picked[-1])]
    ahead.done()
    assert not (tmp_path / AHEAD_DIR).exists()
    assert key_ahead_job(prepared.bank, prepared.versions, run, ahead)() == 0  # key done
    assert not (tmp_path / AHEAD_DIR).exists()


def test_a_question_left_unreadable_is_made_by_the_key(tmp_path: Path) -> None:
    prepared, run = _prepared(3)
    (tmp_path / "plain").mkdir()
    plain = _booklet(tmp_path / "plain", prepared, run, None)
    picked = _picked(prepared)
    ahead = KeyAhead(tmp_path, picked[-1])
    (tmp_path / AHEAD_DIR).mkdir()
    (tmp_path / AHEAD_DIR / str(picked[-1])).write_bytes(b"half a pick")
    assert _booklet(tmp_path, prepared, run, ahead) == plain


def test_questions_go_ahead_only_when_the_key_is_the_longer_work() -> None:
    def count(p: Prepared) -> int:
        return ahead_count(p.bank, Counter(i.question for v in p.versions for i in v.items))

    few, _ = _prepared(2)  # the sample's explanations are long: less to print than the key
    many, _ = _prepared(60)
    assert 0 < count(few) <= AHEAD_MAX * len(_picked(few))
    assert count(many) == 0
