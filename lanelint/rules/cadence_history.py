"""Cadence over time (protocol sections 3 and 9): every heartbeat gap of a lane's active
period, lanes with no timestamps, daily syncs, and preflight stamps placed in time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import workspace_rule
from lanelint.linter.protocol.artifacts.mentions import lane_ids, roles_in
from lanelint.linter.protocol.values import status_state
from lanelint.linter.protocol.vocabulary import statuses
from lanelint.linter.protocol.vocabulary.cadence import EVERYONE
from lanelint.linter.workspace.index import (
    Batch,
    LaneRef,
    StampRef,
    WorkspaceIndex,
    is_active,
    is_done,
    key,
    lane_key,
)
from lanelint.rules._relations import lane_at, on_lane
from lanelint.rules.cadence import _interval, _shown

_DAY = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_EVERYONE = re.compile(r"\b(?:" + "|".join(EVERYONE) + r")\b", re.IGNORECASE)
_LANE_LIST = re.compile(r"[\s,;/&+]+|\band\b", re.IGNORECASE)


def written_day(text: str) -> str:
    """The calendar day a timestamp is written with (``YYYY-MM-DD``), or ``""``."""
    match = _DAY.search(text)
    return match.group(1) if match else ""


#: Heartbeat states that record no work: the lane waits.
_IDLE = frozenset({statuses.BLOCKED, statuses.PENDING})


@dataclass(frozen=True, slots=True)
class Moment:
    when: datetime
    day: str
    path: str
    line: int
    what: str
    working: bool = True


def _stamp_time(ref: StampRef) -> str:
    for name in ("Timestamp", "Date", "Time", "Started", "Start"):
        entry = ref.stamp.field(name)
        if entry is not None and entry.value.strip():
            return entry.value
    return ""


def _names_lane(ref: StampRef, lane: LaneRef) -> bool:
    """A stamp written for this lane: it names the lane or the task (in the lane's batch)."""
    if ref.batch and ref.batch != lane.batch:
        return False
    if ref.task:
        return ref.task == lane.task
    if ref.lane:
        return ref.lane == key(lane.id)
    return False


def _stamps_of(index: WorkspaceIndex, lane: LaneRef) -> list[tuple[Moment, StampRef]]:
    found = []
    for ref in index.stamps:
        if not _names_lane(ref, lane):
            continue
        text = _stamp_time(ref)
        when = index.when(text)
        if when is not None:
            found.append((Moment(when, written_day(text), ref.path, ref.stamp.line, "stamp"), ref))
    found.sort(key=lambda item: item[0].when)
    return found


def _beats(index: WorkspaceIndex, lane: LaneRef) -> list[Moment]:
    found = []
    for beat in index.heartbeats_of(lane):
        when = index.when(beat.item.timestamp)
        if when is not None:
            day = written_day(beat.item.timestamp)
            working = status_state(beat.item.status or "") not in _IDLE
            found.append(Moment(when, day, beat.path, beat.item.line, "heartbeat", working))
    found.sort(key=lambda m: m.when)
    return found


def _done_at(index: WorkspaceIndex, lane: LaneRef) -> Moment | None:
    """When a lane was recorded done: its `Last update` when its status is done, else the
    first heartbeat whose status says done."""
    if is_done(lane.lane.status) and lane.lane.last_update:
        when = index.when(lane.lane.last_update)
        if when is not None:
            day = written_day(lane.lane.last_update)
            return Moment(when, day, lane.path, lane.lane.line, "done record")
    for beat in sorted(
        index.heartbeats_of(lane), key=lambda b: index.when(b.item.timestamp) or datetime.max
    ):
        when = index.when(beat.item.timestamp)
        if when is not None and status_state(beat.item.status or "") == statuses.DONE:
            return Moment(
                when, written_day(beat.item.timestamp), beat.path, beat.item.line, "done record"
            )
    return None


@workspace_rule("PDP910", "heartbeat-gap", Severity.WARNING, section=9)
def heartbeat_gap(ctx: WorkspaceContext) -> Iterator[Finding]:
    """Two records of a lane's active period are further apart than the heartbeat interval.

    ## What it does
    Lays out a lane's active period in time: its first preflight stamp (a stamp naming the
    lane or its task), its heartbeats, and its done record (the `Last update` of a lane
    whose status is done, or a heartbeat whose status says done). Reports every gap between
    two consecutive records that is longer than `heartbeat-interval` (2 hours by default),
    not only the newest one, at the later record. A gap between records written on two
    different calendar days (as written, in the team's own time zone) is not reported:
    nights and weekends are not part of the cadence, and the daily sync covers the change
    of day. The gap from the newest heartbeat to "now" is PDP901's.

    ## Why
    Protocol section 9: a lane heartbeat every 2 hours while the batch is active. Checking
    only the newest gap lets a lane that went quiet for a morning look healthy by the
    afternoon.

    ## Example
    Lane B's heartbeats at `2026-03-03 09:00 UTC`, `09:50 UTC` and `14:30 UTC`: the gap
    from 09:50 to 14:30 is reported at the 14:30 entry. Use instead: a heartbeat at least
    every two hours, with `Blockers` saying why work paused.
    """
    index = ctx.index
    interval = timedelta(minutes=ctx.config.heartbeat_interval_minutes)
    for lane in index.lanes:
        beats = _beats(index, lane)
        if not beats:
            continue
        records = list(beats)
        stamps = _stamps_of(index, lane)
        if stamps and stamps[0][0].when <= beats[0].when:
            records.insert(0, stamps[0][0])
        done = _done_at(index, lane)
        if done is not None:
            records = [r for r in records if r.when <= done.when]
            if not records or records[-1].when < done.when:
                records.append(done)
        for earlier, later in pairwise(records):
            gap = later.when - earlier.when
            if gap <= interval or earlier.day != later.day or not earlier.day:
                continue
            minutes = int(gap.total_seconds() // 60)
            yield Finding(
                later.line,
                f"lane '{lane.id}' went {_interval(minutes)} without a heartbeat: "
                f"{earlier.what} {_shown(earlier.when)} to {later.what} {_shown(later.when)} "
                f"(interval {_interval(ctx.config.heartbeat_interval_minutes)})",
                path=later.path,
                related=(Location(earlier.path, earlier.line, message=f"previous {earlier.what}"),),
            )


@workspace_rule("PDP911", "active-lane-without-timestamps", Severity.WARNING, section=9)
def active_lane_without_timestamps(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An active lane has no heartbeat, and its batch records no timestamp at all.

    ## What it does
    PDP901 measures an active lane's silence against the batch's newest timestamp (or
    `--now`). Where a batch records no timestamp at all (no `Last update`, no heartbeat, no
    escalation date) and `--now` is not given, that measure is impossible; this rule then
    reports each active lane with no heartbeat, so that a batch with no timestamps is not
    left unchecked. Only runs that keep heartbeat logs (at least one heartbeat entry in any
    document) are checked: a team that records heartbeats elsewhere is not judged here.

    ## Why
    Protocol section 9: a heartbeat every 2 hours for each active lane. A lane that has
    never recorded one, in a batch with no dates, cannot be told apart from a lane nobody
    works on.

    ## Example
    A workboard with lane C `active`, no `Last update` column, and no heartbeat for lane C.
    Use instead: a heartbeat entry `## 2026-03-03 11:00 UTC - Lane C` with its status,
    blockers and next step.
    """
    index = ctx.index
    if ctx.config.now or not index.heartbeats:
        return
    for batch in index.batches.values():
        if index.newest(batch) is not None:
            continue
        for lane in batch.lanes:
            if not is_active(lane.lane.status) or index.heartbeats_of(lane):
                continue
            yield on_lane(
                lane,
                f"active lane '{lane.id}' has no heartbeat, and its batch records no timestamp",
                column="status",
            )


def _active_days(index: WorkspaceIndex, batch: Batch) -> dict[str, list[LaneRef]]:
    """Each calendar day (as written) on which a lane of the batch recorded work."""
    days: dict[str, list[LaneRef]] = {}
    for lane in batch.lanes:
        for beat in index.heartbeats_of(lane):
            day = written_day(beat.item.timestamp)
            if day and lane not in days.setdefault(day, []):
                days[day].append(lane)
    return days


def _named(text: str, lane: LaneRef, ctx: WorkspaceContext) -> bool:
    roles = set(roles_in(text, ctx.roles))
    if roles & set(lane.lane.owners):
        return True
    return key(lane.id) in {key(name) for name in lane_ids(text)}


@workspace_rule("PDP912", "daily-sync-missing", Severity.WARNING, section=9)
def daily_sync_missing(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A day of a multi-day batch has no daily sync record, or the record leaves out an
    active lane's owner.

    ## What it does
    A daily sync record is a heading with a date under or beside the words `daily sync`,
    `sync checkpoint`, `daily checkpoint`, `stand-up` or `daily scrum`
    (`## Daily sync 2026-03-03`, or `## 2026-03-03` in a `# Daily sync log`), or a list item
    with a date and those words (`- 2026-03-03 daily sync: TL, SA, EA, QA/SET`), in any
    document of the run. For each batch whose lanes' heartbeats span two or more calendar
    days, each such day needs a record of that date, and the record must name the owner
    role (or the lane, `lane C`) of every lane that recorded a heartbeat that day; `all lane
    owners` or `everyone` names them all, and a record that names no role and no lane at all
    (attendees by name) is not compared. Reported at the batch's first lane table. A batch
    run within one day is not checked, and nor is a run with no sync record at all (the
    team keeps its syncs elsewhere).

    ## Why
    Protocol section 9: one daily synchronization checkpoint across all lane owners. A day
    without it, or an owner who missed it, is where parallel lanes drift apart.

    ## Example
    Heartbeats of lanes B and C on 2026-03-03 and 2026-03-04; `## Daily sync 2026-03-03`
    exists, but nothing for 2026-03-04. Use instead: a record of the 2026-03-04 sync
    naming the Executive Assistant and QA/SET.
    """
    index = ctx.index
    syncs = [(document.path, s) for document in index.documents for s in document.syncs]
    if not syncs:
        return
    by_day: dict[str, list[str]] = {}
    for _, record in syncs:
        by_day.setdefault(record.day, []).append(record.text)
    for batch in index.batches.values():
        days = _active_days(index, batch)
        if len(days) < 2:
            continue
        for day in sorted(days):
            lanes = days[day]
            texts = by_day.get(day)
            if not texts:
                yield Finding(
                    batch.line,
                    f"batch '{batch.id}' has no daily sync record for {day}, a day its lanes "
                    f"{', '.join(repr(lane.id) for lane in lanes)} worked",
                    path=batch.path,
                )
                continue
            text = "\n".join(texts)
            if _EVERYONE.search(text):
                continue
            if not roles_in(text, ctx.roles) and not lane_ids(text):
                continue  # attendees written as people's names: nothing to compare
            missing = [lane for lane in lanes if not _named(text, lane, ctx)]
            if missing:
                owners = ", ".join(f"{lane.lane.owner_text} (lane '{lane.id}')" for lane in missing)
                yield Finding(
                    batch.line,
                    f"the daily sync of {day} does not name the owner of every lane active "
                    f"that day: {owners}",
                    path=batch.path,
                )


def _batch_start(index: WorkspaceIndex, batch: Batch) -> datetime | None:
    values: list[datetime] = []
    for lane in batch.lanes:
        values.extend(m.when for m in _beats(index, lane))
    return min(values) if values else None


@workspace_rule("PDP320", "stamp-out-of-time", Severity.WARNING, section=3)
def stamp_out_of_time(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane's first preflight stamp is dated long before its batch began, or after the
    lane's first heartbeat.

    ## What it does
    For each lane with heartbeats, takes the earliest preflight stamp written for it (a
    stamp whose `Task:` or `Lane:` names it) and its `Timestamp:`. Reports the stamp when it
    is dated more than `stamp-margin` (24 hours by default) before the batch's first
    heartbeat (a stamp reused from an earlier session), or after the lane's own first
    working heartbeat (the session worked before its preflight). Heartbeats whose status
    says the lane is blocked or pending (`waiting for lane B`, `on hold`, `queued`, `not
    started`) do not count as work.
    Stamps without a task or lane are left to PDP321.

    ## Why
    Protocol section 3: every lane session must start with a valid preflight stamp. A stamp
    from another day or written after the work began checked nothing about this session.

    ## Example
    Lane B's stamp says `Timestamp: 2026-03-03 11:00 UTC` and its first heartbeat is at
    `2026-03-03 09:30 UTC`. Use instead: run the preflight before the session starts and
    record that time.
    """
    index = ctx.index
    margin = timedelta(minutes=ctx.config.stamp_margin_minutes)
    for batch in index.batches.values():
        start = _batch_start(index, batch)
        if start is None:
            continue
        for lane in batch.lanes:
            beats = [b for b in _beats(index, lane) if b.working]
            stamps = _stamps_of(index, lane)
            if not beats or not stamps:
                continue
            first, ref = stamps[0]
            if first.when > beats[0].when:
                yield Finding(
                    ref.stamp.line,
                    f"preflight stamp of lane '{lane.id}' is dated {_shown(first.when)}, after "
                    f"the lane's first heartbeat {_shown(beats[0].when)}",
                    path=ref.path,
                    related=(Location(beats[0].path, beats[0].line, message="first heartbeat"),),
                )
            elif first.when < start - margin:
                yield Finding(
                    ref.stamp.line,
                    f"preflight stamp of lane '{lane.id}' is dated {_shown(first.when)}, more "
                    f"than {_interval(ctx.config.stamp_margin_minutes)} before the batch's "
                    f"first heartbeat {_shown(start)}",
                    path=ref.path,
                )


def _fits_by_role(ref: StampRef, lane: LaneRef) -> bool:
    return (
        not ref.task
        and not ref.lane
        and ref.role is not None
        and ref.role in lane.lane.owners
        and (not ref.batch or ref.batch == lane.batch)
    )


@workspace_rule("PDP321", "stamp-without-lane-covers-its-day", Severity.WARNING, section=3)
def stamp_without_lane_covers_its_day(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane worked on a day none of its preflight stamps covers.

    ## What it does
    A preflight stamp that names no task and no lane is matched to lanes by its role only,
    and then covers only the sessions of the day it is dated. For each lane with heartbeats
    whose only stamps are such role-only stamps, reports the first heartbeat of each day
    (as written) with no role-matching stamp of that day. A stamp naming the lane's task or
    lane covers every day; a lane with no fitting stamp at all is PDP307's.

    ## Why
    Protocol section 3: every lane session starts with a valid preflight stamp. Yesterday's
    stamp, which names no lane, says nothing about today's session.

    ## Example
    `Role: QA/SET`, `Timestamp: 2026-03-03 09:00 UTC`, no `Task:`; lane C (QA/SET) has
    heartbeats on 2026-03-03 and 2026-03-04. The first 2026-03-04 heartbeat is reported.
    Use instead: a new stamp each session, or `Task: T-103` in the stamp.
    """
    index = ctx.index
    for lane in index.lanes:
        beats = _beats(index, lane)
        if not beats or any(_names_lane(ref, lane) for ref in index.stamps):
            continue
        days: set[str] = set()
        any_stamp = False
        for ref in index.stamps:
            if _fits_by_role(ref, lane):
                any_stamp = True
                day = written_day(_stamp_time(ref))
                if day:
                    days.add(day)
        if not any_stamp or not days:
            continue
        reported: set[str] = set()
        for beat in beats:
            if not beat.day or beat.day in days or beat.day in reported:
                continue
            reported.add(beat.day)
            yield Finding(
                beat.line,
                f"lane '{lane.id}' worked on {beat.day} with no preflight stamp of that day; "
                f"its stamps name no task or lane and cover only their own day "
                f"({', '.join(sorted(days))})",
                path=beat.path,
            )


@workspace_rule("PDP322", "stamp-claims-concurrent-lanes", Severity.WARNING, section=3)
def stamp_claims_concurrent_lanes(ctx: WorkspaceContext) -> Iterator[Finding]:
    """One preflight stamp claims two or more lanes that are active at the same time.

    ## What it does
    Reads the `Lane:` field of each preflight stamp; where it names several lanes
    (`B, C`, `B and C`, `lanes B/C`) of which two or more are `active` in the stamp's
    batch, reports the stamp. A stamp for lanes that run one after the other (one of them
    done or not started) is fine.

    ## Why
    Protocol section 3: one active lane maps to one dedicated terminal or session. A session
    driving two active lanes mixes their files, their verdicts and their rollbacks.

    ## Example
    `Lane: B, C` while lanes B and C are both `active`. Use instead: one session, and one
    stamp, per lane.
    """
    index = ctx.index
    for ref in index.stamps:
        entry = ref.stamp.field("Lane") or ref.stamp.field("Lanes") or ref.stamp.field("Lane id")
        if entry is None:
            continue
        value = entry.value.replace("`", "")
        named = lane_ids(value) if "lane" in value.casefold() else []
        parts = [p for p in _LANE_LIST.split(value) if p and p.casefold() not in ("lane", "lanes")]
        names = {lane_key(n) for n in (named or parts)}
        if len(names) < 2:
            continue
        active: list[LaneRef] = []
        for lane in index.lanes:
            if ref.batch and lane.batch != ref.batch:
                continue
            if key(lane.id) in names and is_active(lane.lane.status):
                if any(key(other.id) == key(lane.id) for other in active):
                    continue
                active.append(lane)
        if len(active) < 2:
            continue
        shown = ", ".join(f"'{lane.id}'" for lane in active)
        yield Finding(
            entry.line,
            f"preflight stamp claims lanes {shown}, active at the same time; one active lane "
            "maps to one session",
            column=entry.column,
            path=ref.path,
            related=tuple(lane_at(lane) for lane in active[:5]),
        )
