"""The ``zhengce`` command line: a thin click layer over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ZhengceError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhengce")
def main() -> None:
    """zhengce: Chinese government policy notices -> a machine-readable policy dataset.

    \b
    Example:
      zhengce run corpus -o outputs
      zhengce show corpus/000_5297c262f14bb955.txt
    """


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (created if missing).")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--no-parquet", is_flag=True, help="Write JSONL tables only.")
def run_cmd(inputs: tuple[str, ...], outdir: Path, jobs: int, progress: bool | None,
            no_parquet: bool) -> None:
    """Process notices (files, folders, globs) into OUTDIR.

    Writes docs/<doc_id>.json per notice, tables/*.jsonl and *.parquet,
    manifest.json and errors.jsonl. Exit status 1 when any input failed.

    \b
    Example:
      zhengce run corpus -o outputs
      zhengce run 'inbox/**/*.pdf' notice.docx -o out --jobs 2
    """
    from .run import run

    result = run(list(inputs), outdir, jobs=jobs, progress=progress, parquet=not no_parquet)
    for err in result.errors:
        click.echo(f"error: {err['path']}: {err['reason']}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{result.documents} documents written to {outdir}, {len(result.errors)} errors"
               + (f", {len(result.skipped)} unsupported files skipped" if result.skipped else ""),
               err=True)
    if result.errors:
        sys.exit(1)


@main.command("show")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON.")
def show_cmd(file: Path, as_json: bool) -> None:
    """Print one notice's metadata and clause tree for a person to read.

    \b
    Example:
      zhengce show corpus/000_5297c262f14bb955.txt
    """
    from .run import doc_ids
    from .show import render
    from .stages import build_document

    doc = build_document(file, doc_ids([file])[0])
    click.echo(doc.model_dump_json(indent=1) if as_json else render(doc))


@main.command("schema")
@click.option("--model", "model", type=click.Choice(["document", "rules"]), default="document",
              show_default=True, help="Which schema to print.")
def schema_cmd(model: str) -> None:
    """Print the JSON Schema of the dataset (a document) or of the rules file.

    \b
    Example:
      zhengce schema > document.schema.json
      zhengce schema --model rules > rules.schema.json
    """
    from .models import Document

    if model == "rules":
        from .rules import RulesFile

        schema = RulesFile.model_json_schema()
    else:
        schema = Document.model_json_schema()
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))


def _register_optional() -> None:
    """Commands whose modules may be absent in a partial checkout."""
    import importlib

    for module, attr in (("pipeline.evaluate", "eval_cmd"), ("pipeline.rules", "rules_cmd"),
                         ("pipeline.calc", "calc_cmd"), ("pipeline.diff", "diff_cmd"),
                         ("pipeline.openfisca", "openfisca_cmd")):
        try:
            main.add_command(getattr(importlib.import_module(module), attr))
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise  # a dependency of the command is missing: say so, do not hide it
        except AttributeError:
            continue


_register_optional()


def entry() -> None:
    try:
        main.main(standalone_mode=True)
    except ZhengceError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
