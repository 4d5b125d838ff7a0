"""The answer key's last questions built by the exam's worker before its first slice.

When the booklet is the longest job of a run (few versions: the exam's worker idles at the
end while the key worker goes on), the exam's worker first makes the flowables of the key's
last questions and breaks their lines (position-independent work, ~40% of laying a question
out), from the last one back, and leaves each pickled in the staging folder; the key's job
takes a question from there when its layout reaches it, and makes it itself when it is not
(yet) there. The flowables are the ones the key's job would make: the booklet is the same
bytes either way. How many questions go ahead comes from the run's size (`ahead_count`):
none when the exam's slices are the longer work.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from exampdf.layout.key.keybook import Maker
from exampdf.model import Bank, Question
from exampdf.versions import ExamVersion

AHEAD_DIR = ".key-ahead"
# Exam work over key work, per printed block (a stem's or an explanation's top-level block,
# or an option): calibrated on 30 questions x 40 versions (exam slices 0.165 s, key 0.25 s
# CPU: 0.66 for a block ratio of 6.04; 100 x 200 gives 3.3, none ahead).
EXAM_BLOCK_COST = 0.109
# A question made ahead costs the other worker ~0.65 of what it costs the key's job, which
# saves ~0.25 of it (its lines and runs, less reading the pickle; the key's job finds many of
# its lines in its memo anyway): the share that ends both together is (1 - exam/key) / 0.9.
AHEAD_COST = 0.9
AHEAD_MAX = 0.5  # of the key's questions, whatever the estimate
_TALL = 1e9  # wrapped as the key's frame will wrap them (its width; heights do not matter)
_DONE = (1 << 62) - 1


def key_ahead(stage: Path, bank: Bank, versions: Sequence[ExamVersion]) -> KeyAhead | None:
    """The key's questions another worker makes first, if any are worth it."""
    if not versions or not _worth_counting(bank, versions):
        return None  # many versions (W2: 20,000 items): not even counted, in the serial path
    uses = Counter(item.question for v in versions for item in v.items)
    count = ahead_count(bank, uses)
    return KeyAhead(stage, sorted(uses)[-count]) if count else None


def ahead_count(bank: Bank, uses: Mapping[int, int]) -> int:
    """How many of the key's last questions the exam's worker makes first (0: none), given
    how many times the versions print each question (bank index -> times)."""
    exam = key = 0
    for index, times in uses.items():
        q = bank.questions[index]
        printed = _printed(q)
        exam += times * printed
        key += printed + len(q.explanation) + len(q.model_answer)
    if not key:
        return 0
    share = (1 - EXAM_BLOCK_COST * exam / key) / AHEAD_COST
    return int(len(uses) * min(AHEAD_MAX, max(0.0, share)))


def _worth_counting(bank: Bank, versions: Sequence[ExamVersion]) -> bool:
    """Whether the exam might be the shorter work: the first version's printed blocks times
    the versions against the key of every question of the bank (more than it prints)."""
    qs = bank.questions
    exam = len(versions) * sum(_printed(qs[i.question]) for i in versions[0].items)
    key = sum(_printed(q) + len(q.explanation) + len(q.model_answer) for q in qs)
    return EXAM_BLOCK_COST * exam < key


def _printed(q: Question) -> int:
    """The blocks of a question an exam prints: its stem's and its options."""
    return len(q.stem) + len(q.choices)


class KeyAhead:
    """The questions from bank index `first` on, made ahead by one job (`job`) and taken by
    the key's (`made`, key_story's hook). The key's job tells how far its layout is through
    a word of memory both inherit from this process (forked after this is made)."""

    def __init__(self, stage: Path, first: int) -> None:
        self.folder = stage / AHEAD_DIR
        self.first = first
        self._reached = mmap.mmap(-1, 8)  # shared with the workers forked from here
        self._set(-1)

    def made(self, index: int, make: Callable[[], list[Flowable]]) -> list[Flowable]:
        """In the key's job: question `index`'s flowables, from the folder if made ahead."""
        self._set(index)  # the job ahead stops before this one
        if index < self.first:
            return make()
        with contextlib.suppress(Exception):  # not there (yet), or unreadable: made here
            flowables: list[Flowable] = pickle.loads((self.folder / str(index)).read_bytes())
            return flowables
        return make()

    def done(self) -> None:
        """In the key's job, once laid out: the job ahead stops; what it left is removed."""
        self._set(_DONE)
        self.clear()

    def clear(self) -> None:
        if self.folder.is_dir():
            for leftover in self.folder.iterdir():
                leftover.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                self.folder.rmdir()

    def job(self, makers: Sequence[Maker], width: float) -> int:
        """In another worker: the last questions made and written, the last first, until
        the key's layout reaches them; how many were written."""
        self.folder.mkdir(exist_ok=True)
        written = 0
        for index, _, make in reversed(makers):
            if index < self.first or self._get() >= index:
                break
            try:
                flowables = make()
                for f in flowables:
                    f.wrap(width, _TALL)  # lines broken at the frame's width, as it will ask
                data = pickle.dumps(flowables, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # the key's job makes these itself (and meets any problem)
                break
            tmp = self.folder / f".{index}"
            try:
                tmp.write_bytes(data)
                os.replace(tmp, self.folder / str(index))
            except OSError:  # the key's job is done and removed the folder
                break
            written += 1
        if self._get() == _DONE:
            self.clear()  # anything written after the key's job cleared the folder
        return written

    def _set(self, value: int) -> None:
        self._reached[:8] = value.to_bytes(8, "little", signed=True)

    def _get(self) -> int:
        return int.from_bytes(self._reached[:8], "little", signed=True)


__all__ = ["AHEAD_DIR", "KeyAhead", "ahead_count", "key_ahead"]
