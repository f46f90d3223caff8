"""Grammar constraint for the lifted target language; src/neural/tlConstraint.ts mirrors it.

At each step `allowed()` lists the tokens that can continue a well-formed formula: balanced
parentheses, operators only where an operand or operator fits, every one of the input's props
before the end (a prop may recur: the pattern catalogue's scoped mappings name R three times), interval bounds only from the input's numbers, each number
at most once, an upper bound that is the number written right after the lower one. No token is
allowed that could not finish within the length budget, so decoding never dead-ends."""
UNARY_PLAIN = ("negation", "next", "prev")
UNARY_TEMPORAL = ("finally", "globally", "once", "historically")
BINARY_PLAIN = ("and", "or", "imply", "equal", "weak_until", "release", "strong_release", "since")
MAX_DEPTH = 8
TAIL = {"lo": 4, "comma": 3, "hi": 2, "close": 1}


class Constraint:
    def __init__(self, n_props, n_nums, budget=48):
        self.props = ["prop_%d" % i for i in range(1, n_props + 1)]
        self.nums = ["num_%d" % i for i in range(1, n_nums + 1)]
        self.state = "operand"
        self.depth = 0
        self.used = frozenset()
        self.used_nums = frozenset()
        self.lo = None
        self.iv_allowed = False
        self.budget = budget

    def copy(self):
        c = Constraint.__new__(Constraint)
        c.__dict__.update(self.__dict__)
        return c

    def min_to_finish(self):
        unused = len(self.props) - len(self.used)
        close_end = self.depth + 1
        if self.state == "done":
            return 0
        if self.state == "operator":
            return close_end + 2 * unused
        # An operand still to write needs a prop: an unused one, or any prop again when all are used.
        return TAIL.get(self.state, 0) + close_end + max(1, 2 * unused - 1)

    def grammar(self):
        s = self.state
        if s == "operand":
            out = list(UNARY_PLAIN + UNARY_TEMPORAL) + list(self.props)
            if self.depth < MAX_DEPTH:
                out.append("(")
            if self.iv_allowed:
                out.append("[")
            return out
        if s == "operator":
            out = list(BINARY_PLAIN) + ["until"]
            if self.depth > 0:
                out.append(")")
            elif len(self.used) == len(self.props):
                out.append("<eos>")
            return out
        free = [n for n in self.nums if n not in self.used_nums]
        if s == "lo":
            return free + ["0"]
        if s == "comma":
            return [","]
        if s == "hi":
            if self.lo == "0":
                return free + ["inf"]
            following = "num_%d" % (int(self.lo[4:]) + 1)
            return ([following] if following in free else []) + ["inf"]
        if s == "close":
            return ["]"]
        return []

    def allowed(self):
        out = []
        for t in self.grammar():
            n = self.copy()
            n._advance(t)
            if 1 + n.min_to_finish() <= self.budget:
                out.append(t)
        return out

    def step(self, tok):
        if tok not in self.allowed():
            raise ValueError("token %s not allowed in state %s" % (tok, self.state))
        self._advance(tok)

    def _advance(self, tok):
        iv = self.iv_allowed
        self.iv_allowed = False
        self.budget -= 1
        if self.state == "operand":
            if tok == "(":
                self.depth += 1
            elif tok in UNARY_TEMPORAL:
                self.iv_allowed = True
            elif tok == "[" and iv:
                self.state = "lo"
            elif tok.startswith("prop_"):
                self.used = self.used | {tok}
                self.state = "operator"
        elif self.state == "operator":
            if tok == ")":
                self.depth -= 1
            elif tok == "until":
                self.state = "operand"
                self.iv_allowed = True
            elif tok == "<eos>":
                self.state = "done"
            else:
                self.state = "operand"
        elif self.state == "lo":
            self.state = "comma"
            self.lo = tok
            if tok.startswith("num_"):
                self.used_nums = self.used_nums | {tok}
        elif self.state == "comma":
            self.state = "hi"
        elif self.state == "hi":
            self.state = "close"
            self.lo = None
            if tok.startswith("num_"):
                self.used_nums = self.used_nums | {tok}
        elif self.state == "close":
            self.state = "operand"
