"""Builders for OpenAPI documents from *other* vendors, so the pipeline is not tuned to Salesmsg alone.

Each builder returns fresh plain data (dicts and lists), like `documents.load_document` does:

    doc = twilio_like_document()                  # 300+ operations, Twilio's traits and quirks
    doc = rule_triggers_document()                # one trigger per lint rule, each on its own operation
    doc = clean_document()                        # OpenAPI 3.1 the generator handles completely

`TWILIO_COLLIDING_OPERATIONS` and `RULE_TRIGGERS` list what the lint must report for them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

JSON = dict[str, Any]

# ============================================================================================
# (a) Twilio-like: the 2010-04-01 REST API plus three newer products in one document


@dataclass(frozen=True)
class _Resource:
    """One Twilio resource: a list path and (unless `instance` is empty) an instance path."""

    name: str  # PascalCase singular, used in operationIds and tags: "Message", "CallRecording"
    path: str  # list path below the product root, without `.json`: "/Calls/{CallSid}/Recordings"
    instance: str = "Sid"  # path parameter of the instance path; "" = no instance path
    ops: str = "LCFUD"  # List, Create, Fetch, Update, Delete
    statuses: tuple[str, ...] = ()  # values of the resource's status enum component
    fields: tuple[str, ...] = ("FriendlyName",)  # form fields of Create/Update
    filters: tuple[tuple[str, str], ...] = ()  # list filters: (name, format)
    inequalities: tuple[tuple[str, str], ...] = ()  # filters also offered as `Name<` / `Name>`
    deprecated: bool = False


@dataclass(frozen=True)
class _Product:
    """Twilio serves each product from its own host, hence servers on every path item."""

    prefix: str  # operationId / tag prefix ("" for the 2010 API, whose ids are unprefixed)
    host: str
    root: str  # "/2010-04-01/Accounts/{AccountSid}", "/v1"
    suffix: str  # ".json" for 2010, "" for the newer APIs
    schema_prefix: str  # "api.v2010.account", "messaging.v1"
    resources: tuple[_Resource, ...]


_CALL_STATUSES = ("queued", "ringing", "in-progress", "canceled", "completed", "failed", "busy", "no-answer")
_MESSAGE_STATUSES = (
    "queued",
    "sending",
    "sent",
    "failed",
    "delivered",
    "undelivered",
    "receiving",
    "received",
    "accepted",
    "scheduled",
    "read",
    "partially_delivered",
    "canceled",
)
_GENERIC_STATUSES = ("pending", "in-progress", "completed", "failed")
_DATE_TIME = "date-time"
_DATE = "date"

_API_2010 = _Product(
    prefix="",
    host="https://api.twilio.com",
    root="/2010-04-01/Accounts/{AccountSid}",
    suffix=".json",
    schema_prefix="api.v2010.account",
    resources=(
        _Resource("Address", "/Addresses", fields=("CustomerName", "Street", "City", "Region", "PostalCode")),
        _Resource("DependentPhoneNumber", "/Addresses/{AddressSid}/DependentPhoneNumbers", "", "L"),
        _Resource(
            "Application", "/Applications", fields=("FriendlyName", "VoiceUrl", "SmsUrl", "ApiVersion")
        ),
        _Resource("AuthorizedConnectApp", "/AuthorizedConnectApps", "ConnectAppSid", "LF"),
        _Resource("AvailablePhoneNumberCountry", "/AvailablePhoneNumbers", "CountryCode", "LF"),
        *(
            _Resource(
                f"AvailablePhoneNumber{kind}",
                f"/AvailablePhoneNumbers/{{CountryCode}}/{kind}",
                "",
                "L",
                filters=(("AreaCode", "int"), ("Contains", ""), ("SmsEnabled", "bool")),
            )
            for kind in ("Local", "TollFree", "Mobile", "National", "SharedCost", "Voip", "MachineToMachine")
        ),
        _Resource("Balance", "/Balance", "", "L"),
        _Resource(
            "Call",
            "/Calls",
            statuses=_CALL_STATUSES,
            fields=("To", "From", "Url", "Twiml", "StatusCallback", "Timeout", "Record"),
            filters=(("To", ""), ("From", ""), ("ParentCallSid", ""), ("Status", "")),
            inequalities=(("StartTime", _DATE_TIME), ("EndTime", _DATE_TIME)),
        ),
        _Resource("CallEvent", "/Calls/{CallSid}/Events", "", "L"),
        _Resource(
            "CallNotification",
            "/Calls/{CallSid}/Notifications",
            ops="LF",
            filters=(("Log", "int"),),
            inequalities=(("MessageDate", _DATE),),
        ),
        _Resource(
            "CallRecording",
            "/Calls/{CallSid}/Recordings",
            statuses=("in-progress", "paused", "stopped"),
            inequalities=(("DateCreated", _DATE_TIME),),
        ),
        _Resource(
            "Payment", "/Calls/{CallSid}/Payments", ops="CU", fields=("IdempotencyKey", "StatusCallback")
        ),
        _Resource("Siprec", "/Calls/{CallSid}/Siprec", ops="CU", fields=("Name", "ConnectorName")),
        _Resource("Stream", "/Calls/{CallSid}/Streams", ops="CU", fields=("Url", "Name", "Track")),
        _Resource(
            "UserDefinedMessageSubscription",
            "/Calls/{CallSid}/UserDefinedMessageSubscriptions",
            ops="CD",
            fields=("Callback", "Method"),
        ),
        _Resource("UserDefinedMessage", "/Calls/{CallSid}/UserDefinedMessages", "", "C", fields=("Content",)),
        _Resource("RealtimeTranscription", "/Calls/{CallSid}/Transcriptions", ops="CU", fields=("Name",)),
        _Resource(
            "CallFeedbackSummary",
            "/Calls/FeedbackSummary",
            ops="CFD",
            deprecated=True,
            fields=("StartDate", "EndDate"),
        ),
        _Resource(
            "Conference",
            "/Conferences",
            ops="LFU",
            statuses=("init", "in-progress", "completed"),
            filters=(("FriendlyName", ""), ("Status", "")),
            inequalities=(("DateCreated", _DATE), ("DateUpdated", _DATE)),
        ),
        _Resource(
            "Participant",
            "/Conferences/{ConferenceSid}/Participants",
            "CallSid",
            fields=("From", "To", "Muted", "Hold", "Coaching"),
        ),
        _Resource(
            "ConferenceRecording",
            "/Conferences/{ConferenceSid}/Recordings",
            ops="LFUD",
            inequalities=(("DateCreated", _DATE_TIME),),
        ),
        _Resource("ConnectApp", "/ConnectApps", ops="LFUD", fields=("FriendlyName", "HomepageUrl")),
        _Resource(
            "IncomingPhoneNumber",
            "/IncomingPhoneNumbers",
            fields=("PhoneNumber", "AreaCode", "FriendlyName", "SmsUrl", "VoiceUrl"),
            filters=(("Beta", "bool"), ("FriendlyName", ""), ("PhoneNumber", ""), ("Origin", "")),
        ),
        *(
            _Resource(
                f"IncomingPhoneNumber{kind}",
                f"/IncomingPhoneNumbers/{kind}",
                "",
                "LC",
                fields=("PhoneNumber", "FriendlyName"),
            )
            for kind in ("Local", "Mobile", "TollFree")
        ),
        _Resource(
            "IncomingPhoneNumberAssignedAddOn",
            "/IncomingPhoneNumbers/{ResourceSid}/AssignedAddOns",
            ops="LCFD",
            fields=("InstalledAddOnSid",),
        ),
        _Resource(
            "IncomingPhoneNumberAssignedAddOnExtension",
            "/IncomingPhoneNumbers/{ResourceSid}/AssignedAddOns/{AssignedAddOnSid}/Extensions",
            ops="LF",
        ),
        _Resource("Key", "/Keys", ops="LFUD"),
        _Resource("NewKey", "/Keys", "", "C"),
        _Resource(
            "Message",
            "/Messages",
            statuses=_MESSAGE_STATUSES,
            fields=("To", "From", "MessagingServiceSid", "Body", "MediaUrl", "StatusCallback", "SendAt"),
            filters=(("To", ""), ("From", "")),
            inequalities=(("DateSent", _DATE_TIME),),
        ),
        _Resource(
            "Media", "/Messages/{MessageSid}/Media", ops="LFD", inequalities=(("DateCreated", _DATE_TIME),)
        ),
        _Resource(
            "MessageFeedback",
            "/Messages/{MessageSid}/Feedback",
            "",
            "C",
            deprecated=True,
            fields=("Outcome",),
        ),
        _Resource("NewSigningKey", "/SigningKeys", "", "C"),
        _Resource(
            "Notification",
            "/Notifications",
            ops="LF",
            filters=(("Log", "int"),),
            inequalities=(("MessageDate", _DATE),),
        ),
        _Resource(
            "OutgoingCallerId",
            "/OutgoingCallerIds",
            ops="LFUD",
            filters=(("PhoneNumber", ""), ("FriendlyName", "")),
        ),
        _Resource("ValidationRequest", "/OutgoingCallerIds", "", "C", fields=("PhoneNumber", "CallDelay")),
        _Resource("Queue", "/Queues", fields=("FriendlyName", "MaxSize")),
        _Resource("Member", "/Queues/{QueueSid}/Members", "CallSid", "LFU", fields=("Url", "Method")),
        _Resource(
            "Recording",
            "/Recordings",
            ops="LFD",
            statuses=("in-progress", "paused", "stopped"),
            filters=(("CallSid", ""), ("ConferenceSid", ""), ("IncludeSoftDeleted", "bool")),
            inequalities=(("DateCreated", _DATE_TIME),),
        ),
        _Resource("RecordingAddOnResult", "/Recordings/{ReferenceSid}/AddOnResults", ops="LFD"),
        _Resource(
            "RecordingAddOnResultPayload",
            "/Recordings/{ReferenceSid}/AddOnResults/{AddOnResultSid}/Payloads",
            ops="LFD",
        ),
        _Resource("RecordingTranscription", "/Recordings/{RecordingSid}/Transcriptions", ops="LFD"),
        _Resource(
            "ShortCode", "/SMS/ShortCodes", ops="LFU", filters=(("FriendlyName", ""), ("ShortCode", ""))
        ),
        _Resource("SigningKey", "/SigningKeys", ops="LFUD"),
        _Resource("SipDomain", "/SIP/Domains", fields=("DomainName", "FriendlyName", "VoiceUrl")),
        _Resource("SipCredentialList", "/SIP/CredentialLists"),
        _Resource(
            "SipCredential",
            "/SIP/CredentialLists/{CredentialListSid}/Credentials",
            fields=("Username", "Password"),
        ),
        _Resource("SipIpAccessControlList", "/SIP/IpAccessControlLists"),
        _Resource(
            "SipIpAddress",
            "/SIP/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses",
            fields=("FriendlyName", "IpAddress", "CidrPrefixLength"),
        ),
        _Resource(
            "SipCredentialListMapping",
            "/SIP/Domains/{DomainSid}/CredentialListMappings",
            ops="LCFD",
            fields=("CredentialListSid",),
        ),
        _Resource(
            "SipIpAccessControlListMapping",
            "/SIP/Domains/{DomainSid}/IpAccessControlListMappings",
            ops="LCFD",
            fields=("IpAccessControlListSid",),
        ),
        _Resource(
            "SipAuthCallsCredentialListMapping",
            "/SIP/Domains/{DomainSid}/Auth/Calls/CredentialListMappings",
            ops="LCFD",
            fields=("CredentialListSid",),
        ),
        _Resource(
            "SipAuthCallsIpAccessControlListMapping",
            "/SIP/Domains/{DomainSid}/Auth/Calls/IpAccessControlListMappings",
            ops="LCFD",
            fields=("IpAccessControlListSid",),
        ),
        _Resource(
            "SipAuthRegistrationsCredentialListMapping",
            "/SIP/Domains/{DomainSid}/Auth/Registrations/CredentialListMappings",
            ops="LCFD",
            fields=("CredentialListSid",),
        ),
        _Resource("Token", "/Tokens", "", "C", fields=("Ttl",)),
        _Resource("Transcription", "/Transcriptions", ops="LFD"),
        _Resource(
            "UsageRecord",
            "/Usage/Records",
            "",
            "L",
            filters=(("Category", ""), ("StartDate", _DATE), ("EndDate", _DATE)),
        ),
        *(
            _Resource(
                f"UsageRecord{period}",
                f"/Usage/Records/{period}",
                "",
                "L",
                filters=(("Category", ""), ("StartDate", _DATE), ("EndDate", _DATE)),
            )
            for period in (
                "AllTime",
                "Daily",
                "LastMonth",
                "Monthly",
                "ThisMonth",
                "Today",
                "Yearly",
                "Yesterday",
            )
        ),
        _Resource("UsageTrigger", "/Usage/Triggers", fields=("CallbackUrl", "TriggerValue", "UsageCategory")),
    ),
)

_MESSAGING_V1 = _Product(
    prefix="MessagingV1",
    host="https://messaging.twilio.com",
    root="/v1",
    suffix="",
    schema_prefix="messaging.v1",
    resources=(
        _Resource("Service", "/Services", fields=("FriendlyName", "InboundRequestUrl", "StickySender")),
        _Resource(
            "PhoneNumber", "/Services/{ServiceSid}/PhoneNumbers", ops="LCFD", fields=("PhoneNumberSid",)
        ),
        _Resource("ShortCode", "/Services/{ServiceSid}/ShortCodes", ops="LCFD", fields=("ShortCodeSid",)),
        _Resource("AlphaSender", "/Services/{ServiceSid}/AlphaSenders", ops="LCFD", fields=("AlphaSender",)),
        _Resource("ChannelSender", "/Services/{ServiceSid}/ChannelSenders", ops="LCFD", fields=("Sid",)),
        _Resource(
            "UsAppToPerson",
            "/Services/{MessagingServiceSid}/Compliance/Usa2p",
            statuses=("PENDING", "IN_PROGRESS", "VERIFIED", "FAILED"),
            fields=("BrandRegistrationSid", "Description", "HasEmbeddedLinks"),
        ),
        _Resource(
            "BrandRegistration",
            "/a2p/BrandRegistrations",
            ops="LCFU",
            statuses=("PENDING", "APPROVED", "FAILED", "IN_REVIEW", "SUSPENDED", "DELETED"),
            fields=("CustomerProfileBundleSid", "A2PProfileBundleSid", "BrandType"),
        ),
        _Resource(
            "BrandVetting",
            "/a2p/BrandRegistrations/{BrandSid}/Vettings",
            "BrandVettingSid",
            "LCF",
            fields=("VettingProvider", "VettingId"),
        ),
        _Resource("ExternalCampaign", "/Services/PreregisteredUsa2p", "", "C", fields=("CampaignId",)),
        _Resource("Deactivation", "/Deactivations", "", "L", filters=(("Date", _DATE),)),
        _Resource(
            "DomainCert", "/LinkShortening/Domains/{DomainSid}/Certificate", "", "LCD", fields=("TlsCert",)
        ),
        _Resource(
            "LinkshorteningMessagingService",
            "/LinkShortening/Domains/{DomainSid}/MessagingServices",
            "MessagingServiceSid",
            "CD",
        ),
        _Resource(
            "TollfreeVerification",
            "/Tollfree/Verifications",
            statuses=("PENDING_REVIEW", "IN_REVIEW", "TWILIO_APPROVED", "TWILIO_REJECTED"),
            fields=("BusinessName", "BusinessWebsite", "NotificationEmail", "UseCaseSummary"),
        ),
        _Resource("Usecase", "/Services/Usecases", "", "L"),
    ),
)

_VERIFY_V2 = _Product(
    prefix="VerifyV2",
    host="https://verify.twilio.com",
    root="/v2",
    suffix="",
    schema_prefix="verify.v2",
    resources=(
        _Resource(
            "Service", "/Services", fields=("FriendlyName", "CodeLength", "LookupEnabled", "Psd2Enabled")
        ),
        _Resource(
            "Verification",
            "/Services/{ServiceSid}/Verifications",
            ops="CFU",
            statuses=("pending", "approved", "canceled", "max_attempts_reached", "deleted", "failed"),
            fields=("To", "Channel", "CustomFriendlyName", "Locale"),
        ),
        _Resource(
            "VerificationCheck", "/Services/{ServiceSid}/VerificationCheck", "", "C", fields=("Code", "To")
        ),
        _Resource("RateLimit", "/Services/{ServiceSid}/RateLimits", fields=("UniqueName", "Description")),
        _Resource(
            "Bucket", "/Services/{ServiceSid}/RateLimits/{RateLimitSid}/Buckets", fields=("Max", "Interval")
        ),
        _Resource("Entity", "/Services/{ServiceSid}/Entities", "Identity", "LCFD", fields=("Identity",)),
        _Resource(
            "Factor",
            "/Services/{ServiceSid}/Entities/{Identity}/Factors",
            ops="LFUD",
            statuses=("unverified", "verified"),
        ),
        _Resource(
            "NewFactor",
            "/Services/{ServiceSid}/Entities/{Identity}/Factors",
            "",
            "C",
            fields=("FriendlyName", "FactorType"),
        ),
        _Resource(
            "Challenge",
            "/Services/{ServiceSid}/Entities/{Identity}/Challenges",
            ops="LCFU",
            statuses=("pending", "expired", "approved", "denied"),
            fields=("FactorSid", "ExpirationDate"),
        ),
        _Resource(
            "Notification",
            "/Services/{ServiceSid}/Entities/{Identity}/Challenges/{ChallengeSid}/Notifications",
            "",
            "C",
            fields=("Ttl",),
        ),
        _Resource(
            "Webhook", "/Services/{ServiceSid}/Webhooks", fields=("FriendlyName", "EventTypes", "WebhookUrl")
        ),
        _Resource(
            "MessagingConfiguration",
            "/Services/{ServiceSid}/MessagingConfigurations",
            "Country",
            fields=("Country", "MessagingServiceSid"),
        ),
        _Resource(
            "AccessToken", "/Services/{ServiceSid}/AccessTokens", ops="CF", fields=("Identity", "FactorType")
        ),
        _Resource("Form", "/Forms", "FormType", "F"),
        _Resource("Template", "/Templates", "", "L", filters=(("FriendlyName", ""),)),
        _Resource(
            "VerificationAttempt",
            "/Attempts",
            ops="LF",
            filters=(
                ("DateCreatedAfter", _DATE_TIME),
                ("DateCreatedBefore", _DATE_TIME),
                ("ChannelData.To", ""),
                ("Country", ""),
            ),
        ),
        _Resource(
            "VerificationAttemptsSummary",
            "/Attempts/Summary",
            "",
            "L",
            filters=(("DateCreatedAfter", _DATE_TIME), ("DateCreatedBefore", _DATE_TIME)),
        ),
        _Resource("SafeList", "/SafeList/Numbers", "PhoneNumber", "CFD", fields=("PhoneNumber",)),
    ),
)

_CONVERSATIONS_V1 = _Product(
    prefix="ConversationsV1",
    host="https://conversations.twilio.com",
    root="/v1",
    suffix="",
    schema_prefix="conversations.v1",
    resources=(
        _Resource(
            "Conversation",
            "/Conversations",
            statuses=("active", "inactive", "closed"),
            fields=("FriendlyName", "UniqueName", "Attributes", "MessagingServiceSid"),
        ),
        _Resource(
            "ConversationParticipant",
            "/Conversations/{ConversationSid}/Participants",
            fields=("Identity", "MessagingBinding.Address", "MessagingBinding.ProxyAddress", "Attributes"),
        ),
        _Resource(
            "ConversationMessage",
            "/Conversations/{ConversationSid}/Messages",
            fields=("Author", "Body", "MediaSid", "ContentSid"),
            filters=(("Order", ""),),
        ),
        _Resource(
            "ConversationMessageReceipt",
            "/Conversations/{ConversationSid}/Messages/{MessageSid}/Receipts",
            ops="LF",
        ),
        _Resource(
            "ConversationScopedWebhook",
            "/Conversations/{ConversationSid}/Webhooks",
            fields=("Target", "Configuration.Url", "Configuration.Method"),
        ),
        _Resource("User", "/Users", fields=("Identity", "FriendlyName", "Attributes", "RoleSid")),
        _Resource("UserConversation", "/Users/{UserSid}/Conversations", "ConversationSid", "LFUD"),
        _Resource("Role", "/Roles", fields=("FriendlyName", "Type", "Permission")),
        _Resource("Credential", "/Credentials", fields=("Type", "FriendlyName", "Certificate", "PrivateKey")),
        _Resource(
            "AddressConfiguration",
            "/Configuration/Addresses",
            fields=("Type", "Address", "FriendlyName", "AutoCreation.Enabled"),
        ),
    ),
)

_PRODUCTS = (_API_2010, _MESSAGING_V1, _VERIFY_V2, _CONVERSATIONS_V1)

#: Every list operation that offers `Name`, `Name<` and `Name>` filters: in the real Twilio document
#: these become the same Python argument, so the generator skips the endpoint.
TWILIO_COLLIDING_OPERATIONS = frozenset(
    f"GET {_API_2010.root}{resource.path}{_API_2010.suffix}"
    for resource in _API_2010.resources
    if resource.inequalities
)


def twilio_like_document(*, inequality_filters: bool = True) -> JSON:
    """A Twilio-like API: 300+ operations over four products built by loops over resources.

    Traits taken from Twilio's published documents: OpenAPI 3.0.1; `servers` on every path item
    (each product has its own host) and on some operations; `.json` paths under
    `/2010-04-01/Accounts/{AccountSid}`; PascalCase parameters; `application/x-www-form-urlencoded`
    bodies with inline `Create{Name}Request` schemas; dotted schema names
    (`api.v2010.account.message`); `{"type": "string", "$ref": ..., "nullable": true}` siblings;
    `date-time-rfc-2822` formats; `x-twilio` extensions; deprecated operations; and list filters
    offered as `DateSent`, `DateSent<`, `DateSent>` (`inequality_filters=False` leaves out the `<`/`>`
    variants, which is what an overlay would do).

    Twilio publishes one document per product; this merges four, as a vendor with one document
    would, prefixing the newer products' operationIds so they stay unique.
    """
    doc: JSON = {
        "openapi": "3.0.1",
        "info": {
            "title": "Twilio - Api",
            "description": "This is the public Twilio REST API.",
            "termsOfService": "https://www.twilio.com/legal/tos",
            "contact": {
                "name": "Twilio Support",
                "url": "https://support.twilio.com",
                "email": "support@twilio.com",
            },
            "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"},
            "version": "1.0.0",
        },
        "servers": [{"url": "https://api.twilio.com"}],
        "security": [{"accountSid_authToken": []}],
        "paths": {},
        "components": {
            "securitySchemes": {"accountSid_authToken": {"type": "http", "scheme": "basic"}},
            "schemas": {},
        },
        "x-maturity": [
            {"name": "GA", "description": "This product is Generally Available."},
            {"name": "Beta", "description": "PLEASE NOTE that this is a Beta product."},
        ],
    }
    _add_account_resource(doc)
    for product in _PRODUCTS:
        for resource in product.resources:
            _add_resource(doc, product, resource, inequality_filters=inequality_filters)
    return doc


def _snake(name: str) -> str:
    out = "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
    return out.replace(".", "_")


def _sid_schema(prefix: str) -> JSON:
    return {"type": "string", "minLength": 34, "maxLength": 34, "pattern": f"^{prefix}[0-9a-fA-F]{{32}}$"}


def _path_param(name: str) -> JSON:
    schema = _sid_schema(name[:2].upper()) if name.endswith("Sid") else {"type": "string"}
    return {
        "name": name,
        "in": "path",
        "description": f"The {name} of the resource.",
        "schema": schema,
        "required": True,
    }


def _names_in(path: str) -> list[str]:
    return [part[1:-1] for part in path.replace(".json", "").split("/") if part.startswith("{")]


def _model_schema(product: _Product, resource: _Resource, status_ref: str | None) -> JSON:
    nullable_string = {"type": "string", "nullable": True}
    properties: JSON = {
        "account_sid": {**_sid_schema("AC"), "nullable": True, "description": "The SID of the Account."},
        "sid": {
            **_sid_schema("XX"),
            "nullable": True,
            "description": "The unique string that identifies it.",
        },
        "friendly_name": {**nullable_string, "x-twilio": {"pii": {"handling": "standard", "deleteSla": 30}}},
        "date_created": {"type": "string", "format": "date-time-rfc-2822", "nullable": True},
        "date_updated": {"type": "string", "format": "date-time-rfc-2822", "nullable": True},
        "uri": {**nullable_string, "description": "The URI of the resource, relative to the host."},
        "subresource_uris": {"type": "object", "format": "uri-map", "nullable": True},
        "price": {"type": "string", "nullable": True},
        "price_unit": {"type": "string", "format": "currency", "nullable": True},
        "api_version": nullable_string,
        "status_callback_method": {
            "type": "string",
            "format": "http-method",
            "enum": ["HEAD", "GET", "POST", "PATCH", "PUT", "DELETE"],
            "nullable": True,
        },
    }
    if status_ref:
        properties["status"] = {"type": "string", "$ref": status_ref, "nullable": True}
    for field in resource.fields:
        properties[_snake(field)] = nullable_string
    return {"type": "object", "properties": properties}


def _form_body(title: str, fields: tuple[str, ...], *, required_first: bool) -> JSON:
    properties: JSON = {}
    for field in fields:
        if field.endswith("Url") or field in ("StatusCallback", "Callback", "Url"):
            properties[field] = {"type": "string", "format": "uri", "description": f"The {field}."}
        elif field in (
            "Timeout",
            "MaxSize",
            "Ttl",
            "CodeLength",
            "CallDelay",
            "TriggerValue",
            "Max",
            "Interval",
        ):
            properties[field] = {"type": "integer"}
        elif field in (
            "Record",
            "Muted",
            "Hold",
            "Coaching",
            "StickySender",
            "LookupEnabled",
            "Psd2Enabled",
            "HasEmbeddedLinks",
            "AutoCreation.Enabled",
        ):
            properties[field] = {"type": "boolean"}
        elif field == "MediaUrl":
            properties[field] = {"type": "array", "items": {"type": "string", "format": "uri"}}
        elif field == "SendAt":
            properties[field] = {"type": "string", "format": "date-time"}
        else:
            properties[field] = {"type": "string", "description": f"The {field}."}
    properties["StatusCallbackMethod"] = {
        "type": "string",
        "format": "http-method",
        "enum": ["HEAD", "GET", "POST", "PATCH", "PUT", "DELETE"],
    }
    body: JSON = {"type": "object", "title": title, "properties": properties}
    if required_first and fields:
        body["required"] = [fields[0]]
    return {"content": {"application/x-www-form-urlencoded": {"schema": body}}}


def _list_response(product: _Product, resource: _Resource, item_ref: str, key: str) -> JSON:
    page = {"type": "integer"}
    uri = {"type": "string", "format": "uri", "nullable": True}
    if product.suffix:  # the 2010 API pages with *_uri fields next to the items
        properties = {
            key: {"type": "array", "items": {"$ref": item_ref}},
            "end": page,
            "first_page_uri": uri,
            "next_page_uri": uri,
            "page": page,
            "page_size": page,
            "previous_page_uri": uri,
            "start": page,
            "uri": {"type": "string"},
        }
    else:  # the newer APIs nest paging in `meta`
        meta = {
            "type": "object",
            "properties": {
                "first_page_url": uri,
                "next_page_url": uri,
                "page": page,
                "page_size": page,
                "previous_page_url": uri,
                "url": uri,
                "key": {"type": "string"},
            },
        }
        properties = {key: {"type": "array", "items": {"$ref": item_ref}}, "meta": meta}
    schema = {
        "type": "object",
        "title": f"List{product.prefix}{resource.name}Response",
        "properties": properties,
    }
    return {"200": {"content": {"application/json": {"schema": schema}}, "description": "OK"}}


def _list_parameters(resource: _Resource, inequality_filters: bool) -> list[JSON]:
    params: list[JSON] = []
    for name, fmt in resource.filters:
        schema: JSON = {"type": "string"}
        if fmt == "int":
            schema = {"type": "integer"}
        elif fmt == "bool":
            schema = {"type": "boolean"}
        elif fmt:
            schema = {"type": "string", "format": fmt}
        params.append(
            {
                "name": name,
                "in": "query",
                "description": f"Only include resources by {name}.",
                "schema": schema,
            }
        )
    for name, fmt in resource.inequalities:
        variants = (name, f"{name}<", f"{name}>") if inequality_filters else (name,)
        for variant in variants:
            params.append(
                {
                    "name": variant,
                    "in": "query",
                    "schema": {"type": "string", "format": fmt},
                    "description": f"Filter by {name}; `{name}<=` and `{name}>=` give a range.",
                }
            )
    params += [
        {
            "name": "PageSize",
            "in": "query",
            "description": "How many resources to return in each list page.",
            "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000},
        },
        {
            "name": "Page",
            "in": "query",
            "description": "The page index.",
            "schema": {"type": "integer", "minimum": 0},
        },
        {"name": "PageToken", "in": "query", "description": "The page token.", "schema": {"type": "string"}},
    ]
    return params


def _add_resource(doc: JSON, product: _Product, resource: _Resource, *, inequality_filters: bool) -> None:
    """Add a resource's list path (List/Create) and instance path (Fetch/Update/Delete)."""
    schemas = doc["components"]["schemas"]
    snake = _snake(resource.name)
    model_name = f"{product.schema_prefix}.{snake}"
    status_ref = None
    if resource.statuses:
        enum_name = f"{_snake(product.prefix) + '_' if product.prefix else ''}{snake}_enum_status"
        schemas[enum_name] = {"type": "string", "enum": list(resource.statuses)}
        status_ref = f"#/components/schemas/{enum_name}"
    schemas[model_name] = _model_schema(product, resource, status_ref)
    model_ref = f"#/components/schemas/{model_name}"
    tag = f"{product.prefix or 'Api20100401'}{resource.name}"
    list_path = f"{product.root}{resource.path}{product.suffix}"
    instance_path = f"{product.root}{resource.path}/{{{resource.instance}}}{product.suffix}"
    key = _snake(resource.path.rsplit("/", 1)[-1])

    def operation(verb: str, path: str, responses: JSON, **extra: Any) -> JSON:
        op: JSON = {
            "description": f"{verb} {resource.name}",
            "tags": [tag],
            "parameters": [_path_param(n) for n in _names_in(path)],
            "responses": responses,
            "security": [{"accountSid_authToken": []}],
            "operationId": f"{verb}{product.prefix}{resource.name}",
            "x-maturity": ["GA"],
            **extra,
        }
        if resource.deprecated:
            op["deprecated"] = True
            op["x-maturity"] = ["Deprecated"]
        return op

    created = {
        "201": {"content": {"application/json": {"schema": {"$ref": model_ref}}}, "description": "Created"}
    }
    fetched = {"200": {"content": {"application/json": {"schema": {"$ref": model_ref}}}, "description": "OK"}}
    list_item: JSON = {}
    if "L" in resource.ops:
        op = operation("List", list_path, _list_response(product, resource, model_ref, key))
        op["parameters"] += _list_parameters(resource, inequality_filters)
        list_item["get"] = op
    if "C" in resource.ops:
        body = _form_body(
            f"Create{product.prefix}{resource.name}Request", resource.fields, required_first=True
        )
        op = operation("Create", list_path, created, requestBody=body)
        if product is _CONVERSATIONS_V1:
            op["parameters"].append(_webhook_header(doc))
        list_item["post"] = op
    _put_path(doc, list_path, product, list_item, "list")
    if not resource.instance:
        return
    instance_item: JSON = {}
    if "F" in resource.ops:
        op = operation("Fetch", instance_path, fetched)
        if resource.name in ("Media", "Recording"):  # media is served from a CDN-backed host
            op["servers"] = [{"url": "https://api.twilio.com"}, {"url": "https://media.twiliocdn.com"}]
        instance_item["get"] = op
    if "U" in resource.ops:
        body = _form_body(
            f"Update{product.prefix}{resource.name}Request", resource.fields, required_first=False
        )
        instance_item["post"] = operation("Update", instance_path, fetched, requestBody=body)
    if "D" in resource.ops:
        deleted = {"204": {"description": "The resource was deleted successfully."}}
        instance_item["delete"] = operation("Delete", instance_path, deleted)
    _put_path(doc, instance_path, product, instance_item, "instance")


def _webhook_header(doc: JSON) -> JSON:
    doc["components"]["schemas"]["conversations_v1_webhook_enabled_type"] = {
        "type": "string",
        "enum": ["true", "false"],
    }
    return {
        "name": "X-Twilio-Webhook-Enabled",
        "in": "header",
        "description": "The X-Twilio-Webhook-Enabled HTTP request header",
        "schema": {"type": "string", "$ref": "#/components/schemas/conversations_v1_webhook_enabled_type"},
    }


def _put_path(doc: JSON, path: str, product: _Product, operations: JSON, path_type: str) -> None:
    if not operations:
        return
    item = doc["paths"].setdefault(
        path,
        {
            "servers": [{"url": product.host}],
            "description": "",
            "x-twilio": {
                "defaultOutputProperties": ["sid", "friendly_name", "date_created"],
                "pathType": path_type,
            },
        },
    )
    item.update(operations)


def _add_account_resource(doc: JSON) -> None:
    """`/2010-04-01/Accounts.json` and `/Accounts/{Sid}.json`, the roots of the 2010 API."""
    schemas = doc["components"]["schemas"]
    schemas["account_enum_status"] = {"type": "string", "enum": ["active", "suspended", "closed"]}
    schemas["account_enum_type"] = {"type": "string", "enum": ["Trial", "Full"]}
    schemas["api.v2010.account"] = {
        "type": "object",
        "properties": {
            "auth_token": {
                "type": "string",
                "nullable": True,
                "x-twilio": {"pii": {"handling": "sensitive"}},
            },
            "date_created": {"type": "string", "format": "date-time-rfc-2822", "nullable": True},
            "friendly_name": {"type": "string", "nullable": True},
            "sid": {**_sid_schema("AC"), "nullable": True},
            "status": {
                "type": "string",
                "$ref": "#/components/schemas/account_enum_status",
                "nullable": True,
            },
            "type": {"type": "string", "$ref": "#/components/schemas/account_enum_type", "nullable": True},
            "subresource_uris": {"type": "object", "format": "uri-map", "nullable": True},
        },
    }
    ref = {"$ref": "#/components/schemas/api.v2010.account"}
    one = {"content": {"application/json": {"schema": ref}}, "description": "OK"}
    page = {"type": "integer"}
    listing = {
        "type": "object",
        "title": "ListAccountResponse",
        "properties": {
            "accounts": {"type": "array", "items": ref},
            "page": page,
            "page_size": page,
            "next_page_uri": {"type": "string", "format": "uri", "nullable": True},
        },
    }
    body = _form_body("CreateAccountRequest", ("FriendlyName",), required_first=False)
    common = {
        "tags": ["Api20100401Account"],
        "security": [{"accountSid_authToken": []}],
        "x-maturity": ["GA"],
    }
    sid = {"name": "Sid", "in": "path", "schema": _sid_schema("AC"), "required": True}
    doc["paths"]["/2010-04-01/Accounts.json"] = {
        "servers": [{"url": "https://api.twilio.com"}],
        "get": {
            **common,
            "operationId": "ListAccount",
            "parameters": [
                {"name": "FriendlyName", "in": "query", "schema": {"type": "string"}},
                {
                    "name": "Status",
                    "in": "query",
                    "schema": {"type": "string", "$ref": "#/components/schemas/account_enum_status"},
                },
                {"name": "PageSize", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            ],
            "responses": {"200": {"content": {"application/json": {"schema": listing}}, "description": "OK"}},
        },
        "post": {
            **common,
            "operationId": "CreateAccount",
            "requestBody": body,
            "responses": {"201": {**one, "description": "Created"}},
        },
    }
    doc["paths"]["/2010-04-01/Accounts/{Sid}.json"] = {
        "servers": [{"url": "https://api.twilio.com"}],
        "get": {**common, "operationId": "FetchAccount", "parameters": [sid], "responses": {"200": one}},
        "post": {
            **common,
            "operationId": "UpdateAccount",
            "parameters": [sid],
            "requestBody": _form_body(
                "UpdateAccountRequest", ("FriendlyName", "Status"), required_first=False
            ),
            "responses": {"200": one},
        },
    }


# ============================================================================================
# (b) One trigger per lint rule


def _ok(description: str = "OK") -> JSON:
    return {"200": {"description": description}}


def _op(operation_id: str | None, tag: str = "rules", **extra: Any) -> JSON:
    op: JSON = {"tags": [tag], "responses": _ok(), **extra}
    if operation_id is not None:
        op["operationId"] = operation_id
    return op


def _query(name: str, schema: JSON | None = None, **extra: Any) -> JSON:
    return {"name": name, "in": "query", "schema": schema or {"type": "string"}, **extra}


#: (operation, rule) pairs the lint must report for `rule_triggers_document()`, per rule.
RULE_TRIGGERS: dict[str, set[tuple[str, str]]] = {
    "operation-id-missing": {("GET /no-operation-id", "operation-id-missing")},
    "operation-id-duplicate": {
        ("GET /duplicate-a", "operation-id-duplicate"),
        ("GET /duplicate-b", "operation-id-duplicate"),
        ("GET /module-a", "operation-id-duplicate"),
        ("GET /module-b", "operation-id-duplicate"),
    },
    "parameter-name-collision": {
        ("GET /tags-collision", "parameter-name-collision"),
        ("GET /duplicate-parameter", "parameter-name-collision"),
        ("POST /body-shadow", "parameter-name-collision"),
    },
    "parameter-content": {
        ("GET /content-parameter", "parameter-content"),
        ("GET /component-content-parameter", "parameter-content"),
    },
    "parameter-style": {("GET /deep-object", "parameter-style"), ("GET /explode-false", "parameter-style")},
    "path-parameter-undeclared": {("GET /things/{missing}", "path-parameter-undeclared")},
    "path-parameter-unused": {("GET /unused-path-parameter", "path-parameter-unused")},
    "path-parameter-optional": {("GET /optional-path/{id}", "path-parameter-optional")},
    "path-template-invalid": {("GET /dotted/{file.name}", "path-template-invalid")},
    "path-item-ref": {("GET /path-item-ref", "path-item-ref")},
    "header-array": {("GET /header-array", "header-array")},
    "header-type": {("GET /header-date", "header-type")},
    "enum-key-collision": {
        ("schema Channel", "enum-key-collision"),
        ("schema Separator", "enum-key-collision"),
    },
    "enum-value-type": {("schema MixedEnum", "enum-value-type")},
    "request-body-unsupported": {("POST /text-body", "request-body-unsupported")},
    "response-unsupported": {("GET /xml-response", "response-unsupported")},
    "response-status-invalid": {("GET /bad-status", "response-status-invalid")},
    "ref-missing": {("GET /missing-ref", "ref-missing"), ("header RateLimit", "ref-missing")},
    "ref-unsupported": {("GET /deep-ref", "ref-unsupported")},
    # Found by the dry parse with the generator's own parser:
    "model-name-collision": {("schema Contact Note", "model-name-collision")},
    "enum-name-collision": {("schema Thing", "enum-name-collision")},
    "property-name-collision": {("schema Reading", "property-name-collision")},
    "model-module-collision": {("schema HTTPError", "model-module-collision")},
}


def rule_triggers_document(*, crash: bool = True, module_collision: bool = True) -> JSON:
    """One instance of each lint rule's trigger, each on its own operation or schema.

    `crash=False` leaves out the enum that crashes the generator (`schema Channel`);
    `module_collision=False` leaves out the two models that share a module file (which breaks
    every import), so the rest can be generated and imported.
    """
    widget = {"type": "object", "properties": {"name": {"type": "string"}}}
    paths: JSON = {
        "/no-operation-id": {"get": _op(None)},
        "/duplicate-a": {"get": _op("duplicateId", "dups")},
        "/duplicate-b": {"get": _op("duplicateId", "dups")},
        "/module-a": {"get": _op("listWidgets", "dups")},
        "/module-b": {"get": _op("list_widgets", "dups")},
        "/tags-collision": {
            "get": _op(
                "tagsCollision",
                parameters=[
                    _query("tags", {"type": "array", "items": {"type": "string"}}),
                    _query("tags[]", {"type": "array", "items": {"type": "string"}}),
                ],
            )
        },
        "/duplicate-parameter": {
            "get": _op(
                "duplicateParameter",
                parameters=[_query("limit", {"type": "integer"}), _query("limit", {"type": "integer"})],
            )
        },
        "/body-shadow": {
            "post": _op(
                "bodyShadow",
                parameters=[_query("body")],
                requestBody={
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"x": {"type": "string"}}}
                        }
                    }
                },
            )
        },
        "/content-parameter": {
            "get": _op(
                "contentParameter",
                parameters=[
                    {
                        "name": "filter",
                        "in": "query",
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"a": {"type": "string"}}}
                            }
                        },
                    }
                ],
            )
        },
        "/component-content-parameter": {
            "get": _op(
                "componentContentParameter", parameters=[{"$ref": "#/components/parameters/JsonFilter"}]
            )
        },
        "/deep-object": {
            "get": _op(
                "deepObject",
                parameters=[
                    _query(
                        "filter",
                        {"type": "object", "properties": {"status": {"type": "string"}}},
                        style="deepObject",
                        explode=True,
                    )
                ],
            )
        },
        "/explode-false": {
            "get": _op(
                "explodeFalse",
                parameters=[_query("ids", {"type": "array", "items": {"type": "integer"}}, explode=False)],
            )
        },
        "/things/{missing}": {"get": _op("missingPathParameter")},
        "/unused-path-parameter": {
            "get": _op(
                "unusedPathParameter",
                parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            )
        },
        "/optional-path/{id}": {
            "get": _op(
                "optionalPathParameter",
                parameters=[{"name": "id", "in": "path", "schema": {"type": "integer"}}],
            )
        },
        "/dotted/{file.name}": {"get": _op("dottedTemplate")},
        "/shared": {"get": _op("sharedThing", "shared")},
        "/path-item-ref": {"$ref": "#/paths/~1shared"},
        "/header-array": {
            "get": _op(
                "headerArray",
                parameters=[
                    {
                        "name": "X-Ids",
                        "in": "header",
                        "schema": {"type": "array", "items": {"type": "string"}},
                    }
                ],
            )
        },
        # A nullable string would be fine (a union of str and None); a date-time is not.
        "/header-date": {
            "get": _op(
                "headerDate",
                parameters=[
                    {
                        "name": "If-Modified-Since",
                        "in": "header",
                        "schema": {"type": "string", "format": "date-time"},
                    }
                ],
            )
        },
        "/text-body": {
            "post": _op("textBody", requestBody={"content": {"text/plain": {"schema": {"type": "string"}}}})
        },
        "/xml-response": {
            "get": _op(
                "xmlResponse",
                responses={
                    "200": {
                        "description": "OK",
                        "content": {"application/xml": {"schema": {"type": "string"}}},
                    }
                },
            )
        },
        "/bad-status": {"get": _op("badStatus", responses={"abc": {"description": "not a status"}})},
        "/missing-ref": {
            "get": _op(
                "missingRef",
                responses={
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/DoesNotExist"}}
                        },
                    }
                },
            )
        },
        "/deep-ref": {
            "get": _op(
                "deepRef",
                responses={
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Widget/properties/name"}
                            }
                        },
                    }
                },
            )
        },
        "/widgets": {
            "get": _op(
                "getWidget",
                responses={
                    "200": {
                        "description": "OK",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}},
                    }
                },
            )
        },
    }
    schemas: JSON = {
        "Widget": widget,
        "Channel": {"type": "string", "enum": ["sms", "SMS"]},
        "Separator": {"type": "string", "enum": ["a_b", "a-b"]},
        "MixedEnum": {"enum": [1, "one"]},
        # The inline `page` object is named ContactNotePage too: the generator drops Contact Note.
        "Contact Note": {
            "type": "object",
            "properties": {
                "body": {"type": "string"},
                "page": {"type": "object", "properties": {"next": {"type": "string"}}},
            },
        },
        "ContactNotePage": {"type": "object", "properties": {"total": {"type": "integer"}}},
        # The inline `kind` enum is named ThingKind, like the component with other values.
        "Thing": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}},
        "ThingKind": {"type": "string", "enum": ["c", "d"]},
        "Reading": {
            "type": "object",
            "properties": {"DateSent": {"type": "string"}, "DateSent<": {"type": "string"}},
        },
        "HTTPError": {"type": "object", "properties": {"code": {"type": "integer"}}},
        "HttpError": {"type": "object", "properties": {"message": {"type": "string"}}},
    }
    if not crash:
        del schemas["Channel"]
    if not module_collision:
        del schemas["HTTPError"], schemas["HttpError"]
    return {
        "openapi": "3.0.3",
        "info": {"title": "Rule triggers", "version": "1"},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "parameters": {
                "JsonFilter": {
                    "name": "filter",
                    "in": "query",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
            "headers": {"RateLimit": {"schema": {"$ref": "#/components/schemas/RateLimitValue"}}},
        },
    }


# ============================================================================================
# (c) Clean: OpenAPI 3.1 that the generator handles completely


def clean_document() -> JSON:
    """OpenAPI 3.1 with type arrays, `null` in unions, enums (str, int, `x-enum-varnames`), `const`,
    allOf/oneOf, path-level parameters, header and cookie parameters, JSON/form/multipart bodies,
    `2XX`/`default`/text/binary responses, servers, security and a deprecated operation.
    """
    ref = "#/components/schemas/"
    error = {"content": {"application/json": {"schema": {"$ref": f"{ref}Error"}}}, "description": "Error"}
    contact_id = {"name": "contact_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {"title": "Clean CRM", "version": "2.0.0"},
            "servers": [{"url": "https://api.example.com/v2"}],
            "security": [{"bearer": []}],
            "tags": [{"name": "Contact Notes"}, {"name": "Contacts"}],
            "paths": {
                "/contacts": {
                    "get": {
                        "operationId": "listContacts",
                        "tags": ["Contacts"],
                        "parameters": [
                            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                            {
                                "name": "per_page",
                                "in": "query",
                                "schema": {"type": "integer", "exclusiveMinimum": 0},
                            },
                            {"name": "status", "in": "query", "schema": {"$ref": f"{ref}ContactStatus"}},
                            {"name": "filter[owner]", "in": "query", "schema": {"type": "string"}},
                            {
                                "name": "tags[]",
                                "in": "query",
                                "style": "form",
                                "explode": True,
                                "schema": {"type": "array", "items": {"type": "string"}},
                            },
                            {
                                "name": "since",
                                "in": "query",
                                "schema": {"type": ["string", "null"], "format": "date-time"},
                            },
                            {
                                "name": "X-Request-Id",
                                "in": "header",
                                "schema": {"type": "string", "format": "uuid"},
                            },
                            {"name": "X-Trace", "in": "header", "schema": {"type": ["string", "null"]}},
                            {
                                "name": "X-Retry",
                                "in": "header",
                                "schema": {"type": "integer", "nullable": True},
                            },
                            {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                        ],
                        "responses": {
                            "200": {
                                "description": "A page",
                                "content": {"application/json": {"schema": {"$ref": f"{ref}ContactPage"}}},
                            },
                            "4XX": error,
                        },
                    },
                    "post": {
                        "operationId": "createContact",
                        "tags": ["Contacts"],
                        "requestBody": {
                            "required": True,
                            "content": {"application/json": {"schema": {"$ref": f"{ref}NewContact"}}},
                        },
                        "responses": {
                            "201": {
                                "description": "Created",
                                "content": {"application/json": {"schema": {"$ref": f"{ref}Contact"}}},
                            },
                            "default": error,
                        },
                    },
                },
                "/contacts/{contact_id}": {
                    "parameters": [contact_id],
                    "get": {
                        "operationId": "getContact",
                        "tags": ["Contacts"],
                        "responses": {
                            "200": {
                                "description": "OK",
                                "content": {"application/json": {"schema": {"$ref": f"{ref}Contact"}}},
                            },
                            "404": error,
                        },
                    },
                    "patch": {
                        "operationId": "updateContact",
                        "tags": ["Contacts"],
                        "requestBody": {
                            "content": {
                                "application/x-www-form-urlencoded": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "first_name": {"type": "string"},
                                            "priority": {"$ref": f"{ref}Priority"},
                                        },
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "OK",
                                "content": {"application/json": {"schema": {"$ref": f"{ref}Contact"}}},
                            }
                        },
                    },
                    "delete": {
                        "operationId": "deleteContact",
                        "tags": ["Contacts"],
                        "responses": {"204": {"description": "Deleted"}},
                    },
                },
                "/contacts/{contact_id}/avatar": {
                    "put": {
                        "operationId": "uploadAvatar",
                        "tags": ["Contacts"],
                        "parameters": [contact_id],
                        "requestBody": {
                            "content": {
                                "multipart/form-data": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "file": {"type": "string", "format": "binary"},
                                            "caption": {"type": "string"},
                                        },
                                    }
                                }
                            }
                        },
                        "responses": {
                            "200": {
                                "description": "Stored",
                                "content": {"text/plain": {"schema": {"type": "string"}}},
                            }
                        },
                    },
                },
                "/contacts/{contact_id}/export": {
                    "get": {
                        "operationId": "exportContact",
                        "tags": ["Contacts"],
                        "deprecated": True,
                        "parameters": [contact_id],
                        "responses": {
                            "2XX": {
                                "description": "vCard",
                                "content": {
                                    "application/octet-stream": {
                                        "schema": {"type": "string", "format": "binary"}
                                    }
                                },
                            }
                        },
                    },
                },
                "/contacts/{contact_id}/notes": {
                    "get": {
                        "operationId": "listContactNotes",
                        "tags": ["Contact Notes"],
                        "parameters": [contact_id],
                        "responses": {
                            "200": {
                                "description": "Notes",
                                "content": {
                                    "application/json": {
                                        "schema": {"type": "array", "items": {"$ref": f"{ref}Note"}}
                                    }
                                },
                            }
                        },
                    },
                },
                "/health": {
                    "servers": [{"url": "https://status.example.com"}],
                    "get": {
                        "operationId": "getHealth",
                        "security": [],
                        "responses": {"200": {"description": "Up"}},
                    },
                },
            },
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                "schemas": {
                    "ContactStatus": {"type": "string", "enum": ["active", "archived", "in-progress"]},
                    "Priority": {
                        "type": "integer",
                        "enum": [1, 2, 3],
                        "x-enum-varnames": ["low", "medium", "high"],
                    },
                    "User": {
                        "type": "object",
                        "required": ["id"],
                        "properties": {"id": {"type": "integer"}, "name": {"type": ["string", "null"]}},
                    },
                    "Contact": {
                        "type": "object",
                        "required": ["id", "first_name"],
                        "properties": {
                            "id": {"type": "integer"},
                            "first_name": {"type": "string"},
                            "last_name": {"type": ["string", "null"]},
                            "email": {"type": ["string", "null"], "format": "email"},
                            "status": {"$ref": f"{ref}ContactStatus"},
                            "priority": {"oneOf": [{"$ref": f"{ref}Priority"}, {"type": "null"}]},
                            "tags": {"type": "array", "items": {"type": "string"}},
                            "created_at": {"type": "string", "format": "date-time"},
                            "owner": {"oneOf": [{"$ref": f"{ref}User"}, {"type": "null"}]},
                            "score": {"type": "number"},
                            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                            "kind": {"const": "contact"},
                            "from": {"type": "string"},
                        },
                    },
                    "NewContact": {
                        "allOf": [
                            {"$ref": f"{ref}User"},
                            {
                                "type": "object",
                                "properties": {"role": {"type": "string", "enum": ["admin", "member"]}},
                            },
                        ]
                    },
                    "ContactPage": {
                        "type": "object",
                        "properties": {
                            "data": {"type": "array", "items": {"$ref": f"{ref}Contact"}},
                            "meta": {
                                "type": "object",
                                "properties": {
                                    "total": {"type": "integer"},
                                    "next": {"type": ["string", "null"]},
                                },
                            },
                        },
                    },
                    "Note": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "integer"},
                            "body": {"type": "string"},
                            "pinned": {"type": "boolean"},
                        },
                    },
                    "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
                },
            },
        }
    )
