from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.o_auth_error import OAuthError
from ...models.token_refresh_request import TokenRefreshRequest
from ...models.token_response import TokenResponse
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: TokenRefreshRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/token/refresh",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OAuthError | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OAuthError | TokenResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRefreshRequest,
) -> Response[Error | OAuthError | TokenResponse]:
    """Refresh an OAuth2 access token

     Separate refresh endpoint. Body: grant_type=refresh_token, client_id, client_secret, refresh_token;
    the vendor PHP example also sends scope=public-api (form-encoded), the API introduction page sends
    JSON.

    Args:
        body (TokenRefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRefreshRequest,
) -> Error | OAuthError | TokenResponse | None:
    """Refresh an OAuth2 access token

     Separate refresh endpoint. Body: grant_type=refresh_token, client_id, client_secret, refresh_token;
    the vendor PHP example also sends scope=public-api (form-encoded), the API introduction page sends
    JSON.

    Args:
        body (TokenRefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OAuthError | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRefreshRequest,
) -> Response[Error | OAuthError | TokenResponse]:
    """Refresh an OAuth2 access token

     Separate refresh endpoint. Body: grant_type=refresh_token, client_id, client_secret, refresh_token;
    the vendor PHP example also sends scope=public-api (form-encoded), the API introduction page sends
    JSON.

    Args:
        body (TokenRefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRefreshRequest,
) -> Error | OAuthError | TokenResponse | None:
    """Refresh an OAuth2 access token

     Separate refresh endpoint. Body: grant_type=refresh_token, client_id, client_secret, refresh_token;
    the vendor PHP example also sends scope=public-api (form-encoded), the API introduction page sends
    JSON.

    Args:
        body (TokenRefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OAuthError | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
