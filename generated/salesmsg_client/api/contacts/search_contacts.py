from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_search_results import ContactSearchResults
from ...models.error import Error
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    term: str,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["term"] = term

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactSearchResults | Error | None:
    if response.status_code == 200:
        response_200 = ContactSearchResults.from_dict(response.json())

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
) -> Response[ContactSearchResults | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    term: str,
    limit: int | Unset = 50,
) -> Response[ContactSearchResults | Error]:
    """Search contacts

     Search contacts by a term. Scope: contacts:read.

    Args:
        term (str):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactSearchResults | Error]
    """

    kwargs = _get_kwargs(
        term=term,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    term: str,
    limit: int | Unset = 50,
) -> ContactSearchResults | Error | None:
    """Search contacts

     Search contacts by a term. Scope: contacts:read.

    Args:
        term (str):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactSearchResults | Error
    """

    return sync_detailed(
        client=client,
        term=term,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    term: str,
    limit: int | Unset = 50,
) -> Response[ContactSearchResults | Error]:
    """Search contacts

     Search contacts by a term. Scope: contacts:read.

    Args:
        term (str):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactSearchResults | Error]
    """

    kwargs = _get_kwargs(
        term=term,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    term: str,
    limit: int | Unset = 50,
) -> ContactSearchResults | Error | None:
    """Search contacts

     Search contacts by a term. Scope: contacts:read.

    Args:
        term (str):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactSearchResults | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            term=term,
            limit=limit,
        )
    ).parsed
