from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_list_request import ContactListRequest
from ...models.contact_page import ContactPage
from ...models.error import Error
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: ContactListRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContactPage | Error | None:
    if response.status_code == 200:
        response_200 = ContactPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ContactPage | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContactListRequest,
) -> Response[ContactPage | Error]:
    """Get list of contacts

     Lists contacts; read-only although it is a POST (tagged with the contacts:write scope). The body is
    JSON; the vendor PHP example sends it form-encoded (page=0, length=15, sortBy=created_at,
    sortOrder=desc).

    Args:
        body (ContactListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Error]
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
    body: ContactListRequest,
) -> ContactPage | Error | None:
    """Get list of contacts

     Lists contacts; read-only although it is a POST (tagged with the contacts:write scope). The body is
    JSON; the vendor PHP example sends it form-encoded (page=0, length=15, sortBy=created_at,
    sortOrder=desc).

    Args:
        body (ContactListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContactListRequest,
) -> Response[ContactPage | Error]:
    """Get list of contacts

     Lists contacts; read-only although it is a POST (tagged with the contacts:write scope). The body is
    JSON; the vendor PHP example sends it form-encoded (page=0, length=15, sortBy=created_at,
    sortOrder=desc).

    Args:
        body (ContactListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContactListRequest,
) -> ContactPage | Error | None:
    """Get list of contacts

     Lists contacts; read-only although it is a POST (tagged with the contacts:write scope). The body is
    JSON; the vendor PHP example sends it form-encoded (page=0, length=15, sortBy=created_at,
    sortOrder=desc).

    Args:
        body (ContactListRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
