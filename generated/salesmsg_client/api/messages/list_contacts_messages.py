from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    contacts: list[int],
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_contacts = contacts

    params["contacts[]"] = json_contacts

    params["limit"] = limit

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/messages/contacts",
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
    *,
    client: AuthenticatedClient,
    contacts: list[int],
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Response[Error | list[Message]]:
    """Get messages of contacts

     Messages exchanged with the given contacts (observed in client code).

    Args:
        contacts (list[int]):
        limit (int | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Message]]
    """

    kwargs = _get_kwargs(
        contacts=contacts,
        limit=limit,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    contacts: list[int],
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Error | list[Message] | None:
    """Get messages of contacts

     Messages exchanged with the given contacts (observed in client code).

    Args:
        contacts (list[int]):
        limit (int | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Message]
    """

    return sync_detailed(
        client=client,
        contacts=contacts,
        limit=limit,
        before=before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contacts: list[int],
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Response[Error | list[Message]]:
    """Get messages of contacts

     Messages exchanged with the given contacts (observed in client code).

    Args:
        contacts (list[int]):
        limit (int | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Message]]
    """

    kwargs = _get_kwargs(
        contacts=contacts,
        limit=limit,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contacts: list[int],
    limit: int | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Error | list[Message] | None:
    """Get messages of contacts

     Messages exchanged with the given contacts (observed in client code).

    Args:
        contacts (list[int]):
        limit (int | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Message]
    """

    return (
        await asyncio_detailed(
            client=client,
            contacts=contacts,
            limit=limit,
            before=before,
        )
    ).parsed
