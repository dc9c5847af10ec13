"""Where this package came from. Written by `scripts/pipeline.py generate`; do not edit."""

API_VERSION = '2.2'
#: sha256 of the vendor document as stored (before overlays).
DOCUMENT_SHA256 = 'cac63d6f0e88023ffa2a63e758ec25b26c3f067b5adbbac58d99af0523ddb5ff'
#: sha256 of the patched document, shipped beside this module as openapi.json.
PATCHED_DOCUMENT_SHA256 = 'f261317dc0db339256157467694cff43393374f55334c481e62d42abc97945a2'
GENERATOR = 'openapi-python-client 0.29.1'
