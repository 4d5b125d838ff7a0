"""Write a math-heavy synthetic bank: `python bench/math_bank.py OUT N SEED`.

Each question's stem and explanation hold 2–4 inline formulas in Japanese sentences and one
display formula; options are formulas. Every formula comes with its Typst spelling, so
bench/typst_bench.py typesets the same content (issue 14's workload M1).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

# (LaTeX as a bank writes it, the same formula in Typst math)
FORMULAS = [
    (r"x^2 - 5x + 6 = 0", "x^2 - 5x + 6 = 0"),
    (r"\frac{a+b}{c}", "(a+b)/c"),
    (r"\sqrt{b^2 - 4ac}", "sqrt(b^2 - 4a c)"),
    (r"x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}", "x = (-b plus.minus sqrt(b^2 - 4a c))/(2a)"),
    (r"\sum_{k=1}^{n} k^2", "sum_(k=1)^n k^2"),
    (r"\int_0^1 f(x)\,dx", "integral_0^1 f(x) dif x"),
    (r"\lim_{x \to 0} \frac{\sin x}{x} = 1", "lim_(x -> 0) (sin x)/x = 1"),
    (r"\left(\frac{1}{2}\right)^n", "(1/2)^n"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", 'mat(delim: "(", 1, 2; 3, 4)'),
    (
        r"\begin{vmatrix} a & b \\ c & d \end{vmatrix} = ad - bc",
        'mat(delim: "|", a, b; c, d) = a d - b c',
    ),
    (r"\vec{a} \cdot \vec{b}", "arrow(a) dot arrow(b)"),
    (r"\overrightarrow{AB}", "arrow(A B)"),
    (r"\alpha + \beta = \gamma", "alpha + beta = gamma"),
    (r"a \equiv b \pmod{n}", "a equiv b med (mod n)"),
    (r"\pi \fallingdotseq 3.14", "pi approx.eq 3.14"),
    (r"\sin^2\theta + \cos^2\theta = 1", "sin^2 theta + cos^2 theta = 1"),
    (r"\log_2 8 = 3", "log_2 8 = 3"),
    (r"9.8\,\mathrm{m/s^2}", '9.8 thin upright(m"/"s^2)'),
    (r"f'(x) = 2x", "f'(x) = 2x"),
    (r"30^\circ", "30 degree"),
    (r"e^{i\pi} + 1 = 0", "e^(i pi) + 1 = 0"),
    (r"P(A \mid B)", "P(A | B)"),
]
DISPLAY = [
    (r"\sum_{k=1}^{n} k^2 = \frac{n(n+1)(2n+1)}{6}", "sum_(k=1)^n k^2 = (n(n+1)(2n+1))/6"),
    (r"\int_a^b x^2\,dx = \left[\frac{x^3}{3}\right]_a^b", "integral_a^b x^2 dif x = [x^3/3]_a^b"),
    (
        r"f(x) = \begin{cases} x & (x \geq 0) \\ -x & (x < 0) \end{cases}",
        "f(x) = cases(x & (x >= 0), -x & (x < 0))",
    ),
    (
        r"A^{-1} = \frac{1}{ad-bc}\begin{pmatrix} d & -b \\ -c & a \end{pmatrix}",
        'A^(-1) = 1/(a d - b c) mat(delim: "(", d, -b; -c, a)',
    ),
    (
        r"\lim_{n \to \infty}\left(1 + \frac{1}{n}\right)^n = e",
        "lim_(n -> infinity)(1 + 1/n)^n = e",
    ),
]
TYPST = dict(FORMULAS + DISPLAY)
WORDS = ["関数", "方程式", "数列", "行列", "ベクトル", "確率", "極限", "積分"]


def _sentences(rng: random.Random, lead: str, verb: str) -> str:
    """2–4 inline formulas in Japanese sentences."""
    parts = [f"${f}$" for f, _ in rng.sample(FORMULAS, rng.randint(2, 4))]
    return lead + "".join(f"{p}{verb}" for p in parts)


def _question(rng: random.Random, n: int) -> str:
    stem = _sentences(rng, f"次の{rng.choice(WORDS)}について考える。", "が成り立つことを示せ。")
    explain = _sentences(rng, "順に確かめる。", "であることに注意する。")
    options = "\n".join(f"{'ABCD'[i]}. ${f}$" for i, (f, _) in enumerate(rng.sample(FORMULAS, 4)))
    return (
        f"# 数学 {n}\n\n## 問題\n{stem}\n\n$$\n{rng.choice(DISPLAY)[0]}\n$$\n\n"
        f"## 選択肢\n{options}\n\n## 正解\n{'ABCD'[rng.randrange(4)]}\n\n"
        f"## 解説\n{explain}\n\n$$\n{rng.choice(DISPLAY)[0]}\n$$\n"
    )


def write_math_bank(out: Path, count: int, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for n in range(1, count + 1):
        (out / f"m{n:03}.md").write_text(_question(rng, n), encoding="utf-8")


if __name__ == "__main__":
    write_math_bank(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
