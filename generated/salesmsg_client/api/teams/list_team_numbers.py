from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.number import Number
from ...models.number_list import NumberList
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    team: int,
    *,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/teams/{team}/numbers".format(
            team=quote(str(team), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Number] | NumberList | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[Number] | NumberList:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = NumberList.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = Number.from_dict(response_200_type_1_item_data)

                response_200_type_1.append(response_200_type_1_item)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Error | list[Number] | NumberList]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
) -> Response[Error | list[Number] | NumberList]:
    """Get numbers of a team

     Phone numbers owned by a team (observed in client code; the response envelope was not recorded: the
    client reads either `data` or a bare array).

    Args:
        team (int):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Number] | NumberList]
    """

    kwargs = _get_kwargs(
        team=team,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
) -> Error | list[Number] | NumberList | None:
    """Get numbers of a team

     Phone numbers owned by a team (observed in client code; the response envelope was not recorded: the
    client reads either `data` or a bare array).

    Args:
        team (int):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Number] | NumberList
    """

    return sync_detailed(
        team=team,
        client=client,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    team: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
) -> Response[Error | list[Number] | NumberList]:
    """Get numbers of a team

     Phone numbers owned by a team (observed in client code; the response envelope was not recorded: the
    client reads either `data` or a bare array).

    Args:
        team (int):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Number] | NumberList]
    """

    kwargs = _get_kwargs(
        team=team,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
) -> Error | list[Number] | NumberList | None:
    """Get numbers of a team

     Phone numbers owned by a team (observed in client code; the response envelope was not recorded: the
    client reads either `data` or a bare array).

    Args:
        team (int):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Number] | NumberList
    """

    return (
        await asyncio_detailed(
            team=team,
            client=client,
            limit=limit,
        )
    ).parsed
