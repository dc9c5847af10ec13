from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.async_message_request import AsyncMessageRequest
from ...models.error import Error
from ...models.send_message_async_response_200 import SendMessageAsyncResponse200
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: AsyncMessageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/async/messages",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SendMessageAsyncResponse200 | None:
    if response.status_code == 200:
        response_200 = SendMessageAsyncResponse200.from_dict(response.json())

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
) -> Response[Error | SendMessageAsyncResponse200]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AsyncMessageRequest,
) -> Response[Error | SendMessageAsyncResponse200]:
    """Send SMS asynchronously

     Queues a message and returns at once; failures arrive as the message.async.error webhook event.

    Args:
        body (AsyncMessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SendMessageAsyncResponse200]
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
    body: AsyncMessageRequest,
) -> Error | SendMessageAsyncResponse200 | None:
    """Send SMS asynchronously

     Queues a message and returns at once; failures arrive as the message.async.error webhook event.

    Args:
        body (AsyncMessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SendMessageAsyncResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AsyncMessageRequest,
) -> Response[Error | SendMessageAsyncResponse200]:
    """Send SMS asynchronously

     Queues a message and returns at once; failures arrive as the message.async.error webhook event.

    Args:
        body (AsyncMessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SendMessageAsyncResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AsyncMessageRequest,
) -> Error | SendMessageAsyncResponse200 | None:
    """Send SMS asynchronously

     Queues a message and returns at once; failures arrive as the message.async.error webhook event.

    Args:
        body (AsyncMessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SendMessageAsyncResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
