"""--jobs changes who writes each PDF, never a byte of it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exampdf.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "questions"


def _make(out: Path, jobs: int) -> dict[str, bytes]:
    args = [
        "make",
        str(SAMPLE),
        "-o",
        str(out),
        "--shuffle",
        "--versions",
        "3",
        "--key-per-version",
        "--jobs",
        str(jobs),
        "-q",
    ]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_output_is_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    serial = _make(tmp_path / "one", 1)
    parallel = _make(tmp_path / "three", 3)
    assert sorted(serial) == sorted(parallel)
    assert "keys/C.pdf" in serial and "answer-key.pdf" in serial
    for name, data in serial.items():
        assert parallel[name] == data, name


def test_exam_slices_are_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    """Enough versions for three slices of exam.pdf, joined from one process or from three."""
    from exampdf.render.examset import slice_ranges

    assert len(slice_ranges(26)) == 3

    def build(out: Path, jobs: int) -> bytes:
        args = ["make", str(SAMPLE), "-o", str(out), "--shuffle", "--versions", "26"]
        result = CliRunner().invoke(main, [*args, "--jobs", str(jobs), "-q"])
        assert result.exit_code == 0, result.output
        return (out / "exam.pdf").read_bytes()

    assert build(tmp_path / "one", 1) == build(tmp_path / "three", 3)
