"""Text masking and expression handling shared by data preparation, training and export.

src/languages/mwp/masking.ts mirrors tokenize() exactly: the model sees the same tokens at
training time in Python and at inference time in TypeScript.
"""
import re
import unicodedata
from fractions import Fraction

# Math23K's own number pattern (mixed numbers, bracketed fractions, decimals, percentages).
NUMBER = re.compile(r"\d*\(\d+/\d+\)\d*|\d+\.\d+%?|\d+%?")
WORD = re.compile(r"[A-Za-z]+")
OPS = "+-*/^"


def normalize(text):
    return unicodedata.normalize("NFKC", text)


def tokenize(text):
    """Returns (tokens, numbers): numbers are replaced by N0, N1, ... in order of appearance."""
    text = normalize(text)
    tokens, numbers = [], []
    i = 0
    while i < len(text):
        m = NUMBER.match(text, i)
        if m:
            tokens.append("N%d" % len(numbers))
            numbers.append(m.group(0))
            i = m.end()
            continue
        m = WORD.match(text, i)
        if m:
            tokens.append(m.group(0).lower())
            i = m.end()
            continue
        if not text[i].isspace():
            tokens.append(text[i])
        i += 1
    return tokens, numbers


def number_value(s):
    s = s.strip()
    pct = s.endswith("%")
    if pct:
        s = s[:-1]
    m = re.fullmatch(r"(\d*)\((\d+)/(\d+)\)(\d*)", s)
    if m:
        whole, num, den, tail = m.groups()
        v = Fraction(int(num), int(den))
        if whole:
            v += int(whole)
        if tail:
            return None
    else:
        v = Fraction(s)
    return v / 100 if pct else v


def infix_tokens(expr):
    expr = normalize(expr).replace("[", "(").replace("]", ")").replace(" ", "")
    out, i = [], 0
    while i < len(expr):
        m = NUMBER.match(expr, i)
        if m and not (m.group(0).startswith("(") and out and out[-1] not in OPS + "("):
            out.append(m.group(0))
            i = m.end()
        elif expr[i] in OPS + "()":
            out.append(expr[i])
            i += 1
        else:
            raise ValueError("unexpected %r in %r" % (expr[i], expr))
    return out


PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}


def infix_to_prefix(tokens):
    """Shunting-yard into a tree, then prefix order. Tree = str leaf or (op, left, right)."""
    ops, vals = [], []

    def reduce():
        op = ops.pop()
        r = vals.pop()
        l = vals.pop()
        vals.append((op, l, r))

    for t in tokens:
        if t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                reduce()
            ops.pop()
        elif t in PREC:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "^")):
                reduce()
            ops.append(t)
        else:
            vals.append(t)
    while ops:
        reduce()
    if len(vals) != 1:
        raise ValueError("bad expression")
    return vals[0]


def tree_prefix(tree):
    if isinstance(tree, str):
        return [tree]
    op, l, r = tree
    return [op] + tree_prefix(l) + tree_prefix(r)


def eval_prefix(tokens, values):
    """values maps leaf token -> Fraction."""
    pos = 0

    def go():
        nonlocal pos
        t = tokens[pos]
        pos += 1
        if t in OPS:
            a, b = go(), go()
            if t == "+":
                return a + b
            if t == "-":
                return a - b
            if t == "*":
                return a * b
            if t == "/":
                return a / b
            if b.denominator != 1 or abs(b) > 64:
                return Fraction(float(a) ** float(b))
            return a ** int(b)
        return values[t]

    v = go()
    if pos != len(tokens):
        raise ValueError("trailing tokens")
    return v
