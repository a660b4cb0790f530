"""Checks the tree walk (taint.py) makes of classes and of literals: fields set from parameters or input in one
method and read in another, and credentials written into the code (a literal held by a secret-named name, or the
fallback for a secret read from the environment)."""

from __future__ import annotations

import re

from codellama.safety.insecure_code.rule import rx
from codellama.safety.insecure_code.taint_functions import function_name, numeric_parameters
from codellama.safety.insecure_code.taint_specs import looks_like_secret, secret_name, setter_secret_name
from codellama.safety.insecure_code.taint_values import Scope, Var

# Calls whose last argument is a fallback value: getOrDefault("DB_PASS", "..."), os.environ.get("X", "...")
_FALLBACK_CALL = rx(r"(?i)(getOrDefault|GetValueOrDefault|getProperty|\.get|getenv|env)$")
_CONTAINERS = {"object", "array", "dictionary", "list", "initializer_list", "array_creation_expression"}
_AS_BYTES = rx(r"\.(toCharArray|getBytes|encode|ToCharArray)$")  # "S3cret".toCharArray(): still the literal
# Calls that put a value into the field they are made on (`this.items.push(x)`, `sb.append(x)`)
_FIELD_APPEND = rx(r"(^|\.|->)(push|append|add|addAll|put|unshift|Add|AddRange|Append|AppendLine|AppendFormat|insert)$")
_CLASS_WORD = re.compile(r"\b(class|struct)\s+\w")
# A field as a method assigns it: this.x, this->x, $this->x, or a bare name declared as a field
_FIELD = re.compile(r"(this\.|this->|\$this->)?\$?([A-Za-z_]\w*)")


def descendants(node) -> list:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.named_children)
    return out


# PHP 8 constructor promotion; TypeScript parameter properties (`constructor(private url: string)`)
_PROMOTED = {"property_promotion_parameter"}
_TS_PARAMETERS = {"required_parameter", "optional_parameter"}


class ClassChecks:
    """Mixed into the tree checker (needs text, name_of, params, mentions, report, self.spec)."""

    field_writers: set  # methods that keep a parameter in a field (`add(x) { this.items.push(x); }`)

    def class_fields(self, root) -> dict[str, Var]:
        """Fields a method or constructor sets from its parameters or from input (`this.table = table`,
        `_root = root`, `$this->sort = $sort`, `: dest_(dest)`): read in another method, they hold what the caller
        passed, as a parameter does (weak), or input (strong). Python needs none: `self` is a parameter."""
        if self.spec.language == "python":
            self._python_field_writers(root)
            return {}
        if self.spec.language in ("bash", "c") or not _CLASS_WORD.search(self.text(root)):
            return {}
        declared: set[str] = set()
        assigned: list[tuple[object, object, object]] = []  # (lhs, rhs, function)
        promoted: list[tuple[str, object]] = []  # constructor parameters that are fields
        stack = [(root, None)]
        while stack:
            n, fn = stack.pop()
            if n.type in self.spec.functions:
                fn = n
            if n.type in ("field_declaration", "property_declaration", "field_definition", "public_field_definition"):
                declared.update(self.text(c) for c in descendants(n) if c.type in ("identifier", "field_identifier"))
            elif fn is not None and n.type == "field_initializer" and len(n.named_children) == 2:
                assigned.append((n.named_children[0], n.named_children[1], fn))
            elif fn is not None and (
                n.type in _PROMOTED
                or (n.type in _TS_PARAMETERS and any(c.type == "accessibility_modifier" for c in n.children))
            ):  # __construct(private string $endpoint), constructor(private url: string)
                name = n.child_by_field_name("name") or n.child_by_field_name("pattern")
                if name is not None:
                    promoted.append((self.text(name).lstrip("$"), fn))
            elif fn is not None and n.type in ("assignment_expression", "variable_declarator"):
                lhs, rhs = self.spec.sides(n)
                if lhs is not None and rhs is not None:
                    assigned.append((lhs, rhs, fn))
            elif fn is not None and n.type in self.spec.calls and _FIELD_APPEND.search(self.callee(n)):
                target = self.receiver(n)  # this.items.push(x), sql.append(" AND ").append(col), $this->rows[] = ...
                while target is not None and target.type in self.spec.calls:
                    target = self.receiver(target)
                if target is not None:
                    assigned.append((target, n, fn))
            stack.extend((c, fn) for c in n.named_children)
        fields: dict[str, Var] = {}
        for name, fn in promoted:
            # (`private int $stars`, `private count: number`: a number holds none of the caller's text)
            numeric = {p.lstrip("$") for p in numeric_parameters(fn, self.spec, self.text, self.name_of)}
            if name in {p.lstrip("$") for names in self.params(fn) for p in names} - numeric:
                var = Var(params=frozenset({name}))
                for key in (name, f"this.{name}", f"this->{name}", f"$this->{name}"):
                    fields[key] = var
        for lhs, rhs, fn in assigned:
            target = rx(r"\[[^\]]*\]$").sub("", self.text(lhs))  # $this->parts[] = $p
            m = _FIELD.fullmatch(target)
            if m is None or (m.group(1) is None and target not in declared and lhs.type != "field_identifier"):
                continue
            params = {p for names in self.params(fn) for p in names}
            text = self.text(rhs)
            strong = bool(self.spec.sources.search(text))
            used = frozenset(p for p in params if self.mentions(text, p))
            if not strong and not used:
                continue
            if not strong:  # `$this->width = (int) $width`, `this.name = basename(name)`: nothing of the caller's kept
                scope = Scope()
                for p in used:
                    scope.vars[p] = Var(params=frozenset({p}))
                if not self.value(rhs, scope).any:
                    continue
            var = Var(strong=strong, params=frozenset({m.group(2)}) if used else frozenset())
            for key in (target, m.group(2), f"this.{m.group(2)}", f"this->{m.group(2)}", f"$this->{m.group(2)}"):
                fields[key] = var
            if used and function_name(fn, self.text):  # list.add(name): the object holds what it was given
                self.field_writers.add(function_name(fn, self.text))
        return fields

    def _python_field_writers(self, root) -> None:
        """Python methods that keep text built from a parameter in a field of `self` (`self.clauses.append("ward =
        '" + ward + "'")`, `self.sql += f" AND {col}"`): a caller's `search.add_ward(ward)` leaves the input in
        `search`, which its other methods (`search.sql()`) read. A bare value kept (`self.params.append(ward)`, a
        bound parameter) is not counted, unless the class joins that field into one string (`" ".join(self.args)`):
        the object is not known to paste it anywhere else."""
        text = self.text(root)
        if "self." not in text:
            return
        # fields the class joins into one string (`" ".join(self.args)`): a bare value kept there is pasted into text
        joined = set(rx(r"\.join\(\s*self\.(\w+)\s*\)").findall(text))
        for fn in descendants(root):
            if fn.type not in self.spec.functions:
                continue
            names = [p for names in self.params(fn) for p in names]
            if len(names) < 2 or names[0] != "self":
                continue
            others = names[1:]
            for n in descendants(fn):
                if n.type in self.spec.calls and _FIELD_APPEND.search(self.callee(n)):
                    target = self.receiver(n)
                    written = [a for a in self.args(n)]
                elif n.type in ("assignment", "augmented_assignment"):
                    target, written = n.child_by_field_name("left"), [n.child_by_field_name("right")]
                else:
                    continue
                if target is None or not self.text(target).startswith("self."):
                    continue
                # text built around the parameter, not the bare value (`self.params.append(status)` binds it)
                kinds = ("binary_operator", "string", "call")
                if self.text(target).removeprefix("self.").split(".")[0] in joined:
                    kinds += ("identifier", "list", "tuple")  # self.args += ["-resize", geometry]
                built = [w for w in written if w is not None and w.type in kinds]
                scope = Scope()  # (what a cast, a lookup or a sanitiser makes of the parameter holds none of it)
                for p in others:
                    scope.vars[p] = Var(params=frozenset({p}))
                if any(self.value(w, scope).params for w in built):
                    name = function_name(fn, self.text)
                    if name:
                        self.field_writers.add(name)
                    break

    def secret(self, lhs, rhs, name: str) -> None:
        literal = rhs.type in self.spec.strings or (
            rhs.type == "preproc_arg" and rx(r'\s*"[^"]*"\s*').fullmatch(self.text(rhs))
        )
        if self.spec.secret_finding is None:
            return
        if not literal:
            self.env_fallback(rhs, name)
            return
        if not secret_name(name) or any(c.type in self.spec.interpolations for c in rhs.named_children):
            return
        value = self.literal_value(rhs)
        if looks_like_secret(name, value):
            self.report(self.spec.secret_finding, rhs)

    def struct_fields(self, root) -> dict[str, list]:
        """C/C++: each struct field -> the values the file gives it (designated `.pass = "..."`, positional
        `{ "broker", "device", "S3cret!" }` by the order the struct declares its fields, also for each element of an
        array of structs, and `cfg->pass = ...` / `cfg.pass = ...`)."""
        if self.spec.language not in ("c", "cpp"):
            return {}
        order: dict[str, list[str]] = {}
        values: dict[str, list] = {}
        nodes = descendants(root)
        for n in nodes:
            if n.type in ("struct_specifier", "class_specifier") and n.child_by_field_name("body") is not None:
                names = []
                for fd in n.child_by_field_name("body").named_children:
                    for d in fd.children_by_field_name("declarator") if fd.type == "field_declaration" else ():
                        ident = next((c for c in descendants(d) if c.type == "field_identifier"), None)
                        names.append(self.text(ident) if ident is not None else "")
                    default = fd.child_by_field_name("default_value") if fd.type == "field_declaration" else None
                    if default is not None and names:  # C++ `std::string password_ = "...";` in a class
                        values.setdefault(names[-1], []).append(default)
                name = n.child_by_field_name("name")
                if name is None and n.parent is not None and n.parent.type == "type_definition":
                    name = n.parent.child_by_field_name("declarator")
                if name is not None:
                    order[self.text(name)] = names
        for n in nodes:
            if n.type == "initializer_pair":
                designator, value = n.child_by_field_name("designator"), n.child_by_field_name("value")
                if designator is not None and value is not None and designator.type == "field_designator":
                    values.setdefault(self.text(designator).lstrip("."), []).append(value)
            elif n.type == "assignment_expression" and n.child_by_field_name("left") is not None:
                lhs = n.child_by_field_name("left")
                field = lhs.child_by_field_name("field") if lhs.type == "field_expression" else None
                if field is not None and n.child_by_field_name("right") is not None:
                    values.setdefault(self.text(field), []).append(n.child_by_field_name("right"))
            elif n.type == "declaration" and n.child_by_field_name("type") is not None:
                kind = n.child_by_field_name("type")
                kind = kind.child_by_field_name("name") or kind if kind.type == "struct_specifier" else kind
                names = order.get(self.text(kind))
                for d in n.children_by_field_name("declarator") if names else ():
                    if d.type == "init_declarator" and d.child_by_field_name("value") is not None:
                        self._positional(d.child_by_field_name("value"), names, values)
        return values

    def _positional(self, value, names: list[str], values: dict[str, list]) -> None:
        if value.type != "initializer_list":
            return
        items = [c for c in value.named_children if c.type != "comment"]
        if items and all(i.type == "initializer_list" for i in items):  # an array of structs
            for item in items:
                self._positional(item, names, values)
            return
        if not any(i.type == "initializer_pair" for i in items):
            for name, item in zip(names, items):
                values.setdefault(name, []).append(item)

    def struct_secrets(self) -> None:
        """A literal that looks like a secret given to a struct field named for one (`.pass = "Gr33nh0use!"`)."""
        for name, nodes in self.field_values.items():
            for value in nodes:
                if value.parent is not None and value.parent.type != "assignment_expression":  # (those: the walk's)
                    self.secret(value, value, name)

    def setter_secret(self, callee: str, args: list) -> None:
        """`ds.setPassword("S3cret!")`, `opts.withApiKey("...")`, `mosquitto_username_pw_set(m, "dev", "...")`: a
        literal handed to a setter named for a secret; `props.put("mail.smtp.password", "...")`, `Map.of("password",
        "...")`: a literal given under a secret-named key."""
        if not args or self.spec.secret_finding is None:
            return
        literals = [self._literal(a) for a in args]
        name = setter_secret_name(callee)
        if name is not None and literals[-1] is not None:
            self.secret(literals[-1], literals[-1], name)
        for key, value in zip(literals, literals[1:]):
            if key is not None and value is not None and key.type in self.spec.strings:
                name = self.literal_value(key)
                if len(name) < 60 and secret_name(name):
                    self.secret(value, value, name)

    def _literal(self, node):
        """A string literal, also as `"...".toCharArray()` / `.getBytes()` / `.encode()`."""
        if node.type in self.spec.strings:
            return node
        if node.type in self.spec.calls and _AS_BYTES.search(self.callee(node)):
            obj = self.receiver(node)
            return obj if obj is not None and obj.type in self.spec.strings else None
        return None

    def literal_value(self, node) -> str:
        value = self.text(node).strip()
        value = rx(r"^[@$]?[rRbBuUfFL]{0,2}(\"\"\"|'''|\"|'|`)").sub("", value)
        return rx(r"(\"\"\"|'''|\"|'|`)$").sub("", value)

    def env_fallback(self, rhs, name: str) -> None:
        """`process.env.JWT_SECRET || 'dev-s3cret'`, `getenv("DB_PASS") ?: "..."`, `?? "..."`, `getOrDefault(...)`:
        the fallback for a secret read from the environment is a credential written into the code."""
        weak = self.spec.weak_sources
        text = self.text(rhs)
        if weak is None or len(text) > 300 or not weak.search(text) or rhs.type in _CONTAINERS:
            return  # (an object literal's keys are judged one by one)
        if (rhs.type in self.spec.calls or rhs.type in self.spec.news) and not _FALLBACK_CALL.search(self.callee(rhs)):
            for arg in self.args(rhs):  # new PDO(getenv('DSN') ?: '...', getenv('USER') ?: 'app', getenv('PASS'))
                self.env_fallback(arg, "")
            return
        literals = [n for n in descendants(rhs) if n.type in self.spec.strings]
        keys = [self.literal_value(n) for n in literals] + rx(r"\.env\.(\w+)").findall(text)
        holder = name if secret_name(name) else next((k for k in keys if secret_name(k)), None)
        if holder is None:
            return
        for n in literals:
            if any(c.type in self.spec.interpolations for c in n.named_children):
                continue
            if looks_like_secret(holder, self.literal_value(n)):
                self.report(self.spec.secret_finding, n)
                return
