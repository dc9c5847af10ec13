from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message_page import MessagePage
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    conversation: int,
    *,
    page: int,
    per_page: int,
    only_scheduled: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params["only_scheduled"] = only_scheduled

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/messages/{conversation}/paginated".format(
            conversation=quote(str(conversation), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MessagePage | None:
    if response.status_code == 200:
        response_200 = MessagePage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | MessagePage]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation: int,
    *,
    client: AuthenticatedClient,
    page: int,
    per_page: int,
    only_scheduled: bool | Unset = UNSET,
) -> Response[Error | MessagePage]:
    """Get paginated messages of a conversation

     Paginated message list of a conversation. Scope: messages:read.

    Args:
        conversation (int):
        page (int):
        per_page (int):
        only_scheduled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MessagePage]
    """

    kwargs = _get_kwargs(
        conversation=conversation,
        page=page,
        per_page=per_page,
        only_scheduled=only_scheduled,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation: int,
    *,
    client: AuthenticatedClient,
    page: int,
    per_page: int,
    only_scheduled: bool | Unset = UNSET,
) -> Error | MessagePage | None:
    """Get paginated messages of a conversation

     Paginated message list of a conversation. Scope: messages:read.

    Args:
        conversation (int):
        page (int):
        per_page (int):
        only_scheduled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MessagePage
    """

    return sync_detailed(
        conversation=conversation,
        client=client,
        page=page,
        per_page=per_page,
        only_scheduled=only_scheduled,
    ).parsed


async def asyncio_detailed(
    conversation: int,
    *,
    client: AuthenticatedClient,
    page: int,
    per_page: int,
    only_scheduled: bool | Unset = UNSET,
) -> Response[Error | MessagePage]:
    """Get paginated messages of a conversation

     Paginated message list of a conversation. Scope: messages:read.

    Args:
        conversation (int):
        page (int):
        per_page (int):
        only_scheduled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MessagePage]
    """

    kwargs = _get_kwargs(
        conversation=conversation,
        page=page,
        per_page=per_page,
        only_scheduled=only_scheduled,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation: int,
    *,
    client: AuthenticatedClient,
    page: int,
    per_page: int,
    only_scheduled: bool | Unset = UNSET,
) -> Error | MessagePage | None:
    """Get paginated messages of a conversation

     Paginated message list of a conversation. Scope: messages:read.

    Args:
        conversation (int):
        page (int):
        per_page (int):
        only_scheduled (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MessagePage
    """

    return (
        await asyncio_detailed(
            conversation=conversation,
            client=client,
            page=page,
            per_page=per_page,
            only_scheduled=only_scheduled,
        )
    ).parsed
