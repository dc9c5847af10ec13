from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.update_tag_response_200 import UpdateTagResponse200
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    tag: int,
    *,
    label: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["label"] = label

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/tags/{tag}".format(
            tag=quote(str(tag), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UpdateTagResponse200 | None:
    if response.status_code == 200:
        response_200 = UpdateTagResponse200.from_dict(response.json())

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
) -> Response[Error | UpdateTagResponse200]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tag: int,
    *,
    client: AuthenticatedClient,
    label: str | Unset = UNSET,
) -> Response[Error | UpdateTagResponse200]:
    """Update tag

     Updates a tag. Fields are query parameters; no request body is declared.

    Args:
        tag (int):
        label (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateTagResponse200]
    """

    kwargs = _get_kwargs(
        tag=tag,
        label=label,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tag: int,
    *,
    client: AuthenticatedClient,
    label: str | Unset = UNSET,
) -> Error | UpdateTagResponse200 | None:
    """Update tag

     Updates a tag. Fields are query parameters; no request body is declared.

    Args:
        tag (int):
        label (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateTagResponse200
    """

    return sync_detailed(
        tag=tag,
        client=client,
        label=label,
    ).parsed


async def asyncio_detailed(
    tag: int,
    *,
    client: AuthenticatedClient,
    label: str | Unset = UNSET,
) -> Response[Error | UpdateTagResponse200]:
    """Update tag

     Updates a tag. Fields are query parameters; no request body is declared.

    Args:
        tag (int):
        label (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateTagResponse200]
    """

    kwargs = _get_kwargs(
        tag=tag,
        label=label,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tag: int,
    *,
    client: AuthenticatedClient,
    label: str | Unset = UNSET,
) -> Error | UpdateTagResponse200 | None:
    """Update tag

     Updates a tag. Fields are query parameters; no request body is declared.

    Args:
        tag (int):
        label (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateTagResponse200
    """

    return (
        await asyncio_detailed(
            tag=tag,
            client=client,
            label=label,
        )
    ).parsed
