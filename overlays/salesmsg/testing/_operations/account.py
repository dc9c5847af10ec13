"""The caller, the organization, its teams (inboxes), numbers, broadcasts and recent attachments."""

from __future__ import annotations

from typing import Any

from salesmsg.testing._operations._call import Call, Handler
from salesmsg.testing._render import (
    paginate,
    render_attachment,
    render_broadcast,
    render_member,
    render_number,
    render_organization,
    render_team,
    render_user,
)


def get_current_user(call: Call) -> Any:
    return render_user(call.store, call.store.user(call.user_id))


def get_me(call: Call) -> Any:
    # Only error answers of /users/me were observed; the fake answers the profile, like GET /user.
    return render_user(call.store, call.store.user(call.user_id))


def get_current_organization(call: Call) -> Any:
    return render_organization(call.store)


def list_organization_members(call: Call) -> Any:
    return [render_member(user) for user in sorted(call.store.users.values(), key=lambda u: u.id)]


def list_teams(call: Call) -> Any:
    teams = sorted(call.store.teams.values(), key=lambda t: t.id)
    if call.query.get("has_membership"):
        mine = call.store.user(call.user_id).team_ids
        teams = [team for team in teams if team.id in mine]
    limit = call.query.get("limit")
    return [render_team(team) for team in teams[: limit if limit is not None else None]]


def list_all_teams(call: Call) -> Any:
    return [render_team(team) for team in sorted(call.store.teams.values(), key=lambda t: t.id)]


def get_team(call: Call) -> Any:
    return render_team(call.store.team(call.path["team"]))


def list_team_numbers(call: Call) -> Any:
    numbers = call.store.team_numbers(call.store.team(call.path["team"]).id)
    limit = call.query.get("limit")
    return {"data": [render_number(n) for n in numbers[: limit if limit is not None else None]]}


def list_numbers(call: Call) -> Any:
    numbers = sorted(call.store.numbers.values(), key=lambda n: n.id)
    query = "".join(ch for ch in str(call.query.get("query", "")) if ch.isdigit())
    if query:
        numbers = [n for n in numbers if query in n.number]
    chunk, _ = paginate(numbers, call.query.get("page", 1), call.query.get("limit", 15))
    return {"data": [render_number(n) for n in chunk]}  # the envelope the patched document declares


def list_broadcasts(call: Call) -> Any:
    broadcasts = sorted(call.store.broadcasts.values(), key=lambda b: b.id, reverse=True)
    chunk, meta = paginate(broadcasts, call.query.get("page", 1), call.query.get("per_page", 15))
    return {"data": [render_broadcast(b) for b in chunk], "meta": meta}


def list_recent_attachments(call: Call) -> Any:
    attachments = sorted(call.store.attachments.values(), key=lambda a: a.id, reverse=True)
    return [render_attachment(a) for a in attachments[:50]]


HANDLERS: dict[str, Handler] = {
    "getCurrentUser": get_current_user,
    "getMe": get_me,
    "getCurrentOrganization": get_current_organization,
    "listOrganizationMembers": list_organization_members,
    "listTeams": list_teams,
    "listAllTeams": list_all_teams,
    "getTeam": get_team,
    "listTeamNumbers": list_team_numbers,
    "listNumbers": list_numbers,
    "listBroadcasts": list_broadcasts,
    "listRecentAttachments": list_recent_attachments,
}
