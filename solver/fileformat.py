"""Reading and writing scenario and roster files (gateroster.scenario/1–3, gateroster.roster/1–2).

The format is specified in docs/scenario-format.md and checked by the JSON Schemas in
`solver/schema/`. A file is first checked against its schema, then for what a schema
cannot say (unique ids, references between lists, real dates and times); every problem is
reported with the place in the file (a JSON path such as ``volunteers[3].available.mon[0]``)
and the offending value, all at once, so a clerk or a tool author can fix a file in one go.

A reader of version N reads every earlier version with its own meaning; the writer writes
the lowest version that holds the scenario (`scenario_version`), so tools that read only
an earlier version still read what does not need more. Version 3 (issue 7) adds general
rules of rostering; the roster file needs nothing new for it and stays at version 2.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jsonschema

from solver.scenario import (
    DEFAULT_WEIGHTS,
    MINOR_LATEST_END_DEFAULT,
    WEEKDAY_KEYS,
    WEIGHTED_COVERAGE_DEFAULTS,
    Assignment,
    CalendarOverrides,
    Conflict,
    DemandRule,
    Gate,
    Needs,
    Request,
    Roster,
    Rules,
    Scenario,
    Shortage,
    Shortfall,
    Slot,
    TermCost,
    Volunteer,
    WorkingHours,
    format_minutes,
)

# The versions this program reads, by the file's "format" value.
VERSIONS = {
    "scenario": {"gateroster.scenario/1": 1, "gateroster.scenario/2": 2, "gateroster.scenario/3": 3},
    "roster": {"gateroster.roster/1": 1, "gateroster.roster/2": 2},
}


@dataclass(frozen=True)
class FormatProblem:
    """One thing wrong in a file: where (a JSON path) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class FileFormatError(ValueError):
    """A scenario or roster file that cannot be read; `problems` lists every fault found."""

    def __init__(self, problems: Iterable[FormatProblem], source: str = ""):
        self.problems = tuple(problems)
        self.source = source
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{head}{len(self.problems)} problem(s) in the file:\n{lines}")


@cache
def schema(kind: str, version: int = 2) -> dict[str, Any]:
    """The shipped JSON Schema, `kind` being "scenario" or "roster"."""
    text = resources.files("solver.schema").joinpath(f"{kind}-{version}.schema.json").read_text("utf-8")
    return json.loads(text)


def _version(kind: str, data: Any) -> int | FormatProblem:
    known = VERSIONS[kind]
    if not isinstance(data, dict):
        return FormatProblem("", f"{type(data).__name__} is not of type 'object'")
    if "format" not in data:
        return FormatProblem("", "'format' is a required property")
    if not isinstance(data["format"], str) or data["format"] not in known:
        expected = " or ".join(map(repr, known))
        return FormatProblem("format", f"{data['format']!r} is not a format this program reads (expected {expected})")
    return known[data["format"]]


def _json_path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problems(kind: str, data: Any) -> list[FormatProblem]:
    version = _version(kind, data)
    if isinstance(version, FormatProblem):
        return [version]
    validator = jsonschema.Draft202012Validator(schema(kind, version))
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = _json_path(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if error.schema.get("patternProperties"):
                extra = [k for k in extra if k not in WEEKDAY_KEYS]
            message = f"unknown field(s) {', '.join(map(repr, extra))}"
        elif error.validator == "pattern":
            message = f"{error.instance!r} is not in the expected form ({_pattern_hint(error.schema['pattern'])})"
        else:
            message = error.message
        problems.append(FormatProblem(where, message))
    return problems


def _pattern_hint(pattern: str) -> str:
    return "YYYY-MM-DD" if "[0-9]{4}" in pattern else "HH:MM"


def _read_json(source: str | Path | dict[str, Any]) -> tuple[Any, str]:
    if isinstance(source, dict):
        return source, ""
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileFormatError([FormatProblem("", f"cannot read the file: {exc.strerror or exc}")], str(path)) from exc
    except UnicodeDecodeError as exc:
        raise FileFormatError([FormatProblem("", f"not UTF-8 text (byte {exc.start})")], str(path)) from exc
    try:
        return json.loads(text), str(path)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            [FormatProblem("", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")], str(path)
        ) from exc


# --- scenario ---------------------------------------------------------------------------


class _Reader:
    """Turns schema-valid JSON into domain objects, collecting semantic problems."""

    def __init__(self) -> None:
        self.problems: list[FormatProblem] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(FormatProblem(where, message))

    def date(self, text: str, where: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(where, f"{text!r} is not a real date")
            return dt.date(1970, 1, 1)

    def time(self, text: str) -> int:
        hours, minutes = text.split(":")
        return int(hours) * 60 + int(minutes)

    def unique(self, items: list[dict[str, Any]], where: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item["id"] in seen:
                self.fail(f"{where}[{i}].id", f"duplicate id {item['id']!r}")
            seen.add(item["id"])
        return seen

    def assignment(self, raw: dict[str, Any], where: str, ids: dict[str, set[str]], pinned: bool) -> Assignment:
        for key, known in (("volunteer", ids["volunteers"]), ("gate", ids["gates"]), ("slot", ids["slots"])):
            if raw[key] not in known:
                self.fail(f"{where}.{key}", f"unknown {key} id {raw[key]!r}")
        return Assignment(
            raw["volunteer"], raw["gate"], self.date(raw["date"], f"{where}.date"), raw["slot"],
            pinned=raw.get("pinned", pinned),
        )


def scenario_from_dict(data: dict[str, Any], source: str = "") -> Scenario:
    """Builds a `Scenario` from parsed JSON; raises `FileFormatError` listing every problem."""
    problems = _schema_problems("scenario", data)
    if problems:
        raise FileFormatError(problems, source)
    version = VERSIONS["scenario"][data["format"]]
    r = _Reader()
    ids = {
        "slots": r.unique(data["slots"], "slots"),
        "gates": r.unique(data["gates"], "gates"),
        "volunteers": r.unique(data["volunteers"], "volunteers"),
    }
    wh = WorkingHours(r.time(data["working_hours"]["start"]), r.time(data["working_hours"]["end"]))
    if wh.end <= wh.start:
        r.fail("working_hours", "end must be later than start")

    slots = []
    for i, raw in enumerate(data["slots"]):
        slot = Slot(raw["id"], raw.get("name", raw["id"]), r.time(raw["start"]), r.time(raw["end"]))
        if slot.end <= slot.start:
            r.fail(f"slots[{i}]", f"end {raw['end']} must be later than start {raw['start']}")
        slots.append(slot)

    gates = []
    for i, raw in enumerate(data["gates"]):
        demand = []
        for j, d in enumerate(raw["demand"]):
            where = f"gates[{i}].demand[{j}]"
            if d["slot"] not in ids["slots"]:
                r.fail(f"{where}.slot", f"unknown slot id {d['slot']!r}")
            maximum = d.get("max", d["min"])
            if maximum < d["min"]:
                r.fail(f"{where}.max", f"max {maximum} is below min {d['min']}")
            days = d.get("days", "all")
            if isinstance(days, list):
                days = tuple(r.date(text, f"{where}.days[{k}]") for k, text in enumerate(days))
            # A version-1/2 schema refuses the weights, so their defaults keep those files' meaning.
            demand.append(DemandRule(d["slot"], d["min"], maximum, days,
                                     under_weight=d.get("under_weight", 1), over_weight=d.get("over_weight", 0)))
        raw_needs = raw.get("needs", {})
        needs = Needs(raw_needs.get("party_member", 0), dict(raw_needs.get("skills", {})))
        gates.append(Gate(raw["id"], raw["name"], tuple(demand), needs))

    before = len(r.problems)
    start = r.date(data["start_date"], "start_date")
    # Dates are checked against the horizon only when it is known.
    horizon = None if len(r.problems) > before else (start, start + dt.timedelta(days=data["days"] - 1))
    volunteers = []
    for i, raw in enumerate(data["volunteers"]):
        where = f"volunteers[{i}]"
        available = {}
        for day, slot_ids in raw["available"].items():
            for k, slot_id in enumerate(slot_ids):
                if slot_id not in ids["slots"]:
                    r.fail(f"{where}.available.{day}[{k}]", f"unknown slot id {slot_id!r}")
            available[day] = tuple(slot_ids)
        for field_name, kind in (("preferred_gates", "gates"), ("allowed_gates", "gates"), ("preferred_slots", "slots")):
            for k, ref in enumerate(raw.get(field_name, [])):
                if ref not in ids[kind]:
                    r.fail(f"{where}.{field_name}[{k}]", f"unknown {kind[:-1]} id {ref!r}")
        volunteers.append(
            Volunteer(
                id=raw["id"], name=raw["name"], party_member=raw["party_member"], employed=raw["employed"],
                available=available, minor=raw.get("minor", False), skills=tuple(raw.get("skills", [])),
                building=raw.get("building"), max_hours_per_week=raw.get("max_hours_per_week"),
                unavailable_dates=frozenset(
                    r.date(t, f"{where}.unavailable_dates[{k}]") for k, t in enumerate(raw.get("unavailable_dates", []))
                ),
                preferred_gates=tuple(raw.get("preferred_gates", [])),
                kind=raw.get("kind"), registered=raw.get("registered", False),
                allowed_gates=tuple(raw["allowed_gates"]) if "allowed_gates" in raw else None,
                preferred_slots=tuple(raw.get("preferred_slots", [])),
                recent_hours=raw.get("recent_hours", 0),
                **_volunteer_v3(raw, where, ids, horizon, r),
            )
        )

    calendar = data.get("calendar", {})
    overrides = CalendarOverrides(
        frozenset(r.date(t, f"calendar.workdays[{k}]") for k, t in enumerate(calendar.get("workdays", []))),
        frozenset(r.date(t, f"calendar.rest_days[{k}]") for k, t in enumerate(calendar.get("rest_days", []))),
    )
    for day in sorted(overrides.workdays & overrides.rest_days):
        r.fail("calendar", f"{day.isoformat()} is listed both as a workday and as a rest day")
    rules = _rules(data.get("rules", {}), version, r, ids["slots"])
    weights = None
    if version >= 2:
        weights = {**DEFAULT_WEIGHTS, **data.get("weights", {})}
    coverage = data.get("coverage", "first")
    if coverage != "weighted":
        for name in WEIGHTED_COVERAGE_DEFAULTS:
            if name in data.get("weights", {}):
                r.fail(f"weights.{name}", "weighs coverage only when \"coverage\" is \"weighted\" "
                                          "(coverage comes first otherwise)")
    pinned = tuple(r.assignment(a, f"pinned[{k}]", ids, True) for k, a in enumerate(data.get("pinned", [])))
    previous = tuple(r.assignment(a, f"previous[{k}]", ids, False) for k, a in enumerate(data.get("previous", [])))
    if r.problems:
        raise FileFormatError(r.problems, source)
    return Scenario(
        name=data["name"], start_date=start, days=data["days"], working_hours=wh, slots=tuple(slots),
        gates=tuple(gates), volunteers=tuple(volunteers), calendar=overrides, rules=rules,
        pinned=pinned, previous=previous, weights=weights, coverage=coverage,
    )


_VOLUNTEER_V3_LIMITS = (
    "max_minutes", "min_minutes", "max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off",
    "max_weekends",
)


def _volunteer_v3(raw: dict[str, Any], where: str, ids: dict[str, set[str]],
                  horizon: tuple[dt.date, dt.date] | None, r: _Reader) -> dict[str, Any]:
    """A volunteer's version-3 fields as `Volunteer` keywords (absent in earlier versions,
    whose schemas refuse them, so they read as the defaults)."""
    for slot_id in raw.get("max_posts_by_slot", {}):
        if slot_id not in ids["slots"]:
            r.fail(f"{where}.max_posts_by_slot.{slot_id}", f"unknown slot id {slot_id!r}")
    low, high = raw.get("min_minutes"), raw.get("max_minutes")
    if low is not None and high is not None and low > high:
        r.fail(f"{where}.min_minutes", f"min_minutes {low} is above max_minutes {high}")
    requests = []
    for k, q in enumerate(raw.get("requests", [])):
        at = f"{where}.requests[{k}]"
        if q["slot"] not in ids["slots"]:
            r.fail(f"{at}.slot", f"unknown slot id {q['slot']!r}")
        date = r.date(q["date"], f"{at}.date")
        if horizon and q["date"] == date.isoformat() and not horizon[0] <= date <= horizon[1]:
            # A request no roster can grant (or break) is a mistake, not a wish.
            r.fail(f"{at}.date", f"{q['date']} is outside the horizon "
                                 f"{horizon[0].isoformat()}–{horizon[1].isoformat()}")
        requests.append(Request(date, q["slot"], q["wanted"], q.get("weight", 1)))
    return {
        "max_posts_by_slot": dict(raw.get("max_posts_by_slot", {})),
        **{name: raw.get(name) for name in _VOLUNTEER_V3_LIMITS},
        "requests": tuple(requests),
    }


def _rules(raw: dict[str, Any], version: int, r: _Reader, slot_ids: set[str]) -> Rules:
    rules = Rules(raw.get("max_slots_per_day"), raw.get("default_max_hours_per_week"))
    if version < 2:
        return rules  # version 1 files keep their version-1 meaning
    latest = raw.get("minor_latest_end", format_minutes(MINOR_LATEST_END_DEFAULT))
    return replace(
        rules,
        min_posts_registered=raw.get("min_posts_registered", 0),
        minor_latest_end=None if latest is None else r.time(latest),
        minor_max_hours_per_week=raw.get("minor_max_hours_per_week"),
        kind_max_hours_per_week=dict(raw.get("kind_max_hours_per_week", {})),
        max_consecutive_days=raw.get("max_consecutive_days"),
        min_rest_hours=raw.get("min_rest_hours"),
        history_weeks=raw.get("history_weeks", 0),
        forbidden_sequences=_forbidden_sequences(raw.get("forbidden_sequences", []), r, slot_ids),
    )


def _forbidden_sequences(raw: list[list[str]], r: _Reader, slot_ids: set[str]) -> tuple[tuple[str, str], ...]:
    for k, pair in enumerate(raw):
        for j, slot_id in enumerate(pair):
            if slot_id not in slot_ids:
                r.fail(f"rules.forbidden_sequences[{k}][{j}]", f"unknown slot id {slot_id!r}")
    return tuple((a, b) for a, b in raw)


def load_scenario(source: str | Path | dict[str, Any]) -> Scenario:
    """Reads a scenario file (or parsed dict); raises `FileFormatError` on any problem."""
    data, name = _read_json(source)
    return scenario_from_dict(data, name)


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _assignment_dict(a: Assignment, with_pinned: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"volunteer": a.volunteer, "gate": a.gate, "date": a.date.isoformat(), "slot": a.slot}
    if with_pinned and a.pinned:
        out["pinned"] = True
    return out


def _needs_dict(needs: Needs) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if needs.party_member:
        out["party_member"] = needs.party_member
    skills = {k: v for k, v in needs.skills.items() if v}
    if skills:
        out["skills"] = skills
    return out


def uses_version_2(scenario: Scenario) -> bool:
    """Whether the scenario needs version 2 (or later) to be written without changing its meaning."""
    rules, plain = scenario.rules, Rules(scenario.rules.max_slots_per_day, scenario.rules.default_max_hours_per_week)
    people = any(
        v.kind or v.registered or v.allowed_gates is not None or v.preferred_slots or v.recent_hours
        for v in scenario.volunteers
    )
    return scenario.weights is not None or rules != plain or people or uses_version_3(scenario)


_VOLUNTEER_V3_DEFAULTS = Volunteer("", "", False, False, {})


def uses_version_3(scenario: Scenario) -> bool:
    """Whether the scenario needs version 3 to be written without changing its meaning: a
    forbidden sequence, a demand weight other than the default, a volunteer's version-3
    field, weighted coverage, or a weight for a term version 2 does not have."""
    return (
        bool(scenario.rules.forbidden_sequences)
        or scenario.coverage != "first"
        or any(d.under_weight != 1 or d.over_weight != 0 for g in scenario.gates for d in g.demand)
        or any(getattr(v, name) != getattr(_VOLUNTEER_V3_DEFAULTS, name)
               for v in scenario.volunteers for name in ("max_posts_by_slot", *_VOLUNTEER_V3_LIMITS, "requests"))
        or any(name not in DEFAULT_WEIGHTS for name in scenario.weights or {})
    )


def scenario_version(scenario: Scenario) -> int:
    """The lowest version of the format that holds the scenario with its meaning."""
    return 3 if uses_version_3(scenario) else 2 if uses_version_2(scenario) else 1


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as JSON-ready data, in the lowest version that holds it
    (`scenario_version`), so that other tools that read only an earlier version still
    can. Optional parts are left out when empty or at their default."""
    version = scenario_version(scenario)
    out: dict[str, Any] = {
        "format": f"gateroster.scenario/{version}",
        "name": scenario.name,
        "start_date": scenario.start_date.isoformat(),
        "days": scenario.days,
        "working_hours": {
            "start": format_minutes(scenario.working_hours.start),
            "end": format_minutes(scenario.working_hours.end),
        },
    }
    cal = scenario.calendar
    if cal.workdays or cal.rest_days:
        out["calendar"] = {
            "workdays": sorted(d.isoformat() for d in cal.workdays),
            "rest_days": sorted(d.isoformat() for d in cal.rest_days),
        }
    rules = _rules_dict(scenario.rules, version)
    if rules:
        out["rules"] = rules
    if version >= 2 and scenario.weights is not None:
        out["weights"] = dict(scenario.weights)
    if scenario.coverage != "first":
        out["coverage"] = scenario.coverage
    out["slots"] = [
        {"id": s.id, "name": s.name, "start": format_minutes(s.start), "end": format_minutes(s.end)}
        for s in scenario.slots
    ]
    gates = []
    for g in scenario.gates:
        gate: dict[str, Any] = {"id": g.id, "name": g.name, "demand": []}
        for d in g.demand:
            days = d.days if isinstance(d.days, str) else [x.isoformat() for x in d.days]
            rule: dict[str, Any] = {"slot": d.slot, "min": d.min, "max": d.max, "days": days}
            if d.under_weight != 1:
                rule["under_weight"] = d.under_weight
            if d.over_weight:
                rule["over_weight"] = d.over_weight
            gate["demand"].append(rule)
        if not g.needs.is_empty():
            gate["needs"] = _needs_dict(g.needs)
        gates.append(gate)
    out["gates"] = gates
    vols = []
    for v in scenario.volunteers:
        vol: dict[str, Any] = {"id": v.id, "name": v.name, "party_member": v.party_member, "employed": v.employed}
        if v.minor:
            vol["minor"] = True
        if v.skills:
            vol["skills"] = list(v.skills)
        if v.building:
            vol["building"] = v.building
        if v.max_hours_per_week is not None:
            vol["max_hours_per_week"] = _number(v.max_hours_per_week)
        vol["available"] = {day: list(v.available[day]) for day in WEEKDAY_KEYS if day in v.available}
        if v.unavailable_dates:
            vol["unavailable_dates"] = sorted(d.isoformat() for d in v.unavailable_dates)
        if v.preferred_gates:
            vol["preferred_gates"] = list(v.preferred_gates)
        if v.kind:
            vol["kind"] = v.kind
        if v.registered:
            vol["registered"] = True
        if v.allowed_gates is not None:
            vol["allowed_gates"] = list(v.allowed_gates)
        if v.preferred_slots:
            vol["preferred_slots"] = list(v.preferred_slots)
        if v.recent_hours:
            vol["recent_hours"] = _number(v.recent_hours)
        if v.max_posts_by_slot:
            vol["max_posts_by_slot"] = dict(v.max_posts_by_slot)
        for name in _VOLUNTEER_V3_LIMITS:
            if getattr(v, name) is not None:
                vol[name] = getattr(v, name)
        if v.requests:
            vol["requests"] = [_request_dict(q) for q in v.requests]
        vols.append(vol)
    out["volunteers"] = vols
    if scenario.pinned:
        out["pinned"] = [_assignment_dict(a, with_pinned=False) for a in scenario.pinned]
    if scenario.previous:
        out["previous"] = [_assignment_dict(a) for a in scenario.previous]
    return out


def _request_dict(q: Request) -> dict[str, Any]:
    out: dict[str, Any] = {"date": q.date.isoformat(), "slot": q.slot, "wanted": q.wanted}
    if q.weight != 1:
        out["weight"] = q.weight
    return out


def _rules_dict(rules: Rules, version: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if rules.max_slots_per_day is not None:
        out["max_slots_per_day"] = rules.max_slots_per_day
    if rules.default_max_hours_per_week is not None:
        out["default_max_hours_per_week"] = _number(rules.default_max_hours_per_week)
    if version < 2:
        return out
    # Written even when absent, since a missing minor_latest_end means 20:00 in version 2.
    out["minor_latest_end"] = None if rules.minor_latest_end is None else format_minutes(rules.minor_latest_end)
    if rules.min_posts_registered:
        out["min_posts_registered"] = rules.min_posts_registered
    for name in ("minor_max_hours_per_week", "min_rest_hours"):
        if getattr(rules, name) is not None:
            out[name] = _number(getattr(rules, name))
    if rules.max_consecutive_days is not None:
        out["max_consecutive_days"] = rules.max_consecutive_days
    if rules.kind_max_hours_per_week:
        out["kind_max_hours_per_week"] = {k: _number(h) for k, h in rules.kind_max_hours_per_week.items()}
    if rules.history_weeks:
        out["history_weeks"] = rules.history_weeks
    if rules.forbidden_sequences:
        out["forbidden_sequences"] = [[a, b] for a, b in rules.forbidden_sequences]
    return out


def _write_json(data: dict[str, Any], path: str | Path) -> None:
    # Write to a sibling and rename, so a crash never leaves half a file where a good one was.
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(target)


def save_scenario(scenario: Scenario, path: str | Path) -> None:
    _write_json(scenario_to_dict(scenario), path)


# --- roster -----------------------------------------------------------------------------


def roster_to_dict(roster: Roster) -> dict[str, Any]:
    version = 2 if roster.terms or roster.shortfalls else 1
    out: dict[str, Any] = {
        "format": f"gateroster.roster/{version}",
        "scenario": roster.scenario,
        "status": roster.status,
        "objective": roster.objective,
        "bound": roster.bound,
        "wall_time_s": None if roster.wall_time_s is None else round(roster.wall_time_s, 3),
        "assignments": [_assignment_dict(a) for a in roster.assignments],
        "shortages": [],
    }
    for s in roster.shortages:
        item: dict[str, Any] = {"gate": s.gate, "date": s.date.isoformat(), "slot": s.slot, "missing": s.missing}
        if not s.unmet_needs.is_empty():
            item["unmet_needs"] = _needs_dict(s.unmet_needs)
        if s.reason:
            item["reason"] = s.reason
        out["shortages"].append(item)
    if roster.warnings:
        out["warnings"] = list(roster.warnings)
    if roster.terms:
        out["terms"] = [{"name": t.name, "value": t.value, "weight": t.weight, "cost": t.cost} for t in roster.terms]
    if roster.shortfalls:
        out["shortfalls"] = []
        for f in roster.shortfalls:
            item = {"volunteer": f.volunteer, "required": f.required, "served": f.served}
            if f.reason:
                item["reason"] = f.reason
            out["shortfalls"].append(item)
    if roster.conflicts:
        out["conflicts"] = []
        for c in roster.conflicts:
            item = {"rule": c.rule, "message": c.message}
            if c.pins:
                item["pins"] = [_assignment_dict(a, with_pinned=False) for a in c.pins]
            out["conflicts"].append(item)
    return out


def roster_from_dict(data: dict[str, Any], source: str = "") -> Roster:
    problems = _schema_problems("roster", data)
    if problems:
        raise FileFormatError(problems, source)
    r = _Reader()

    def assignment(raw: dict[str, Any], where: str, pinned: bool = False) -> Assignment:
        return Assignment(raw["volunteer"], raw["gate"], r.date(raw["date"], f"{where}.date"), raw["slot"],
                          raw.get("pinned", pinned))

    assignments = tuple(assignment(a, f"assignments[{i}]") for i, a in enumerate(data["assignments"]))
    shortages = []
    for i, s in enumerate(data.get("shortages", [])):
        un = s.get("unmet_needs", {})
        shortages.append(
            Shortage(s["gate"], r.date(s["date"], f"shortages[{i}].date"), s["slot"], s["missing"],
                     Needs(un.get("party_member", 0), dict(un.get("skills", {}))), s.get("reason", ""))
        )
    conflicts = tuple(
        Conflict(c["rule"], c["message"],
                 tuple(assignment(p, f"conflicts[{i}].pins[{k}]", pinned=True) for k, p in enumerate(c.get("pins", []))))
        for i, c in enumerate(data.get("conflicts", []))
    )
    terms = tuple(TermCost(t["name"], t["value"], t["weight"]) for t in data.get("terms", []))
    for i, t in enumerate(data.get("terms", [])):
        if t["cost"] != t["value"] * t["weight"]:
            r.fail(f"terms[{i}].cost", f"{t['cost']} is not value × weight ({t['value']} × {t['weight']})")
    shortfalls = tuple(
        Shortfall(f["volunteer"], f["required"], f["served"], f.get("reason", "")) for f in data.get("shortfalls", [])
    )
    if r.problems:
        raise FileFormatError(r.problems, source)
    return Roster(
        scenario=data["scenario"], status=data["status"], assignments=assignments, shortages=tuple(shortages),
        objective=data.get("objective"), bound=data.get("bound"), wall_time_s=data.get("wall_time_s"),
        warnings=tuple(data.get("warnings", [])), conflicts=conflicts, terms=terms, shortfalls=shortfalls,
    )


def load_roster(source: str | Path | dict[str, Any]) -> Roster:
    data, name = _read_json(source)
    return roster_from_dict(data, name)


def save_roster(roster: Roster, path: str | Path) -> None:
    _write_json(roster_to_dict(roster), path)
