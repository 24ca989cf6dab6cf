"""Random kernel and testbench generator of scripts/fuzz-diff.py.

Every program it writes has defined behaviour when compiled with -fwrapv (signed overflow
wraps): shift counts are masked into range and left shifts work on unsigned values, divisors
are made positive, array indices are proven in bounds from the loop bounds (interval
arithmetic over the loop variables) or masked, floating-point values are converted to
integers only inside a range check, loops always terminate and locals are always
initialised. See docs/testing.md.
"""

import random

# --------------------------------------------------------------------------------------------
# Types

INT_SPELL = {
    (8, True): ['int8_t', 'signed char', 'char'],
    (8, False): ['uint8_t', 'unsigned char'],
    (16, True): ['int16_t', 'short'],
    (16, False): ['uint16_t', 'unsigned short'],
    (32, True): ['int', 'int32_t'],
    (32, False): ['unsigned', 'uint32_t'],
    (64, True): ['int64_t', 'long', 'long long'],
    (64, False): ['uint64_t', 'unsigned long', 'unsigned long long'],
}
# The C++ type each spelling names (int32_t is int, int64_t is long on x86-64 Linux): arrays
# can be passed to a helper only when the element types are the same type.
CANON = {
    'int8_t': 'signed char', 'signed char': 'signed char', 'char': 'char',
    'uint8_t': 'unsigned char', 'unsigned char': 'unsigned char',
    'int16_t': 'short', 'short': 'short', 'uint16_t': 'unsigned short',
    'unsigned short': 'unsigned short', 'int': 'int', 'int32_t': 'int',
    'unsigned': 'unsigned', 'uint32_t': 'unsigned', 'int64_t': 'long', 'long': 'long',
    'long long': 'long long', 'uint64_t': 'unsigned long', 'unsigned long': 'unsigned long',
    'unsigned long long': 'unsigned long long', 'bool': 'bool', 'float': 'float',
    'double': 'double',
}
Q_MODES = ['AP_TRN', 'AP_RND', 'AP_RND_ZERO', 'AP_RND_MIN_INF', 'AP_RND_INF', 'AP_RND_CONV',
           'AP_TRN_ZERO']
O_MODES = ['AP_WRAP', 'AP_SAT', 'AP_SAT_ZERO', 'AP_SAT_SYM']


class Ty:
    """A C++ type: k is 'bool', 'int', 'float', 'apint' or 'apfixed'."""

    def __init__(self, k, w=32, s=True, i=0, q='AP_TRN', o='AP_WRAP', name=None):
        self.k, self.w, self.s, self.i, self.q, self.o = k, w, s, i, q, o
        self.base = self._spell() if name is None else name
        self.alias = None  # typedef name used when the typedef style is on

    def _spell(self):
        if self.k == 'bool':
            return 'bool'
        if self.k == 'int':
            return INT_SPELL[(self.w, self.s)][0]
        if self.k == 'float':
            return 'float' if self.w == 32 else 'double'
        if self.k == 'apint':
            return ('ap_int<%d>' if self.s else 'ap_uint<%d>') % self.w
        name = 'ap_fixed' if self.s else 'ap_ufixed'
        if self.q == 'AP_TRN' and self.o == 'AP_WRAP':
            return '%s<%d, %d>' % (name, self.w, self.i)
        return '%s<%d, %d, %s, %s>' % (name, self.w, self.i, self.q, self.o)

    @property
    def spell(self):
        return self.alias or self.base

    @property
    def canon(self):
        return CANON.get(self.base, self.base)

    def is_int(self):
        return self.k in ('bool', 'int')

    def is_ap(self):
        return self.k in ('apint', 'apfixed')

    def __repr__(self):
        return self.spell


INT = Ty('int', 32, True, name='int')
UINT = Ty('int', 32, False, name='unsigned')
LONG = Ty('int', 64, True, name='long')
ULONG = Ty('int', 64, False, name='unsigned long')
BOOL = Ty('bool')
FLOAT = Ty('float', 32)
DOUBLE = Ty('float', 64)


def promote(t):
    if t.k == 'bool' or (t.k == 'int' and t.w < 32):
        return INT
    return t


def canon_int(w, s):
    return {(32, True): INT, (32, False): UINT, (64, True): LONG, (64, False): ULONG}[(w, s)]


def usual(a, b):
    """The usual arithmetic conversions of two integer types."""
    a, b = promote(a), promote(b)
    if a.w == b.w and a.s == b.s:
        return canon_int(a.w, a.s)
    if a.s == b.s:
        return canon_int(max(a.w, b.w), a.s)
    u, s = (a, b) if not a.s else (b, a)
    if u.w >= s.w:
        return canon_int(u.w, False)
    return canon_int(s.w, True)


def int_range(t):
    if t.k == 'bool':
        return 0, 1
    if t.s:
        return -(1 << (t.w - 1)), (1 << (t.w - 1)) - 1
    return 0, (1 << t.w) - 1


def int_lit(v, t=INT):
    """A literal of value v whose type is t (int, unsigned, long or unsigned long)."""
    t = promote(t)
    suffix = {(32, True): '', (32, False): 'u', (64, True): 'L', (64, False): 'UL'}[(t.w, t.s)]
    lo, hi = int_range(t)
    if t.s:
        v = ((v - lo) % (1 << t.w)) + lo
    else:
        v %= (1 << t.w)
    if v == lo and t.s:
        return '(%d%s - 1)' % (v + 1, suffix)
    if v < 0:
        return '(%d%s)' % (v, suffix)
    return '%d%s' % (v, suffix)


def flt_lit(v, t):
    s = repr(float(v))
    if 'e' not in s and '.' not in s:
        s += '.0'
    if t.w == 32:
        s += 'f'
    return '(%s)' % s if v < 0 else s


# --------------------------------------------------------------------------------------------
# Variables and scopes


class Var:
    def __init__(self, name, ty, kind, shape=None, const=False, rng=None, writable=True):
        self.name, self.ty, self.kind = name, ty, kind  # kind: scalar, array, iv
        self.shape = shape or []
        self.const = const
        self.rng = rng  # (lo, hi) of the value when known (loop variables, bounded scalars)
        self.writable = writable and not const and kind != 'iv'
        self.affine = False  # a loop variable of an affine loop (usable in affine bounds)
        self.dec = False  # a decreasing loop's variable
        self.pointer = False  # an array parameter written as a pointer (m_axi style)
        self.field = None  # a view of one field of an array of structs
        self.attr = None  # the parameter as written with an attribute


class Scope:
    def __init__(self):
        self.frames = [[]]

    def push(self):
        self.frames.append([])

    def pop(self):
        self.frames.pop()

    def add(self, v):
        self.frames[-1].append(v)
        return v

    def all(self):
        out = []
        for f in self.frames:
            out.extend(f)
        return out


class Func:
    def __init__(self, name, params, ret, kind):
        self.name, self.params, self.ret, self.kind = name, params, ret, kind
        self.lines = []


def weighted_pick(rng, pairs):
    """One value of (weight, value) pairs, with probability proportional to its weight."""
    pairs = [(w, v) for w, v in pairs if w > 0]
    tot = sum(w for w, _ in pairs)
    x = rng.random() * tot
    for w, v in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][1]


# --------------------------------------------------------------------------------------------
# Options

STYLES = ['predecl', 'typedef', 'static-const', 'pointer', 'struct', 'ref', 'labels', 'pragmas',
          'attrs']
# Every style is a construct main raises; each shape is also recorded in a case's features
# (meta.json), so findings stay classifiable, and `--styles` turns shapes off.
DEFAULT_STYLES = ['predecl', 'typedef', 'static-const', 'pointer', 'struct', 'ref', 'labels',
                  'pragmas']
DOMAINS = ['int', 'float', 'apint', 'apfixed']


class GenOptions:
    def __init__(self, styles=None, domains=None, max_depth=4, max_stmts=18, max_dim=12,
                 helpers=True, profile=None):
        self.profile = profile
        self.styles = set(DEFAULT_STYLES if styles is None else styles)
        self.domains = list(DOMAINS if domains is None else domains)
        self.max_depth = max_depth
        self.max_stmts = max_stmts
        self.max_dim = max_dim
        self.helpers = helpers


# --------------------------------------------------------------------------------------------
# The generator


class Gen:
    def __init__(self, seed, opts):
        self.r = random.Random(seed)
        self.o = opts
        self.names = {}
        self.funcs = []
        self.features = set()
        self.uses_ap = False
        self.typedefs = []  # (alias, base)
        self.structs = []
        self.dimnames = {}
        self.dim_style = None
        self.tables = []  # constexpr global tables
        self.reserved = set(['kern', 'e', 'trial', 'ret', 'st', 'rnd', 'fill', 'pr', 'main'])

    # ---- named sizes: constexpr int N8 = 8; / #define LEN8 8
    def dim(self, n):
        if not self.dim_style or n <= 1:
            return str(n)
        if n not in self.dimnames:
            self.dimnames[n] = ('N%d' if self.dim_style == 'constexpr' else 'LEN%d') % n \
                if self.chance(0.7) else None
        return self.dimnames[n] or str(n)

    def shape_text(self, shape):
        return ''.join('[%s]' % self.dim(n) for n in shape)

    # ---- small helpers
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def wpick(self, pairs):
        return weighted_pick(self.r, pairs)

    def fresh(self, base):
        taken = set(v.name for v in self.scope.all()) if getattr(self, 'scope', None) else set()
        taken |= self.reserved
        while True:
            n = self.names.get(base, 0)
            self.names[base] = n + 1
            name = base if n == 0 and base not in ('t', 'v', 'h', 'w') else '%s%d' % (base, n)
            if name not in taken:
                return name

    # ---- types
    def rand_int_ty(self, allow_bool=False):
        if allow_bool and self.chance(0.05):
            return Ty('bool')
        w = self.wpick([(2, 8), (2, 16), (6, 32), (2, 64)])
        s = self.chance(0.65)
        return Ty('int', w, s, name=self.pick(INT_SPELL[(w, s)]))

    def rand_ty(self, domain=None):
        d = domain or self.pick(self.doms)
        if d == 'int':
            return self.rand_int_ty(allow_bool=True)
        if d == 'float':
            return Ty('float', 32) if self.chance(0.6) else Ty('float', 64)
        self.uses_ap = True
        if d == 'apint':
            w = self.wpick([(3, self.r.randint(1, 16)), (3, self.r.randint(17, 40)),
                            (1, self.r.randint(41, 64)), (1, self.r.randint(65, 100))])
            return Ty('apint', w, self.chance(0.6))
        w = self.r.randint(4, 40)
        i = self.r.randint(1, w) if self.chance(0.9) else self.r.randint(-2, 0)
        q = 'AP_TRN' if self.chance(0.5) else self.pick(Q_MODES)
        o = 'AP_WRAP' if self.chance(0.6) else self.pick(O_MODES)
        if i <= 0:
            q, o = q, 'AP_WRAP'
        return Ty('apfixed', w, self.chance(0.7), i, q, o)

    def maybe_alias(self, t):
        if 'typedef' in self.o.styles and self.chance(0.5):
            for a, b in self.typedefs:
                if b == t.base:
                    t.alias = a
                    return t
            a = self.fresh('data_t' if t.k != 'apfixed' else 'fix_t')
            self.typedefs.append((a, t.base))
            t.alias = a
            self.features.add('typedef')
        return t

    # ---- values in scope
    def vars_of(self, pred):
        return [v for v in self.scope.all() if pred(v)]

    def scalars(self, kinds):
        return self.vars_of(lambda v: v.kind in ('scalar', 'iv') and v.ty.k in kinds)

    def arrays(self, kinds=None, writable=None):
        return self.vars_of(lambda v: v.kind == 'array' and (kinds is None or v.ty.k in kinds)
                            and (writable is None or v.writable == writable or not writable))

    def ivs(self):
        return [v for v in self.scope.all() if v.rng is not None and v.rng[0] <= v.rng[1]
                and v.kind in ('iv', 'scalar')]

    # ---- indices
    def index(self, n, allow_data=True):
        """An index expression of a dimension of size n, always in [0, n)."""
        ivs = self.ivs()
        clean = getattr(self, 'clean', False)
        choice = self.wpick([(8 if ivs else 0, 'affine'), (1, 'const'),
                             (2 if ivs and not clean else 0, 'mod'),
                             (1 if allow_data and not clean else 0, 'data')])
        if choice == 'affine':
            for _ in range(6):
                k = 1 if len(ivs) < 2 or self.chance(0.6) else 2
                terms = self.r.sample(ivs, k)
                coefs = [self.wpick([(6, 1), (2, -1), (1, 2)]) for _ in terms]
                lo = sum(min(c * v.rng[0], c * v.rng[1]) for c, v in zip(coefs, terms))
                hi = sum(max(c * v.rng[0], c * v.rng[1]) for c, v in zip(coefs, terms))
                if hi - lo <= n - 1:
                    c = self.r.randint(-lo, n - 1 - hi)
                    return render_affine(list(zip(coefs, [v.name for v in terms])), c)
            choice = 'mod'
        if choice == 'mod' and ivs:
            v = self.pick(ivs)
            if v.rng[0] >= 0:
                if v.rng[1] < n:
                    return v.name
                return '%s %% %d' % (v.name, n)
            choice = 'const'
        if choice == 'data' and self.depth_budget > 0:
            self.depth_budget -= 1
            e, t = self.ex_int(1)
            self.depth_budget += 1
            if n & (n - 1) == 0:
                return '(%s) & %d' % (e, n - 1)
            return '(unsigned)(%s) %% %du' % (e, n)
        return str(self.r.randint(0, n - 1))

    def elem(self, a):
        e = a.name + ''.join('[%s]' % self.index(n) for n in a.shape)
        return e + '.' + a.field if a.field else e

    # ---- expressions: integers
    def ex_int(self, d):
        """(code, type) of an integer expression."""
        if d <= 0 or self.chance(0.25):
            return self.int_leaf()
        c = self.wpick([(5, 'arith'), (2, 'bit'), (2, 'shift'), (2, 'div'), (2, 'unary'),
                        (2, 'cmp'), (1, 'tern'), (2, 'cast'), (1, 'minmax'), (1, 'abs'),
                        (2 if self.pure_helpers() else 0, 'call'),
                        (1 if 'float' in self.doms else 0, 'fromf'),
                        (1 if ('apint' in self.doms or 'apfixed' in self.doms) else 0, 'fromap')])
        if c == 'arith' or c == 'bit':
            a, ta = self.ex_int(d - 1)
            b, tb = self.ex_int(d - 1)
            op = self.pick(['+', '-', '*'] if c == 'arith' else ['&', '|', '^'])
            return '(%s %s %s)' % (a, op, b), usual(ta, tb)
        if c == 'shift':
            a, ta = self.ex_int(d - 1)
            pa = promote(ta)
            m = pa.w - 1
            if self.chance(0.5):
                amt = str(self.r.randint(0, m))
            else:
                b, _ = self.ex_int(d - 1)
                amt = '(%s & %d)' % (b, m)
            if self.chance(0.5):
                u = canon_int(pa.w, False)
                return '((%s)%s << %s)' % (u.spell, a, amt), u
            return '(%s >> %s)' % (a, amt), pa
        if c == 'div':
            a, ta = self.ex_int(d - 1)
            op = self.pick(['/', '%'])
            if self.chance(0.5):
                k = self.pick([1, 2, 3, 4, 5, 7, 8, 16, -2, -3, -5])
                tb = INT
                if not promote(ta).s and k < 0:
                    k = -k
                return '(%s %s %s)' % (a, op, int_lit(k)), usual(ta, tb)
            b, tb = self.ex_int(d - 1)
            if self.chance(0.3) and promote(ta).s:
                # a divisor of either sign, never 0 or -1
                return '(%s %s (((%s & 1) != 0) ? %s : %s))' % (
                    a, op, b, int_lit(self.pick([-3, -2, -7, -16])),
                    int_lit(self.pick([3, 2, 5, 9]))), usual(ta, INT)
            m = self.pick([1, 3, 7, 15, 255])
            return '(%s %s ((%s & %d) + 1))' % (a, op, b, m), usual(ta, usual(tb, INT))
        if c == 'unary':
            a, ta = self.ex_int(d - 1)
            op = self.pick(['-', '~', '!', '-', '+'])
            if op == '-' and self.chance(0.15):
                # printers must keep a negation of a negation apart: -(-x), - -x, x - -y
                return '(-(-%s))' % a, promote(ta)
            if op == '!':
                return '(!%s)' % a, BOOL
            return '(%s%s)' % (op, a), promote(ta)
        if c == 'cmp':
            if self.chance(0.2) and 'float' in self.doms:
                a, _ = self.ex_flt(d - 1)
                b, _ = self.ex_flt(d - 1)
            else:
                a, _ = self.ex_int(d - 1)
                b, _ = self.ex_int(d - 1)
            return '(%s %s %s)' % (a, self.pick(['<', '<=', '>', '>=', '==', '!=']), b), BOOL
        if c == 'tern':
            cond = self.ex_cond(d - 1)
            a, ta = self.ex_int(d - 1)
            b, tb = self.ex_int(d - 1)
            return '(%s ? %s : %s)' % (cond, a, b), usual(ta, tb)
        if c == 'cast':
            a, _ = self.ex_int(d - 1)
            t = self.rand_int_ty(allow_bool=True)
            return '((%s)%s)' % (t.spell, a), t
        if c == 'minmax':
            a, ta = self.ex_int(d - 1)
            b, tb = self.ex_int(d - 1)
            t = usual(ta, tb)
            return 'std::%s((%s)%s, (%s)%s)' % (self.pick(['min', 'max']), t.spell, a, t.spell,
                                                b), t
        if c == 'abs':
            a, _ = self.ex_int(d - 1)
            return 'std::abs((int)(int16_t)%s)' % a, INT
        if c == 'call':
            return self.call_expr(d, 'int')
        if c == 'fromf':
            a, ta = self.ex_flt(d - 1)
            t = self.rand_int_ty()
            lim = min(1000000, int_range(t)[1])
            lo = 0 if not t.s else -lim
            sfx = 'f' if ta.w == 32 else ''
            return '((%s > %d.0%s && %s < %d.0%s) ? (%s)%s : (%s)0)' % (
                a, lo - 1, sfx, a, lim, sfx, t.spell, a, t.spell), t
        if c == 'fromap':
            if 'apfixed' in self.doms and self.chance(0.5):
                a, _ = self.ex_apf(d - 1)
                m = self.pick(['to_int', 'to_int64', 'to_uint'])
                return '(%s).%s()' % (a, m), {'to_int': INT, 'to_int64': LONG,
                                              'to_uint': UINT}[m]
            if 'apint' in self.doms:
                a, _ = self.ex_api(d - 1)
                m = self.pick(['to_int', 'to_int64', 'to_uint', 'cast'])
                if m == 'cast':
                    t = self.rand_int_ty()
                    return '((%s)%s)' % (t.spell, a), t
                return '(%s).%s()' % (a, m), {'to_int': INT, 'to_int64': LONG,
                                              'to_uint': UINT}[m]
        return self.int_leaf()

    def int_leaf(self):
        c = self.wpick([(2, 'const'), (4, 'var'), (7, 'arr')])
        if c == 'var':
            vs = self.scalars(('int', 'bool'))
            if vs:
                v = self.pick(vs)
                return v.name, v.ty
        if c in ('var', 'arr'):
            arrs = self.arrays(('int', 'bool'))
            if arrs:
                a = self.pick(arrs)
                return self.elem(a), a.ty
        if self.chance(0.93):
            return int_lit(self.wpick([(6, self.r.randint(-8, 16)), (1, self.r.randint(-1000, 1000)),
                                       (1, self.pick([2147483647, -2147483648, 65535, 255, -1]))])), INT
        t = self.pick([UINT, LONG, ULONG])
        return int_lit(self.r.randint(0, 1 << 40), t), t

    # ---- conditions
    def ex_cond(self, d):
        ivs = [v for v in self.ivs() if v.kind == 'iv']
        cl = 0.1 if self.clean else 1
        c = self.wpick([(4 if ivs else 0, 'affine'), (3 * cl, 'data'), (1, 'logic'),
                        (1 * cl if 'float' in self.doms else 0, 'flt')])
        if c == 'affine':
            v = self.pick(ivs)
            k = self.r.randint(v.rng[0], v.rng[1])
            f = self.wpick([(4, 'cmp'), (1, 'sum'), (1, 'mod')])
            if f == 'sum' and len(ivs) > 1:
                w = self.pick([x for x in ivs if x is not v])
                return '(%s + %s %s %d)' % (v.name, w.name, self.pick(['<', '>=', '<=']),
                                            k + self.r.randint(0, 3))
            if f == 'mod' and v.rng[0] >= 0:
                return '(%s %% %d == %d)' % (v.name, 2, self.r.randint(0, 1))
            return '(%s %s %d)' % (v.name, self.pick(['<', '<=', '>', '>=', '==', '!=']), k)
        if c == 'logic' and d > 0:
            a = self.ex_cond(d - 1)
            b = self.ex_cond(d - 1)
            return '(%s %s %s)' % (a, self.pick(['&&', '||']), b)
        if c == 'flt':
            a, _ = self.ex_flt(max(d - 1, 0))
            b, _ = self.ex_flt(max(d - 1, 0))
            return '(%s %s %s)' % (a, self.pick(['<', '>', '<=', '>=']), b)
        a, _ = self.ex_int(max(d - 1, 0))
        arrs = self.arrays(('int', 'bool'))
        if arrs and self.chance(0.6):
            a = self.elem(self.pick(arrs))
        if self.chance(0.3):
            return '((%s & %d) != 0)' % (a, self.pick([1, 2, 4, 3]))
        b, _ = self.ex_int(max(d - 1, 0))
        return '(%s %s %s)' % (a, self.pick(['<', '<=', '>', '>=', '==', '!=']), b)

    # ---- expressions: floating point
    def ex_flt(self, d, want=None):
        if d <= 0 or self.chance(0.25):
            return self.flt_leaf(want)
        c = self.wpick([(6, 'arith'), (1, 'div'), (1, 'neg'), (2, 'math'), (1, 'minmax'),
                        (1, 'tern'), (1, 'fromint'),
                        (1 if self.pure_helpers('float') else 0, 'call'),
                        (1 if 'apfixed' in self.doms else 0, 'fromfx')])
        if c == 'arith':
            a, ta = self.ex_flt(d - 1, want)
            b, tb = self.ex_flt(d - 1, want)
            return '(%s %s %s)' % (a, self.pick(['+', '-', '*']), b), (DOUBLE if 64 in (ta.w, tb.w) else FLOAT)
        if c == 'div':
            a, ta = self.ex_flt(d - 1, want)
            b, tb = self.ex_flt(d - 1, want)
            one = '1.0f' if tb.w == 32 else '1.0'
            return '(%s / (%s * %s + %s))' % (a, b, b, one), (DOUBLE if 64 in (ta.w, tb.w) else FLOAT)
        if c == 'neg':
            a, ta = self.ex_flt(d - 1, want)
            if self.chance(0.15):
                return '(-(-%s))' % a, ta
            return '(-%s)' % a, ta
        if c == 'math':
            a, ta = self.ex_flt(d - 1, want)
            f = self.pick(['sqrt', 'sin', 'cos', 'floor', 'ceil', 'tanh', 'exp', 'log', 'abs',
                           'fabs', 'pow'])
            if f == 'pow':
                return 'std::pow(%s, %s)' % (a, flt_lit(self.pick([2.0, 3.0, 0.5]), ta)) \
                    if self.chance(0.5) else 'std::pow(std::abs(%s), %s)' % (a, flt_lit(0.5, ta)), ta
            if f == 'sqrt':
                return 'std::sqrt(std::abs(%s))' % a, ta
            if f == 'exp':
                return 'std::exp(std::min(%s, %s))' % (a, flt_lit(8.0, ta)), ta
            if f == 'log':
                return 'std::log(std::abs(%s) + %s)' % (a, flt_lit(1.0, ta)), ta
            return 'std::%s(%s)' % (f, a), ta
        if c == 'minmax':
            a, ta = self.ex_flt(d - 1, want)
            b, tb = self.ex_flt(d - 1, want)
            t = DOUBLE if 64 in (ta.w, tb.w) else FLOAT
            return 'std::%s((%s)%s, (%s)%s)' % (self.pick(['min', 'max']), t.spell, a, t.spell,
                                                b), t
        if c == 'tern':
            cond = self.ex_cond(d - 1)
            a, ta = self.ex_flt(d - 1, want)
            b, tb = self.ex_flt(d - 1, want)
            return '(%s ? %s : %s)' % (cond, a, b), (DOUBLE if 64 in (ta.w, tb.w) else FLOAT)
        if c == 'fromint':
            a, _ = self.ex_int(d - 1)
            t = want or self.pick([FLOAT, DOUBLE])
            return '((%s)%s)' % (t.spell, a), t
        if c == 'call':
            return self.call_expr(d, 'float')
        if c == 'fromfx':
            a, _ = self.ex_apf(d - 1)
            m = self.pick(['to_double', 'to_float'])
            return '(%s).%s()' % (a, m), (DOUBLE if m == 'to_double' else FLOAT)
        return self.flt_leaf(want)

    def flt_leaf(self, want=None):
        c = self.wpick([(2, 'const'), (3, 'var'), (7, 'arr')])
        if c == 'var':
            vs = self.scalars(('float',))
            if vs:
                v = self.pick(vs)
                return v.name, v.ty
        if c in ('var', 'arr'):
            arrs = self.arrays(('float',))
            if arrs:
                a = self.pick(arrs)
                return self.elem(a), a.ty
        t = want or self.pick([FLOAT, DOUBLE])
        return flt_lit(self.pick([0.5, 1.0, 2.0, -1.5, 0.25, 3.0, 0.1, -0.75, 10.0]), t), t

    # ---- expressions: ap_int
    def ex_api(self, d):
        """(code, None): an ap_int-valued expression (its exact type is not tracked)."""
        if d <= 0 or self.chance(0.25):
            return self.api_leaf()
        c = self.wpick([(5, 'arith'), (2, 'bit'), (2, 'shift'), (1, 'div'), (1, 'unary'),
                        (1, 'tern'), (1, 'mixed'), (1, 'range'), (1, 'bitsel'), (1, 'cast')])
        if c in ('arith', 'bit'):
            a, _ = self.ex_api(d - 1)
            b, _ = self.ex_api(d - 1)
            return '(%s %s %s)' % (a, self.pick(['+', '-', '*'] if c == 'arith' else ['&', '|', '^']), b), None
        if c == 'mixed':
            a, _ = self.ex_api(d - 1)
            b, _ = self.ex_int(d - 1)
            op = self.pick(['+', '-', '*', '&', '|', '^'])
            return ('(%s %s %s)' % (a, op, b) if self.chance(0.5) else '(%s %s %s)' % (b, op, a)), None
        if c == 'shift':
            a, _ = self.ex_api(d - 1)
            if self.chance(0.6):
                amt = str(self.r.randint(0, 12))
            else:
                b, _ = self.ex_int(d - 1)
                amt = '(%s & 15)' % b if self.chance(0.7) else '(int)(int8_t)%s' % b
            return '(%s %s %s)' % (a, self.pick(['<<', '>>']), amt), None
        if c == 'div':
            a, _ = self.ex_api(d - 1)
            b, _ = self.ex_api(d - 1)
            return '(%s %s %s)' % (a, self.pick(['/', '%']), b), None
        if c == 'unary':
            a, _ = self.ex_api(d - 1)
            return '(%s%s)' % (self.pick(['-', '~']), a), None
        if c == 'tern':
            cond = self.ex_cond(d - 1)
            t = self.rand_ty('apint')
            a, _ = self.ex_api(d - 1)
            b, _ = self.ex_api(d - 1)
            return '(%s ? (%s)%s : (%s)%s)' % (cond, t.spell, a, t.spell, b), None
        if c in ('range', 'bitsel'):
            vs = self.scalars(('apint',))
            if vs:
                v = self.pick(vs)
                w = v.ty.w
                if c == 'range':
                    h = self.r.randint(0, min(w, 64) - 1)
                    l = self.r.randint(0, h)
                    if self.chance(0.15) and w <= 64:
                        h, l = l, h  # (reversed ranges of wider values are not raised yet)
                    return '((ap_uint<%d>)%s.range(%d, %d))' % (abs(h - l) + 1, v.name, h, l), None
                if self.chance(0.5):
                    return '((ap_uint<1>)%s[%d])' % (v.name, self.r.randint(0, w - 1)), None
                m = 1
                while m * 2 <= w:
                    m *= 2
                b, _ = self.ex_int(d - 1)
                return '((int)%s[(%s) & %d])' % (v.name, b, m - 1), None
        if c == 'cast':
            t = self.rand_ty('apint')
            if self.chance(0.5):
                a, _ = self.ex_int(d - 1)
            else:
                a, _ = self.ex_api(d - 1)
            return '((%s)%s)' % (t.spell, a), None
        return self.api_leaf()

    def api_leaf(self):
        c = self.wpick([(1, 'const'), (3, 'var'), (4, 'arr')])
        if c == 'var':
            vs = self.scalars(('apint',))
            if vs:
                return self.pick(vs).name, None
        if c in ('var', 'arr'):
            arrs = self.arrays(('apint',))
            if arrs:
                return self.elem(self.pick(arrs)), None
        t = self.rand_ty('apint')
        return '((%s)%s)' % (t.spell, int_lit(self.r.randint(-300, 300))), None

    # ---- expressions: ap_fixed
    def ex_apf(self, d):
        if d <= 0 or self.chance(0.25):
            return self.apf_leaf()
        c = self.wpick([(5, 'arith'), (1, 'div'), (1, 'neg'), (1, 'tern'), (1, 'mixed'),
                        (1, 'shift'), (2, 'cast')])
        if c == 'arith':
            a, _ = self.ex_apf(d - 1)
            b, _ = self.ex_apf(d - 1)
            return '(%s %s %s)' % (a, self.pick(['+', '-', '*']), b), None
        if c == 'div':
            a, _ = self.ex_apf(d - 1)
            b, _ = self.ex_apf(d - 1)
            return '(%s / %s)' % (a, b), None
        if c == 'neg':
            a, _ = self.ex_apf(d - 1)
            return '(-%s)' % a, None
        if c == 'tern':
            cond = self.ex_cond(d - 1)
            t = self.rand_ty('apfixed')
            a, _ = self.ex_apf(d - 1)
            b, _ = self.ex_apf(d - 1)
            return '(%s ? (%s)%s : (%s)%s)' % (cond, t.spell, a, t.spell, b), None
        if c == 'mixed':
            a, _ = self.ex_apf(d - 1)
            b, _ = self.ex_int(d - 1)
            op = self.pick(['+', '-', '*'])
            return ('(%s %s %s)' % (a, op, b) if self.chance(0.5) else '(%s %s %s)' % (b, op, a)), None
        if c == 'shift':
            a, _ = self.ex_apf(d - 1)
            return '(%s %s %d)' % (a, self.pick(['<<', '>>']), self.r.randint(0, 4)), None
        t = self.rand_ty('apfixed')
        src = self.wpick([(2, 'apf'), (1, 'int'), (1 if 'float' in self.doms else 0, 'flt'),
                          (1 if 'apint' in self.doms else 0, 'api')])
        if src == 'int':
            a, _ = self.ex_int(d - 1)
        elif src == 'flt':
            a, _ = self.ex_flt(d - 1)
        elif src == 'api':
            a, _ = self.ex_api(d - 1)
        else:
            a, _ = self.ex_apf(d - 1)
        return '((%s)%s)' % (t.spell, a), None

    def apf_leaf(self):
        c = self.wpick([(1, 'const'), (3, 'var'), (4, 'arr')])
        if c == 'var':
            vs = self.scalars(('apfixed',))
            if vs:
                return self.pick(vs).name, None
        if c in ('var', 'arr'):
            arrs = self.arrays(('apfixed',))
            if arrs:
                return self.elem(self.pick(arrs)), None
        t = self.rand_ty('apfixed')
        return '((%s)%s)' % (t.spell, self.pick(['0.5', '1.25', '-2.75', '3', '0.125', '-1'])), None

    # ---- an expression to store into a value of type t
    def ex_for(self, t, d):
        if t.k == 'bool':
            return self.ex_cond(d) if self.chance(0.6) else self.ex_int(d)[0]
        if t.k == 'int':
            return self.ex_int(d)[0]
        if t.k == 'float':
            if self.chance(0.15):
                return self.ex_int(d)[0]
            return self.ex_flt(d, t if self.chance(0.7) else None)[0]
        if t.k == 'apint':
            c = self.wpick([(5, 'api'), (2, 'int'), (1 if 'apfixed' in self.doms else 0, 'apf'),
                            (1 if 'float' in self.doms else 0, 'flt')])
            if c == 'int':
                return self.ex_int(d)[0]
            if c == 'apf':
                return '(%s)%s' % (t.spell, self.ex_apf(d)[0])
            if c == 'flt':
                return '(%s)%s' % (t.spell, self.ex_flt(d)[0])
            return self.ex_api(d)[0]
        c = self.wpick([(5, 'apf'), (1, 'int'), (1 if 'apint' in self.doms else 0, 'api'),
                        (1 if 'float' in self.doms else 0, 'flt')])
        if c == 'int':
            return self.ex_int(d)[0]
        if c == 'api':
            return '(%s)%s' % (t.spell, self.ex_api(d)[0])
        if c == 'flt':
            return '(%s)%s' % (t.spell, self.ex_flt(d)[0])
        return self.ex_apf(d)[0]

    # ---- calls
    def pure_helpers(self, kind=None):
        if self.in_helper_expr:
            return []
        out = []
        for f in self.callable:
            if f.kind != 'pure':
                continue
            if kind == 'int' and not f.ret.is_int():
                continue
            if kind == 'float' and f.ret.k != 'float':
                continue
            if self.args_for(f, check=True):
                out.append(f)
        return out

    def args_for(self, f, check=False):
        # Arrays are passed whole; a helper that writes an array never gets the same array
        # twice (aliasing arguments: the C++ is defined, but HLS assumes distinct arrays).
        args = []
        used = set()
        writes = any(p.kind == 'array' and not p.const for p in f.params)
        for p in f.params:
            if p.kind == 'array':
                cands = [a for a in self.arrays() if a.ty.canon == p.ty.canon and not a.field
                         and a.shape == p.shape and (a.writable or p.const)
                         and not (writes and a.name in used)]
                if not cands:
                    return None
                a = self.pick(cands)
                used.add(a.name)
                if not check:
                    args.append(a.name)
            elif not check:
                args.append(self.ex_for(p.ty, 1))
        return args

    def call_expr(self, d, kind):
        fs = self.pure_helpers(kind)
        if not fs:
            return self.int_leaf() if kind == 'int' else self.flt_leaf()
        f = self.pick(fs)
        self.in_helper_expr = True
        args = self.args_for(f)
        self.in_helper_expr = False
        self.features.add('call')
        return '%s(%s)' % (f.name, ', '.join(args)), f.ret

    # ---- statements
    def emit(self, s):
        self.out.append('  ' * self.ind + s)

    def stmt_assign(self):
        d = self.wpick([(1, 0), (3, 1), (3, 2), (1, 3)])
        targets = [(1, ('s', v)) for v in self.vars_of(lambda v: v.kind == 'scalar' and v.writable)]
        targets += [(4, ('a', a)) for a in self.vars_of(lambda v: v.kind == 'array' and v.writable)]
        if not targets:
            return False
        kind, v = self.wpick([(w, x) for w, x in targets])
        lhs = v.name if kind == 's' else self.elem(v)
        t = v.ty
        op = '='
        if self.chance(0.4):
            if t.k == 'int':
                ops = ['+=', '-=', '*=', '^=', '|=', '&=', '/=', '%=', '>>=']
                if not t.s:
                    ops.append('<<=')
            elif t.k == 'bool':
                ops = ['=']
            elif t.k == 'float':
                ops = ['+=', '-=', '*=', '/=']
            elif t.k == 'apint':
                ops = ['+=', '-=', '*=', '^=', '|=', '&=', '/=', '%=', '>>=', '<<=']
            else:
                ops = ['+=', '-=', '*=', '/=']
            op = self.pick(ops)
        if op in ('/=', '%=') and t.k == 'int':
            e, te = self.ex_int(d)
            rhs = '((%s & %d) + 1)' % (e, self.pick([3, 7, 15]))
        elif op in ('>>=', '<<=') and t.k == 'int':
            e, _ = self.ex_int(d)
            w = promote(t).w
            rhs = '(%s & %d)' % (e, (w if op == '>>=' else t.w) - 1)
        elif op in ('>>=', '<<=') and t.k == 'apint':
            e, _ = self.ex_int(d)
            rhs = '(%s & 7)' % e
        elif op == '/=' and t.k == 'float':
            e, te = self.ex_flt(d)
            rhs = '(%s * %s + %s)' % (e, e, flt_lit(1.0, te))
        else:
            rhs = self.ex_for(t, d)
        self.emit('%s %s %s;' % (lhs, op, rhs))
        return True

    def stmt_incdec(self):
        """x++; --A[i]; y = x++; (increments as statements and as defined expressions)"""
        targets = [v for v in self.vars_of(lambda v: v.writable and v.ty.k in ('int', 'apint', 'float', 'apfixed'))]
        if not targets:
            return self.stmt_assign()
        v = self.pick(targets)
        lv = self.elem(v) if v.kind == 'array' else v.name
        op = self.pick(['++', '--'])
        if self.chance(0.5):
            self.emit('%s%s;' % (lv, op) if self.chance(0.5) else '%s%s;' % (op, lv))
        else:
            others = [u for u in self.vars_of(lambda u: u.writable and u.kind == 'scalar'
                                                          and u.ty.k == v.ty.k) if u is not v]
            if not others or v.kind == 'array':
                self.emit('%s%s;' % (op, lv))
            else:
                u = self.pick(others)
                self.emit('%s = %s;' % (u.name, ('%s%s' % (lv, op)) if self.chance(0.5) else ('%s%s' % (op, lv))))
        self.features.add('incdec')
        return True

    def stmt_local(self):
        t = self.maybe_alias(self.rand_ty())
        name = self.fresh(self.pick(['t', 'v', 'x', 'tmp', 'sum', 'acc']))
        e = self.ex_for(t, self.r.randint(0, 3))
        self.emit('%s %s = %s;' % (t.spell, name, e))
        self.scope.add(Var(name, t, 'scalar'))
        self.features.add('body-local')
        return True

    def stmt_reduce(self, ld, budget):
        """The accumulator pattern: a local set before an inner loop, updated in it, stored
        after it (acc = 0; for (k) acc += A[i][k] * B[k][j]; C[i][j] = acc;)."""
        outs = self.vars_of(lambda v: v.kind == 'array' and v.writable)
        if not outs:
            return self.stmt_assign()
        out = self.pick(outs)
        t = self.maybe_alias(self.copy_ty(out.ty) if self.chance(0.7) else self.rand_ty())
        name = self.fresh(self.pick(['acc', 'sum', 's']))
        init = ('0' if t.k != 'float' else flt_lit(0.0, t)) if self.chance(0.7) else self.ex_for(t, 1)
        self.emit('%s %s = %s;' % (t.spell, name, init))
        acc = self.scope.add(Var(name, t, 'scalar'))
        self.features.add('reduce')
        self.loop_nest(ld, max(2, budget // 2), reduce_into=acc)
        lhs = self.elem(out)
        op = '=' if self.chance(0.7) else ('+=' if out.ty.k != 'bool' else '=')
        self.emit('%s %s %s;' % (lhs, op, _convert(acc, out.ty)))
        return True

    def copy_ty(self, t):
        c = Ty(t.k, t.w, t.s, t.i, t.q, t.o, name=t.base)
        return c

    def stmt_if(self, ld, budget):
        cond = self.ex_cond(2)
        self.emit('if (%s) {' % cond)
        self.block(ld, max(1, budget // 2))
        if self.chance(0.4):
            self.emit('} else {')
            self.block(ld, max(1, budget // 2))
        self.emit('}')
        self.features.add('if')
        return True

    def block(self, ld, budget):
        self.ind += 1
        self.scope.push()
        n = self.r.randint(1, max(1, budget))
        for _ in range(n):
            self.stmt(ld, budget // 2)
        self.scope.pop()
        self.ind -= 1

    def stmt(self, ld, budget):
        """One statement at loop depth ld."""
        if self.stmts_left <= 0:
            return self.stmt_assign()
        self.stmts_left -= 1
        cl = 0 if self.clean else 1
        c = self.wpick([(8, 'assign'), (1 if ld > 0 else 0.2, 'local'),
                        (2 - cl * 1.5 if ld > 0 else 0.3, 'if'),
                        (3 if ld < self.o.max_depth else 0, 'loop'),
                        (2 if 0 < ld < self.o.max_depth else 0, 'reduce'),
                        (0.5 * cl if ld < self.o.max_depth else 0, 'while'),
                        (1 if self.void_helpers() else 0, 'call'),
                        (0.3 * cl if self.loop_stack else 0, 'exit'),
                        (0.1 * cl if self.loop_stack and self.cur.kind == 'top' else 0, 'return')])
        if c == 'reduce':
            return self.stmt_reduce(ld, budget)
        if c == 'assign' and self.chance(0.08):
            return self.stmt_incdec()
        if c == 'local':
            return self.stmt_local()
        if c == 'if':
            return self.stmt_if(ld, budget)
        if c == 'loop':
            return self.loop_nest(ld, budget)
        if c == 'while':
            return self.while_loop(ld, budget)
        if c == 'call':
            f = self.pick(self.void_helpers())
            self.emit('%s(%s);' % (f.name, ', '.join(self.args_for(f))))
            self.features.add('call')
            return True
        if c == 'exit':
            kind = self.pick(['break', 'continue'])
            if self.loop_stack[-1] == 'nocont':
                kind = 'break'
            self.emit('if (%s) %s;' % (self.ex_cond(1), kind))
            self.features.add(kind)
            return True
        if c == 'return':
            if self.cur.ret is None:
                self.emit('if (%s) return;' % self.ex_cond(1))
            else:
                self.emit('if (%s) return %s;' % (self.ex_cond(1), self.ex_for(self.cur.ret, 1)))
            self.features.add('early-return')
            return True
        return self.stmt_assign()

    def void_helpers(self):
        return [f for f in self.callable if f.kind == 'void' and self.args_for(f, check=True)]

    # ---- loops
    def bound(self, outer, base_lo, base_hi):
        """(code, lo, hi) of a loop bound around [base_lo, base_hi]."""
        # a bound of unsigned type would turn the comparison unsigned (i >= u - 1 wraps)
        outer = [v for v in outer if promote(v.ty).s]
        c = self.wpick([(5, 'const'), (3 if outer else 0, 'iv'), (1 if outer else 0, 'min'),
                        (1 if outer else 0, 'max')])
        if c == 'const':
            v = self.r.randint(base_lo, base_hi)
            return self.dim(v) if base_lo == base_hi else str(v), v, v
        if c in ('min', 'max'):
            outer = [v for v in outer if v.ty.canon == 'int']  # std::min(T, T)
            if not outer:
                v = self.r.randint(base_lo, base_hi)
                return str(v), v, v
        o = self.pick(outer)
        k = self.r.randint(-2, 3)
        lo, hi = o.rng[0] + k, o.rng[1] + k
        e = o.name if k == 0 else '%s %s %d' % (o.name, '+' if k > 0 else '-', abs(k))
        if c == 'iv':
            return e, lo, hi
        v = self.r.randint(base_lo, base_hi)
        if c == 'min':
            return 'std::min(%s, %d)' % (e, v), min(lo, v), min(hi, v)
        return 'std::max(%s, %d)' % (e, v), max(lo, v), max(hi, v)

    def loop_nest(self, ld, budget, reduce_into=None):
        outer = [v for v in self.ivs() if v.kind == 'iv' and v.affine]
        maxd = self.o.max_dim
        dims = sorted(set(n for a in self.arrays() for n in a.shape if n > 1))
        cl = 0 if self.clean else 1
        kind = self.wpick([(6, 'inc'), (3 - 2 * (1 - cl), 'dec'),
                           (cl if self.bounded_scalars() else 0, 'param'), (0.7 * cl, 'data')])
        step = self.wpick([(7, 1), (2 * cl + 0.3, 2), (1 * cl + 0.2, 3)])
        ivname = self.pick(['i', 'j', 'k', 'l', 'm', 'p', 'q', 'r', 'c', 'n'])
        if any(v.name == ivname for v in self.scope.all()):
            ivname = self.fresh(ivname)
        ity_name = 'int'
        lo_c, lo_lo, lo_hi = self.bound(outer, -1 if self.chance(0.1) else 0,
                                        0 if self.chance(0.6) else 3)
        if dims and self.chance(0.75):
            # loops run over the arrays they index
            n = self.pick(dims)
            hi_c, hi_lo, hi_hi = self.bound(outer, n, n)
        else:
            hi_c, hi_lo, hi_hi = self.bound(outer, 1, maxd)
        cmp_op = self.pick(['<', '<', '<='])
        affine = True
        if kind == 'param' or kind == 'data':
            lo_c, lo_lo, lo_hi = '0', 0, 0
            affine = False
            if kind == 'param':
                b = self.pick(self.bounded_scalars())
                hi_c, hi_lo, hi_hi = b.name, b.rng[0], b.rng[1]
            else:
                arrs = [a for a in self.arrays(('int',)) if a.shape]
                if not arrs:
                    hi_c, hi_lo, hi_hi = str(maxd), maxd, maxd
                    affine = True
                else:
                    a = self.pick(arrs)
                    m = self.pick([3, 7])
                    hi_c = '(%s & %d)' % (a.name + ''.join('[%d]' % self.r.randint(0, n - 1)
                                                          for n in a.shape)
                                          + ('.' + a.field if a.field else ''), m)
                    hi_lo, hi_hi = 0, m
                    self.features.add('data-bound')
            cmp_op = '<'
        if self.chance(0.2):
            # other counter types; unsigned ones only counting up from bounds that are never
            # negative (a decreasing unsigned counter wraps below zero)
            if kind != 'dec' and lo_lo >= 0 and hi_lo >= 0:
                ity_name = self.pick(['unsigned', 'uint8_t', 'int16_t', 'long', 'int64_t',
                                      'short', 'unsigned long'])
            else:
                ity_name = self.pick(['int16_t', 'long', 'int64_t', 'short'])
        predecl = 'predecl' in self.o.styles and self.chance(0.4)
        if kind == 'dec':
            # for (i = hi; i >= lo; i -= step)   or   i > lo
            top = hi_c if cmp_op == '<=' else ('%s - 1' % hi_c if not hi_c.isdigit()
                                               else str(int(hi_c) - 1))
            if hi_c in [x for x in self.dimnames.values() if x]:
                top = '%s - 1' % hi_c
            top_hi = hi_hi if cmp_op == '<=' else hi_hi - 1
            if self.chance(0.5):
                cond = '%s >= %s' % (ivname, lo_c)
                rng = (lo_lo, top_hi)
            else:
                cond = '%s > %s' % (ivname, lo_c)
                rng = (lo_lo + 1, top_hi)
            upd = '%s--' % ivname if step == 1 else '%s -= %d' % (ivname, step)
            init = top
            self.features.add('dec')
            if any(l == 'dec' for l in self.loopkinds) and outer and any(
                    o.name in (lo_c + ' ' + hi_c).replace('(', ' ').replace(',', ' ').split()
                    for o in outer if o.dec):
                self.features.add('dec-nest-dep')
        else:
            cond = '%s %s %s' % (ivname, cmp_op, hi_c)
            rng = (lo_lo, hi_hi - (1 if cmp_op == '<' else 0))
            upd = '%s++' % ivname if step == 1 else '%s += %d' % (ivname, step)
            if step == 1 and self.chance(0.2):
                upd = '++%s' % ivname
            init = lo_c
        if rng[0] > rng[1]:
            rng = (rng[0], rng[0])  # the loop may not run; indices must still fit
            # keep the range non-empty; the body is only reached with values in it
        ity = Ty('int', *{'int': (32, True), 'unsigned': (32, False), 'uint8_t': (8, False),
                          'int16_t': (16, True), 'short': (16, True), 'long': (64, True),
                          'int64_t': (64, True), 'unsigned long': (64, False)}[ity_name],
                 name=ity_name)
        if predecl:
            self.emit('%s %s;' % (ity_name, ivname))
        if 'labels' in self.o.styles and self.chance(0.25):
            lab = 'L' + ivname.upper()
            k = 0
            while lab in self.labels:
                k += 1
                lab = 'L%s_%d' % (ivname.upper(), k)
            self.labels.add(lab)
            self.emit('%s:' % lab)
            self.features.add('label')
        attr = self.loop_attr()
        if predecl:
            self.emit('%sfor (%s = %s; %s; %s) {' % (attr, ivname, init, cond, upd))
            self.features.add('predecl')
        else:
            self.emit('%sfor (%s %s = %s; %s; %s) {' % (attr, ity_name, ivname, init, cond, upd))
        self.ind += 1
        self.pragma_in_loop()
        self.scope.push()
        v = self.scope.add(Var(ivname, ity, 'iv', rng=rng))
        v.affine = affine
        v.dec = kind == 'dec'
        self.loop_stack.append('for')
        self.loopkinds.append(kind)
        n = self.r.randint(1, max(1, min(budget, 3)))
        if reduce_into is not None:
            if ld + 1 < self.o.max_depth and self.chance(0.25):
                self.loop_nest(ld + 1, budget // 2, reduce_into)
            else:
                op = self.pick(['+=', '+=', '-=', '^=', '*=', '=']) if reduce_into.ty.k in ('int', 'apint') \
                    else self.pick(['+=', '+=', '-=', '*=', '='])
                self.emit('%s %s %s;' % (reduce_into.name, op, self.ex_for(reduce_into.ty, 2)))
            n = self.r.randint(0, 1)
        elif ld + 1 < self.o.max_depth and self.chance(0.6):
            # mostly perfect nests: the inner loop first or alone
            if self.chance(0.6):
                self.loop_nest(ld + 1, budget // 2)
                n = self.r.randint(0, 1)
        for _ in range(n):
            self.stmt(ld + 1, budget // 2)
        self.loopkinds.pop()
        self.loop_stack.pop()
        self.scope.pop()
        self.ind -= 1
        self.emit('}')
        if predecl:
            # read after the loop: it holds its final value (an ordinary int from here on)
            self.scope.add(Var(ivname, ity, 'scalar', writable=False))
        return True

    def loop_attr(self):
        if 'attrs' not in self.o.styles or not self.chance(0.2):
            return ''
        self.features.add('attr')
        a = self.wpick([(3, 'pipeline'), (2, 'unroll'), (2, 'name'), (1, 'flatten')])
        if a == 'pipeline':
            return '[[allo::pipeline%s]] ' % self.pick(['', '(ii=1)', '(ii=2)', '(ii=3, rewind)'])
        if a == 'unroll':
            return '[[allo::unroll%s]] ' % self.pick(['', '(factor=2)', '(factor=4)'])
        if a == 'name':
            return '[[allo::name("%s")]] ' % self.fresh('loop')
        return '[[allo::flatten]] '

    def pragma_in_loop(self):
        if 'pragmas' in self.o.styles and self.chance(0.08):
            self.emit(self.pick(['#pragma HLS pipeline II=1', '#pragma HLS unroll factor=2',
                                 '#pragma HLS loop_tripcount min=1 max=8',
                                 '#pragma HLS pipeline']))
            self.features.add('pragma')

    def bounded_scalars(self):
        return [v for v in self.scope.all() if v.kind == 'scalar' and v.rng is not None
                and not v.writable]

    def while_loop(self, ld, budget):
        w = self.fresh('w')
        a = self.r.randint(0, 3)
        b = self.r.randint(a + 1, self.o.max_dim)
        step = self.wpick([(4, 1), (1, 2)])
        kind = self.pick(['while', 'while-first', 'do', 'do-first', 'true'])
        self.emit('int %s = %d;' % (w, a))
        inc = '%s++;' % w if step == 1 else '%s += %d;' % (w, step)
        extra = ''
        if self.chance(0.3):
            # a second exit condition (re-evaluated every iteration)
            extra = ' %s %s' % (self.pick(['&&', '&&', '||']), self.ex_cond(1))
            if '||' in extra:
                extra = ' && (%s%s)' % ('true', extra)
        if kind in ('do', 'do-first'):
            self.emit('do {')
            # incremented first: the body sees a + step ... up to (b - 1) + step
            rng = (a, b - 1) if kind == 'do' else (a + step, b - 1 + step)
        elif kind == 'true':
            self.emit('while (true) {')
            rng = (a, b - 1)
        else:
            self.emit('while (%s < %d%s) {' % (w, b, extra))
            rng = (a + step, b - 1 + step) if kind == 'while-first' else (a, b - 1)
        self.ind += 1
        if kind == 'true':
            self.emit('if (%s >= %d) break;' % (w, b))
        if kind in ('while-first', 'do-first'):
            self.emit(inc)
        self.scope.push()
        iv = self.scope.add(Var(w, INT, 'iv', rng=rng))
        self.loop_stack.append('for' if kind in ('while-first', 'do-first') else 'nocont')
        n = self.r.randint(1, max(1, min(budget, 4)))
        for _ in range(n):
            self.stmt(ld + 1, budget // 2)
        self.loop_stack.pop()
        self.scope.pop()
        if kind not in ('while-first', 'do-first'):
            self.emit(inc)
        self.ind -= 1
        if kind in ('do', 'do-first'):
            self.emit('} while (%s < %d%s);' % (w, b, extra))
        else:
            self.emit('}')
        self.features.add(kind)
        return True

    # ---- functions
    def array_ty(self):
        return self.maybe_alias(self.rand_ty())

    def rand_shape(self):
        rank = self.wpick([(5, 1), (4, 2), (1, 3)])
        shape = [self.r.randint(2, self.o.max_dim) if self.chance(0.9) else self.r.randint(1, 3)
                 for _ in range(rank)]
        while _prod(shape) > 400:
            shape[self.r.randrange(rank)] //= 2
            shape = [max(1, s) for s in shape]
        return shape

    def gen_helper(self, idx, top_arrays):
        kind = self.pick(['pure', 'pure', 'void', 'scalar'])
        params = []
        names = set()
        if kind != 'scalar':
            for a in self.r.sample(top_arrays, min(len(top_arrays), self.r.randint(1, 2))):
                nm = a.name.lower() if a.name.lower() not in names else a.name.lower() + '2'
                names.add(nm)
                p = Var(nm, a.ty, 'array', a.shape, const=(kind == 'pure'))
                params.append(p)
            if kind == 'void' and all(p.const for p in params):
                return None
            if kind == 'void':
                wr = [p for p in params]
                for p in wr[1:]:
                    if self.chance(0.5):
                        p.const = True
                        p.writable = False
        for k in range(self.r.randint(0 if kind != 'scalar' else 1, 2)):
            t = self.maybe_alias(self.rand_ty('int' if self.chance(0.6) else None))
            params.append(Var('s%d' % k, t, 'scalar', writable=True))
        ret = None if kind == 'void' else self.rand_ty(
            self.pick([d for d in self.doms if d in ('int', 'float')] or ['int']))
        f = Func('helper%d' % idx, params, ret, kind)
        self.body(f, depth_limit=2, stmts=6)
        return f

    def signature(self, f):
        ps = []
        for p in f.params:
            if p.kind == 'array' and p.attr:
                ps.append(p.attr)
                continue
            if p.kind == 'array':
                if p.pointer:
                    ps.append('%s%s *%s' % ('const ' if p.const else '', p.ty.spell, p.name))
                else:
                    ps.append('%s%s %s%s' % ('const ' if p.const else '', p.ty.spell, p.name,
                                             self.shape_text(p.shape)))
            elif getattr(p, 'ref', False):
                ps.append('%s &%s' % (p.ty.spell, p.name))
            else:
                ps.append('%s %s' % (p.ty.spell, p.name))
        return '%s %s(%s)' % (f.ret.spell if f.ret else 'void', f.name, ', '.join(ps))

    def body(self, f, depth_limit=None, stmts=None):
        self.cur = f
        self.labels = set()
        self.scope = Scope()
        self.out = []
        self.ind = 1
        self.loop_stack = []
        self.loopkinds = []
        self.depth_budget = 2
        self.in_helper_expr = False
        saved = self.o.max_depth
        if depth_limit is not None:
            self.o.max_depth = min(saved, depth_limit)
        self.stmts_left = stmts or self.r.randint(4, self.o.max_stmts)
        for p in f.params:
            if p.ty.k == 'struct':
                # the fields of a struct (array) parameter are used like arrays / scalars
                for fname, fty in p.ty.fields:
                    if p.kind == 'array':
                        v = Var(p.name, fty, 'array', p.shape, const=p.const)
                        v.field = fname
                    else:
                        v = Var('%s.%s' % (p.name, fname), fty, 'scalar')
                    v.view = True
                    self.scope.add(v)
            else:
                self.scope.add(p)
        if f.kind == 'top':
            for tab in self.tables:
                self.scope.add(tab)
        # locals at the start: accumulators, bounded copies of scalar parameters, local arrays
        accs = []
        for _ in range(self.r.randint(0, 3)):
            t = self.maybe_alias(self.rand_ty())
            name = self.fresh(self.pick(['acc', 'sum', 's', 'best', 'cnt']))
            init = self.ex_for(t, 1) if self.chance(0.5) else ('0' if t.k != 'float' else flt_lit(0.0, t))
            self.emit('%s %s = %s;' % (t.spell, name, init))
            accs.append(self.scope.add(Var(name, t, 'scalar')))
        for p in f.params:
            if p.kind == 'scalar' and p.ty.k == 'int' and self.chance(0.5):
                m = self.pick([3, 7, 15])
                name = self.fresh('n')
                self.emit('const int %s = (int)(%s & %d);' % (name, p.name, m))
                self.scope.add(Var(name, INT, 'scalar', rng=(0, m), writable=False))
        if f.kind == 'top' and self.chance(0.4):
            t = self.array_ty()
            shape = self.rand_shape()
            name = self.fresh('buf')
            init = '{}' if self.chance(0.6) else '{%s}' % ', '.join(
                str(self.r.randint(0, 9 if t.k != 'bool' else 1))
                for _ in range(self.r.randint(1, min(4, _prod(shape)))))
            if self.chance(0.2):
                # an explicit initialising nest instead of an initializer
                self.emit('%s %s%s;' % (t.spell, name, self.shape_text(shape)))
                ivn = ['z%d' % i for i in range(len(shape))]
                for d, n in enumerate(shape):
                    self.emit('  ' * d + 'for (int %s = 0; %s < %d; %s++)' % (ivn[d], ivn[d], n, ivn[d]))
                self.emit('  ' * len(shape) + '%s%s = 0;' % (name, ''.join('[%s]' % v for v in ivn)))
            else:
                self.emit('%s %s%s = %s;' % (t.spell, name, self.shape_text(shape), init))
            self.scope.add(Var(name, t, 'array', shape))
            self.features.add('local-array')
        if 'static-const' in self.o.styles and f.kind == 'top' and self.chance(0.5):
            # a ROM: `static const` integer table, or (HLS style) an ap_int / typedef'd
            # ap_fixed coefficient table whose initializers the element type converts
            dom = self.pick([d for d in self.doms if d in ('apint', 'apfixed')] or ['int']) \
                if self.chance(0.5) else 'int'
            # (no bool table: an initializer other than 0/1 would be a narrowing error)
            t = self.rand_int_ty(allow_bool=False) if dom == 'int' else self.maybe_alias(self.rand_ty(dom))
            n = self.r.randint(2, 12)
            name = self.fresh('TAB')
            if dom == 'apfixed':
                vals = ['%g' % (self.r.randint(-256, 256) / 8.0) for _ in range(n)]
            elif dom == 'apint':
                vals = [str(self.r.randint(-100, 100) if t.s else self.r.randint(0, 200))
                        for _ in range(n)]
            else:
                vals = [str(self.r.randint(0, 100) if not t.s else self.r.randint(-50, 50))
                        for _ in range(n)]
            self.emit('static const %s %s[%d] = {%s};' % (t.spell, name, n, ', '.join(vals)))
            self.scope.add(Var(name, t, 'array', [n], const=True))
            self.features.add('static-const' if dom == 'int' else 'static-const-ap')
        if f.kind == 'top':
            for _ in range(self.r.randint(1, 3)):
                if self.chance(0.2):
                    self.stmt(0, 4)
                self.loop_nest(0, 8)
        while self.stmts_left > 0:
            self.stmt(0, 8)
        # results
        if f.kind == 'top':
            outs = [a for a in self.vars_of(lambda v: v.kind == 'array' and v.writable)
                    if a in f.params]
            for acc in accs:
                if outs and self.chance(0.7):
                    a = self.pick(outs)
                    self.emit('%s = %s;' % (a.name + ''.join('[%d]' % self.r.randint(0, n - 1)
                                                            for n in a.shape),
                                            _convert(acc, a.ty)))
        if f.ret is not None:
            self.emit('return %s;' % self.ex_for(f.ret, 2))
        f.lines = self.out
        self.o.max_depth = saved

    def generate(self):
        # 'textbook' kernels are the loop nests schedules are written for (gemm, stencils,
        # producer/consumer, triangular, 4-deep); 'clean' ones are random but affine (affine
        # indices and conditions, no early exits); the others mix in everything the subset allows
        prof = self.o.profile or self.wpick([(35, 'textbook'), (25, 'clean'), (40, 'messy')])
        self.clean = prof in ('clean', 'textbook')
        self.features.add(prof)
        self.dim_style = self.wpick([(6, None), (3, 'constexpr'), (1, 'define')])
        if self.chance(0.25):
            t = self.pick([Ty('int', 32, True, name='int'), Ty('int', 16, True, name='short'),
                           Ty('int', 8, False, name='uint8_t')])
            n = self.r.randint(2, 12)
            tab = Var(self.pick(['COEF', 'TAB', 'LUT', 'W']), t, 'array', [n], const=True)
            lo, hi = int_range(t)
            tab.values = [self.r.randint(max(lo, -100), min(hi, 200)) for _ in range(n)]
            self.tables.append(tab)
            self.features.add('constexpr-table')
        pd = {'int': 0.85, 'float': 0.45, 'apint': 0.3, 'apfixed': 0.3}
        self.doms = [d for d in self.o.domains if self.chance(pd.get(d, 0.5))] or [self.pick(self.o.domains)]
        if 'int' in self.o.domains and 'int' not in self.doms and self.chance(0.7):
            self.doms.append('int')
        if prof == 'textbook':
            return self.generate_textbook()
        # top parameters
        arrays = []
        for k in range(self.r.randint(1, 4)):
            t = self.array_ty()
            a = Var('ABCDEFGH'[k], t, 'array', self.rand_shape())
            a.pointer = False
            arrays.append(a)
        # a few arrays share a shape, so helpers and schedules can combine them
        if len(arrays) > 1 and self.chance(0.5):
            arrays[1].shape = list(arrays[0].shape)
        n_in = self.r.randint(0, len(arrays) - 1)
        for a in arrays[:n_in]:
            if self.chance(0.7):
                a.const = True
                a.writable = False
        scalars = []
        for k in range(self.r.randint(0, 2)):
            t = self.maybe_alias(self.rand_ty('int' if self.chance(0.7) else None))
            scalars.append(Var('x%d' % k, t, 'scalar'))
        if 'struct' in self.o.styles and self.chance(0.6):
            st = Ty('struct', name=self.fresh('pt_t'))
            st.fields = [('f%d' % k, self.rand_ty(self.pick(self.doms))) for k in range(self.r.randint(1, 3))]
            self.structs.append(st)
            a = Var('S', st, 'array', self.rand_shape() if self.chance(0.5) else [self.r.randint(2, 8)],
                    const=self.chance(0.3))
            arrays.append(a)
            if self.chance(0.4):
                sp = Var('sp', st, 'scalar')
                if 'ref' in self.o.styles and self.chance(0.5):
                    sp.ref = True  # `pt_t &sp`: written back, printed by the testbench
                    self.features.add('struct-ref')
                scalars.append(sp)
            self.features.add('struct')
        if 'ref' in self.o.styles:
            for v in scalars:
                if v.ty.k != 'struct' and self.chance(0.25):
                    v.ref = True  # `T &x`: an in/out scalar
                    self.features.add('scalar-ref')
        if 'pointer' in self.o.styles:
            for a in arrays:
                if len(a.shape) == 1 and self.chance(0.4):
                    a.pointer = True
                    self.features.add('pointer')
        self.callable = []
        helpers = []
        if self.o.helpers:
            for h in range(self.r.randint(0, 2)):
                f = self.gen_helper(h, [a for a in arrays if a.ty.k != 'struct'])
                if f:
                    for p in f.params:
                        p.pointer = False
                    helpers.append(f)
                    self.callable.append(f)
        ret = None
        if self.chance(0.5):
            ret = self.maybe_alias(self.rand_ty(self.pick(self.doms)))
        top = Func('kern', arrays + scalars, ret, 'top')
        if 'attrs' in self.o.styles:
            for a in arrays:
                if not a.pointer and self.chance(0.25):
                    dim = self.r.randint(0, len(a.shape))
                    t = self.pick(['complete', 'block', 'cyclic'])
                    fac = '' if t == 'complete' else ', factor=%d' % self.r.randint(
                        1, max(1, a.shape[dim - 1] if dim else min(a.shape)))
                    a.attr = '[[allo::partition(type=%s%s, dim=%d)]] %s%s %s%s' % (
                        t, fac, dim, 'const ' if a.const else '', a.ty.spell, a.name,
                        self.shape_text(a.shape))
        self.body(top)
        self.top, self.helpers = top, helpers
        return self

    # ---- textbook kernels
    def generate_textbook(self):
        self.callable = []
        self.helpers = []
        self.params = []
        dom = self.pick(self.doms)
        self.tb_ty = lambda: self.maybe_alias(self.rand_ty(dom) if self.chance(0.8) else self.rand_ty())
        if dom == 'int' and self.chance(0.6):
            self.tb_ty = lambda: self.maybe_alias(self.pick([
                Ty('int', 32, True, name='int'), Ty('int', 8, True, name='int8_t'),
                Ty('int', 16, True, name='int16_t'), Ty('int', 32, True, name='int32_t')]))
        dims = [self.r.randint(2, 10) for _ in range(4)]
        pats = [self.wpick([(4, 'gemm'), (3, 'map'), (3, 'stencil1'), (3, 'stencil2'),
                            (3, 'prodcons'), (2, 'tri'), (2, 'rowsum'), (1, 'deep4')])
                for _ in range(self.wpick([(5, 1), (3, 2), (1, 3)]))]
        top = Func('kern', [], None, 'top')
        self.cur = top
        self.labels = set()
        self.scope = Scope()
        for tab in self.tables:
            self.scope.add(tab)
        self.out = []
        self.ind = 1
        self.loop_stack = []
        self.loopkinds = []
        self.depth_budget = 1
        self.in_helper_expr = False
        self.stmts_left = 0
        scal = []
        for k in range(self.r.randint(0, 1)):
            t = self.maybe_alias(self.rand_ty('int'))
            v = Var('x%d' % k, t, 'scalar')
            scal.append(v)
        for v in scal:
            self.scope.add(v)
        for p in pats:
            getattr(self, 'tb_' + p)(dims)
            self.features.add('tb-' + p)
        top.params = self.params + scal
        if self.chance(0.3):
            top.ret = self.maybe_alias(self.rand_ty(dom))
            self.emit('return %s;' % self.ex_for(top.ret, 1))
        top.lines = self.out
        self.top = top
        return self

    def tb_array(self, shape, writable, prefer=None):
        """A parameter array of this shape (an existing one, or a new one)."""
        def fits(ty):
            # `prefer` is the other side of the assignment: a floating-point value stored into
            # an integer converts with undefined behaviour once it is out of the integer's
            # range (a negative float into `unsigned`), so floats never feed integer outputs
            if prefer is None:
                return True
            out, inp = (ty, prefer.ty) if writable else (prefer.ty, ty)
            return not (out.k in ('int', 'apint') and inp.k == 'float')
        cands = [a for a in self.params if a.shape == shape and (a.writable or not writable)
                 and a is not prefer and fits(a.ty)]
        if cands and self.chance(0.5):
            return self.pick(cands)
        name = 'ABCDEFGHIJKLMNOP'[len(self.params)]
        ty = self.tb_ty()
        while not fits(ty):
            ty = self.tb_ty()
        a = Var(name, ty, 'array', list(shape), const=not writable and self.chance(0.7))
        if not writable and not a.const:
            a.writable = True
        self.params.append(a)
        self.scope.add(a)
        return a

    def tb_loops(self, bounds, names=None, dec=None):
        """Opens a perfect nest: bounds are (lo, hi) constants or (lo_code, hi_code, lo, hi)."""
        vs = []
        names = names or ['i', 'j', 'k', 'l']
        for d, b in enumerate(bounds):
            lo_c, hi_c, lo, hi = b if len(b) == 4 else (str(b[0]), self.dim(b[1]), b[0], b[1])
            nm = names[d]
            if any(v.name == nm for v in self.scope.all()):
                nm = self.fresh(nm)
            if 'labels' in self.o.styles and self.chance(0.3):
                lab = 'L' + nm.upper()
                k = 0
                while lab in self.labels:
                    k += 1
                    lab = 'L%s_%d' % (nm.upper(), k)
                self.labels.add(lab)
                self.emit('%s:' % lab)
            attr = self.loop_attr()
            down = dec[d] if dec else (self.chance(0.12) and lo_c.lstrip('-').isdigit()
                                       and (hi_c.isdigit() or hi_c in [x for x in self.dimnames.values() if x]))
            if down:
                self.emit('%sfor (int %s = %s - 1; %s >= %s; %s--) {' % (attr, nm, hi_c, nm, lo_c, nm))
                self.features.add('dec')
            else:
                self.emit('%sfor (int %s = %s; %s < %s; %s++) {' % (attr, nm, lo_c, nm, hi_c, nm))
            self.ind += 1
            self.pragma_in_loop()
            self.scope.push()
            v = self.scope.add(Var(nm, INT, 'iv', rng=(lo, hi - 1)))
            v.affine = True
            vs.append(v)
        return vs

    def tb_close(self, n):
        for _ in range(n):
            self.scope.pop()
            self.ind -= 1
            self.emit('}')

    def tb_term(self, t):
        """Now and then an extra random term in a textbook body."""
        if self.chance(0.3):
            return ' + ' + self.ex_for(t, 1) if t.k != 'bool' else ''
        return ''

    def tb_gemm(self, dims):
        M, N, K = dims[0], dims[1], dims[2]
        C = self.tb_array([M, N], True)
        A = self.tb_array([M, K], False, C)
        B = self.tb_array([K, N], False, C)
        form = self.pick(['acc', 'acc', 'inplace', 'perfect'])
        i, j = self.tb_loops([(0, M), (0, N)])
        if form == 'acc':
            acc = self.fresh('acc')
            t = self.maybe_alias(self.copy_ty(C.ty))
            self.emit('%s %s = 0;' % (t.spell, acc))
            av = self.scope.add(Var(acc, t, 'scalar'))
            k, = self.tb_loops([(0, K)], ['k'])
            self.emit('%s += %s[%s][%s] * %s[%s][%s];' % (acc, A.name, i.name, k.name, B.name,
                                                          k.name, j.name))
            self.tb_close(1)
            self.emit('%s[%s][%s] = %s;' % (C.name, i.name, j.name, _convert(av, C.ty)))
        elif form == 'inplace':
            self.emit('%s[%s][%s] = %s;' % (C.name, i.name, j.name, self.pick(['0', C.name + '[%s][%s] * 2' % (i.name, j.name)])))
            k, = self.tb_loops([(0, K)], ['k'])
            self.emit('%s[%s][%s] += %s[%s][%s] * %s[%s][%s]%s;' % (
                C.name, i.name, j.name, A.name, i.name, k.name, B.name, k.name, j.name,
                self.tb_term(C.ty)))
            self.tb_close(1)
        else:
            k, = self.tb_loops([(0, K)], ['k'])
            self.emit('%s[%s][%s] += %s[%s][%s] * %s[%s][%s];' % (
                C.name, i.name, j.name, A.name, i.name, k.name, B.name, k.name, j.name))
            self.tb_close(1)
        self.tb_close(2)

    def tb_map(self, dims):
        rank = self.r.randint(1, 3)
        shape = dims[:rank]
        O = self.tb_array(shape, True)
        ins = [self.tb_array(shape, False, O) for _ in range(self.r.randint(1, 2))]
        vs = self.tb_loops([(0, n) for n in shape])
        idx = ''.join('[%s]' % v.name for v in vs)
        terms = ['%s%s' % (a.name, idx) for a in ins]
        op = self.pick(['+', '-', '*', '+'])
        e = (' %s ' % op).join(terms) + self.tb_term(O.ty)
        self.emit('%s%s %s %s;' % (O.name, idx, self.pick(['=', '=', '+=']), e))
        if self.chance(0.3):
            self.stmt_assign()
        self.tb_close(rank)

    def tb_stencil1(self, dims):
        N = dims[0] + 2
        I = self.tb_array([N], False)
        O = self.tb_array([N], True, I)
        r = self.r.randint(1, 2)
        i, = self.tb_loops([(r, N - r)])
        offs = sorted(self.r.sample(range(-r, r + 1), self.r.randint(2, 2 * r + 1)))
        terms = ['%s[%s]' % (I.name, render_affine([(1, i.name)], o)) for o in offs]
        if self.chance(0.4):
            terms = ['%s * %d' % (t, self.r.randint(1, 3)) for t in terms]
        self.emit('%s[%s] = %s%s;' % (O.name, i.name, ' + '.join(terms), self.tb_term(O.ty)))
        self.tb_close(1)

    def tb_stencil2(self, dims):
        M, N = dims[0] + 2, dims[1] + 2
        I = self.tb_array([M, N], False)
        valid = self.chance(0.5)
        if valid:
            # a "valid" 3x3 window: B[i][j] from A[i + 0..2][j + 0..2]
            O = self.tb_array([M - 2, N - 2], True, I)
            i, j = self.tb_loops([(0, M - 2), (0, N - 2)])
            taps = [(a, b) for a in range(3) for b in range(3)]
            taps = self.r.sample(taps, self.r.randint(2, 5))
            terms = ['%s[%s][%s]' % (I.name, render_affine([(1, i.name)], a),
                                     render_affine([(1, j.name)], b)) for a, b in sorted(taps)]
        else:
            O = self.tb_array([M, N], True, I)
            i, j = self.tb_loops([(1, M - 1), (1, N - 1)])
            taps = self.r.sample([(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1), (1, 1), (-1, -1)],
                                 self.r.randint(2, 5))
            terms = ['%s[%s][%s]' % (I.name, render_affine([(1, i.name)], a),
                                     render_affine([(1, j.name)], b)) for a, b in sorted(taps)]
        self.emit('%s[%s][%s] = %s%s;' % (O.name, i.name, j.name, ' + '.join(terms),
                                           self.tb_term(O.ty)))
        self.tb_close(2)

    def tb_prodcons(self, dims):
        M, N = dims[0], dims[1]
        I = self.tb_array([M, N], False)
        O = self.tb_array([M, N] if self.chance(0.7) else [M], True, I)
        t = self.maybe_alias(self.copy_ty(I.ty))
        T = self.fresh('T')
        self.emit('%s %s[%d][%d];' % (t.spell, T, M, N))
        self.features.add('local-array')
        i, j = self.tb_loops([(0, M), (0, N)], ['i', 'j'])
        self.emit('%s[%s][%s] = %s[%s][%s] %s %s;' % (T, i.name, j.name, I.name, i.name, j.name,
                                                      self.pick(['+', '*', '-']),
                                                      self.ex_for(t, 1)))
        self.tb_close(2)
        # readable only once the producer has written all of it
        self.scope.add(Var(T, t, 'array', [M, N]))
        if len(O.shape) == 2:
            i, j = self.tb_loops([(0, M), (0, N)], ['i', 'j'])
            jj = self.pick([j.name, '%d - %s' % (N - 1, j.name)])
            self.emit('%s[%s][%s] = %s[%s][%s]%s;' % (O.name, i.name, j.name, T, i.name, jj,
                                                      self.tb_term(O.ty)))
            self.tb_close(2)
        else:
            i, = self.tb_loops([(0, M)], ['i'])
            acc = self.fresh('s')
            av = self.scope.add(Var(acc, self.copy_ty(O.ty), 'scalar'))
            self.emit('%s %s = 0;' % (av.ty.spell, acc))
            j, = self.tb_loops([(0, N)], ['j'])
            self.emit('%s += %s[%s][%s];' % (acc, T, i.name, j.name))
            self.tb_close(1)
            self.emit('%s[%s] = %s;' % (O.name, i.name, acc))
            self.tb_close(1)

    def tb_tri(self, dims):
        N = dims[0]
        O = self.tb_array([N, N], True)
        I = self.tb_array([N, N], False, O)
        i, = self.tb_loops([(0, N)])
        if self.chance(0.5):
            j, = self.tb_loops([('0', '%s + 1' % i.name, 0, N)], ['j'])
        else:
            j, = self.tb_loops([(i.name, str(N), 0, N)], ['j'])
        self.emit('%s[%s][%s] %s %s[%s][%s]%s;' % (O.name, i.name, j.name, self.pick(['=', '+=']),
                                                   I.name, self.pick([i.name, j.name]),
                                                   self.pick([i.name, j.name]), self.tb_term(O.ty)))
        self.tb_close(2)

    def tb_rowsum(self, dims):
        M, N = dims[0], dims[1]
        I = self.tb_array([M, N], False)
        O = self.tb_array([M], True, I)
        i, = self.tb_loops([(0, M)])
        acc = self.fresh('sum')
        av = self.scope.add(Var(acc, self.maybe_alias(self.copy_ty(O.ty)), 'scalar'))
        self.emit('%s %s = %s;' % (av.ty.spell, acc, self.pick(['0', O.name + '[%s]' % i.name])))
        j, = self.tb_loops([(0, N)], ['j'])
        if self.chance(0.3):
            self.emit('if (%s) {' % self.ex_cond(1))
            self.ind += 1
            self.emit('%s += %s[%s][%s];' % (acc, I.name, i.name, j.name))
            self.ind -= 1
            self.emit('}')
        else:
            self.emit('%s += %s[%s][%s]%s;' % (acc, I.name, i.name, j.name, self.tb_term(av.ty)))
        self.tb_close(1)
        self.emit('%s[%s] = %s;' % (O.name, i.name, acc))
        self.tb_close(1)

    def tb_deep4(self, dims):
        Co, Ci, H, W = [max(2, min(d, 5)) for d in dims]
        O = self.tb_array([Co, H, W], True)
        I = self.tb_array([Ci, H, W], False, O)
        Wt = self.tb_array([Co, Ci], False, O)
        o, c, h, w = self.tb_loops([(0, Co), (0, Ci), (0, H), (0, W)], ['o', 'c', 'h', 'w'])
        self.emit('%s[%s][%s][%s] += %s[%s][%s][%s] * %s[%s][%s];' % (
            O.name, o.name, h.name, w.name, I.name, c.name, h.name, w.name, Wt.name, o.name, c.name))
        self.tb_close(4)

    # ---- text
    def kernel_text(self):
        L = ['// generated by scripts/fuzz-diff.py', '#include <algorithm>', '#include <cmath>',
             '#include <cstdint>']
        if self.uses_ap:
            L += ['#include <ap_fixed.h>', '#include <ap_int.h>']
        L.append('')
        body = []
        for f in self.helpers + [self.top]:
            body.append(('[[allo::kernel]] ' if f is self.top and 'attrs' in self.o.styles else '')
                        + self.signature(f) + ' {')
            if f is self.top:
                for p in f.params:
                    if p.kind == 'array' and getattr(p, 'pointer', False):
                        body.append(self.pick([
                            '#pragma HLS interface m_axi port=%s depth=%s',
                            '#pragma HLS interface m_axi port=%s offset=slave bundle=gmem depth=%s',
                            '#pragma HLS INTERFACE mode=m_axi port=%s depth=%s bundle=gmem0',
                        ]) % (p.name, self.dim(p.shape[0])))
            body += f.lines
            body.append('}')
            body.append('')
        L += self.struct_text()
        for tab in self.tables:
            L.append('constexpr %s %s[%d] = {%s};' % (tab.ty.spell, tab.name, tab.shape[0],
                                                     ', '.join(str(v) for v in tab.values)))
        for a, b in self.typedefs:
            L.append('typedef %s %s;' % (b, a) if self.chance(0.5) else 'using %s = %s;' % (a, b))
        if self.typedefs:
            L.append('')
        if 'attrs' in self.o.styles:
            L.insert(1, '#include <allo/allo.h>')
        L += body
        return '\n'.join(L)

    def struct_text(self):
        L = []
        for n, nm in sorted(self.dimnames.items()):
            if nm:
                L.append('constexpr int %s = %d;' % (nm, n) if self.dim_style == 'constexpr'
                         else '#define %s %d' % (nm, n))
        if any(self.dimnames.values()):
            L.append('')
        for st in self.structs:
            L.append('struct %s {' % st.base)
            for fname, fty in st.fields:
                L.append('  %s %s;' % (fty.spell, fname))
            L.append('};')
            L.append('')
        return L

    def proto_text(self):
        """Declarations the testbench needs: typedefs and the top's prototype."""
        sig = self.signature(self.top) + ';'
        L = self.struct_text()
        for a, b in self.typedefs:
            L.append('typedef %s %s;' % (b, a))
        L.append(sig)
        return '\n'.join(L)


def render_affine(terms, c):
    """c + sum(coef * name), written the way people write indices (i + 1, 7 - i, 2 * i + j)."""
    pos = [(cf, nm) for cf, nm in terms if cf > 0]
    neg = [(cf, nm) for cf, nm in terms if cf < 0]
    def term(cf, nm):
        return nm if abs(cf) == 1 else '%d * %s' % (abs(cf), nm)
    if pos:
        out = ' + '.join(term(cf, nm) for cf, nm in pos)
        out += ''.join(' - ' + term(cf, nm) for cf, nm in neg)
        if c > 0:
            out += ' + %d' % c
        elif c < 0:
            out += ' - %d' % -c
        return out
    return str(c) + ''.join(' - ' + term(cf, nm) for cf, nm in neg)


def _prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def _convert(v, t):
    """v's value as an expression assignable to type t (defined for every value)."""
    s = v.ty
    if t.k == 'int' and s.k == 'float':
        lim = min(1000000, int_range(t)[1])
        return '((%s > %d.0 && %s < %d.0) ? (%s)%s : (%s)0)' % (
            v.name, (0 if not t.s else -lim) - 1, v.name, lim, t.spell, v.name, t.spell)
    if t.k in ('int', 'bool') and s.k == 'apfixed':
        return '(%s)%s.to_int64()' % (t.spell, v.name)
    if t.k == 'float' and s.k == 'apfixed':
        return '%s.to_double()' % v.name
    if t.k == 'float' and s.k == 'apint':
        return '(%s)%s.to_int64()' % (t.spell, v.name)
    if t.k in ('apint', 'apfixed') and s.k != t.k:
        return '(%s)%s' % (t.spell, v.name)
    return v.name


# --------------------------------------------------------------------------------------------
# Testbench

TB_HEAD = r'''// testbench generated by scripts/fuzz-diff.py: deterministic inputs, every output printed
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
%(apinc)s
%(proto)s

static unsigned long long st = %(seed)dULL;
static unsigned long long rnd() {
  st ^= st << 13; st ^= st >> 7; st ^= st << 17;
  return st;
}
static long long rint_any() {
  switch (rnd() %% 8) {
  case 0: return (long long)rnd();
  case 1: { long long e[] = {0, -1, 1, 127, -128, 255, 32767, -32768, 65535,
                             2147483647LL, -2147483647LL - 1, 4294967295LL};
            return e[rnd() %% 12]; }
  case 2: return (long long)(rnd() %% 2001) - 1000;
  default: return (long long)(rnd() %% 33) - 16;
  }
}
static double rflt() {
  switch (rnd() %% 6) {
  case 0: return (double)((long long)(rnd() %% 200001) - 100000) / 64.0;
  case 1: { double e[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1e-3, 1e6};
            return e[rnd() %% 7]; }
  default: return (double)((long long)(rnd() %% 65) - 32) / 4.0;
  }
}
template <class T> static void fill(T &x) { x = (T)rint_any(); }
static void fill(bool &x) { x = rnd() & 1; }
static void fill(float &x) { x = (float)rflt(); }
static void fill(double &x) { x = rflt(); }
static void pr(long long v) { printf(" %%lld", v); }
static void pr(unsigned long long v) { printf(" %%llu", v); }
static void pr(int v) { printf(" %%d", v); }
static void pr(unsigned v) { printf(" %%u", v); }
static void pr(long v) { printf(" %%ld", v); }
static void pr(unsigned long v) { printf(" %%lu", v); }
static void pr(short v) { printf(" %%d", v); }
static void pr(unsigned short v) { printf(" %%u", v); }
static void pr(signed char v) { printf(" %%d", v); }
static void pr(unsigned char v) { printf(" %%u", v); }
static void pr(char v) { printf(" %%d", v); }
static void pr(bool v) { printf(" %%d", (int)v); }
static void pr(float v) {
  if (v != v) { printf(" nan"); return; }
  unsigned u; memcpy(&u, &v, 4); printf(" f%%08x", u);
}
static void pr(double v) {
  if (v != v) { printf(" nan"); return; }
  unsigned long long u; memcpy(&u, &v, 8); printf(" d%%016llx", u);
}
%(ap)s
'''

TB_AP = r'''template <int W> static void fill(ap_int<W> &x) { x = (long long)rnd(); if (rnd() % 2) x = rint_any(); }
template <int W> static void fill(ap_uint<W> &x) { x = (unsigned long long)rnd(); if (rnd() % 2) x = rint_any(); }
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
static void fill(ap_fixed<W, I, Q, O, N> &x) {
  if (rnd() % 2) { ap_int<W> b = (long long)rnd(); x.range() = b; } else x = rflt();
}
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
static void fill(ap_ufixed<W, I, Q, O, N> &x) {
  if (rnd() % 2) { ap_uint<W> b = (unsigned long long)rnd(); x.range() = b; } else x = rflt();
}
template <int W> static void pr(const ap_int<W> &v) { printf(" %s", v.to_string(16).c_str()); }
template <int W> static void pr(const ap_uint<W> &v) { printf(" %s", v.to_string(16).c_str()); }
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
static void pr(const ap_fixed<W, I, Q, O, N> &v) { printf(" %s", v.to_string(10).c_str()); }
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
static void pr(const ap_ufixed<W, I, Q, O, N> &v) { printf(" %s", v.to_string(10).c_str()); }
'''


def testbench_text(g, seed, trials=3):
    top = g.top
    # (the arrays first: a size they name must be declared by the prototype's header)
    decls = ['static %s %s%s;' % (p.ty.spell, p.name, g.shape_text(p.shape))
             for p in top.params if p.kind == 'array']
    L = [TB_HEAD % {'ap': TB_AP if g.uses_ap else '', 'proto': g.proto_text(), 'seed': seed or 1,
                    'apinc': '#include <ap_fixed.h>\n#include <ap_int.h>' if g.uses_ap else ''}]
    L += decls
    L.append('int main() {')
    L.append('  for (int trial = 0; trial < %d; trial++) {' % trials)
    for p in top.params:
        fields = ['.' + f for f, _ in p.ty.fields] if p.ty.k == 'struct' else ['']
        if p.kind == 'array':
            n = _prod(p.shape)
            for f in fields:
                L.append('    for (int e = 0; e < %d; e++) fill(((%s *)%s)[e]%s);' % (n, p.ty.spell, p.name, f))
        else:
            L.append('    %s %s;' % (p.ty.spell, p.name))
            for f in fields:
                L.append('    fill(%s%s);' % (p.name, f))
    call = 'kern(%s)' % ', '.join(p.name for p in top.params)
    if top.ret is not None:
        L.append('    %s ret = %s;' % (top.ret.spell, call))
        L.append('    printf("t%d ret:", trial); pr(ret); printf("\\n");')
    else:
        L.append('    %s;' % call)
    for p in top.params:
        if p.kind != 'array' and getattr(p, 'ref', False):
            for f in (['.' + f for f, _ in p.ty.fields] if p.ty.k == 'struct' else ['']):
                L.append('    printf("t%%d %s%s:", trial); pr(%s%s); printf("\\n");' % (
                    p.name, f, p.name, f))
        if p.kind == 'array':
            n = _prod(p.shape)
            for f in (['.' + f for f, _ in p.ty.fields] if p.ty.k == 'struct' else ['']):
                L.append('    printf("t%%d %s%s:", trial);' % (p.name, f))
                L.append('    for (int e = 0; e < %d; e++) pr(((%s *)%s)[e]%s);' % (n, p.ty.spell, p.name, f))
                L.append('    printf("\\n");')
    L.append('  }')
    L.append('  return 0;')
    L.append('}')
    return '\n'.join(L) + '\n'


def generate(seed, opts):
    g = Gen(seed, opts).generate()
    return g
