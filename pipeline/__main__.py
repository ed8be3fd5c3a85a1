"""``python -m pipeline …`` is the ``zhengce`` command."""

from .cli import entry

entry()
