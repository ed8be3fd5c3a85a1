"""Throughput of the quota stage: ``python benchmarks/bench_quotas.py [repeat]``.

Concatenates the seed notices ``repeat`` times (default 50), runs
:func:`pipeline.extract.quotas.extract_quotas` over the whole text and over each
notice separately, and reports MB/s (UTF-8 bytes) for both.  A script, not a test.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.extract.quotas import extract_quotas

ROOT = Path(__file__).resolve().parents[1]


def _measure(texts: list[str]) -> tuple[float, int, int]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    found = sum(len(extract_quotas(t)) for t in texts)
    return time.perf_counter() - t0, size, found


def main(repeat: int = 50) -> None:
    notices = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    for text in notices:  # warm-up: load the data file, compile alternations, import cn2an
        extract_quotas(text)
    for label, texts in (
        ("one big text", ["\n".join(notices) * repeat]),
        ("per notice", notices * repeat),
    ):
        secs, size, found = _measure(texts)
        print(f"{label:13} {size / 1e6:7.2f} MB  {secs:6.2f} s  "
              f"{size / 1e6 / secs:6.2f} MB/s  {found} quotas")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
