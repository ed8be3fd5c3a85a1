"""Numbers as written in notices -> Decimal.

Chinese numerals are converted by the ``cn2an`` library (it knows 两, 壹拾,
大写 forms and decimals); this module only normalises width and separators
around it and returns exact :class:`~decimal.Decimal` values.

>>> parse_number("10")
Decimal('10')
>>> parse_number("1.5")
Decimal('1.5')
>>> parse_number("１０，０００")
Decimal('10000')
>>> parse_number("壹拾伍万")
Decimal('150000')
>>> parse_number("两百")
Decimal('200')
>>> parse_number("一千二百")
Decimal('1200')
>>> parse_number("一点五万")
Decimal('15000.0')
>>> parse_number("半") is None
True
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from decimal import Decimal, InvalidOperation

import regex

_ARABIC = regex.compile(r"^\d+(?:\.\d+)?$")
_SEPARATORS = regex.compile(r"[,\s]")


@functools.lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """Parse Arabic or Chinese numerals; None when ``text`` is not a number."""
    s = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if not s:
        return None
    if _ARABIC.match(s):
        return Decimal(s)
    return _parse_chinese(s)


_CN_DECIMAL_UNIT = regex.compile(r"^(.+点.+?)(万|亿)$")  # 一点五万: a decimal before 万/亿


def _parse_chinese(s: str) -> Decimal | None:
    value = _cn2an(s)
    if value is None:
        m = _CN_DECIMAL_UNIT.match(s)  # cn2an rejects 一点五万; read 一点五 × 万
        head = _cn2an(m.group(1)) if m else None
        if head is not None:
            value = head * (10000 if m.group(2) == "万" else 100000000)
    return value


def _cn2an(s: str) -> Decimal | None:
    import cn2an  # imported lazily: it is slow to import and rarely needed

    logging.getLogger("cn2an").setLevel(logging.ERROR)
    try:
        value = cn2an.cn2an(s, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
