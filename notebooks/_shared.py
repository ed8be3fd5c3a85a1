"""Small helpers shared by the numbered notebooks (not a notebook itself).

Where the repository is, which inputs and output folder a notebook uses, the ``zhengce``
command line run as a subprocess, and a compact table printer that aligns Chinese text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd

NOTEBOOKS = Path(__file__).resolve().parent
ROOT = NOTEBOOKS.parent


def script_args() -> list[str]:
    """Arguments of ``python notebooks/NN_name.py ARGS``; none inside a notebook kernel
    (whose ``sys.argv`` belongs to the kernel launcher)."""
    if sys.argv and sys.argv[0] and Path(sys.argv[0]).resolve().parent == NOTEBOOKS:
        return sys.argv[1:]
    return []


def inputs(default: list[str]) -> list[str]:
    """Inputs from the command line, else ``ZHENGCE_INPUT`` (``os.pathsep``-separated),
    else ``default``."""
    env = [p for p in os.environ.get("ZHENGCE_INPUT", "").split(os.pathsep) if p]
    return script_args() or env or default


def out_dir(name: str) -> Path:
    """``ZHENGCE_OUT`` when set, else a fresh temporary folder (never inside the repo)."""
    out = os.environ.get("ZHENGCE_OUT")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        return Path(out)
    return Path(tempfile.mkdtemp(prefix=f"zhengce-{name}-"))


def shown(path: str | Path) -> str:
    """A path as the reader knows it: relative to the repository when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


_CLI = "import sys; from pipeline.cli import entry; sys.argv[0] = 'zhengce'; entry()"


def zhengce(*args: str | Path, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    """Run ``zhengce ARGS`` (the installed command line, through this interpreter) and
    return the finished process; an exit status outside ``ok`` raises with its stderr."""
    cmd = [sys.executable, "-c", _CLI, *map(str, args)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env,
                          check=False)
    if proc.returncode not in ok:
        raise RuntimeError(f"zhengce {' '.join(map(str, args))} exited {proc.returncode}:\n"
                           f"{proc.stderr}")
    return proc


# --------------------------------------------------------------------------- tables


def section(title: str) -> None:
    """A heading in the printed output (the markdown cells do not print)."""
    print(f"\n== {title} ==")


def load_table(run_dir: Path, name: str) -> pd.DataFrame:
    """``RUN/tables/NAME.parquet``, else the JSONL beside it (``--no-parquet`` runs)."""
    parquet, jsonl = run_dir / "tables" / f"{name}.parquet", run_dir / "tables" / f"{name}.jsonl"
    if parquet.exists():
        return pd.read_parquet(parquet)
    if jsonl.exists() and jsonl.stat().st_size:
        return pd.read_json(jsonl, lines=True, dtype=False)
    return pd.DataFrame()


def money(column: pd.Series) -> pd.Series:
    """Yuan as integers when every figure is integral (money columns are float64 in
    Parquet by design; the JSON keeps them exact); otherwise the numbers unchanged."""
    values = pd.to_numeric(column, errors="coerce")
    return values.astype("Int64") if (values.dropna() % 1 == 0).all() else values


def clause(path) -> str:
    """A clause path (a list, or the JSON string of the flat tables) as 二/（一）/1."""
    if isinstance(path, str):
        path = json.loads(path)
    return "/".join(path) if isinstance(path, list) else ""


def short(doc_id: str) -> str:
    """Seed ids are ``001_<hash>``: keep the number, unique within a run."""
    head, _, rest = str(doc_id).partition("_")
    return head if head.isdigit() and rest else str(doc_id)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value, limit: int) -> str:
    if not isinstance(value, (list, tuple, dict)) and pd.isna(value):
        return ""
    text = " ".join(str(value).split())
    if _width(text) <= limit:
        return text
    while _width(text) > limit - 1:
        text = text[:-1]
    return text + "…"


def table(frame: pd.DataFrame, max_colwidth: int = 40) -> None:
    """Print a frame compactly: every row, text cut to ``max_colwidth`` display cells and
    aligned left (a CJK character counts two), numbers aligned right, nulls blank."""
    if frame.empty:
        print("(none)")
        return
    columns = []
    for name in frame.columns:
        series = frame[name]
        right = (pd.api.types.is_numeric_dtype(series)
                 and not pd.api.types.is_bool_dtype(series))
        cells = [str(name)] + [_cell(v, max_colwidth) for v in series]
        width = max(map(_width, cells))
        columns.append([" " * (width - _width(c)) + c if right else c + " " * (width - _width(c))
                        for c in cells])
    for row in zip(*columns):
        print("  ".join(row).rstrip())
