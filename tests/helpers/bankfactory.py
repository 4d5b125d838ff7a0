"""Small in-memory banks for stage tests that should not depend on the parser."""

from __future__ import annotations

from exampdf.model import Bank, Choice, Paragraph, Question, Text


def question(
    qid: str,
    options: int = 4,
    answer: tuple[int, ...] = (0,),
    group: str = "",
    pinned: tuple[int, ...] = (),
    shuffle: bool = True,
) -> Question:
    letters = "ABCDEFGHIJ"
    choices = tuple(
        Choice(letters[i], letters[i], (Text(f"{qid} の選択肢{letters[i]}"),), 5 + i)
        for i in range(options)
    )
    return Question(
        id=qid,
        source=f"questions/{qid}.md",
        title=f"title {qid}",
        stem=(Paragraph((Text(f"{qid} の問題文"),), 3),),
        choices=choices,
        answer=answer,
        explanation=(Paragraph((Text(f"{qid} の解説"),), 12),),
        multi=len(answer) > 1,
        group=group,
        pinned=pinned,
        shuffle=shuffle,
    )


def bank(n: int = 6) -> Bank:
    return Bank(tuple(question(f"q{i:02d}", options=3 + i % 4, answer=(i % 3,)) for i in range(n)))
