from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    conversation: int,
    *,
    limit: int | Unset = UNSET,
    before_id: int | Unset = UNSET,
    page: int | Unset = UNSET,
    grouped_response: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["before_id"] = before_id

    params["page"] = page

    params["grouped_response"] = grouped_response

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/messages/{conversation}".format(
            conversation=quote(str(conversation), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Message] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Message.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Error | list[Message]]:
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
    limit: int | Unset = UNSET,
    before_id: int | Unset = UNSET,
    page: int | Unset = UNSET,
    grouped_response: bool | Unset = UNSET,
) -> Response[Error | list[Message]]:
    """Get messages of a conversation

     Unpaginated message list of a conversation (the path parameter is a conversation ID). Scope:
    messages:read.

    Args:
        conversation (int):
        limit (int | Unset):
        before_id (int | Unset):
        page (int | Unset):
        grouped_response (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Message]]
    """

    kwargs = _get_kwargs(
        conversation=conversation,
        limit=limit,
        before_id=before_id,
        page=page,
        grouped_response=grouped_response,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before_id: int | Unset = UNSET,
    page: int | Unset = UNSET,
    grouped_response: bool | Unset = UNSET,
) -> Error | list[Message] | None:
    """Get messages of a conversation

     Unpaginated message list of a conversation (the path parameter is a conversation ID). Scope:
    messages:read.

    Args:
        conversation (int):
        limit (int | Unset):
        before_id (int | Unset):
        page (int | Unset):
        grouped_response (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Message]
    """

    return sync_detailed(
        conversation=conversation,
        client=client,
        limit=limit,
        before_id=before_id,
        page=page,
        grouped_response=grouped_response,
    ).parsed


async def asyncio_detailed(
    conversation: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before_id: int | Unset = UNSET,
    page: int | Unset = UNSET,
    grouped_response: bool | Unset = UNSET,
) -> Response[Error | list[Message]]:
    """Get messages of a conversation

     Unpaginated message list of a conversation (the path parameter is a conversation ID). Scope:
    messages:read.

    Args:
        conversation (int):
        limit (int | Unset):
        before_id (int | Unset):
        page (int | Unset):
        grouped_response (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Message]]
    """

    kwargs = _get_kwargs(
        conversation=conversation,
        limit=limit,
        before_id=before_id,
        page=page,
        grouped_response=grouped_response,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    before_id: int | Unset = UNSET,
    page: int | Unset = UNSET,
    grouped_response: bool | Unset = UNSET,
) -> Error | list[Message] | None:
    """Get messages of a conversation

     Unpaginated message list of a conversation (the path parameter is a conversation ID). Scope:
    messages:read.

    Args:
        conversation (int):
        limit (int | Unset):
        before_id (int | Unset):
        page (int | Unset):
        grouped_response (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Message]
    """

    return (
        await asyncio_detailed(
            conversation=conversation,
            client=client,
            limit=limit,
            before_id=before_id,
            page=page,
            grouped_response=grouped_response,
        )
    ).parsed
