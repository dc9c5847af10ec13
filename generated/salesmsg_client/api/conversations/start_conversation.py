from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation import Conversation
from ...models.error import Error
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    contact_id: int,
    team_id: int | Unset = UNSET,
    number_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["contact_id"] = contact_id

    params["team_id"] = team_id

    params["number_id"] = number_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/conversations",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Conversation | Error | None:
    if response.status_code == 200:
        response_200 = Conversation.from_dict(response.json())

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
) -> Response[Conversation | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    team_id: int | Unset = UNSET,
    number_id: int | Unset = UNSET,
) -> Response[Conversation | Error]:
    """Start conversation

     Starts a conversation (one is also created by the first message). The fields are query parameters;
    no request body is declared. Scope: conversations:write.

    Args:
        contact_id (int):
        team_id (int | Unset):
        number_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conversation | Error]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        team_id=team_id,
        number_id=number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    team_id: int | Unset = UNSET,
    number_id: int | Unset = UNSET,
) -> Conversation | Error | None:
    """Start conversation

     Starts a conversation (one is also created by the first message). The fields are query parameters;
    no request body is declared. Scope: conversations:write.

    Args:
        contact_id (int):
        team_id (int | Unset):
        number_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conversation | Error
    """

    return sync_detailed(
        client=client,
        contact_id=contact_id,
        team_id=team_id,
        number_id=number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    team_id: int | Unset = UNSET,
    number_id: int | Unset = UNSET,
) -> Response[Conversation | Error]:
    """Start conversation

     Starts a conversation (one is also created by the first message). The fields are query parameters;
    no request body is declared. Scope: conversations:write.

    Args:
        contact_id (int):
        team_id (int | Unset):
        number_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conversation | Error]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        team_id=team_id,
        number_id=number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contact_id: int,
    team_id: int | Unset = UNSET,
    number_id: int | Unset = UNSET,
) -> Conversation | Error | None:
    """Start conversation

     Starts a conversation (one is also created by the first message). The fields are query parameters;
    no request body is declared. Scope: conversations:write.

    Args:
        contact_id (int):
        team_id (int | Unset):
        number_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conversation | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            contact_id=contact_id,
            team_id=team_id,
            number_id=number_id,
        )
    ).parsed
