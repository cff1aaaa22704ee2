"""Typing ``--param k=v`` values by the header's declared types (no server needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from queries.catalog import parse
from queries.errors import QueryParameterError, QueryParameterValueError
from queries.params import base_type, convert, parse_assignments

Q = parse("typed", """// name: typed
// title: t
// description: d
// params: code (str), n (int), x (float), on (bool), day (date), cats (list[str]), ids (list[int]), opt (str?), raw
// returns: a
RETURN [$code, $n, $x, $on, $day, $cats, $ids, $opt, $raw] AS a""")


def test_values_follow_the_declared_types() -> None:
    got = parse_assignments(Q, ["code=0510", "n=20", "x=1.5", "on=yes", "day=2025-06-30", "cats=venue, medical",
                                "ids=1,2", "raw=[1, 2]"])
    assert got == {"code": "0510", "n": 20, "x": 1.5, "on": True, "day": dt.date(2025, 6, 30),
                   "cats": ["venue", "medical"], "ids": [1, 2], "raw": [1, 2]}


def test_null_and_text_fallbacks() -> None:
    assert convert(Q, "n", "null") is None
    assert convert(Q, "raw", "not json") == "not json"
    assert convert(Q, "code", "a=b") == "a=b"
    assert parse_assignments(Q, ["code=a=b", "n=1", "x=1", "on=0", "day=2025-01-01", "cats=", "ids=",
                                 "raw=1"])["code"] == "a=b"


def test_optional_marker() -> None:
    assert base_type("str?") == ("str", True)
    assert base_type("list[int]") == ("list[int]", False)


def test_bad_value_names_the_parameter_and_type() -> None:
    with pytest.raises(QueryParameterValueError, match=r"parameter n expects int, got 'many'"):
        convert(Q, "n", "many")
    with pytest.raises(QueryParameterValueError, match="parameter day expects date"):
        convert(Q, "day", "30/06/2025")
    with pytest.raises(QueryParameterValueError, match="parameter on expects bool"):
        convert(Q, "on", "maybe")


def test_unknown_missing_and_malformed_parameters() -> None:
    with pytest.raises(QueryParameterError, match=r"has no parameter\(s\) nope; it takes: code \(str\), n \(int\)"):
        convert(Q, "nope", "1")
    with pytest.raises(QueryParameterError, match=r"parameter\(s\) n, x, on, day, cats, ids, raw is required"):
        parse_assignments(Q, ["code=1"])
    with pytest.raises(QueryParameterError, match="is not of the form name=value"):
        parse_assignments(Q, ["code"])
