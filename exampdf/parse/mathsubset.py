"""The LaTeX subset accepted in `$…$` and `$$…$$` (names as in KaTeX), as plain sets of names."""

from __future__ import annotations

GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
    "xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)
# \sin … \lim: upright operator names; \lim \max \min \sup \inf take limits below in display.
OPERATORS = frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp "
    "lim limsup liminf max min sup inf det gcd deg dim ker arg Pr mod bmod pmod".split()
)
BIG_OPERATORS = frozenset(
    "sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes".split()
)
RELATIONS = frozenset(
    "leq le geq ge neq ne equiv approx fallingdotseq risingdotseq doteq sim simeq cong "
    "propto ll gg leqq geqq leqslant geqslant prec succ subset supset subseteq supseteq "
    "subsetneq supsetneq in notin ni perp parallel mid nmid models vdash".split()
)
BINARY = frozenset(
    "pm mp times div cdot ast star circ bullet oplus ominus otimes odot cap cup setminus "
    "wedge vee land lor neg lnot".split()
)
ARROWS = frozenset(
    "to gets rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow "
    "longrightarrow longleftarrow longleftrightarrow Longrightarrow Longleftarrow "
    "Longleftrightarrow iff implies impliedby mapsto uparrow downarrow updownarrow "
    "Uparrow Downarrow nearrow searrow swarrow nwarrow rightleftharpoons".split()
)
SYMBOLS = frozenset(
    "infty partial nabla forall exists nexists emptyset varnothing angle triangle square "
    "therefore because circ degree prime ldots cdots vdots ddots dots hbar ell Re Im aleph "
    "imath jmath wp top bot lbrace rbrace langle rangle lfloor rfloor lceil rceil vert Vert "
    "backslash dagger ddagger S P checkmark".split()
)
# Commands that take arguments or change style.
STRUCTURE = frozenset(
    "frac dfrac tfrac cfrac binom dbinom tbinom sqrt left right middle big Big bigg Bigg "
    "bigl bigr Bigl Bigr vec overrightarrow overleftarrow overline underline hat widehat "
    "tilde widetilde bar dot ddot acute grave breve check overbrace underbrace "
    "mathrm mathbf mathit mathsf mathtt mathbb mathcal mathfrak boldsymbol operatorname "
    "text textrm textbf displaystyle textstyle scriptstyle limits nolimits begin end "
    "quad qquad stackrel overset underset not".split()
)
SPACES = frozenset(", ; : ! \\ { } $ % & # _ |".split() + [" "])
ENVIRONMENTS = frozenset(
    "matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix cases aligned array smallmatrix".split()
)
COMMANDS = GREEK | OPERATORS | BIG_OPERATORS | RELATIONS | BINARY | ARROWS | SYMBOLS | STRUCTURE
