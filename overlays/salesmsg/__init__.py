"""salesmsg: the Python SDK for the Salesmsg (Salesmessage) business-SMS API.

The generated client lives in `salesmsg_client` (regenerated from the vendor's document; never
edited by hand). This package is the hand-written layer on top of it.

    >>> import salesmsg
    >>> salesmsg.API_VERSION
    '2.2'
"""

from salesmsg_client._source import API_VERSION, DOCUMENT_SHA256, PATCHED_DOCUMENT_SHA256

__version__ = "0.1.0"

__all__ = ["API_VERSION", "DOCUMENT_SHA256", "PATCHED_DOCUMENT_SHA256", "__version__"]
