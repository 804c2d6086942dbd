"""JSON: the document an output makes (schemas/report.schema.json for `check`), UTF-8, Chinese
unescaped. A Decimal in the document is written exactly as its digits (money to the 分, however
large): the json module would otherwise need a float, which keeps only 15–17 digits."""

from __future__ import annotations

import json
from decimal import Decimal

from . import Options, Output


def render(output: Output, options: Options) -> str:
    exact: list[str] = []

    def digits(value: object) -> str:
        if isinstance(value, Decimal) and value.is_finite():
            exact.append(format(value, "f"))
            return f"\0{len(exact) - 1}\0"  # a placeholder string, replaced below
        raise TypeError(f"{type(value).__name__} is not JSON")

    text = json.dumps(output.json(), ensure_ascii=False, indent=2, default=digits)
    if exact:
        import re

        text = re.sub(r'"\\u0000(\d+)\\u0000"', lambda m: exact[int(m.group(1))], text)
    return text + "\n"
