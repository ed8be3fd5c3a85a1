"""Batch runs: inputs -> one JSON per document, flat tables, manifest, errors.

A bad input never stops the batch: it becomes a line in ``errors.jsonl``
naming the file and the reason.  Every output file is written to a temporary
name in the same folder and renamed into place, so an interrupted run never
leaves a half-written file that looks complete.  Outputs carry no time stamps:
the same inputs give byte-identical outputs.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import regex

from . import __version__
from .errors import ZhengceError
from .ingest import format_of
from .models import ITEM_LISTS, Document
from .stages import STAGE_FAILED
from .tables import columns

TABLES = ("documents", "clauses", *ITEM_LISTS)


@functools.cache
def _umask() -> int:
    """The process umask (read once, when the first output is written)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
_UNSAFE = regex.compile(r"[^\w.\-]+")
_GLOB = regex.compile(r"[*?\[]")


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def collect_inputs(args: Iterable[str]) -> Inputs:
    """Expand files, folders (recursively, supported types only) and globs, in a stable order.

    A path that cannot even be examined (too long, unreadable folder) becomes an error
    record like any other bad input; the same file reached twice is processed once.
    """
    out, seen = Inputs(), set()

    def add(p: Path) -> None:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            out.files.append(p)

    for arg in args:
        try:
            _collect_one(arg, out, add)
        except OSError as exc:
            out.errors.append({"path": arg, "reason": f"cannot read path: {exc.strerror or exc}"})
    return out


def _collect_one(arg: str, out: Inputs, add) -> None:
    p = Path(arg)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if any(part.startswith(".") for part in child.relative_to(p).parts):
                continue
            if not child.is_file():
                if child.is_symlink():
                    out.skipped.append(f"{child} (broken symbolic link)")
                continue
            (add(child) if format_of(child) else out.skipped.append(str(child)))
    elif p.exists() or not _GLOB.search(arg):
        add(p)  # a missing path is reported by the reader, with the others
    else:
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            out.errors.append({"path": arg, "reason": "no file matches this pattern"})
        for m in matches:
            if Path(m).is_file():
                add(Path(m))


_MAX_ID_BYTES = 180  # UTF-8 bytes of a doc id: output names stay under 255 bytes


def _safe_stem(p: Path) -> str:
    """The file stem made path-safe and short enough for an output file name.

    >>> len(_safe_stem(Path("关于" + "某" * 100 + ".txt")).encode())
    180
    """
    stem = _UNSAFE.sub("_", p.stem).strip("._") or "doc"
    if len(stem.encode("utf-8")) > _MAX_ID_BYTES:  # keep the start and a digest
        digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
        head = stem
        while len(head.encode("utf-8")) > _MAX_ID_BYTES - 9:
            head = head[:-1]
        stem = f"{head}_{digest}"
    return stem


def doc_ids(paths: list[Path]) -> list[str]:
    """A unique, path-safe id per input: the file stem, made distinct where stems collide.

    >>> doc_ids([Path("a/notice.pdf"), Path("a/notice.docx"), Path("b/x.txt"), Path("../../x.txt")])
    ['notice.pdf', 'notice.docx', 'x.txt', 'x.txt-2']
    >>> doc_ids([Path("x/a.txt"), Path("y/a.txt"), Path("a.txt-2.txt")])
    ['a.txt', 'a.txt-2', 'a.txt-2-2']
    """
    stems = [_safe_stem(p) for p in paths]
    ids = []
    for p, stem in zip(paths, stems):
        ids.append(stem if stems.count(stem) == 1 else
                   stem + "." + (_UNSAFE.sub("_", p.suffix.lstrip(".")) or "noext"))
    taken: set[str] = set()
    unique = []
    for i in ids:
        candidate, n = i, 1
        while candidate in taken:  # also distinct from ids made for other files
            n += 1
            candidate = f"{i}-{n}"
        taken.add(candidate)
        unique.append(candidate)
    return unique


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".zc.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def process(path: Path, doc_id: str) -> Document | dict:
    """One input -> its Document, or an error record naming the file and the reason."""
    from .stages import build_document

    try:
        return build_document(path, doc_id)
    except ZhengceError as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        return {"path": str(path), "doc_id": doc_id, "reason": reason}
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the batch
        return {"path": str(path), "doc_id": doc_id,
                "reason": f"internal error: {type(exc).__name__}: {exc}"}


@dataclass
class Rendered:
    """A processed document serialised for the outputs (done in the worker, so that
    ``--jobs`` parallelises serialisation too and the writer only writes)."""

    json_text: str
    rows: list[tuple[str, str]]
    info: dict
    warnings: list[str]


def render(path: Path, doc_id: str) -> Rendered | dict:
    """One input -> its serialised document and table rows, or an error record."""
    from .tables import rows

    doc = process(path, doc_id)
    if isinstance(doc, dict):
        return doc
    table_rows = [(table, json.dumps(row, ensure_ascii=False, sort_keys=True))
                  for table, row in rows(doc)]
    counts = {name: len(getattr(doc, name)) for name in ("clauses", *ITEM_LISTS)}
    info = {"sha256": doc.sha256, "format": doc.format, "encoding": doc.encoding,
            "chars": len(doc.text), "counts": counts, "warnings": doc.warnings}
    return Rendered(doc.model_dump_json(indent=1) + "\n", table_rows, info, doc.warnings)


def _render_star(args: tuple[Path, str]) -> Rendered | dict:
    return render(*args)


class TableWriter:
    """Streams rows of every table to JSONL, then writes Parquet beside it."""

    def __init__(self, outdir: Path):
        self.dir = outdir / "tables"
        self.dir.mkdir(parents=True, exist_ok=True)
        self._tmp = {t: tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.dir,
                                                    prefix=f".{t}.", suffix=".part", delete=False)
                     for t in TABLES}

    def add(self, rows: list[tuple[str, str]]) -> None:
        for table, line in rows:
            self._tmp[table].write(line + "\n")

    def close(self, parquet: bool = True) -> list[str]:
        """Finish every table; returns warnings for Parquet files that could not be written
        (the JSONL table is complete either way)."""
        warnings = []
        for table, fh in self._tmp.items():
            fh.close()
            final = self.dir / f"{table}.jsonl"
            os.chmod(fh.name, 0o666 & ~_umask())
            os.replace(fh.name, final)
            if parquet:
                try:
                    _write_parquet(final, self.dir / f"{table}.parquet")
                except Exception as exc:  # noqa: BLE001 - e.g. a value beyond int64
                    (self.dir / f"{table}.parquet").unlink(missing_ok=True)
                    warnings.append(f"tables/{table}.parquet not written: "
                                    f"{type(exc).__name__}: {exc}; tables/{table}.jsonl is complete")
        return warnings

    def abort(self) -> None:
        for fh in self._tmp.values():
            fh.close()
            if os.path.exists(fh.name):
                os.unlink(fh.name)


def _write_parquet(jsonl: Path, target: Path) -> None:
    """The JSONL table as Parquet, its columns typed by the models (tables.columns), so that
    tables of different runs have one schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = target.stem
    cols = columns(table)
    with open(jsonl, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    extra = sorted({k for r in records for k in r} - set(cols))
    if extra:
        raise ValueError(f"columns not in the {table} schema: {', '.join(extra)}")
    floats = [name for name, kind in cols.items() if kind == "float64"]
    for r in records:  # an integer beyond 2**53 (10000000000000000亿元) is no exact float64
        for name in floats:
            if isinstance(r.get(name), int):
                r[name] = float(r[name])
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in cols.items()])
    frame = pa.Table.from_pylist(records, schema=schema)
    with atomic_write(target, "wb") as out:
        pq.write_table(frame, out)


@dataclass
class RunResult:
    documents: int = 0
    errors: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _clean_previous(outdir: Path) -> None:
    """Remove documents a previous run listed, so stale ones never pass for this run's."""
    manifest = outdir / "manifest.json"
    if not manifest.exists():
        return
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for entry in old.get("inputs", []):
        doc_id = entry.get("doc_id")
        if doc_id and not _UNSAFE.search(doc_id):
            (outdir / "docs" / f"{doc_id}.json").unlink(missing_ok=True)


def run(inputs: list[str], outdir: Path, jobs: int = 1, progress: bool | None = None,
        parquet: bool = True) -> RunResult:
    """Process ``inputs`` into ``outdir``; see the module docstring."""
    from tqdm import tqdm

    found = collect_inputs(inputs)
    ids = doc_ids(found.files)
    outdir.mkdir(parents=True, exist_ok=True)
    _clean_previous(outdir)
    (outdir / "docs").mkdir(exist_ok=True)
    result = RunResult(errors=list(found.errors), skipped=found.skipped)
    entries: list[dict] = []
    tables = TableWriter(outdir)
    bar = tqdm(total=len(found.files), unit="doc", disable=(not _isatty()) if progress is None
               else not progress)
    try:
        for path, doc_id, res in _results(found.files, ids, jobs):
            bar.update(1)
            entries.append(_record(outdir, path, doc_id, res, result, tables))
    except BaseException:
        tables.abort()
        raise
    finally:
        bar.close()
    result.warnings = tables.close(parquet)
    result.manifest = _manifest(entries, result)
    with atomic_write(outdir / "errors.jsonl") as fh:
        for err in result.errors:
            fh.write(json.dumps(err, ensure_ascii=False, sort_keys=True) + "\n")
    with atomic_write(outdir / "manifest.json") as fh:
        json.dump(result.manifest, fh, ensure_ascii=False, indent=2, sort_keys=True)
        fh.write("\n")
    return result


def _isatty() -> bool:
    import sys

    return sys.stderr.isatty()


def _results(files: list[Path], ids: list[str], jobs: int):
    if jobs <= 1 or len(files) < 2:
        for path, doc_id in zip(files, ids):
            yield path, doc_id, render(path, doc_id)
        return
    from multiprocessing import get_context

    with get_context("spawn").Pool(jobs) as pool:
        for (path, doc_id), res in zip(zip(files, ids),
                                       pool.imap(_render_star, zip(files, ids), chunksize=4)):
            yield path, doc_id, res


def _sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _record(outdir: Path, path: Path, doc_id: str, res, result: RunResult,
            tables: TableWriter) -> dict:
    entry = {"path": str(path), "doc_id": doc_id}
    if isinstance(res, dict):
        result.errors.append(res)
        return {**entry, "status": "error", "sha256": _sha256(path), "reason": res["reason"]}
    try:
        with atomic_write(outdir / "docs" / f"{doc_id}.json") as fh:
            fh.write(res.json_text)
    except OSError as exc:
        err = {"path": str(path), "doc_id": doc_id,
               "reason": f"cannot write output: {exc.strerror or exc}"}
        result.errors.append(err)
        return {**entry, "status": "error", "sha256": res.info.get("sha256"), "reason": err["reason"]}
    tables.add(res.rows)
    result.documents += 1
    failed = [w for w in res.warnings if w.startswith(STAGE_FAILED)]
    for w in failed:
        result.errors.append({"path": str(path), "doc_id": doc_id, "reason": f"partial: {w}"})
    return {**entry, "status": "partial" if failed else "ok", **res.info}


def _manifest(entries: list[dict], result: RunResult) -> dict:
    totals: dict[str, int] = {}
    for e in entries:
        for k, v in e.get("counts", {}).items():
            totals[k] = totals.get(k, 0) + v
    return {"tool": "zhengce", "version": __version__, "inputs": entries,
            "documents": result.documents, "errors": len(result.errors),
            "skipped": result.skipped, "totals": totals, "warnings": result.warnings}
