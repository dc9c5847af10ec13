"""Parsing: 10,000 message objects into models, against `json.loads` alone; and back with `to_dict`.

    python scripts/bench.py --only parsing

The document is one JSON array of 10,000 messages shaped like the vendor's (facts §3.3, and what
the fake renders): every field present, times as "YYYY-MM-DD HH:MM:SS" (some ISO 8601 with a zone),
"" for times not set, a third with `media`, some call messages with a `record`, some with the
embedded `contact` and `user`, and keys the document does not declare (they must be kept in
`additional_properties`). It is made from a fixed seed, so every run parses the same bytes.

Figures, each the median of runs against `json.loads(text)` in the same process; each run times
the three actions in a rotating order, so drift on a shared machine hits them all alike:

- `json.loads` + `Message.from_dict` for each object (what `sm.messages.list` does after the wire);
- the round trip: that, then `to_dict()` of every model;
- round-trip mismatches: `Message.from_dict(m.to_dict()) != m` for any of the models (goal 0:
  nothing is lost or changed by the models).
"""

from __future__ import annotations

import gc
import json
import random
from collections.abc import Callable
from typing import Any

from salesmsg_client.models.message import Message

from .figures import Figure, Goal, median, seconds

__all__ = ["RUNS", "run", "synthetic_messages"]

RUNS = 7
COUNT = 10_000


def _time(rng: random.Random, day: int) -> str:
    clock = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    moment = f"2026-{1 + day % 12:02d}-{1 + day % 28:02d} {clock}"
    if rng.random() < 0.1:  # a few in ISO 8601 with a zone, as newer endpoints send them
        return moment.replace(" ", "T") + rng.choice(("Z", "+00:00", ".000000Z"))
    return moment


def _person(rng: random.Random, ident: int) -> dict[str, Any]:
    first, last = rng.choice(("Jane", "John", "Ada", "Sam")), rng.choice(("Doe", "Roe", "Lovelace"))
    number = f"+1415555{ident % 10_000:04d}"
    return {
        "id": ident,
        "first_name": first,
        "last_name": last,
        "full_name": f"{first} {last}",
        "number": number,
        "formatted_number": f"({number[2:5]}) {number[5:8]}-{number[8:]}",
        "email": f"{first.lower()}.{ident}@example.com",
        "photo_url": None,
        "color": "#4a90e2",  # undeclared on User: kept as an additional property
    }


def _message(rng: random.Random, index: int) -> dict[str, Any]:
    outbound = rng.random() < 0.5
    call = rng.random() < 0.05
    when = _time(rng, index)
    status = "record" if call else ("delivered" if outbound else "received")
    message: dict[str, Any] = {
        "id": 600_000_000 + index,
        "conversation_id": 5_000 + index % 300,
        "contact_id": 1_000 + index % 300,
        "inbox_id": 11,
        "user_id": 101 if outbound else 0,
        "body": "" if call else f"Hi! Your order #{10_000 + index} shipped &#039;today&#039;.",
        "body_raw": "" if call else f"Hi! Your order #{10_000 + index} shipped 'today'.",
        "type": "call" if call else "sms",
        "status": status,
        "mms_status": "",
        "automated": rng.random() < 0.2,
        "has_tagging": False,
        "icon": "icon_inbound_call" if call else "",
        "source": "call" if call else "app",
        "source_id": None,
        "stop_on_response": False,
        "failed_reason": None,
        "created_at": when,
        "send_at": "",
        "queued_at": when if outbound else "",
        "sent_at": when if outbound else "",
        "delivered_at": when if outbound else "",
        "failed_at": "",
        "received_at": "" if outbound else when,
        "media": [],
        # Undeclared keys the API sends (or may start sending): kept, not dropped.
        "segments": 1 + index % 3,
        "meta": {"campaign": None, "carrier": "T-Mobile"},
    }
    if index % 3 == 0:
        message["mms_status"] = "sent" if outbound else "received"
        message["media"] = [
            {
                "id": 70_000 + index * 2 + k,
                "content_type": "image/jpeg",
                "source": f"https://cdn.example.com/media/{index}/{k}.jpg",
                "source_short": f"https://smsg.io/m{index}{k}",
                "created_at": when,
            }
            for k in range(1 + index % 2)
        ]
    if call:
        message["record"] = {
            "id": 80_000 + index,
            "message_id": message["id"],
            "sid": f"RE{index:032x}",
            "record_id": index,
            "duration": rng.randrange(5, 600),
            "status": "completed",
            "url": f"https://cdn.example.com/calls/{index}.mp3",
            "is_voicemail": rng.random() < 0.3,
            "created_at": when,
            "updated_at": when,
        }
    if index % 10 == 0:
        message["contact"] = _person(rng, message["contact_id"])
        message["user"] = _person(rng, 101) if outbound else _person(rng, 102)
    return message


def synthetic_messages(count: int = COUNT, *, seed: int = 6) -> list[dict[str, Any]]:
    """`count` vendor-shaped message objects, the same for the same seed."""
    rng = random.Random(seed)
    return [_message(rng, index) for index in range(count)]


def _rotated(actions: list[Callable[[], object]], runs: int) -> list[list[float]]:
    """`runs` timings of each action (seconds), the order rotating from run to run.

    The garbage of the previous action is collected before each one, outside the timing.
    """
    samples: list[list[float]] = [[] for _ in actions]
    for index in range(runs):
        for position in range(len(actions)):
            which = (index + position) % len(actions)
            gc.collect()
            samples[which].append(seconds(actions[which]))
    return samples


def _mismatches(text: str) -> int:
    models = [Message.from_dict(item) for item in json.loads(text)]
    return sum(Message.from_dict(model.to_dict()) != model for model in models)


def run(runs: int) -> list[Figure]:
    text = json.dumps(synthetic_messages())

    def loads() -> object:
        return json.loads(text)

    def parse() -> object:
        return [Message.from_dict(item) for item in json.loads(text)]

    def round_trip() -> object:
        return [Message.from_dict(item).to_dict() for item in json.loads(text)]

    round_trip()  # imports and caches warmed before anything is timed
    ms = 1e3
    loaded, parsed, trips = _rotated([loads, parse, round_trip], runs)
    per_message = (median(parsed) - median(loaded)) / COUNT * 1e6
    to_dict = median([trip - parse for trip, parse in zip(trips, parsed, strict=True)]) / COUNT * 1e6
    note = f"{len(text) / COUNT:.0f} bytes per message; {COUNT:,} in one JSON array"
    return [
        Figure(
            "parsing",
            f"json.loads + Message.from_dict, {COUNT:,} messages",
            ours=round(median(parsed) * ms, 2),
            unit="ms",
            baseline=round(median(loaded) * ms, 2),
            baseline_name="json.loads alone",
            samples=[round(value * ms, 2) for value in parsed],
            baseline_samples=[round(value * ms, 2) for value in loaded],
            note=f"from_dict {per_message:.1f} µs per message; {note}",
            extra={"from_dict_us_per_message": round(per_message, 2), "bytes": len(text)},
        ),
        Figure(
            "parsing",
            "round trip: + to_dict() of every model",
            ours=round(median(trips) * ms, 2),
            unit="ms",
            baseline=round(median(loaded) * ms, 2),
            baseline_name="json.loads alone",
            samples=[round(value * ms, 2) for value in trips],
            baseline_samples=[round(value * ms, 2) for value in loaded],
            note=f"to_dict about {to_dict:.1f} µs per message",
            extra={"to_dict_us_per_message": round(to_dict, 2)},
        ),
        Figure(
            "parsing",
            "round-trip mismatches: from_dict(m.to_dict()) != m",
            ours=_mismatches(text),
            unit="messages",
            goal=Goal("ours", "==", 0),
            note=f"of {COUNT:,}; undeclared keys and nested models included",
        ),
    ]
