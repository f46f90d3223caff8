"""Tokenising, lifting and canonical printing shared by data preparation, training and export.

The TypeScript runtime (src/neural/nl2tlText.ts) mirrors these rules; models/nl2tl/vocab.json
records them so the two cannot drift silently.
"""
import re

# Words, numbers (with decimals), prop ids and single punctuation marks.
TOKEN_RE = re.compile(r"prop_\d+|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[^\sa-z\d]")
PROP_RE = re.compile(r"^prop_(\d+)$")
NUM_RE = re.compile(r"^\d+(?:\.\d+)?$")

UNARY = {"negation", "finally", "globally", "next", "prev", "once", "historically"}
TEMPORAL_UNARY = {"finally", "globally", "once", "historically"}
BINARY = {"and", "or", "imply", "equal", "until", "weak_until", "release", "strong_release", "since"}
SYMBOL_TO_WORD = {"F": "finally", "G": "globally", "&": "and", "|": "or", "->": "imply",
                  "-": "negation", "!": "negation", "U": "until", "X": "next",
                  "W": "weak_until", "R": "release", "M": "strong_release", "S": "since", "Y": "prev", "O": "once",
                  "H": "historically"}


def tokenize_sentence(text):
    return TOKEN_RE.findall(text.lower())


def lift_sentence(tokens):
    """Renumbers props by first appearance and lifts numbers to num_k.

    Returns (lifted tokens, prop map original->canonical, number map value->placeholder)."""
    props, nums, out = {}, {}, []
    for t in tokens:
        if PROP_RE.match(t):
            props.setdefault(t, "prop_%d" % (len(props) + 1))
            out.append(props[t])
        elif NUM_RE.match(t):
            key = normalise_number(t)
            nums.setdefault(key, "num_%d" % (len(nums) + 1))
            out.append(nums[key])
        else:
            out.append(t)
    return out, props, nums


def normalise_number(t):
    return str(float(t)).rstrip("0").rstrip(".") if "." in t else str(int(t))


def split_formula_tokens(tokens):
    """Turns a token list in any of the data's spellings into separate tokens."""
    text = " ".join(tokens) if isinstance(tokens, list) else tokens
    text = re.sub(r"\[\s*([^\],]+?)\s*,\s*([^\]]+?)\s*\]", r" [ \1 , \2 ] ", text)
    text = text.replace("(", " ( ").replace(")", " ) ")
    out = []
    for t in text.split():
        out.append(SYMBOL_TO_WORD.get(t, t))
    return out


class ParseError(Exception):
    pass


def parse_formula(tokens):
    """Parses in-order word-operator formulas; unary operators bind tightest."""
    pos = [0]

    def peek():
        return tokens[pos[0]] if pos[0] < len(tokens) else None

    def take(expected=None):
        t = peek()
        if t is None or (expected is not None and t != expected):
            raise ParseError("expected %s at %d, got %s" % (expected, pos[0], t))
        pos[0] += 1
        return t

    def interval():
        if peek() != "[":
            return None
        take("[")
        lo = take()
        take(",")
        hi = take()
        take("]")
        return (lo, hi)

    def unary():
        t = peek()
        if t in UNARY:
            take()
            iv = interval() if t in TEMPORAL_UNARY else None
            return (t, iv, unary())
        if t == "(":
            take("(")
            e = chain()
            take(")")
            return e
        if t is not None and PROP_RE.match(t):
            take()
            return ("prop", t)
        raise ParseError("unexpected %s at %d" % (t, pos[0]))

    # Spot's binding, as src/languages/tl/precedence.ts: imply/equal loosest (right-assoc),
    # then or, and, and until (right-assoc) tightest among binaries.
    levels = [(["imply", "equal"], True), (["or"], False), (["and"], False),
              (["until", "weak_until", "release", "strong_release", "since"], True)]

    def level(i):
        if i == len(levels):
            return unary()
        ops, right_assoc = levels[i]
        left = level(i + 1)
        if right_assoc:
            if peek() in ops:
                op = take()
                iv = interval() if op == "until" else None
                return (op, iv, left, level(i))
            return left
        while peek() in ops:
            op = take()
            iv = interval() if op == "until" else None
            left = (op, iv, left, level(i + 1))
        return left

    def chain():
        return level(0)

    tree = chain()
    if pos[0] != len(tokens):
        raise ParseError("trailing tokens at %d" % pos[0])
    return tree


def print_formula(tree):
    """Canonical form: every binary parenthesised, unary operands bare."""
    if tree[0] == "prop":
        return [tree[1]]
    iv = tree[1]
    ivtok = ["[", iv[0], ",", iv[1], "]"] if iv else []
    if tree[0] in UNARY:
        return [tree[0]] + ivtok + print_formula(tree[2])
    return ["("] + print_formula(tree[2]) + [tree[0]] + ivtok + print_formula(tree[3]) + [")"]

