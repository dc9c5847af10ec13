from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.update_message_response_200 import UpdateMessageResponse200
from ...types import Response, http_status


def _get_kwargs(
    message: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/messages/{message}".format(
            message=quote(str(message), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UpdateMessageResponse200 | None:
    if response.status_code == 200:
        response_200 = UpdateMessageResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UpdateMessageResponse200]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | UpdateMessageResponse200]:
    """Update message

     Updates a message (the path parameter is a message ID). Parameters and response were not recorded.

    Args:
        message (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateMessageResponse200]
    """

    kwargs = _get_kwargs(
        message=message,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    message: int,
    *,
    client: AuthenticatedClient,
) -> Error | UpdateMessageResponse200 | None:
    """Update message

     Updates a message (the path parameter is a message ID). Parameters and response were not recorded.

    Args:
        message (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateMessageResponse200
    """

    return sync_detailed(
        message=message,
        client=client,
    ).parsed


async def asyncio_detailed(
    message: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | UpdateMessageResponse200]:
    """Update message

     Updates a message (the path parameter is a message ID). Parameters and response were not recorded.

    Args:
        message (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateMessageResponse200]
    """

    kwargs = _get_kwargs(
        message=message,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    message: int,
    *,
    client: AuthenticatedClient,
) -> Error | UpdateMessageResponse200 | None:
    """Update message

     Updates a message (the path parameter is a message ID). Parameters and response were not recorded.

    Args:
        message (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateMessageResponse200
    """

    return (
        await asyncio_detailed(
            message=message,
            client=client,
        )
    ).parsed
