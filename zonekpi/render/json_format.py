"""JSON: the document described by schemas/report.schema.json, UTF-8, Chinese unescaped."""

from __future__ import annotations

import json

from . import Options, Output


def render(output: Output, options: Options) -> str:
    return json.dumps(output.json(), ensure_ascii=False, indent=2) + "\n"
