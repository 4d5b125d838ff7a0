"""`exampdf make` through the CLI into a folder, every output file read back as bytes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exampdf.cli import main

COMMON = ("--shuffle", "--seed", "7", "--jobs", "1", "-q")


def make_outputs(out: Path, args: tuple[str, ...]) -> dict[str, bytes]:
    """Every file `exampdf make ARGS` writes into `out`, by its path inside `out`."""
    result = CliRunner().invoke(main, ["make", *args, *COMMON, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
