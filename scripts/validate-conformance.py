#!/usr/bin/env python3
"""Checks every response the emulator gave during the tests against the
vendor's OpenAPI documents.

Input: the JSON-lines log the tests write (INBOX_CONFORMANCE_LOG), one
exchange per line: apiVersion, method, pathTemplate, status, body.

Each body is validated against the response schema the OpenAPI document
gives for (path, method, status). Where the document has none:
- v1 errors use the documented `{"error": {code, message, status}}` shape
  (docs.inboxapp.com/reference/error-codes; spec-v1 documents only 200s);
- v2 errors the spec does not list for that operation (405, 413, unknown
  paths) must still have the one v2 error shape;
- a v1 DELETE answers 200 with an empty body (the spec's schema is `not {}`).

spec-v1 writes its untyped fields (Message `entities`, `attachment`,
`replyData`, ...) as `{"not": {}}`, which nothing satisfies although the
fields are required; REFERENCE.md reads them as "any". The validator reads
them the same way.
Exits 1 when any body mismatches, or when the log holds nothing to check.
"""
import json
import sys
from collections import Counter
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "inbox-api"
V1_ERROR = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "status"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "pattern": "^[A-Z_]+$"},
                "message": {"type": "string"},
                "status": {"type": "integer"},
            },
        }
    },
}
V2_ERROR = {
    "type": "object",
    "required": ["code", "message", "details", "requestId"],
    "additionalProperties": False,
    "properties": {
        "code": {"type": "string"},
        "message": {"type": "string"},
        "details": {"type": ["object", "null"]},
        "requestId": {"type": "string"},
    },
}


def pointer_escape(text):
    return text.replace("~", "~0").replace("/", "~1")


def untyped_as_any(node):
    """Replaces every `{"not": {}}` schema (spec-v1's "any") by `{}`."""
    if isinstance(node, dict):
        if node.get("not") == {}:
            return {key: value for key, value in node.items() if key != "not"}
        return {key: untyped_as_any(value) for key, value in node.items()}
    if isinstance(node, list):
        return [untyped_as_any(item) for item in node]
    return node


def load(spec_dir):
    specs, registry = {}, Registry()
    for version in ("v1", "v2"):
        document = json.loads((spec_dir / f"openapi-{version}.json").read_text())
        if version == "v1":
            document = untyped_as_any(document)
        uri = f"urn:inbox:{version}"
        registry = registry.with_resource(uri, Resource(document, specification=DRAFT202012))
        specs[version] = (uri, document)
    return specs, registry


def schema_for(specs, exchange):
    version, template = exchange["apiVersion"], exchange["pathTemplate"]
    method, status = exchange["method"].lower(), str(exchange["status"])
    if version is None:
        return V2_ERROR, "outside /api"
    uri, document = specs[version]
    operation = document["paths"].get(template or "", {}).get(method)
    response = (operation or {}).get("responses", {}).get(status)
    if response is not None:
        content = response.get("content", {}).get("application/json")
        if content is None:
            return None, "no body"
        pointer = "/".join(
            ["#", "paths", pointer_escape(template), method, "responses", status,
             "content", pointer_escape("application/json"), "schema"])
        return {"$ref": uri + pointer}, f"{template} {status}"
    if int(status) >= 400:
        return (V1_ERROR if version == "v1" else V2_ERROR), "error shape"
    return False, f"undocumented {method.upper()} {template} {status}"


def main():
    log = Path(sys.argv[1] if len(sys.argv) > 1 else "")
    spec_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.resolve()
    if not log.is_file():
        print(f"validate-conformance: no log at {log}", file=sys.stderr)
        return 1
    specs, registry = load(spec_dir)
    checked, failures = Counter(), []
    for number, line in enumerate(log.read_text().splitlines(), 1):
        exchange = json.loads(line)
        schema, label = schema_for(specs, exchange)
        where = f"line {number}: {exchange['apiVersion']} {exchange['method']} " \
                f"{exchange['pathTemplate']} {exchange['status']}"
        body_text = exchange["body"]
        if schema is None:
            if body_text.strip() and exchange["apiVersion"] == "v2":
                failures.append(f"{where}: expected no body")
            checked[label] += 1
            continue
        if schema is False:
            failures.append(f"{where}: {label}")
            continue
        if not body_text.strip() and exchange["apiVersion"] == "v1" and \
                exchange["method"] == "DELETE":
            checked["v1 delete"] += 1
            continue
        try:
            body = json.loads(body_text)
        except ValueError:
            failures.append(f"{where}: body is not JSON")
            continue
        validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            path = "/".join(str(p) for p in first.absolute_path)
            failures.append(f"{where}: at '{path}': {first.message[:300]}")
        checked[label] += 1
    total = sum(checked.values())
    print(f"validate-conformance: {total} responses checked, {len(failures)} mismatches")
    for failure in failures[:40]:
        print("  " + failure)
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
