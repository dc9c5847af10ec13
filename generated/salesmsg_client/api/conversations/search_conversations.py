from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.search_conversations_response_200 import SearchConversationsResponse200
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    term: str,
    type_: str | Unset = UNSET,
    page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["term"] = term

    params["type"] = type_

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SearchConversationsResponse200 | None:
    if response.status_code == 200:
        response_200 = SearchConversationsResponse200.from_dict(response.json())

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
) -> Response[Error | SearchConversationsResponse200]:
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
    type_: str | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Error | SearchConversationsResponse200]:
    """Search conversations

     Searches conversations (observed in client code); clients read `data`, `results` or a bare array.

    Args:
        term (str):
        type_ (str | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchConversationsResponse200]
    """

    kwargs = _get_kwargs(
        term=term,
        type_=type_,
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
    type_: str | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Error | SearchConversationsResponse200 | None:
    """Search conversations

     Searches conversations (observed in client code); clients read `data`, `results` or a bare array.

    Args:
        term (str):
        type_ (str | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchConversationsResponse200
    """

    return sync_detailed(
        client=client,
        term=term,
        type_=type_,
        page=page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    term: str,
    type_: str | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Error | SearchConversationsResponse200]:
    """Search conversations

     Searches conversations (observed in client code); clients read `data`, `results` or a bare array.

    Args:
        term (str):
        type_ (str | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchConversationsResponse200]
    """

    kwargs = _get_kwargs(
        term=term,
        type_=type_,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    term: str,
    type_: str | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Error | SearchConversationsResponse200 | None:
    """Search conversations

     Searches conversations (observed in client code); clients read `data`, `results` or a bare array.

    Args:
        term (str):
        type_ (str | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchConversationsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            term=term,
            type_=type_,
            page=page,
        )
    ).parsed
