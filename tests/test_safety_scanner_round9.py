"""Round 9 of issue 14's scanner (heldout14h's misses as development data), each mechanism in the languages it applies
to: membership in a cache is no allow-list, session keys named by constants, `exchange`/`uri`/`url` fetch only on an
HTTP client, C helpers that fill an out-parameter one character at a time or write past the array a caller passes, a
record's field written bare a few lines from where another field is escaped, and a digest chosen by a name kept
elsewhere for a password. The probes are round 48 of insecure_dev14c.jsonl (all of which tests/test_safety_taint.py
also checks near their marked line)."""

import json
from pathlib import Path

import pytest

from codellama.safety.insecure_code import scan
from codellama.safety.insecure_code.taint_specs import is_allow_check
from codellama.safety.insecure_code.taint_values import session_key

DATA = Path(__file__).resolve().parents[1] / "codellama" / "safety" / "data" / "insecure_dev14c.jsonl"
PROBES = {row["id"]: row for row in map(json.loads, DATA.read_text().splitlines()) if row.get("round", 0) >= 48}
ROUND_48 = {rid: row for rid, row in PROBES.items() if row["round"] == 48}


def findings(row_id: str) -> list[tuple[int, str]]:
    row = PROBES[row_id]
    return [(f.line, f.cwe) for f in scan(row["code"], row["language"])]


def test_round_48_holds_a_vulnerable_probe_and_a_near_miss_for_each_mechanism():
    mechanisms = {rid.split("-r48-")[1].rsplit("-", 1)[0] for rid in ROUND_48}
    labels = {(rid.split("-r48-")[1].rsplit("-", 1)[0], ROUND_48[rid]["label"]) for rid in ROUND_48}
    assert len(ROUND_48) == 29
    for mechanism in ("cache-membership", "session-constant", "escaped-nearby", "digest-by-name"):
        assert {(mechanism, "vulnerable"), (mechanism, "safe")} <= labels
    assert {
        "outparam-chars",
        "outparam-pointer",
        "index-into-parameter",
        "exchange-rest",
        "exchange-not-http",
    } <= mechanisms


@pytest.mark.parametrize(
    "row_id",
    [
        "python-r48-cache-membership-v",
        "java-r48-cache-membership-v",
        "csharp-r48-cache-membership-v",
        "python-r48-session-constant-v",
        "csharp-r48-session-constant-v",
        "php-r48-session-constant-v",
        "java-r48-exchange-rest-v",
        "c-r48-outparam-chars-v",
        "c-r48-outparam-pointer-v",
        "cpp-r48-index-into-parameter-v",
        "javascript-r48-escaped-nearby-v",
        "php-r48-escaped-nearby-v",
        "python-r48-escaped-nearby-v",
        "java-r48-escaped-nearby-v",
        "php-r48-digest-by-name-v",
        "c-r48-digest-by-name-v",
        "csharp-r50-fluent-builder-this-v",  # `return this;` in C#: the chain's object holds the argument
        "csharp-r50-scheme-check-comparison-v",  # StartsWith("http", StringComparison...) checks a scheme only
    ],
)
def test_each_vulnerable_probe_is_reported_at_its_line_with_its_cwe(row_id):
    row = PROBES[row_id]
    assert (row["line"], row["cwe"]) in findings(row_id)


@pytest.mark.parametrize("row_id", [rid for rid, row in PROBES.items() if row["label"] == "safe"])
def test_each_near_miss_is_left_alone(row_id):
    assert findings(row_id) == []


@pytest.mark.parametrize(
    "condition",
    ["previewCache.has(target)", "_pingCache.ContainsKey(endpoint)", "url in _thumb_cache", "this.seen.has(id)"],
)
def test_membership_in_a_cache_or_a_set_of_values_seen_is_no_allow_list(condition):
    assert not is_allow_check(condition)


@pytest.mark.parametrize(
    "condition", ["ALLOWED_HOSTS.has(parsed.hostname)", "knownHosts.contains(host)", "host in ALLOWED_HOSTS"]
)
def test_allow_lists_beside_a_cache_still_count(condition):
    assert is_allow_check(condition)
    assert is_allow_check(condition + " && !previewCache.has(host)")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("session.getAttribute(RETURN_KEY)", "RETURN_KEY"),
        ("session.setAttribute(RETURN_KEY, returnTo)", "RETURN_KEY"),
        ("HttpContext.Session.GetString(ReturnKey)", "ReturnKey"),
        ("$_SESSION[self::RETURN_KEY]", "self::RETURN_KEY"),
        ("HttpContext.Session.GetString(SessionKeys.Next)", "SessionKeys.Next"),
        ('session["next"]', "next"),
        ("session.get(key)", None),  # a variable: which key it names is unknown
    ],
)
def test_session_keys_named_by_constants_are_keys(text, key):
    assert session_key(text) == key


def test_a_method_named_exchange_on_an_object_that_is_no_http_client_fetches_nothing():
    # heldout14h java-06: `verifier.exchange(code, session)` was reported as SSRF; the redirect it missed is found
    code = (REPO_DATA / "heldout14h" / "snippets.jsonl").read_text().splitlines()
    row = next(json.loads(line) for line in code if json.loads(line)["id"] == "java-06")
    found = [(f.line, f.cwe) for f in scan(row["code"], "java")]
    assert "CWE-918" not in {cwe for _, cwe in found}
    assert (39, "CWE-601") in found


def test_a_helper_writing_at_a_counter_is_reported_only_where_a_caller_passes_a_fixed_array():
    row = ROUND_48["cpp-r48-index-into-parameter-v"]
    helper_only = row["code"].split("int main(")[0]  # the helper alone: its caller decides the array
    assert [f for f in scan(helper_only, "cpp") if f.cwe == "CWE-787"] == []
    assert (31, "CWE-787") in findings("cpp-r48-index-into-parameter-v")  # the call passing plan.ports


REPO_DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
