"""The shape of a progress export: every field's type and range, checked by
msgspec while it decodes (in C, faster than ``json.loads`` alone).

What msgspec cannot know — the course's ids, the clock, rules across fields —
``importer.check_export`` checks on the decoded values. Nothing here touches
the store: a file that fails is refused before the database is opened.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta, Struct

from gonghui_tui.domain.loader import _ID as COURSE_ID

# Bounds: generous for any real trainee, small enough that no figure
# computed from them overflows or takes noticeable time.
MAX_ID = 200
MAX_TEXT = 1_000_000  # characters in one note
MAX_ITEMS = 1_000_000  # sections, notes or cards in one file
MAX_REVIEWS = 10_000_000
MAX_STEP = 100
MAX_COUNT = 1_000_000  # reps, lapses
MAX_STABILITY = 1_000_000.0  # days; fsrs caps intervals at 36,500
MAX_DURATION_MS = 86_400_000  # one answer: a day at most
MAX_SECONDS = 1e9  # reading time of one section
MIN_DIFFICULTY, MAX_DIFFICULTY = 1.0, 10.0  # fsrs.scheduler's bounds
STATES = (0, 3)  # new, learning, review, relearning

Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID, pattern=COURSE_ID.pattern)]
Time = Annotated[datetime, Meta(tz=True)]
Short = Annotated[str, Meta(max_length=200)]
Count = Annotated[int, Meta(ge=0, le=MAX_COUNT)]
State = Annotated[int, Meta(ge=STATES[0], le=STATES[1])]


class CourseIn(Struct, gc=False):
    id: Id
    title: Annotated[str, Meta(max_length=10_000)] = ""


class SettingsIn(Struct, frozen=True, gc=False):
    """Only ``desired_retention`` is used (to replay merged logs); the rest must still be sane.
    The ranges are the settings file's own (a test keeps them equal)."""

    new_cards_per_day: Annotated[int, Meta(ge=0, le=9999)] = 20
    max_reviews_per_day: Annotated[int, Meta(ge=0, le=99999)] = 200
    desired_retention: Annotated[float, Meta(ge=0.7, le=0.99)] = 0.9
    read_dwell_seconds: Annotated[float, Meta(ge=0, le=3600)] = 8.0
    theme: Short = ""
    language: Short = ""


class SectionIn(Struct, gc=False):
    id: Id
    read: bool = False
    first_read: Time | None = None
    last_read: Time | None = None
    seconds: Annotated[float, Meta(ge=0, le=MAX_SECONDS)] = 0.0


class NoteIn(Struct, gc=False):
    section: Id
    text: Annotated[str, Meta(max_length=MAX_TEXT)]
    updated: Time


class CardIn(Struct, gc=False):
    id: Id
    state: State
    due: Time
    step: Annotated[int, Meta(ge=0, le=MAX_STEP)] | None = None
    stability: Annotated[float, Meta(gt=0, le=MAX_STABILITY)] | None = None
    difficulty: Annotated[float, Meta(ge=MIN_DIFFICULTY, le=MAX_DIFFICULTY)] | None = None
    reps: Count = 0
    lapses: Count = 0
    suspended: bool = False
    leech: bool = False
    last_review: Time | None = None
    buried_until: Time | None = None


class ReviewIn(Struct, gc=False):
    card: Annotated[str, Meta(min_length=1, max_length=MAX_ID)]  # the id's pattern: import_check
    rating: Annotated[int, Meta(ge=1, le=4)]
    reviewed: Time
    duration_ms: Annotated[int, Meta(ge=0, le=MAX_DURATION_MS)] | None = None
    state_before: State | None = None


class TraineeIn(Struct, gc=False):
    """Who made the export (issue 19); the cohort report reads it, import ignores it."""

    name: Short = ""
    unit: Short = ""


class ExportIn(Struct, gc=False):
    format: Short
    format_version: int
    course: CourseIn
    trainee: TraineeIn | None = None
    settings: SettingsIn = SettingsIn()
    position: Id | None = None
    exported_at: Time | None = None
    sections: Annotated[list[SectionIn], Meta(max_length=MAX_ITEMS)] = []
    notes: Annotated[list[NoteIn], Meta(max_length=MAX_ITEMS)] = []
    cards: Annotated[list[CardIn], Meta(max_length=MAX_ITEMS)] = []
    reviews: Annotated[list[ReviewIn], Meta(max_length=MAX_REVIEWS)] = []


class Header(Struct, gc=False):
    """Read only on the error path, to tell a foreign file from a damaged export."""

    format: object = None
    format_version: object = None


def bounds(path: list[str | int]) -> tuple[object, object, bool, bool] | None:
    """(low, high, low inclusive, high inclusive) of the number at ``path``, if it has bounds."""
    info = msgspec.inspect.type_info(ExportIn)
    for step in path:
        info = _unwrap(info)
        if isinstance(step, int) and isinstance(info, msgspec.inspect.ListType):
            info = info.item_type
        elif isinstance(step, str) and isinstance(info, msgspec.inspect.StructType):
            info = next((f.type for f in info.fields if f.encode_name == step), None)
        else:
            return None
    info = _unwrap(info)
    if not isinstance(info, (msgspec.inspect.IntType, msgspec.inspect.FloatType)):
        return None
    low = info.ge if info.ge is not None else info.gt
    high = info.le if info.le is not None else info.lt
    return low, high, info.gt is None, info.lt is None


def _unwrap(info):
    if isinstance(info, msgspec.inspect.UnionType):
        rest = [t for t in info.types if not isinstance(t, msgspec.inspect.NoneType)]
        return rest[0] if len(rest) == 1 else info
    return info
