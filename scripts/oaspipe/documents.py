"""Reading and writing OpenAPI and Overlay documents: JSON or YAML in, plain JSON data out.

Every stage works on plain data (dicts, lists, str, int, float, bool, None). This module is the
only place that knows about file formats, normalised output and atomic writes.

    >>> doc = parse_document(b'openapi: 3.0.3\\npaths: {}\\n', name="x.yaml")
    >>> dump_json(doc)
    '{\\n  "openapi": "3.0.3",\\n  "paths": {}\\n}\\n'
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

JSONValue = Any  # dict[str, JSONValue] | list[JSONValue] | str | int | float | bool | None


class DocumentError(ValueError):
    """A document could not be read: the message names the file and what was wrong."""


def parse_document(data: bytes | str, *, name: str = "<document>") -> JSONValue:
    """Parse JSON or YAML text into plain data, with every mapping key as a string.

    JSON is tried first (it is also YAML, but the JSON parser is faster and stricter); anything
    else is read as YAML 1.2, so `no` and `on` stay strings as they do in JSON.
    """
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if text.startswith("\ufeff"):
        text = text[1:]
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            if name.endswith(".json"):
                raise DocumentError(f"{name}: invalid JSON: {exc}") from exc
    elif name.endswith(".json"):
        raise DocumentError(f"{name}: not JSON (starts with {stripped[:40]!r})")
    return _plain(_load_yaml(text, name))


def load_document(path: str | os.PathLike[str]) -> JSONValue:
    """Read a JSON or YAML document from a file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    return parse_document(raw, name=str(p))


def dump_json(doc: JSONValue) -> str:
    """Normalised JSON: two-space indent, keys sorted, UTF-8 kept, one trailing newline.

    Sorting keys makes the stored snapshot independent of the order the vendor's generator
    happened to emit, so a diff shows only real changes.
    """
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def dump_yaml(doc: JSONValue) -> str:
    """YAML 1.2 with the same key order as `dump_json`."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(_sorted(doc), out)
    return out.getvalue()


def dump_document(doc: JSONValue, path: str | os.PathLike[str]) -> str:
    """Serialise by the file's extension: `.yaml`/`.yml` as YAML, anything else as JSON."""
    return dump_yaml(doc) if str(path).endswith((".yaml", ".yml")) else dump_json(doc)


def write_atomic(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write a file so that readers see either the old content or the new, never a torn file."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if p.exists():
            os.chmod(tmp, p.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_hex(data: bytes | str) -> str:
    """Hex sha256 of bytes, or of text encoded as UTF-8."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _load_yaml(text: str, name: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="safe", pure=True)
    try:
        return yaml.load(text)
    except YAMLError as exc:
        first = str(exc).strip().splitlines()
        raise DocumentError(f"{name}: invalid YAML: {' '.join(first[:3])}") from exc


def _plain(value: Any) -> JSONValue:
    """Mapping keys to str (YAML allows `200:` as an int key), dates to ISO strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _sorted(value: JSONValue) -> JSONValue:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value
