from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.contact_update_request import ContactUpdateRequest
from ...models.error import Error
from ...types import Response, http_status


def _get_kwargs(
    contact: int,
    *,
    body: ContactUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/contacts/{contact}".format(
            contact=quote(str(contact), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contact | Error | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Contact | Error]:
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
    body: ContactUpdateRequest,
) -> Response[Contact | Error]:
    """Update contact

     Updates a contact from a JSON body (unlike create). Scope: contacts:write.

    Args:
        contact (int):
        body (ContactUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Error]
    """

    kwargs = _get_kwargs(
        contact=contact,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact: int,
    *,
    client: AuthenticatedClient,
    body: ContactUpdateRequest,
) -> Contact | Error | None:
    """Update contact

     Updates a contact from a JSON body (unlike create). Scope: contacts:write.

    Args:
        contact (int):
        body (ContactUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Error
    """

    return sync_detailed(
        contact=contact,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    contact: int,
    *,
    client: AuthenticatedClient,
    body: ContactUpdateRequest,
) -> Response[Contact | Error]:
    """Update contact

     Updates a contact from a JSON body (unlike create). Scope: contacts:write.

    Args:
        contact (int):
        body (ContactUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Error]
    """

    kwargs = _get_kwargs(
        contact=contact,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact: int,
    *,
    client: AuthenticatedClient,
    body: ContactUpdateRequest,
) -> Contact | Error | None:
    """Update contact

     Updates a contact from a JSON body (unlike create). Scope: contacts:write.

    Args:
        contact (int):
        body (ContactUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Error
    """

    return (
        await asyncio_detailed(
            contact=contact,
            client=client,
            body=body,
        )
    ).parsed
