"""C and C++ buffer checks for the tree walk (taint.py): copies into fixed-size arrays (`memcpy`, `strncpy`, `read`
and `recv` into `char buf[N]`, `strcpy`/`strcat`) and index writes (`table[i] = v`) whose length or index is not
bounded by the array's size. Sizes come from the declaration (`N`, `#define N 64`, `constexpr int kN = 16`).

A bound is a comparison of the length or index with `sizeof`, the array's size constant or a number that fits,
made before the write (`if (n >= sizeof buf) return;`), a `min(...)`, a modulo, or a loop bounded that way.
Checking only the source (`if (len < 5)`, `if (chunk.size() < 2 + len)`) or only the lower end (`if (i < 0)`) is not.
"""

from __future__ import annotations

import re

from codellama.safety.insecure_code.rule import rx

COPY = (
    "c-fixed-buffer-copy",
    120,
    "high",
    "copy into a fixed-size buffer with a length that is not checked against the buffer's size",
    "check the length against sizeof(buffer) (or copy min(n, sizeof buffer)) before copying",
)
INDEX = (
    "c-unchecked-index-write",
    787,
    "high",
    "write into a fixed-size array at an index that is not checked against the array's size",
    "check 0 <= index < the array's length before writing",
)
STRCPY = (
    "c-strcpy",
    120,
    "high",
    "unbounded string copy: buffer overflow",
    "use snprintf or strlcpy with the destination size",
)
STRCAT = (
    "c-strcat",
    120,
    "high",
    "unbounded string concatenation: buffer overflow",
    "use snprintf or strlcat with the destination size",
)
_COPIES = re.compile(r"(^|::|\b)(memcpy|memmove|strncpy|strncat|wmemcpy|CopyMemory)$")
_READS = re.compile(r"(^|::|\b)(read|recv|recvfrom)$")
# An array size written as a product of numbers and constant names (a 2-D grid kept flat)
_CONSTANT_PRODUCT = re.compile(r"\w+(\s*\*\s*\w+)+")
_CALL = re.compile(r"[A-Za-z_]\w*\s*\(")
# A name or a field read in an index's computation (`t.y`, `hdr.width`, `n`)
_READ = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(\.\w+)*")
# A comparison with a number, a constant or a size: `t.x + t.w > 256`, `h->count >= MAX_TILES`, `n < sizeof buf`
# (the bound a whole side: `n * 2 + 1 > len` compares with `len`)
_FIXED_BOUND = re.compile(
    r"(<|>)=?\s*(\d+|[A-Z_][A-Z0-9_]*|k[A-Z]\w*|sizeof)\b(?!\s*[-+*/])"
    r"|(?<![-+*/\w])(?<![-+*/]\s)(\d+|[A-Z_][A-Z0-9_]*|k[A-Z]\w*)\s*(<|>)"
)
_FGETS = re.compile(r"(^|::|\b)fgets$")
_STD_COPY = re.compile(r"^(std::)?(copy|copy_n)$")
_STRCPY = re.compile(r"(^|::|\b)(strcpy|wcscpy|_tcscpy|lstrcpy[AW]?|stpcpy|strcat|wcscat|_tcscat|lstrcat[AW]?)$")
# a length clamped by a conditional (`a < b ? a : b`, `len > MAX ? MAX : len`)
_CLAMP = re.compile(r"(<=?|>=?)[^?;]*\?[^:;]*:")
_MIN = re.compile(r"(?i)\bmin\s*\(")
_KEYWORDS = {"sizeof", "min", "max", "std", "size_t", "int", "unsigned", "static_cast", "const", "char", "uint8_t"}


class BufferChecks:
    """Mixed into the tree checker (needs text, name_of, report, self.arrays, scope.vars/values/checked/loops)."""

    def fixed_arrays(self, root) -> dict[str, tuple[int | None, str]]:
        """Every `T name[N]` declared anywhere (struct and class fields too): name -> (N if known, N as written)."""
        text = self.text(root)
        self.constants = {
            n: int(v) for n, v in rx(r"^\s*#\s*define\s+(\w+)\s+\(?(\d+)[uUlL]*\)?\s*$", re.M).findall(text)
        }
        for n, v in rx(r"\b(?:constexpr|const)\s+(?:static\s+)?(?:unsigned\s+)?[\w:]+\s+(\w+)\s*=\s*(\d+)").findall(
            text
        ):
            self.constants[n] = int(v)
        for body in rx(r"\benum\b[^{;]{0,80}\{([^}]*)\}").findall(text):
            for n, v in rx(r"\b(\w+)\s*=\s*(\d+)").findall(body):
                self.constants[n] = int(v)
        arrays, stack = {}, [root]
        while stack:
            n = stack.pop()
            if n.type == "array_declarator":
                size = n.child_by_field_name("size")
                inner = n.child_by_field_name("declarator")
                token = self.text(size).strip() if size is not None else ""
                value = int(token) if token.isdigit() else self.constants.get(token)
                if inner is not None and token and rx(r"\w+").fullmatch(token):
                    arrays[self.text(inner).split("::")[-1]] = (value, token)
                elif inner is not None and _CONSTANT_PRODUCT.fullmatch(token):  # gray[kMaxW * kMaxH]
                    arrays[self.text(inner).split("::")[-1]] = (self.product(token), token)
            stack.extend(n.named_children)
        for token, name in rx(r"\bstd::array\s*<\s*[\w:\s*]+,\s*(\w+)\s*>\s+(\w+)\s*[;{=]").findall(text):
            arrays.setdefault(name, (int(token) if token.isdigit() else self.constants.get(token), token))
        return arrays

    def product(self, token: str) -> int | None:
        """`kMaxW * kMaxH`: the size when every factor is a number or a known constant."""
        value = 1
        for factor in token.split("*"):
            factor = factor.strip()
            known = int(factor) if factor.isdigit() else self.constants.get(factor)
            if known is None:
                return None
            value *= known
        return value

    def buffer_call(self, node, callee: str, args: list, scope) -> None:
        if _COPIES.search(callee):
            self.fixed_copy(node, args, scope)
        elif _READS.search(callee):
            self.fixed_copy(node, args[1:], scope)  # read(fd, buf, n): the same check on (buf, ?, n)
        elif _FGETS.search(callee) and len(args) == 3:
            self.fixed_copy(node, [args[0], args[2], args[1]], scope)  # fgets(buf, n, f)
        elif _STD_COPY.search(callee) and len(args) == 3:
            self.range_copy(node, callee, args, scope)
        elif _STRCPY.search(callee) and len(args) >= 2:
            self.string_copy(node, callee, args, scope)

    def _destination(self, node) -> str:
        text = self.text(node).lstrip("&*( ").split("+")[0]
        text = rx(r"\s*(\.\s*(data|begin)\s*\(\s*\)|\[\s*0\s*\])\s*$").sub("", text)  # arr.data(), &arr[0]
        return rx(r"->|\.|::").split(text)[-1].strip(" )")

    def fixed_copy(self, node, args: list, scope) -> None:
        """memcpy(dst, src, n) into a fixed array when n is neither sizeof(dst), a constant that fits, nor checked."""
        if len(args) < 2:
            return
        dst = self._destination(args[0])
        if dst not in self.arrays:
            self.copy_into_parameter(node, dst, args, scope)
            return
        size = self.text(args[-1] if len(args) == 2 else args[2])
        capacity = self.arrays[dst][0]
        if rx(r"\bsizeof\b|\bmin\b").search(size):
            return
        if rx(r"\d+[uUlL]*").fullmatch(size):
            if capacity is None or int(rx(r"\D").sub("", size)) <= capacity:
                return
        elif all(self.bounded(n, dst, scope) for n in self._names(size)):
            return
        self.report(COPY, node)

    def copy_into_parameter(self, node, dst: str, args: list, scope) -> None:
        """`copy_field(char *dst, const std::string &src) { memcpy(dst, src.data(), src.size()); }`: the helper copies
        as much as the source holds into whatever its caller passes (reported where a caller passes a fixed array)."""
        summary = scope.summary
        if summary is None or scope.fn is not summary.node or dst not in summary.param_names() or len(args) < 3:
            return
        size = self.text(args[2])
        sizes = [p for p in summary.param_names() if p != dst and rx(r"(?i)(len|size|cap|max|n)$").search(p)]
        if rx(r"\bsizeof\b|(?i:\bmin\b)|^\s*\d+[uUlL]*\s*$").search(size) or any(self.mentions(size, p) for p in sizes):
            return  # (a length the caller gives: `copy(dst, src, sizeof dst)` is the caller's to get right)
        # n = src_len < dst_size - 1 ? src_len : dst_size - 1: the length was clamped to the size the caller gives
        clamps = [scope.values.get(n, "") for n in self._names(size)]
        if any((_CLAMP.search(v) or _MIN.search(v)) and any(self.mentions(v, p) for p in sizes) for v in clamps):
            return
        summary.copies.append((dst, node))

    def copied_into(self, summary, node, bound: dict, scope) -> None:
        """A caller passing a fixed-size array to a helper that copies into it as much as the source holds."""
        for param, at, finding in [(p, a, COPY) for p, a in summary.copies] + [
            (p, a, INDEX) for p, a in summary.index_writes
        ]:
            for arg in bound.get(param, ()):
                dst = self._destination(arg)
                if dst not in self.arrays:
                    continue
                token = self.arrays[dst][1]
                if any(dst in cond or (token and token in cond) for cond in scope.checked):
                    continue  # the caller checked the source against the field's size first
                self.report(finding, at)
                self.report(finding, node)

    def range_copy(self, node, callee: str, args: list, scope) -> None:
        """std::copy(s.begin(), s.end(), arr) / std::copy_n(src, n, arr) into a fixed array: the source's length
        (or n) must have been checked against the array's size."""
        dst = self._destination(args[2])
        if dst not in self.arrays:
            return
        if callee.endswith("copy_n"):
            self.fixed_copy(node, [args[2], args[0], args[1]], scope)
            return
        source = rx(r"[A-Za-z_]\w*").match(self.text(args[0]).replace("std::", "").lstrip("&*( "))
        if source is None or not self.bounded(source.group(0), dst, scope):
            self.report(COPY, node)

    def string_copy(self, node, callee: str, args: list, scope) -> None:
        """strcpy/strcat: fine for a literal that fits, a destination sized from the source (malloc(strlen(s)+1)),
        or after the source's length was checked against the destination's size."""
        finding = STRCAT if "cat" in callee else STRCPY
        dst_node, src_node = args[0], args[1]
        dst = self._destination(dst_node)
        src = self.text(src_node).strip()
        literal = rx(r'(L|u8)?"((?:[^"\\]|\\.)*)"').fullmatch(src)
        capacity = self.arrays.get(dst, (None, ""))[0]
        if literal and (capacity is None or len(literal.group(2)) < capacity) and "cat" not in callee:
            return
        if dst not in self.arrays:
            value = scope.values.get(self.text(dst_node).strip(), "")
            if rx(r"\b(malloc|calloc|alloca|new)\b.*\bstrlen\s*\(").search(value):
                return
        src_name = rx(r"->|\.").split(src)[-1].split("(")[0].strip()
        for cond in scope.checked:
            if rx(rf"\bstrn?len\s*\(\s*[^)]*\b{re.escape(src_name)}\b").search(cond) and (
                rx(rf"\bsizeof\b|\b{re.escape(self.arrays.get(dst, (None, '~'))[1])}\b|[<>]=?\s*\d").search(cond)
                or (dst not in self.arrays and self.sized_by_parameter(cond, scope))
            ):
                return
        self.report(finding, node)

    def sized_by_parameter(self, cond: str, scope) -> bool:
        """`if (strlen(resolved) >= out_size) return -1; strcpy(out, resolved);` in a helper given `out` and its size:
        the source's length was compared with a size parameter of the function (the caller's to pass right)."""
        if scope.fn is None:
            return False
        names = {n for names in self.params(scope.fn) for n in names}
        sizes = [n for n in names if rx(r"(?i)(len|size|cap|max)\w*$|^n$").search(n)]
        return any(rx(rf"[<>]=?\s*\(?\s*{re.escape(n)}\b|\b{re.escape(n)}\s*\)?\s*[<>]").search(cond) for n in sizes)

    def index_write(self, lhs, node, scope) -> None:
        """table[i] = v into a fixed array when i (or the bound of the loop that makes i) comes from a parameter or
        input and is not checked against the array's size."""
        base = lhs.child_by_field_name("argument") or (lhs.named_children[0] if lhs.named_children else None)
        index = lhs.child_by_field_name("index") or lhs.child_by_field_name("indices")
        if base is None or index is None:
            return
        dst = self._destination(base)
        if dst not in self.arrays and base.type == "identifier":
            # uint16_t *slots = t.channels.data(); slots[i] = v: the pointer is the fixed array it points into
            made = scope.rhs.get(self.text(base))
            data = made is not None and rx(r"\.\s*data\s*\(\s*\)\s*$").search(self.text(made))
            if made is not None and (made.type != "call_expression" or data):
                dst = self._destination(made)
        into_parameter = dst not in self.arrays and self.writes_into_parameter(base, scope)
        if dst not in self.arrays and not into_parameter:
            return
        index_text = self.text(index).strip("[] ")
        if index.type == "call_expression" or rx(r"\bsizeof\b|%|&\s*(0x|\d)|\bstr[nc]?[sc]?[pn]?len\b").search(
            index_text
        ):
            return
        member = rx(r"^\s*(?:\+\+|--)?\s*([A-Za-z_]\w*(?:(?:->|\.)\w+)+)\s*(?:\+\+|--)?\s*$").match(index_text)
        if member and self.member_bounded(member.group(1), lhs, scope):
            return  # cmd->args[cmd->argc++] in a loop, or after a check, that keeps cmd->argc below a bound
        if into_parameter:
            self.unbounded_parameter_write(base, index_text, lhs, scope)
            return
        risky = set()
        for name in self._names(index_text):
            if name in scope.vars:
                risky.add(name)
            elif name in scope.loops:
                risky |= {n for n in self._names(scope.loops[name]) if n in scope.vars}
            elif self.counter(name, lhs):
                risky.add(name)
        if risky and not all(self.bounded(n, dst, scope) for n in risky):
            self.report(INDEX, node)

    def writes_into_parameter(self, base, scope) -> bool:
        summary = scope.summary
        return (
            summary is not None
            and scope.fn is summary.node
            and base.type == "identifier"
            and self.text(base) in summary.param_names()
        )

    def unbounded_parameter_write(self, base, index_text: str, lhs, scope) -> None:
        """`split_values(char *line, double *out) { ... while (tok) { out[n] = strtod(tok, NULL); n++; ... } }`: a
        helper writing into the array its caller passes at a counter that grows with the input and that nothing
        compares with any bound (a loop or a check against a capacity parameter, `i + 1 < cap`, is the caller's
        to get right). Reported where a caller passes a fixed-size array."""
        names = self._names(index_text)
        if not names or not all(rx(r"\w+").fullmatch(n) for n in names):
            return
        for name in names:
            # any comparison of the index (`n < cap`, `if (n >= cap) break;`, `i + 1 < cap`): the bound is the caller's
            upper = rx(rf"\b{re.escape(name)}\s*([+-]\s*\w+\s*)?(<|>)(?![<>])|(?<![<>])(<|>)=?\s*{re.escape(name)}\b")
            if any(upper.search(text) for text in scope.checked) or name in scope.loops:
                return
            if self.counter(name, lhs):
                scope.summary.index_writes.append((self.text(base), lhs.parent or lhs))
                return

    def member_bounded(self, member: str, lhs, scope) -> bool:
        """A member used as the index (`cmd->argc`) compared with an upper bound by the loop around the write or by
        a check before it."""
        bound = rx(rf"{re.escape(member)}\s*(<|<=)|(>|>=)\s*{re.escape(member)}(?!\w)")
        loop = lhs.parent
        while loop is not None and loop.type not in ("while_statement", "for_statement", "do_statement"):
            loop = loop.parent
        cond = loop.child_by_field_name("condition") if loop is not None else None
        if cond is not None and bound.search(self.text(cond)):
            return True
        return any(bound.search(text) for text in scope.checked)

    def counter(self, name: str, lhs) -> bool:
        """`fields[n++] = tok` in a loop that runs as long as the input lasts: n grows with the input unless the loop's
        condition bounds it."""
        loop = lhs.parent
        while loop is not None and loop.type not in ("while_statement", "for_statement", "do_statement"):
            loop = loop.parent
        if loop is None:
            return False
        body = self.text(loop)
        if not rx(rf"(\+\+\s*{re.escape(name)}\b|\b{re.escape(name)}\s*(\+\+|\+=))").search(body):
            return False
        cond = loop.child_by_field_name("condition")
        if cond is None:
            return True
        # bounded only by a comparison of the counter (`i < n`), not by the input's end (`src[i] != 0`)
        return not rx(rf"\b{re.escape(name)}\s*([+-]\s*\w+\s*)?(<|<=)|(>|>=)\s*{re.escape(name)}\b").search(
            self.text(cond)
        )

    def loop(self, node, scope) -> None:
        """for (i = 0; i < n; i++): i is bounded by n."""
        cond = node.child_by_field_name("condition")
        if cond is None:
            return
        bounds: dict[str, list[str]] = {}
        for part in self.text(cond).split("&&"):  # i < b->count && i < MAX_READINGS: the fixed bound holds
            m = rx(r"\s*\(?\s*(\w+)\s*(<=?)\s*(.+?)\s*\)?\s*$").match(part)
            if m:
                bounds.setdefault(m.group(1), []).append(m.group(3))
        for name, found in bounds.items():
            fixed = [b for b in found if not any(n in scope.vars for n in self._names(b))]
            scope.loops[name] = fixed[0] if fixed else found[0]

    def _names(self, text: str) -> list[str]:
        return [n for n in rx(r"(?<![\w.>])([A-Za-z_]\w*)\b(?!\s*\()").findall(text) if n not in _KEYWORDS]

    def bounded(self, name: str, dst: str, scope) -> bool:
        """`name` was compared with a bound that fits `dst` (or is bounded by how it was computed)."""
        value = scope.values.get(name, "")
        if rx(r"\b(read|recv|recvfrom|fread)\s*\(").search(value) and rx(r"-\s*1\b").search(value):
            return True  # (a count read from the input is bounded only by a check of it, below)
        if _MIN.search(value) or rx(r"\bsizeof\b|%|\bstrn?len\s*\(").search(value):
            return True
        if _CLAMP.search(value) and any(self.fits(part, dst) for part in rx(r"[<>=?:]+|\s[-+]\s").split(value)):
            return True  # n = len > MAX_NAME ? MAX_NAME : len
        if name in scope.loops and self.fits(scope.loops[name], dst):
            return True
        if self.inputs_compared(name, scope):
            return True
        for cond in scope.checked:
            flat = cond.replace("->", ".").replace("<<", " ").replace(">>", " ")
            for part in rx(r"&&|\|\||\band\b|\bor\b").split(flat):
                m = rx(r"(<=|>=|<|>|==)").search(part)
                if m is None or not rx(rf"(?<![\w.]){re.escape(name)}\b").search(part):
                    continue
                left, right = part[: m.start()], part[m.end() :]
                other = right if rx(rf"(?<![\w.]){re.escape(name)}\b").search(left) else left
                if self.fits(other, dst):
                    return True
        return False

    def inputs_compared(self, name: str, scope) -> bool:
        """`dst = (t.y + row) * W + (t.x + col)` with `row < t.h`, `col < t.w`, after `if (t.x + t.w > W || t.y + t.h >
        H) return;`: every input the index is computed from (and every input bounding its loops) was compared with a
        fixed bound, so the author checked the coordinates, not the index."""
        value = scope.values.get(name, "")
        if _CALL.search(value):
            return False  # (`read(fd, &n, 1)`: a call's arguments are not what the value is computed from)
        texts = [value] + [scope.loops[n] for n in self._names(value) if n in scope.loops]
        reads = set()
        for text in texts:
            for m in _READ.finditer(text.replace("->", ".")):  # (fields of a struct read from the input)
                if m.group(2) and m.group(1) in scope.vars and m.group(1) not in scope.loops and m.group(1) != name:
                    reads.add(m.group(0))
        parts = (p for c in scope.checked for p in rx(r"&&|\|\||\band\b|\bor\b").split(c.replace("->", ".")))
        checks = [p for p in parts if _FIXED_BOUND.search(p) and not _CALL.search(p)]
        return bool(reads) and all(
            any(rx(rf"(?<![\w.]){re.escape(r)}(?![\w.])").search(c) for c in checks) for r in reads
        )

    def fits(self, bound: str, dst: str) -> bool:
        """A bound no larger than dst's capacity: sizeof, dst's size constant, a number that fits, a constant."""
        bound = bound.strip(" ()!;{")
        capacity, token = self.arrays.get(dst, (None, ""))
        if "sizeof" in bound or (token and rx(rf"\b{re.escape(token)}\b").search(bound)):
            return True
        if rx(rf"\b{re.escape(dst)}\s*\.\s*(size|max_size)\b").search(bound):  # the std::array's own size
            return True
        number = rx(r"(\d+)[uUlL]*").fullmatch(bound)
        if number:
            value = int(number.group(1))
            return value > 0 and (capacity is None or value <= capacity)
        if rx(r"[A-Za-z_]\w*").fullmatch(bound):
            if bound in self.constants:
                return capacity is None or self.constants[bound] <= capacity
            # a constant, or a member the class keeps within the buffer (`used_`, `m_len`): its invariant
            return bool(rx(r"[A-Z][A-Z0-9_]*|k[A-Z]\w*|[a-z]\w*_|m_\w+").fullmatch(bound))
        return False
