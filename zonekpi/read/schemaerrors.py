"""Messages for a plan or figure file that does not fit the schema, at the YAML value's line.

jsonschema reports what failed where in the schema; this module turns each error into one
problem for someone editing the file: the branch of a oneOf the value came closest to, an
unknown key with a "did you mean" (and a required key it stands for not reported missing), a
quoted or full-width number, a value of the wrong type. Imported only when a file is validated.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import Message, Problem, joined, msg
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
    out: list[tuple[str, str, str]] = []
    for key in sorted(set(err.instance) - set(known)):
        import difflib

        close = difflib.get_close_matches(key.strip("\u3000 "), known, n=1)
        intended = close[0] if close else ""
        if close:
            tip = msg("did you mean '{intended}'?", intended=intended)
        else:
            tip = msg("allowed: {known}", known=", ".join(known))
        shown = key.strip()
        odd = stray(key)
        if key == MERGE_KEY:
            message = msg(
                "the YAML merge key '{key}' is not supported in a {kind}; write out the keys of "
                "{where}",
                key=MERGE_KEY,
                kind=_kind(kind),
                where=where,
            )
            out.append((key, message, MERGE_KEY))
            continue
        if "：" in key:
            intended = key.split("：", 1)[0].strip()
            tip = msg("a full-width colon '：' was typed: YAML needs ':' and a space")
        elif "\u3000" in key:
            intended = key.strip("\u3000 ")
            tip = msg("it contains a full-width space (U+3000): indent with ordinary spaces")
        elif odd is not None and odd[0] in known:
            intended, typed = odd
            shown = visible(key)
            tip = msg("{typed}: delete it", typed=typed)
        else:
            shown = visible(shown)
        said = msg("unknown key '{key}' in {where}; {tip}", key=shown, where=where, tip=tip)
        out.append((key, said, intended))
    return out


def _kind(kind: str) -> str:
    from .textfile import kind_word

    return kind_word(kind)


def _describe(path: tuple[Any, ...], kind: str = "plan") -> str:
    if not path:
        return msg("the plan") if kind == "plan" else msg("the figure file")
    parts: list[str] = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f".{p}" if parts else str(p))
    return "".join(parts)


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return msg("a mapping") if isinstance(value, dict) else msg("a list")
    import json

    return repr(value) if isinstance(value, str) else json.dumps(value, default=str)


_TYPE_WORDS = {
    "string": msg("text"),
    "integer": msg("a whole number"),
    "number": msg("a number"),
    "object": msg("a mapping (key: value lines)"),
    "array": msg("a list ('- ' items)"),
    "boolean": msg("true or false"),
}


def hint(text: str) -> str:
    """A hint of the schema (x-zonekpi-hint) as a message: the catalogue holds its wording."""
    return Message(text.replace("{", "{{").replace("}", "}}")) if text else text


def _message(err: Any, path: tuple[Any, ...], doc: Document, kind: str) -> tuple[str, bool]:
    """The message for one error, and whether it points at a key rather than a value."""
    where = _describe(path, kind)
    said = err.schema.get("x-zonekpi-hint") if isinstance(err.schema, dict) else None
    tip = hint(said) if said else None
    v = err.validator
    if v == "required":
        return msg("{where} needs '{key}'", where=where, key=_missing(err)), False
    if v in ("oneOf", "anyOf") and not tip and err.context and _fits_no_branch(err):
        # a scalar that fits no branch, one of which says what to write (a period)
        noun = path[-1].replace("_", " ") if path and isinstance(path[-1], str) else "value"
        shown = _typed(err.instance, path, doc)
        return msg(
            "{where}: {shown} is not a {noun}; {hint}",
            where=where,
            shown=shown,
            noun=noun,
            hint=hint(_branch_hint(err)),
        ), False
    if v in ("oneOf", "anyOf") and tip:
        present = (
            sorted(set(err.instance) & _comparison_keys(err.schema))
            if isinstance(err.instance, dict)
            else []
        )
        if present:
            return msg(
                "{where}: {hint} (found: {present})",
                where=where,
                hint=tip,
                present=", ".join(present),
            ), False
        return msg("{where}: {hint} (found none)", where=where, hint=tip), False
    if v == "enum":
        allowed = ", ".join(str(x) for x in err.validator_value)
        return msg(
            "{where}: {shown} is not one of: {allowed}",
            where=where,
            shown=_show(err.instance),
            allowed=allowed,
        ), False
    if v == "const":
        return msg("{where}: must be {value}", where=where, value=_show(err.validator_value)), False
    if v == "type":
        return _type_message(err, path, doc, where, said, tip), False
    if v == "pattern" and tip:
        return msg(
            "{where}: {shown} — {hint}", where=where, shown=_show(err.instance), hint=tip
        ), False
    if v == "exclusiveMinimum":
        return msg(
            "{where}: {shown} must be more than {least}",
            where=where,
            shown=_show(err.instance),
            least=err.validator_value,
        ), False
    if v == "minimum":
        return msg(
            "{where}: {shown} is out of range (minimum {least})",
            where=where,
            shown=_show(err.instance),
            least=err.validator_value,
        ), False
    if v == "maximum":
        return msg(
            "{where}: {shown} is out of range (maximum {most})",
            where=where,
            shown=_show(err.instance),
            most=err.validator_value,
        ), False
    if v == "dependentRequired":
        said = err.message.replace("is a dependency of", "goes with")
        return msg("{where}: {said}", where=where, said=said), False
    return msg("{where}: {said}", where=where, said=err.message), False


def _type_message(
    err: Any, path: tuple[Any, ...], doc: Document, where: str, said: str | None, tip: Any
) -> str:
    want = err.validator_value
    wants = [want] if isinstance(want, str) else list(want)
    names = [_TYPE_WORDS.get(w, w) for w in wants]
    words = names[0] if len(names) == 1 else msg("{a} or {b}", a=names[0], b=joined(names[1:]))
    instance = err.instance
    number = isinstance(instance, (int, Decimal)) and not isinstance(instance, bool)
    if number and "string" in wants and said and said.startswith("an id is"):
        typed = _typed(instance, path, doc)
        example = "gxq" if {"parks", "park", "parent", "coverage"} & set(path) else "gdp"
        if typed != str(instance):
            return msg(
                "{where}: {typed} is read as the number {number}; an id is a word: quote it "
                "('{typed}') or use letters, such as '{example}'",
                where=where,
                typed=typed,
                number=instance,
                example=example,
            )
        return msg(
            "{where}: {typed} is a number; an id is a word: quote it ('{typed}') or use "
            "letters, such as '{example}'",
            where=where,
            typed=typed,
            example=example,
        )
    if tip:
        return msg("{where}: {shown} — {hint}", where=where, shown=_show(instance), hint=tip)
    text = _text_for_number(instance, wants)
    if text:
        return msg("{where} must be {words}, not {text}", where=where, words=words, text=text)
    return msg(
        "{where} must be {words}, not {shown}", where=where, words=words, shown=_show(instance)
    )


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
        return msg(
            "{shown}; type it with ASCII digits: {digits}", shown=_show(value), digits=ascii_
        )
    if re.fullmatch(pattern, text):
        return msg('the text "{value}"; remove the quotes', value=value)
    return ""


def _comparison_keys(schema_: dict[str, Any]) -> set[str]:
    return {b["required"][0] for b in schema_.get("oneOf", []) if "required" in b}
