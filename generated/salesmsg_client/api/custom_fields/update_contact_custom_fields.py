from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.update_contact_custom_fields_body_item import UpdateContactCustomFieldsBodyItem
from ...models.update_contact_custom_fields_response_200 import UpdateContactCustomFieldsResponse200
from ...types import Response, http_status


def _get_kwargs(
    contact: int,
    *,
    body: list[UpdateContactCustomFieldsBodyItem],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/contacts/{contact}/custom-fields".format(
            contact=quote(str(contact), safe=""),
        ),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UpdateContactCustomFieldsResponse200 | None:
    if response.status_code == 200:
        response_200 = UpdateContactCustomFieldsResponse200.from_dict(response.json())

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
) -> Response[Error | UpdateContactCustomFieldsResponse200]:
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
    body: list[UpdateContactCustomFieldsBodyItem],
) -> Response[Error | UpdateContactCustomFieldsResponse200]:
    """Update custom fields of a contact

     Sets a contact's custom fields. The body is an array of objects whose contents the document does not
    describe.

    Args:
        contact (int):
        body (list[UpdateContactCustomFieldsBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateContactCustomFieldsResponse200]
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
    body: list[UpdateContactCustomFieldsBodyItem],
) -> Error | UpdateContactCustomFieldsResponse200 | None:
    """Update custom fields of a contact

     Sets a contact's custom fields. The body is an array of objects whose contents the document does not
    describe.

    Args:
        contact (int):
        body (list[UpdateContactCustomFieldsBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateContactCustomFieldsResponse200
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
    body: list[UpdateContactCustomFieldsBodyItem],
) -> Response[Error | UpdateContactCustomFieldsResponse200]:
    """Update custom fields of a contact

     Sets a contact's custom fields. The body is an array of objects whose contents the document does not
    describe.

    Args:
        contact (int):
        body (list[UpdateContactCustomFieldsBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateContactCustomFieldsResponse200]
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
    body: list[UpdateContactCustomFieldsBodyItem],
) -> Error | UpdateContactCustomFieldsResponse200 | None:
    """Update custom fields of a contact

     Sets a contact's custom fields. The body is an array of objects whose contents the document does not
    describe.

    Args:
        contact (int):
        body (list[UpdateContactCustomFieldsBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateContactCustomFieldsResponse200
    """

    return (
        await asyncio_detailed(
            contact=contact,
            client=client,
            body=body,
        )
    ).parsed
