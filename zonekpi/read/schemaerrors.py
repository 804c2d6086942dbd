"""Messages for a plan or figure file that does not fit the schema, at the YAML value's line.

jsonschema reports what failed where in the schema; this module turns each error into one
problem for someone editing the file: the branch of a oneOf the value came closest to, an
unknown key with a "did you mean" (and a required key it stands for not reported missing), a
quoted or full-width number, a value of the wrong type. Imported only when a file is validated.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import Problem
from .yamlstrict import Document


def _leaf_errors(error: Any) -> list[Any]:
    """For oneOf/anyOf, the errors of the branch that came closest, when one clearly did."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        hint = error.schema.get("x-zonekpi-hint")
        if hint:
            branch = _chosen_branch(error)
            if branch is not None:  # {proportional: {cap: 1.2}}: what is wrong inside it
                inner = [e for e in error.context if e.relative_schema_path[0] == branch]
                if inner:
                    return [e for sub in inner for e in _leaf_errors(sub)]
            return [error]
        if _fits_no_branch(error):
            return [error]
        best = min(error.context, key=lambda e: (len(e.context or ()), -len(e.absolute_path)))
        return [best]
    return [error]


def _fits_no_branch(error: Any) -> bool:
    """Whether a scalar is of no branch's type, or fails only a branch that says what to write
    (`period: 2018.10`, `period: 2018-1O`): then that branch's hint explains it best."""
    if isinstance(error.instance, (dict, list)) or not _branch_hint(error):
        return False
    branches = error.schema.get(error.validator, [])
    return all(
        e.validator == "type" or _hinted(branches[e.relative_schema_path[0]]) for e in error.context
    )


def _hinted(branch: Any) -> bool:
    return isinstance(branch, dict) and bool(branch.get("x-zonekpi-hint"))


def _chosen_branch(error: Any) -> int | None:
    """The oneOf branch a mapping picked by its one distinguishing key, if exactly one."""
    if not isinstance(error.instance, dict):
        return None
    keys = [
        (n, b["required"][0])
        for n, b in enumerate(error.schema.get("oneOf", []))
        if isinstance(b, dict) and len(b.get("required", ())) == 1
    ]
    chosen = [n for n, key in keys if key in error.instance]
    return chosen[0] if len(chosen) == 1 else None


MERGE_KEY = "<<"  # YAML 1.1's merge key: a plain key here, and never one a plan allows


def explain(errors: Any, doc: Document, kind: str) -> list[Problem]:
    """One problem per cause, sorted: a required key is not reported missing when an unknown
    key beside it is that key mistyped (`unti` for `unit`), which its own line explains.
    `kind` ("plan" or "figure file") is what messages call the file."""
    leaves = [err for error in errors for err in _leaf_errors(error)]
    out = []
    meant: set[tuple[tuple[Any, ...], str]] = set()  # (where, a key an unknown key stands for)
    for err in leaves:
        if err.validator == "additionalProperties":
            path = tuple(err.absolute_path)
            for key, message, intended in _unknown_keys(err, path, kind):
                out.append(doc.problem((*path, key), message, key=True))
                if intended:
                    meant.add((path, intended))
    for err in leaves:
        if err.validator == "additionalProperties":
            continue
        path = tuple(err.absolute_path)
        if err.validator == "required" and (
            (path, _missing(err)) in meant or (path, MERGE_KEY) in meant
        ):
            continue  # the unknown key's line says it (a merge key stands for every key)
        message, at_key = _message(err, path, doc, kind)
        out.append(doc.problem(path, message, key=at_key))
    return sorted(set(out))


def _missing(err: Any) -> str:
    """The key a `required` error says is missing."""
    return str(err.message.split("'")[1] if "'" in err.message else err.message)


def _unknown_keys(err: Any, path: tuple[Any, ...], kind: str) -> list[tuple[str, str, str]]:
    """One message per unknown key, with the likeliest intended key: (key, message, the key
    it stands for, or '' when none can be told)."""
    from ..errors import stray, visible

    known = list(err.schema.get("properties", {}))
    where = _describe(path, kind)
    out = []
    for key in sorted(set(err.instance) - set(known)):
        import difflib

        close = difflib.get_close_matches(key.strip("\u3000 "), known, n=1)
        intended = close[0] if close else ""
        tip = f"; did you mean '{intended}'?" if close else f"; allowed: {', '.join(known)}"
        shown = key.strip()
        odd = stray(key)
        if key == MERGE_KEY:
            message = (
                f"the YAML merge key '{MERGE_KEY}' is not supported in a {kind}; "
                f"write out the keys of {where}"
            )
            out.append((key, message, MERGE_KEY))
            continue
        if "：" in key:
            intended = key.split("：", 1)[0].strip()
            tip = "; a full-width colon '：' was typed: YAML needs ':' and a space"
        elif "\u3000" in key:
            intended = key.strip("\u3000 ")
            tip = "; it contains a full-width space (U+3000): indent with ordinary spaces"
        elif odd is not None and odd[0] in known:
            intended, typed = odd
            shown = visible(key)
            tip = f"; {typed}: delete it"
        else:
            shown = visible(shown)
        out.append((key, f"unknown key '{shown}' in {where}{tip}", intended))
    return out


def _describe(path: tuple[Any, ...], kind: str = "plan") -> str:
    if not path:
        return f"the {kind}"
    parts: list[str] = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f".{p}" if parts else str(p))
    return "".join(parts)


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    import json

    return repr(value) if isinstance(value, str) else json.dumps(value, default=str)


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping (key: value lines)",
    "array": "a list ('- ' items)",
    "boolean": "true or false",
}


def _message(err: Any, path: tuple[Any, ...], doc: Document, kind: str) -> tuple[str, bool]:
    """The message for one error, and whether it points at a key rather than a value."""
    where = _describe(path, kind)
    hint = err.schema.get("x-zonekpi-hint") if isinstance(err.schema, dict) else None
    v = err.validator
    if v == "required":
        return f"{where} needs '{_missing(err)}'", False
    if v in ("oneOf", "anyOf") and not hint and err.context and _fits_no_branch(err):
        # a scalar that fits no branch, one of which says what to write (a period)
        noun = path[-1].replace("_", " ") if path and isinstance(path[-1], str) else "value"
        shown = _typed(err.instance, path, doc)
        return f"{where}: {shown} is not a {noun}; {_branch_hint(err)}", False
    if v in ("oneOf", "anyOf") and hint:
        present = (
            sorted(set(err.instance) & _comparison_keys(err.schema))
            if isinstance(err.instance, dict)
            else []
        )
        found = f" (found: {', '.join(present)})" if present else " (found none)"
        return f"{where}: {hint}{found}", False
    if v == "enum":
        allowed = ", ".join(str(x) for x in err.validator_value)
        return f"{where}: {_show(err.instance)} is not one of: {allowed}", False
    if v == "const":
        return f"{where}: must be {_show(err.validator_value)}", False
    if v == "type":
        want = err.validator_value
        wants = [want] if isinstance(want, str) else list(want)
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wants)
        instance = err.instance
        number = isinstance(instance, (int, Decimal)) and not isinstance(instance, bool)
        if number and "string" in wants and hint and hint.startswith("an id is"):
            typed = _typed(instance, path, doc)
            read = f"is read as the number {instance}" if typed != str(instance) else "is a number"
            example = "gxq" if {"parks", "park", "parent", "coverage"} & set(path) else "gdp"
            return (
                f"{where}: {typed} {read}; an id is a word: quote it ('{typed}') or use "
                f"letters, such as '{example}'",
                False,
            )
        if hint:
            return f"{where}: {_show(instance)} — {hint}", False
        tip = _text_for_number(instance, wants)
        if tip:
            return f"{where} must be {words}, not {tip}", False
        return f"{where} must be {words}, not {_show(instance)}", False
    if v == "pattern" and hint:
        return f"{where}: {_show(err.instance)} — {hint}", False
    if v == "exclusiveMinimum":
        return f"{where}: {_show(err.instance)} must be more than {err.validator_value}", False
    if v in ("minimum", "maximum"):
        return f"{where}: {_show(err.instance)} is out of range ({v} {err.validator_value})", False
    if v in ("minItems", "maxItems", "minLength", "minProperties"):
        return f"{where}: {err.message}", False
    if v == "dependentRequired":
        return f"{where}: {err.message.replace('is a dependency of', 'goes with')}", False
    return f"{where}: {err.message}", False


def _typed(value: Any, path: tuple[Any, ...], doc: Document) -> str:
    """A scalar as the user typed it: 01 (read as 1), 2018.10, '2018-1O'."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return _show(value)
    return doc.spelled.get(doc.where(path), str(value))


def _branch_hint(err: Any) -> str:
    branches = err.schema.get(err.validator, []) if isinstance(err.schema, dict) else []
    hints = [
        b["x-zonekpi-hint"] for b in branches if isinstance(b, dict) and b.get("x-zonekpi-hint")
    ]
    return str(hints[0]) if hints else ""


def _text_for_number(value: Any, wants: list[str]) -> str:
    """For text that reads as the number wanted ("2018" quoted, ２０１８ in full-width digits):
    what it is and how to write it; '' otherwise."""
    if not isinstance(value, str) or not {"integer", "number"} & set(wants):
        return ""
    import re
    import unicodedata

    from ..model.numbers import foreign_digit

    pattern = r"[-+]?[0-9]+" if "number" not in wants else r"[-+]?[0-9]+(?:\.[0-9]+)?"
    text = value.strip()
    ascii_ = unicodedata.normalize("NFKC", text).strip()
    literal = foreign_digit(text) is None  # ２０１８, not 2018¹ (that is no 20181)
    if ascii_ != text and literal and re.fullmatch(pattern, ascii_):
        return f"{_show(value)}; type it with ASCII digits: {ascii_}"
    if re.fullmatch(pattern, text):
        return f'the text "{value}"; remove the quotes'
    return ""


def _comparison_keys(schema_: dict[str, Any]) -> set[str]:
    return {b["required"][0] for b in schema_.get("oneOf", []) if "required" in b}
