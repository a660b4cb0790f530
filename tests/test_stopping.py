"""Stopping (codellama/stopping.py): stop strings, incremental UTF-8 decoding, code-aware stops, language guess."""

from __future__ import annotations

import random

from codellama.stopping import CodeStop, TextTracker, _triple_quotes, guess_language
from tests.support.generation import PROMPTS, greedy, stream


def test_stop_strings_match_across_tokens_and_are_never_shown(tiny_generator):
    prompt = PROMPTS[2]
    full = tiny_generator.complete(prompt, greedy(60))[0]
    tokens = full.token_ids
    # a stop string that straddles a token boundary, from the middle of the output
    boundary = len(tiny_generator.tokenizer.decode_continuation(tokens[:20]))
    stop = full.text[boundary - 2 : boundary + 3]
    assert len(stop) == 5 and full.text.index(stop) <= boundary - 2
    params = greedy(60, stop=[stop])
    result = tiny_generator.complete(prompt, params)[0]
    assert result.text == full.text[: full.text.index(stop)]
    assert result.finish_reason == "stop"
    streamed = stream(tiny_generator, prompt, params)
    assert streamed == result.text and stop not in streamed


def test_text_tracker_never_splits_a_utf8_character(smol_tokenizer):
    ids = smol_tokenizer.encode_continuation("héllo ☃ 日本語 🙂")
    tracker = TextTracker(smol_tokenizer)
    pieces = [tracker.push(i) for i in ids] + [tracker.finish()]
    assert "".join(pieces) == "héllo ☃ 日本語 🙂"
    assert all("\ufffd" not in p for p in pieces)


# -- code-aware stops -------------------------------------------------------------------------


def test_python_code_stop_ends_at_the_function():
    stop = CodeStop("python", "import math\n\ndef area(r):")
    text = "\n    return math.pi * r ** 2\n\n\nprint(area(2))\n"
    assert text[: stop.cut(text)] == "\n    return math.pi * r ** 2\n\n\n"
    assert stop.cut("\n    x = 1\n    ") is None  # indentation of the last line not known yet
    nested = CodeStop("python", "class A:\n    def f(self):\n")
    assert nested.cut("        return 1\n    def g(self):\n") == len("        return 1\n")


def test_python_code_stop_follows_the_block_the_completion_is_in():
    # the prompt's inner function has ended: the completion continues the outer one
    outer = CodeStop("python", "def outer(items):\n    def key(x):\n        return x[1]\n    items = sorted(items)\n")
    text = "    return items[0]\n\n# Example usage:\nouter([])\n"
    assert text[: outer.cut(text)] == "    return items[0]\n\n"
    # a completion that starts a new method ends with that method, not before it
    method = CodeStop("python", "class Stack:\n    def __init__(self):\n        self.items = []\n\n")
    text = "    def push(self, item):\n        self.items.append(item)\n\n    def pop(self):\n"
    assert text[: method.cut(text)] == "    def push(self, item):\n        self.items.append(item)\n\n"
    # column-0 lines inside a docstring do not end the function
    doc = CodeStop("python", "def usage():\n")
    text = '    text = """\nUsage: prog [options]\n"""\n    return text\nprint(usage())\n'
    assert text[: doc.cut(text)] == '    text = """\nUsage: prog [options]\n"""\n    return text\n'


def test_brace_code_stop_ignores_strings_being_written_and_rust_lifetimes():
    stop = CodeStop("rust", "fn f() {\n")
    assert stop.cut('    let s = "}') is None  # the string is not finished yet
    text = '    let s = "}";\n}\nfn g() {}\n'
    assert text[: stop.cut(text)] == '    let s = "}";\n}'
    lifetimes = CodeStop("rust", "struct S<'a> { x: &'a str }\nfn f<'a>(s: &'a str) -> &'a str {\n")
    assert lifetimes.depth == 1
    text = "    s\n}\n"
    assert text[: lifetimes.cut(text)] == "    s\n}"


def test_brace_code_stop_ends_at_the_closing_brace():
    stop = CodeStop("c", "int add(int a, int b) {\n")
    text = '    if (a) { return a + b; }\n    printf("}");\n    return 0;\n}\nint main() {}'
    assert text[: stop.cut(text)].endswith("return 0;\n}")
    assert CodeStop("java", "int f()").cut(" {\n  return 1;\n}\n\nint g() {}") == len(" {\n  return 1;\n}")


def test_language_guess():
    assert guess_language("def f(x):") == "python"
    assert guess_language("int main(void) {") == "c"
    assert guess_language("Dear diary,") is None
    assert guess_language("anything", "x.rs") == "rust"


def test_code_stop_streams_exactly_the_final_text(tiny_generator):
    params = greedy(80, code_stop="python")
    whole = tiny_generator.complete(PROMPTS[1], params)[0]
    assert stream(tiny_generator, PROMPTS[1], params) == whole.text


def test_triple_quotes_counted_once_in_the_prompt_give_the_count_over_prompt_and_text():
    # CodeStop counts the prompt's triple quotes once (not per token); runs of quotes across the join are the hard part
    draw = random.Random(0)
    for _ in range(5000):
        prompt = "".join(draw.choice("\"'a") for _ in range(draw.randint(0, 9)))
        text = "".join(draw.choice("\"'a") for _ in range(draw.randint(0, 6)))
        total, tails = _triple_quotes(prompt)
        want = (prompt + text).count('"""') + (prompt + text).count("'''")
        assert total + sum((tail + text).count(quote) for quote, tail in tails.items()) == want, (prompt, text)
