"""One handler per operationId of the patched document, grouped by area.

    >>> from salesmsg.testing._operations import HANDLERS
    >>> len(HANDLERS), HANDLERS["getTeam"].__name__
    (47, 'get_team')

A handler takes a `Call` (typed parameters, body, the store, the caller's token) and returns the
JSON body of a 200, an `Answer` for another status, or raises `ApiError`. It runs with the store's
lock held, so it reads and writes the state without further care.
"""

from __future__ import annotations

from salesmsg.testing._operations import account, contacts, conversations, messages, tags, tokens
from salesmsg.testing._operations._call import Answer, Call, Handler

HANDLERS: dict[str, Handler] = {
    **account.HANDLERS,
    **contacts.HANDLERS,
    **tags.HANDLERS,
    **conversations.HANDLERS,
    **messages.HANDLERS,
    **tokens.HANDLERS,
}

__all__ = ["HANDLERS", "Answer", "Call", "Handler"]
