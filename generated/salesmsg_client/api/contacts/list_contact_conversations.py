from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_contact_conversations_response_200 import ListContactConversationsResponse200
from ...types import Response, http_status


def _get_kwargs(
    contact: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/{contact}/conversations".format(
            contact=quote(str(contact), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | ListContactConversationsResponse200 | None:
    if response.status_code == 200:
        response_200 = ListContactConversationsResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Error | ListContactConversationsResponse200]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error | ListContactConversationsResponse200]:
    """Get conversations of a contact

     Conversations of a contact. Observed bodies vary: a bare object, `{data: {...}}` or `{data: [...]}`;
    a 204 was also handled by one client.

    Args:
        contact (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ListContactConversationsResponse200]
    """

    kwargs = _get_kwargs(
        contact=contact,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact: int,
    *,
    client: AuthenticatedClient,
) -> Any | Error | ListContactConversationsResponse200 | None:
    """Get conversations of a contact

     Conversations of a contact. Observed bodies vary: a bare object, `{data: {...}}` or `{data: [...]}`;
    a 204 was also handled by one client.

    Args:
        contact (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ListContactConversationsResponse200
    """

    return sync_detailed(
        contact=contact,
        client=client,
    ).parsed


async def asyncio_detailed(
    contact: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error | ListContactConversationsResponse200]:
    """Get conversations of a contact

     Conversations of a contact. Observed bodies vary: a bare object, `{data: {...}}` or `{data: [...]}`;
    a 204 was also handled by one client.

    Args:
        contact (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | ListContactConversationsResponse200]
    """

    kwargs = _get_kwargs(
        contact=contact,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact: int,
    *,
    client: AuthenticatedClient,
) -> Any | Error | ListContactConversationsResponse200 | None:
    """Get conversations of a contact

     Conversations of a contact. Observed bodies vary: a bare object, `{data: {...}}` or `{data: [...]}`;
    a 204 was also handled by one client.

    Args:
        contact (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | ListContactConversationsResponse200
    """

    return (
        await asyncio_detailed(
            contact=contact,
            client=client,
        )
    ).parsed
