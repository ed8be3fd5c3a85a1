"""Loading of data files under ``gazetteers/``: validated, cached, lazy.

Every data file is YAML. :func:`load` parses it with a loader that rejects
duplicate mapping keys, validates it with a pydantic model and caches the
result, so importing a module never touches the disk.

>>> from pydantic import BaseModel
>>> class M(BaseModel):
...     a: int
>>> _parse_yaml("a: 1\\n", "x.yaml")
{'a': 1}
>>> _parse_yaml("a: 1\\na: 2\\n", "x.yaml")
Traceback (most recent call last):
...
pipeline.errors.DataError: x.yaml: duplicate key 'a' at line 2
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError

T = TypeVar("T", bound=BaseModel)

_PACKAGE = "pipeline.gazetteers"


# libyaml's parser when PyYAML was built with it (about 10x faster), else the Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that refuses duplicate keys instead of keeping the last one."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DataError(
                    f"{self.name}: duplicate key {key!r} at line {key_node.start_mark.line + 1}"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse_yaml(text: str, name: str) -> Any:
    loader = _UniqueKeyLoader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise DataError(f"{name}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def unique(values: list[str], what: str = "entry") -> list[str]:
    """A validator for word lists: ``values`` unchanged, or ValueError on a repeat.

    >>> unique(["以上", "以下"])
    ['以上', '以下']
    >>> unique(["以上", "以上"], "bound word")
    Traceback (most recent call last):
    ...
    ValueError: duplicate bound word: '以上'
    """
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"duplicate {what}: {v!r}")
        seen.add(v)
    return values


def data_files() -> list[str]:
    """Names of all YAML data files shipped with the package."""
    root = resources.files(_PACKAGE)
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".yaml", ".yml")))


def read_text(name: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"gazetteers/{name}: data file not found") from None


def load_raw(name: str) -> Any:
    """Parse ``gazetteers/<name>`` (YAML) without validation."""
    return _parse_yaml(read_text(name), f"gazetteers/{name}")


@functools.cache
def load(name: str, model: type[T]) -> T:
    """Parse and validate ``gazetteers/<name>`` with ``model``; cached per (name, model)."""
    raw = load_raw(name)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataError(f"gazetteers/{name}: {exc}") from None
