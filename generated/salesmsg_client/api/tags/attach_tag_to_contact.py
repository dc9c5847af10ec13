from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tag_action_result import TagActionResult
from ...types import Response, http_status


def _get_kwargs(
    contact: int,
    tag: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/tags/contact/{contact}/{tag}".format(
            contact=quote(str(contact), safe=""),
            tag=quote(str(tag), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TagActionResult | None:
    if response.status_code == 200:
        response_200 = TagActionResult.from_dict(response.json())

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
) -> Response[Error | TagActionResult]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact: int,
    tag: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | TagActionResult]:
    """Add tag to contact

     Attaches an existing tag (by tag ID) to a contact. Scope: tags:write.

    Args:
        contact (int):
        tag (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TagActionResult]
    """

    kwargs = _get_kwargs(
        contact=contact,
        tag=tag,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact: int,
    tag: int,
    *,
    client: AuthenticatedClient,
) -> Error | TagActionResult | None:
    """Add tag to contact

     Attaches an existing tag (by tag ID) to a contact. Scope: tags:write.

    Args:
        contact (int):
        tag (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TagActionResult
    """

    return sync_detailed(
        contact=contact,
        tag=tag,
        client=client,
    ).parsed


async def asyncio_detailed(
    contact: int,
    tag: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | TagActionResult]:
    """Add tag to contact

     Attaches an existing tag (by tag ID) to a contact. Scope: tags:write.

    Args:
        contact (int):
        tag (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TagActionResult]
    """

    kwargs = _get_kwargs(
        contact=contact,
        tag=tag,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact: int,
    tag: int,
    *,
    client: AuthenticatedClient,
) -> Error | TagActionResult | None:
    """Add tag to contact

     Attaches an existing tag (by tag ID) to a contact. Scope: tags:write.

    Args:
        contact (int):
        tag (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TagActionResult
    """

    return (
        await asyncio_detailed(
            contact=contact,
            tag=tag,
            client=client,
        )
    ).parsed
