from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.find_conversations_by_contacts_body import FindConversationsByContactsBody
from ...models.find_conversations_by_contacts_response_200 import FindConversationsByContactsResponse200
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    body: FindConversationsByContactsBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/find-by-contacts",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FindConversationsByContactsResponse200 | None:
    if response.status_code == 200:
        response_200 = FindConversationsByContactsResponse200.from_dict(response.json())

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
) -> Response[Error | FindConversationsByContactsResponse200]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FindConversationsByContactsBody | Unset = UNSET,
) -> Response[Error | FindConversationsByContactsResponse200]:
    """Find conversations by contacts

     Finds conversations by contacts. Declared as a GET with a request body; the body's contents were not
    recorded.

    Args:
        body (FindConversationsByContactsBody | Unset): Shape not recorded in the sources this
            snapshot was written from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FindConversationsByContactsResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: FindConversationsByContactsBody | Unset = UNSET,
) -> Error | FindConversationsByContactsResponse200 | None:
    """Find conversations by contacts

     Finds conversations by contacts. Declared as a GET with a request body; the body's contents were not
    recorded.

    Args:
        body (FindConversationsByContactsBody | Unset): Shape not recorded in the sources this
            snapshot was written from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FindConversationsByContactsResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FindConversationsByContactsBody | Unset = UNSET,
) -> Response[Error | FindConversationsByContactsResponse200]:
    """Find conversations by contacts

     Finds conversations by contacts. Declared as a GET with a request body; the body's contents were not
    recorded.

    Args:
        body (FindConversationsByContactsBody | Unset): Shape not recorded in the sources this
            snapshot was written from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FindConversationsByContactsResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FindConversationsByContactsBody | Unset = UNSET,
) -> Error | FindConversationsByContactsResponse200 | None:
    """Find conversations by contacts

     Finds conversations by contacts. Declared as a GET with a request body; the body's contents were not
    recorded.

    Args:
        body (FindConversationsByContactsBody | Unset): Shape not recorded in the sources this
            snapshot was written from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FindConversationsByContactsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
