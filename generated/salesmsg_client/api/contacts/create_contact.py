from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.error import Error
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    number: str,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    color_index: str | Unset = UNSET,
    contact_integration_id: str | Unset = UNSET,
    integration_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["number"] = number

    params["first_name"] = first_name

    params["last_name"] = last_name

    params["email"] = email

    params["phone_type"] = phone_type

    params["source"] = source

    params["color_index"] = color_index

    params["contact_integration_id"] = contact_integration_id

    params["integration_id"] = integration_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contact | Error | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Contact | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    number: str,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    color_index: str | Unset = UNSET,
    contact_integration_id: str | Unset = UNSET,
    integration_id: int | Unset = UNSET,
) -> Response[Contact | Error]:
    """Create contact

     Creates a contact. The fields are query parameters; no request body is declared. A duplicate number
    answers with a validation error whose body carries the existing `contact_id`. Scope: contacts:write.

    Args:
        number (str):
        first_name (str | Unset):
        last_name (str | Unset):
        email (str | Unset):
        phone_type (str | Unset):
        source (str | Unset):
        color_index (str | Unset):
        contact_integration_id (str | Unset):
        integration_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Error]
    """

    kwargs = _get_kwargs(
        number=number,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone_type=phone_type,
        source=source,
        color_index=color_index,
        contact_integration_id=contact_integration_id,
        integration_id=integration_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    number: str,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    color_index: str | Unset = UNSET,
    contact_integration_id: str | Unset = UNSET,
    integration_id: int | Unset = UNSET,
) -> Contact | Error | None:
    """Create contact

     Creates a contact. The fields are query parameters; no request body is declared. A duplicate number
    answers with a validation error whose body carries the existing `contact_id`. Scope: contacts:write.

    Args:
        number (str):
        first_name (str | Unset):
        last_name (str | Unset):
        email (str | Unset):
        phone_type (str | Unset):
        source (str | Unset):
        color_index (str | Unset):
        contact_integration_id (str | Unset):
        integration_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Error
    """

    return sync_detailed(
        client=client,
        number=number,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone_type=phone_type,
        source=source,
        color_index=color_index,
        contact_integration_id=contact_integration_id,
        integration_id=integration_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    number: str,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    color_index: str | Unset = UNSET,
    contact_integration_id: str | Unset = UNSET,
    integration_id: int | Unset = UNSET,
) -> Response[Contact | Error]:
    """Create contact

     Creates a contact. The fields are query parameters; no request body is declared. A duplicate number
    answers with a validation error whose body carries the existing `contact_id`. Scope: contacts:write.

    Args:
        number (str):
        first_name (str | Unset):
        last_name (str | Unset):
        email (str | Unset):
        phone_type (str | Unset):
        source (str | Unset):
        color_index (str | Unset):
        contact_integration_id (str | Unset):
        integration_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Error]
    """

    kwargs = _get_kwargs(
        number=number,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone_type=phone_type,
        source=source,
        color_index=color_index,
        contact_integration_id=contact_integration_id,
        integration_id=integration_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    number: str,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    email: str | Unset = UNSET,
    phone_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    color_index: str | Unset = UNSET,
    contact_integration_id: str | Unset = UNSET,
    integration_id: int | Unset = UNSET,
) -> Contact | Error | None:
    """Create contact

     Creates a contact. The fields are query parameters; no request body is declared. A duplicate number
    answers with a validation error whose body carries the existing `contact_id`. Scope: contacts:write.

    Args:
        number (str):
        first_name (str | Unset):
        last_name (str | Unset):
        email (str | Unset):
        phone_type (str | Unset):
        source (str | Unset):
        color_index (str | Unset):
        contact_integration_id (str | Unset):
        integration_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            number=number,
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone_type=phone_type,
            source=source,
            color_index=color_index,
            contact_integration_id=contact_integration_id,
            integration_id=integration_id,
        )
    ).parsed
