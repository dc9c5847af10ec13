"""Contains all the data models used in inputs/outputs.

Models are imported lazily on first attribute access (PEP 562), so importing one endpoint or one
model does not load every model class: with hundreds of attrs classes that is most of the import time.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .async_message_request import AsyncMessageRequest
    from .attachment import Attachment
    from .broadcast import Broadcast
    from .broadcast_page import BroadcastPage
    from .contact import Contact
    from .contact_custom_field import ContactCustomField
    from .contact_custom_field_value import ContactCustomFieldValue
    from .contact_integration import ContactIntegration
    from .contact_list_request import ContactListRequest
    from .contact_note import ContactNote
    from .contact_opt_in_request import ContactOptInRequest
    from .contact_page import ContactPage
    from .contact_search_results import ContactSearchResults
    from .contact_shortcode_opt_out import ContactShortcodeOptOut
    from .contact_update_request import ContactUpdateRequest
    from .contact_update_request_custom_fields_item import ContactUpdateRequestCustomFieldsItem
    from .conversation import Conversation
    from .conversation_filter import ConversationFilter
    from .count_contact_filters_response_200 import CountContactFiltersResponse200
    from .error import Error
    from .error_errors import ErrorErrors
    from .find_conversations_by_contacts_body import FindConversationsByContactsBody
    from .find_conversations_by_contacts_response_200 import FindConversationsByContactsResponse200
    from .get_me_response_200 import GetMeResponse200
    from .list_contact_conversations_response_200 import ListContactConversationsResponse200
    from .message import Message
    from .message_media import MessageMedia
    from .message_page import MessagePage
    from .message_record import MessageRecord
    from .number import Number
    from .number_list import NumberList
    from .number_numberable import NumberNumberable
    from .o_auth_error import OAuthError
    from .organization import Organization
    from .organization_member import OrganizationMember
    from .organization_plan import OrganizationPlan
    from .organization_settings import OrganizationSettings
    from .pagination_meta import PaginationMeta
    from .search_conversations_response_200 import SearchConversationsResponse200
    from .send_message_async_response_200 import SendMessageAsyncResponse200
    from .tag import Tag
    from .tag_action_result import TagActionResult
    from .tag_page import TagPage
    from .tag_search_result import TagSearchResult
    from .tag_search_results import TagSearchResults
    from .team import Team
    from .token_refresh_request import TokenRefreshRequest
    from .token_request import TokenRequest
    from .token_response import TokenResponse
    from .update_contact_custom_fields_body_item import UpdateContactCustomFieldsBodyItem
    from .update_contact_custom_fields_response_200 import UpdateContactCustomFieldsResponse200
    from .update_message_response_200 import UpdateMessageResponse200
    from .update_tag_response_200 import UpdateTagResponse200
    from .user import User

_MODULE_OF: dict[str, str] = {
    "AsyncMessageRequest": ".async_message_request",
    "Attachment": ".attachment",
    "Broadcast": ".broadcast",
    "BroadcastPage": ".broadcast_page",
    "Contact": ".contact",
    "ContactCustomField": ".contact_custom_field",
    "ContactCustomFieldValue": ".contact_custom_field_value",
    "ContactIntegration": ".contact_integration",
    "ContactListRequest": ".contact_list_request",
    "ContactNote": ".contact_note",
    "ContactOptInRequest": ".contact_opt_in_request",
    "ContactPage": ".contact_page",
    "ContactSearchResults": ".contact_search_results",
    "ContactShortcodeOptOut": ".contact_shortcode_opt_out",
    "ContactUpdateRequest": ".contact_update_request",
    "ContactUpdateRequestCustomFieldsItem": ".contact_update_request_custom_fields_item",
    "Conversation": ".conversation",
    "ConversationFilter": ".conversation_filter",
    "CountContactFiltersResponse200": ".count_contact_filters_response_200",
    "Error": ".error",
    "ErrorErrors": ".error_errors",
    "FindConversationsByContactsBody": ".find_conversations_by_contacts_body",
    "FindConversationsByContactsResponse200": ".find_conversations_by_contacts_response_200",
    "GetMeResponse200": ".get_me_response_200",
    "ListContactConversationsResponse200": ".list_contact_conversations_response_200",
    "Message": ".message",
    "MessageMedia": ".message_media",
    "MessagePage": ".message_page",
    "MessageRecord": ".message_record",
    "Number": ".number",
    "NumberList": ".number_list",
    "NumberNumberable": ".number_numberable",
    "OAuthError": ".o_auth_error",
    "Organization": ".organization",
    "OrganizationMember": ".organization_member",
    "OrganizationPlan": ".organization_plan",
    "OrganizationSettings": ".organization_settings",
    "PaginationMeta": ".pagination_meta",
    "SearchConversationsResponse200": ".search_conversations_response_200",
    "SendMessageAsyncResponse200": ".send_message_async_response_200",
    "Tag": ".tag",
    "TagActionResult": ".tag_action_result",
    "TagPage": ".tag_page",
    "TagSearchResult": ".tag_search_result",
    "TagSearchResults": ".tag_search_results",
    "Team": ".team",
    "TokenRefreshRequest": ".token_refresh_request",
    "TokenRequest": ".token_request",
    "TokenResponse": ".token_response",
    "UpdateContactCustomFieldsBodyItem": ".update_contact_custom_fields_body_item",
    "UpdateContactCustomFieldsResponse200": ".update_contact_custom_fields_response_200",
    "UpdateMessageResponse200": ".update_message_response_200",
    "UpdateTagResponse200": ".update_tag_response_200",
    "User": ".user",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


__all__ = (
    "AsyncMessageRequest",
    "Attachment",
    "Broadcast",
    "BroadcastPage",
    "Contact",
    "ContactCustomField",
    "ContactCustomFieldValue",
    "ContactIntegration",
    "ContactListRequest",
    "ContactNote",
    "ContactOptInRequest",
    "ContactPage",
    "ContactSearchResults",
    "ContactShortcodeOptOut",
    "ContactUpdateRequest",
    "ContactUpdateRequestCustomFieldsItem",
    "Conversation",
    "ConversationFilter",
    "CountContactFiltersResponse200",
    "Error",
    "ErrorErrors",
    "FindConversationsByContactsBody",
    "FindConversationsByContactsResponse200",
    "GetMeResponse200",
    "ListContactConversationsResponse200",
    "Message",
    "MessageMedia",
    "MessagePage",
    "MessageRecord",
    "Number",
    "NumberList",
    "NumberNumberable",
    "OAuthError",
    "Organization",
    "OrganizationMember",
    "OrganizationPlan",
    "OrganizationSettings",
    "PaginationMeta",
    "SearchConversationsResponse200",
    "SendMessageAsyncResponse200",
    "Tag",
    "TagActionResult",
    "TagPage",
    "TagSearchResult",
    "TagSearchResults",
    "Team",
    "TokenRefreshRequest",
    "TokenRequest",
    "TokenResponse",
    "UpdateContactCustomFieldsBodyItem",
    "UpdateContactCustomFieldsResponse200",
    "UpdateMessageResponse200",
    "UpdateTagResponse200",
    "User",
)
