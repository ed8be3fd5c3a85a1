"""Throughput of the money and rate stage, in MB/s of text, in-process.

Reads corpus/*.txt, repeats the text to a few MB and times extract_money +
extract_rates (and each alone). Not a test: run it by hand::

    /work/venv/bin/python benchmarks/bench_money.py [--mb 4] [--repeat 3]

The whole run (pipeline.stages.build_document over the five notices, every
registered stage included) is reported beside it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.extract.money import extract_money, extract_rates

ROOT = Path(__file__).resolve().parents[1]


def _corpus(mb: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    one = "\n".join(texts)
    reps = max(1, int(mb * 1e6 / len(one.encode("utf-8"))) + 1)
    return "\n".join([one] * reps)


def _best(fn, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _whole_run(repeat: int) -> str:
    """MB/s of pipeline.stages.build_document (read, structure, metadata, stages, finalize)."""
    try:
        from pipeline import stages
    except Exception as exc:  # pragma: no cover - owned by another issue
        return f"whole run: not measured ({type(exc).__name__}: {exc})"
    paths = sorted((ROOT / "corpus").glob("*.txt"))
    size = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in paths) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in paths:
            stages.build_document(p, p.stem)
        best = min(best, time.perf_counter() - t0)
    names = ", ".join(stages.STAGES) or "none registered"
    return f"whole run (build_document, stages: {names}): {size / best:6.1f} MB/s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=4.0, help="size of the repeated text, MB")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = ap.parse_args()
    text = _corpus(args.mb)
    size = len(text.encode("utf-8")) / 1e6
    extract_money(text[:20000]), extract_rates(text[:20000])  # warm up: load data, compile
    both = _best(lambda t: (extract_money(t), extract_rates(t)), text, args.repeat)
    money = _best(extract_money, text, args.repeat)
    rates = _best(extract_rates, text, args.repeat)
    n_a, n_r = len(extract_money(text)), len(extract_rates(text))
    print(f"text: {size:.2f} MB ({len(text):,} chars), {n_a:,} amounts, {n_r:,} rates")
    print(f"extract_money + extract_rates: {size / both:6.1f} MB/s")
    print(f"extract_money alone:           {size / money:6.1f} MB/s")
    print(f"extract_rates alone:           {size / rates:6.1f} MB/s")
    print(_whole_run(args.repeat))


if __name__ == "__main__":
    main()
