"""Throughput of every stage and of the whole run, in MB/s of UTF-8 text, in-process.

Usage: python benchmarks/bench.py [--copies N]

Each seed notice of corpus/ is processed N times as a separate document.
Stages are timed one after another on the same documents (so a stage sees
the lists of the stages before it, as in a real run); "whole run" times
`build_document` on the files, reading and decoding included.
A script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections import defaultdict
from pathlib import Path

from pipeline.metadata import extract_metadata
from pipeline.models import Document
from pipeline.stages import STAGES, build_document, finalize
from pipeline.structure import build_clauses, to_text

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    files = sorted((ROOT / "corpus").glob("*.txt"))
    raws = [f.read_text(encoding="utf-8") for f in files] * args.copies
    mb = sum(len(r.encode("utf-8")) for r in raws) / 1e6
    timings: dict[str, float] = defaultdict(float)
    modules = {name: importlib.import_module(f"pipeline.extract.{name}") for name in STAGES}
    for raw in raws:  # warm caches (gazetteers, compiled patterns) outside the timings
        build_document_from(raw, modules, defaultdict(float))
        break
    for i, raw in enumerate(raws):
        build_document_from(raw, modules, timings, doc_id=f"d{i}")
    print(f"{len(raws)} documents, {mb:.2f} MB of text")
    for name, seconds in timings.items():
        print(f"  {name:<12} {mb / seconds:8.1f} MB/s   ({seconds:.3f} s)")
    total = sum(timings.values())
    print(f"  {'all stages':<12} {mb / total:8.1f} MB/s   ({total:.3f} s)")
    start = time.perf_counter()
    for _ in range(args.copies):
        for f in files:
            build_document(f, f.stem)
    seconds = time.perf_counter() - start
    print(f"  {'whole run':<12} {mb / seconds:8.1f} MB/s   ({seconds:.3f} s, build_document on files)")


def build_document_from(raw: str, modules, timings, doc_id: str = "d") -> Document:
    t = time.perf_counter()
    text = to_text(raw)
    clauses = build_clauses(doc_id, text)
    timings["structure"] += time.perf_counter() - t
    t = time.perf_counter()
    meta = extract_metadata(text, clauses)
    timings["metadata"] += time.perf_counter() - t
    doc = Document(doc_id=doc_id, source="-", sha256="-", format="txt", text=text,
                   clauses=clauses, metadata=meta)
    for name, module in modules.items():
        t = time.perf_counter()
        module.annotate(doc)
        timings[name] += time.perf_counter() - t
    finalize(doc)
    return doc


if __name__ == "__main__":
    main()
