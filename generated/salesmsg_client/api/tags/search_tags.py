from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tag_search_results import TagSearchResults
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    term: str,
    per_page: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["term"] = term

    params["per_page"] = per_page

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tags/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TagSearchResults | None:
    if response.status_code == 200:
        response_200 = TagSearchResults.from_dict(response.json())

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
) -> Response[Error | TagSearchResults]:
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
    per_page: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Error | TagSearchResults]:
    """Search tags

     Search tags by a term (observed in client code).

    Args:
        term (str):
        per_page (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TagSearchResults]
    """

    kwargs = _get_kwargs(
        term=term,
        per_page=per_page,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    term: str,
    per_page: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Error | TagSearchResults | None:
    """Search tags

     Search tags by a term (observed in client code).

    Args:
        term (str):
        per_page (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TagSearchResults
    """

    return sync_detailed(
        client=client,
        term=term,
        per_page=per_page,
        page=page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    term: str,
    per_page: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Error | TagSearchResults]:
    """Search tags

     Search tags by a term (observed in client code).

    Args:
        term (str):
        per_page (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TagSearchResults]
    """

    kwargs = _get_kwargs(
        term=term,
        per_page=per_page,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    term: str,
    per_page: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Error | TagSearchResults | None:
    """Search tags

     Search tags by a term (observed in client code).

    Args:
        term (str):
        per_page (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TagSearchResults
    """

    return (
        await asyncio_detailed(
            client=client,
            term=term,
            per_page=per_page,
            page=page,
        )
    ).parsed
