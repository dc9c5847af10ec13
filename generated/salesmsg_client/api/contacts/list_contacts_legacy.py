from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_page import ContactPage
from ...models.error import Error
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    search: str | Unset = UNSET,
    page: int | Unset = UNSET,
    length: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["search"] = search

    params["page"] = page

    params["length"] = length

    params["per_page"] = per_page

    params["limit"] = limit

    params["sortBy"] = sort_by

    params["sortOrder"] = sort_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts",
        "params": params,
    }

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
    search: str | Unset = UNSET,
    page: int | Unset = UNSET,
    length: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = UNSET,
) -> Response[ContactPage | Error]:
    """DEPRECATED: list contacts (use listContacts, POST /contacts/list)

     Deprecated by the vendor. Lists contacts page by page (`page`, `length`; the server ignores
    `per_page` and serves 10 per page). Use POST /contacts/list (listContacts) instead.

    Args:
        search (str | Unset):
        page (int | Unset):
        length (int | Unset):
        per_page (int | Unset):
        limit (int | Unset):
        sort_by (str | Unset):
        sort_order (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Error]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        length=length,
        per_page=per_page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    search: str | Unset = UNSET,
    page: int | Unset = UNSET,
    length: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = UNSET,
) -> ContactPage | Error | None:
    """DEPRECATED: list contacts (use listContacts, POST /contacts/list)

     Deprecated by the vendor. Lists contacts page by page (`page`, `length`; the server ignores
    `per_page` and serves 10 per page). Use POST /contacts/list (listContacts) instead.

    Args:
        search (str | Unset):
        page (int | Unset):
        length (int | Unset):
        per_page (int | Unset):
        limit (int | Unset):
        sort_by (str | Unset):
        sort_order (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Error
    """

    return sync_detailed(
        client=client,
        search=search,
        page=page,
        length=length,
        per_page=per_page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    search: str | Unset = UNSET,
    page: int | Unset = UNSET,
    length: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = UNSET,
) -> Response[ContactPage | Error]:
    """DEPRECATED: list contacts (use listContacts, POST /contacts/list)

     Deprecated by the vendor. Lists contacts page by page (`page`, `length`; the server ignores
    `per_page` and serves 10 per page). Use POST /contacts/list (listContacts) instead.

    Args:
        search (str | Unset):
        page (int | Unset):
        length (int | Unset):
        per_page (int | Unset):
        limit (int | Unset):
        sort_by (str | Unset):
        sort_order (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPage | Error]
    """

    kwargs = _get_kwargs(
        search=search,
        page=page,
        length=length,
        per_page=per_page,
        limit=limit,
        sort_by=sort_by,
        sort_order=sort_order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    search: str | Unset = UNSET,
    page: int | Unset = UNSET,
    length: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = UNSET,
) -> ContactPage | Error | None:
    """DEPRECATED: list contacts (use listContacts, POST /contacts/list)

     Deprecated by the vendor. Lists contacts page by page (`page`, `length`; the server ignores
    `per_page` and serves 10 per page). Use POST /contacts/list (listContacts) instead.

    Args:
        search (str | Unset):
        page (int | Unset):
        length (int | Unset):
        per_page (int | Unset):
        limit (int | Unset):
        sort_by (str | Unset):
        sort_order (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPage | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            page=page,
            length=length,
            per_page=per_page,
            limit=limit,
            sort_by=sort_by,
            sort_order=sort_order,
        )
    ).parsed
