"""The LaTeX subset accepted in `$…$` and `$$…$$` (names as in KaTeX), as plain sets of names."""

from __future__ import annotations


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


GREEK = _names(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
    "xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
)
# \sin … \lim: upright operator names; \lim \max \min \sup \inf take limits below in display.
OPERATORS = _names(
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp "
    "lim limsup liminf max min sup inf det gcd deg dim ker arg Pr mod bmod pmod"
)
BIG_OPERATORS = _names("sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes")
RELATIONS = _names(
    "leq le geq ge neq ne equiv approx fallingdotseq risingdotseq doteq sim simeq cong "
    "propto ll gg leqq geqq leqslant geqslant prec succ subset supset subseteq supseteq "
    "subsetneq supsetneq in notin ni perp parallel mid nmid models vdash"
)
BINARY = _names(
    "pm mp times div cdot ast star circ bullet oplus ominus otimes odot cap cup setminus "
    "wedge vee land lor neg lnot"
)
ARROWS = _names(
    "to gets rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow "
    "longrightarrow longleftarrow longleftrightarrow Longrightarrow Longleftarrow "
    "Longleftrightarrow iff implies impliedby mapsto uparrow downarrow updownarrow "
    "Uparrow Downarrow nearrow searrow swarrow nwarrow rightleftharpoons"
)
SYMBOLS = _names(
    "infty partial nabla forall exists nexists emptyset varnothing angle triangle square "
    "therefore because circ degree prime ldots cdots vdots ddots dots hbar ell Re Im aleph "
    "imath jmath wp top bot lbrace rbrace langle rangle lfloor rfloor lceil rceil vert Vert "
    "backslash dagger ddagger S P checkmark"
)
# Commands that take arguments or change style.
STRUCTURE = _names(
    "frac dfrac tfrac cfrac binom dbinom tbinom sqrt left right middle big Big bigg Bigg "
    "bigl bigr Bigl Bigr vec overrightarrow overleftarrow overline underline hat widehat "
    "tilde widetilde bar dot ddot acute grave breve check overbrace underbrace "
    "mathrm mathbf mathit mathsf mathtt mathbb mathcal mathfrak boldsymbol operatorname "
    "text textrm textbf displaystyle textstyle scriptstyle limits nolimits begin end "
    "quad qquad stackrel overset underset not"
)
SPACES = _names(", ; : ! \\ { } $ % & # _ |") | {" "}
ENVIRONMENTS = _names(
    "matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix cases aligned array smallmatrix"
)
COMMANDS = GREEK | OPERATORS | BIG_OPERATORS | RELATIONS | BINARY | ARROWS | SYMBOLS | STRUCTURE
