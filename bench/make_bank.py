"""Write a synthetic bank in the seed format: `python bench/make_bank.py OUT N SEED`.

Japanese stems, 4–6 options, single and multi answers, explanations of one to three pages with
lists, a table and a 10–30 line Python block with Japanese comments — the shape of a real bank.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

TERMS = [
    ("ファインチューニング", "Fine-tuning"),
    ("転移学習", "Transfer learning"),
    ("正則化", "Regularization"),
    ("勾配降下法", "Gradient descent"),
    ("過学習", "Overfitting"),
    ("交差検証", "Cross validation"),
    ("畳み込み", "Convolution"),
    ("注意機構", "Attention"),
    ("量子化", "Quantization"),
    ("二分探索", "Binary search"),
    ("ハッシュ表", "Hash table"),
    ("正規化", "Normalization"),
]
PHRASES = [
    "事前学習済みモデルの重みを出発点として特定のタスクに適応させる",
    "学習データに過度に適合し、未知のデータに対する性能が低下する",
    "計算量を抑えながら精度を維持するための工夫である",
    "データを複数の分割に分けて性能を安定して評価する",
    "パラメータの更新量を学習率で調整しながら損失を最小化する",
    "メモリ使用量を大幅に削減できるが、精度がわずかに低下することがある",
    "入力の局所的な特徴を抽出し、位置のずれに頑健な表現を得る",
    "系列中の関連する要素に重みを付けて情報を集約する",
]
SENTENCES = [
    "この手法は現在の機械学習において広く使われており、理解しておくことが重要です。",
    "実際の開発では、データの量と計算資源のバランスを考えて手法を選びます。",
    "例えば、学習率を 1e-5 程度に設定し、数エポックだけ学習させることが一般的です。",
    "評価指標には正解率（accuracy）だけでなく、F1 スコアや AUC も用います。",
    "小さなデータセットでは、モデルが訓練データを丸暗記してしまう危険があります。",
    "GPU のメモリが 24GB 程度でも、工夫次第で大規模なモデルを扱えます。",
]


def question(rng: random.Random, n: int) -> str:
    term, english = rng.choice(TERMS)
    k = rng.randint(4, 6)
    multi = rng.random() < 0.3
    letters = "ABCDEF"[:k]
    answer = sorted(rng.sample(letters, rng.randint(2, 3))) if multi else [rng.choice(letters)]
    wording = "当てはまるものをすべて選びなさい。" if multi else "最も適切なものを1つ選びなさい。"
    options = "\n".join(
        f"{x}. {rng.choice(PHRASES)}（{english} {i + 1}）" for i, x in enumerate(letters)
    )
    return (
        f"# {term} - 問題{n}\n\n## 問題\n"
        f"事例{n}について、**{term}（{english}）**を説明した記述のうち、"
        f"{wording}\n\n## 選択肢\n{options}\n\n## 正解\n**{'、'.join(answer)}**\n\n"
        f"## 解説\n{explanation(rng, term, letters, answer)}\n"
    )


def explanation(rng: random.Random, term: str, letters: str, answer: list[str]) -> str:
    parts = [" ".join(rng.choices(SENTENCES, k=4))]
    for _ in range(rng.randint(1, 3)):  # one to three pages
        parts.append(f"### **{term}の要点**\n")
        parts.append(
            "\n".join(f"- **{rng.choice(TERMS)[0]}**：{rng.choice(PHRASES)}" for _ in range(5))
        )
        parts.append(
            "| 手法 | メモリ | 精度 |\n|---|---:|---|\n"
            + "\n".join(
                f"| {rng.choice(TERMS)[1]} | {rng.randint(1, 99)}GB | {rng.choice('高中低')} |"
                for _ in range(4)
            )
        )
        parts.append(code(rng))
        parts.append(" ".join(rng.choices(SENTENCES, k=8)))
    parts.append("### **各選択肢の解説**")
    for x in letters:
        mark = "✅ **正解** - " if x in answer else ""
        parts.append(f"**{x}. {rng.choice(TERMS)[0]}**: {mark}{rng.choice(SENTENCES)}")
    return "\n\n".join(parts)


def code(rng: random.Random) -> str:
    lines = ["```python", "# 典型的な学習ループ（日本語のコメント付き）"]
    for i in range(rng.randint(10, 30) - 3):
        lines.append(
            rng.choice(
                [
                    f"loss_{i} = model(batch).loss  # 損失を計算する",
                    "optimizer.step()  # パラメータを更新",
                    f"for epoch in range({rng.randint(1, 9)}):",
                    "    scheduler.step()  # 学習率を調整",
                    f"x = torch.randn({rng.randint(1, 64)}, 768)  # ランダムな入力",
                ]
            )
        )
    lines.append("```")
    return "\n".join(lines)


def write_bank(out: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (out / f"q{i:04d}.md").write_text(question(rng, i + 1), encoding="utf-8")


if __name__ == "__main__":
    write_bank(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
