from enum import StrEnum


class ConversationFilter(StrEnum):
    ASSIGNED = "assigned"
    CLOSED = "closed"
    DRAFT = "draft"
    MENTIONS = "mentions"
    NOCALLS = "nocalls"
    OPEN = "open"
    OPTOUT = "optout"
    OUTBOUND = "outbound"
    PENDING = "pending"
    SCHEDULED = "scheduled"
    UNASSIGNED = "unassigned"
    UNREAD = "unread"

    @classmethod
    def _missing_(cls, value: object) -> "ConversationFilter | None":
        # Open enum: a value the API added after this client was generated becomes an UNKNOWN
        # member that still equals the raw string, instead of a ValueError that loses the response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
