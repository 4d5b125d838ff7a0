"""Write a bank of varied Japanese prose: `python bench/varied_bank.py OUT N SEED`.

Stems and explanations mix English terms in brackets, numbers with units, inline code and
long katakana: the material that makes a greedy line breaker leave loose lines
(bench/justify.py counts them). Deterministic for a given seed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

TERMS = [
    ("適合率", "Precision"),
    ("再現率", "Recall"),
    ("IaaS", "Infrastructure as a Service"),
    ("多要素認証", "Multi-Factor Authentication"),
    ("仮想プライベートネットワーク", "Virtual Private Network"),
    ("公開鍵基盤", "Public Key Infrastructure"),
    ("クロスサイトスクリプティング", "Cross-Site Scripting"),
    ("参照透過性", "referential transparency"),
    ("イミュータブル", "immutable"),
    ("ガベージコレクション", "garbage collection"),
    ("ロードバランサー", "load balancer"),
    ("コンテナオーケストレーション", "container orchestration"),
    ("正規化", "normalization"),
    ("デッドロック", "deadlock"),
    ("キャッシュメモリ", "cache memory"),
    ("ハッシュ関数", "cryptographic hash function"),
]
QUANTITIES = [
    "1.5GHz",
    "256MB",
    "3.2秒",
    "100Mbps",
    "1,024バイト",
    "45%",
    "12ms",
    "80番ポート",
    "128ビット",
    "2.4GHz帯",
    "約 30%",
    "64KiB",
    "1 Gbps",
    "0.001秒",
    "2048 ビット",
    "99.9%",
]
CODE = [
    "`list.append()`",
    "`dict`",
    "`for i in range(10):`",
    "`SELECT * FROM users`",
    "`git commit -m`",
    "`tuple`",
    "`len(s)`",
    "`import numpy as np`",
    "`x += 1`",
    "`None`",
    "`HTTP/1.1`",
    "`chmod 644`",
]
KATAKANA = [
    "インターオペラビリティ",
    "アクセシビリティ",
    "マイクロサービスアーキテクチャ",
    "デシリアライゼーション",
    "パーティショニング",
    "レプリケーション",
    "スケーラビリティ",
    "オーバーヘッド",
    "トランザクション",
    "バックプロパゲーション",
]
SUBJECTS = [
    "この方式",
    "次のシステム",
    "ある企業のネットワーク",
    "Python の組み込み型のうち、{kata}",
    "クラウドサービスの提供形態",
    "このモデルの陽性クラスについての{term}",
    "データベースの{term}",
    "Web アプリケーション",
]
PREDICATES = [
    "を導入すると、通信速度が {q} から {q} に向上することが知られている",
    "では、{code} を使って要素を追加するたびにメモリの確保が必要になる場合がある",
    "について、{term}（{english}）の観点から説明した記述として適切なものを考える",
    "は {q} の帯域を持ち、{kata}を確保するために複数のサーバに負荷を分散している",
    "において {code} を実行した結果、処理時間がおよそ {q} だけ短くなった",
    "では、{kata}と{kata}の両立が設計上の大きな課題となる",
    "は、{term}（{english}）を用いて {q} 以内に応答を返すよう設計されている",
    "の検証では、{english} の値が {q} を下回ったため設定を見直した",
    "のうち、{term}（{english}）に当たるものは利用者が OS を管理する点に特徴がある",
    "で {code} と {code} を比べると、後者のほうが {q} ほど速い",
]
TAILS = ["。", "。", "。", "ことに注意する。", "と考えられる。", "点が重要である。"]


def fill(rng: random.Random, template: str) -> str:
    term, english = rng.choice(TERMS)
    out = template
    for key, pool in (("{q}", QUANTITIES), ("{code}", CODE), ("{kata}", KATAKANA)):
        while key in out:
            out = out.replace(key, rng.choice(pool), 1)
    return out.replace("{term}", term).replace("{english}", english)


def sentence(rng: random.Random) -> str:
    return fill(rng, rng.choice(SUBJECTS) + rng.choice(PREDICATES) + rng.choice(TAILS))


def paragraph(rng: random.Random, a: int, b: int) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(a, b)))


def question(rng: random.Random, n: int) -> str:
    term, english = rng.choice(TERMS)
    letters = "ABCD"
    answer = rng.choice(letters)
    options = "\n".join(
        f"{x}. {fill(rng, rng.choice(SUBJECTS) + rng.choice(PREDICATES))}" for x in letters
    )
    body = "\n\n".join(paragraph(rng, 2, 4) for _ in range(rng.randint(2, 4)))
    items = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 3)))
    return (
        f"# {term}（{english}）{n}\n\n## 問題\n{paragraph(rng, 1, 3)}"
        f"{term}（{english}）について最も適切なものを1つ選びなさい。\n\n"
        f"## 選択肢\n{options}\n\n## 正解\n**{answer}**\n\n## 解説\n{body}\n\n{items}\n"
    )


def write_bank(out: Path, n: int, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(1, n + 1):
        (out / f"q{i:03d}.md").write_text(question(rng, i), encoding="utf-8")


if __name__ == "__main__":
    write_bank(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
