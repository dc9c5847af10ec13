"""Build-time pipeline for OpenAPI documents: fetch, overlay, lint, generate, verify.

Each stage is a plain function (document in, document or report out); `scripts/pipeline.py`
is the only entry point and only parses arguments. Nothing here knows about Salesmsg except
the defaults passed in by the entry point.
"""
