from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation import Conversation
from ...models.error import Error
from ...types import Response, http_status


def _get_kwargs(
    conversation: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/{conversation}".format(
            conversation=quote(str(conversation), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Conversation | Error | None:
    if response.status_code == 200:
        response_200 = Conversation.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Conversation | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation: int,
    *,
    client: AuthenticatedClient,
) -> Response[Conversation | Error]:
    """Get conversation

     A conversation with its contact, owner, number, latest message and closed_at. Scope:
    conversations:read.

    Args:
        conversation (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conversation | Error]
    """

    kwargs = _get_kwargs(
        conversation=conversation,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation: int,
    *,
    client: AuthenticatedClient,
) -> Conversation | Error | None:
    """Get conversation

     A conversation with its contact, owner, number, latest message and closed_at. Scope:
    conversations:read.

    Args:
        conversation (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conversation | Error
    """

    return sync_detailed(
        conversation=conversation,
        client=client,
    ).parsed


async def asyncio_detailed(
    conversation: int,
    *,
    client: AuthenticatedClient,
) -> Response[Conversation | Error]:
    """Get conversation

     A conversation with its contact, owner, number, latest message and closed_at. Scope:
    conversations:read.

    Args:
        conversation (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conversation | Error]
    """

    kwargs = _get_kwargs(
        conversation=conversation,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation: int,
    *,
    client: AuthenticatedClient,
) -> Conversation | Error | None:
    """Get conversation

     A conversation with its contact, owner, number, latest message and closed_at. Scope:
    conversations:read.

    Args:
        conversation (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conversation | Error
    """

    return (
        await asyncio_detailed(
            conversation=conversation,
            client=client,
        )
    ).parsed
