"""Random schedules for scripts/fuzz-diff.py, built from what allo-rewrite reports.

Loop names come from `allo-rewrite --list-loops`; loop kinds, constant trip counts, nesting,
the arrays of each function and which loops access which arrays come from the raised MLIR
(`--target mlir`, parsed here). Steps are proposed one at a time against the current module
(after the steps accepted so far), so later steps can use loops earlier steps created
(`j.outer`, `i.j.fused`, PE functions).
"""

import re

from fuzzgen import weighted_pick

# --------------------------------------------------------------------------------------------
# --list-loops

LIST_FUNC = re.compile(r'^(\S+)\s+\((.*)\)\s*$')
LIST_LOOP = re.compile(r'^(\s+)(\S+)\s+(\S+:\d+:\d+)\s*$')


def parse_list_loops(text):
    """{func: [(depth, 'func:loop')]} from --list-loops output."""
    out = {}
    cur = None
    for line in text.splitlines():
        if not line.strip():
            continue
        m = LIST_LOOP.match(line)
        if m and cur is not None:
            out[cur].append((len(m.group(1)) // 2 - 1, m.group(2)))
            continue
        m = LIST_FUNC.match(line)
        if m:
            cur = m.group(1)
            out[cur] = []
    return out


# --------------------------------------------------------------------------------------------
# The raised MLIR

LOC = r'(?: loc\((?:[^()]|\([^()]*\))*\))?'
RE_FUNC = re.compile(r'^func\.func (?:private )?@([\w$.]+)\((.*)\)(.*)\{$')
RE_ARG = re.compile(r'(%arg\d+): (memref<[^>]*>|[\w<>, ]+?) \{([^}]*)\}')
RE_AFOR = re.compile(r'^affine\.for (%[\w]+)' + LOC + r' = (.+?) to (.+?)(?: step (\d+))? \{$')
RE_SFOR = re.compile(r'^scf\.for (?:unsigned )?(%[\w]+) = (.+?) to (.+?) step (.+?)(?: iter_args.*)? \{$')
RE_ALLOCA = re.compile(r'^(%[\w]+) = memref\.alloca\(\) \{([^}]*)\} : (memref<[^>]*>)')
RE_ACCESS = re.compile(r'\b(affine\.load|affine\.store|memref\.load|memref\.store)\b[^%]*'
                       r'(?:%[\w]+, )?(%[\w]+)\[')
RE_CALL = re.compile(r'\bfunc\.call @([\w$.]+)\(([^)]*)\)')
RE_NAME = re.compile(r'allo\.name = "([^"]+)"')


def memref_shape(t):
    m = re.match(r'memref<((?:\d+x)*)([^,>]+)', t)
    if not m:
        return None
    dims = [int(d) for d in m.group(1).split('x') if d]
    return dims


class Loop:
    def __init__(self, func, kind, parent):
        self.func, self.kind, self.parent = func, kind, parent
        self.name = None
        self.lb = self.ub = None
        self.step = 1
        self.children = []
        self.reads = set()
        self.writes = set()
        self.other_ops = 0  # operations directly in the body other than loops and yields
        self.calls = set()

    @property
    def trip(self):
        try:
            lb, ub = int(self.lb), int(self.ub)
        except (TypeError, ValueError):
            return None
        return max(0, -(-(ub - lb) // self.step))

    @property
    def full(self):
        return '%s:%s' % (self.func, self.name)

    def chain(self):
        """This loop and the loops nested in it one by one (while each has a single child)."""
        out = [self]
        cur = self
        while len(cur.children) == 1:
            cur = cur.children[0]
            out.append(cur)
        return out

    def accesses(self):
        return self.reads | self.writes


class FuncInfo:
    def __init__(self, name, top):
        self.name, self.top = name, top
        self.loops = []
        self.roots = []
        self.arrays = {}  # name -> shape (params and local arrays of rank >= 1)
        self.params = set()
        self.calls = set()


def parse_mlir(text):
    funcs = {}
    stack = []  # ('func', FuncInfo) | ('loop', Loop) | ('other', None)
    ssa = {}
    fi = None
    for raw in text.splitlines():
        st = raw.strip()
        if not st or st.startswith('#') or st.startswith('//'):
            continue
        m = RE_FUNC.match(st)
        if m:
            fi = FuncInfo(m.group(1), 'allo.top' in m.group(3))
            funcs[fi.name] = fi
            ssa = {}
            for am in RE_ARG.finditer(m.group(2)):
                nm = RE_NAME.search(am.group(3))
                if nm and am.group(2).startswith('memref<'):
                    shape = memref_shape(am.group(2))
                    if shape:
                        fi.arrays[nm.group(1)] = shape
                        fi.params.add(nm.group(1))
                    ssa[am.group(1)] = nm.group(1)
            stack = [('func', fi)]
            continue
        if fi is None:
            continue
        loops = [x[1] for x in stack if x[0] == 'loop']
        parent = loops[-1] if loops else None
        m = RE_ALLOCA.match(st)
        if m:
            nm = RE_NAME.search(m.group(2))
            shape = memref_shape(m.group(3))
            if nm:
                ssa[m.group(1)] = nm.group(1)
                if shape:
                    fi.arrays[nm.group(1)] = shape
        for am in RE_ACCESS.finditer(st):
            arr = ssa.get(am.group(2))
            if arr and arr in fi.arrays:
                for lp in loops:
                    (lp.writes if 'store' in am.group(1) else lp.reads).add(arr)
        for cm in RE_CALL.finditer(st):
            fi.calls.add(cm.group(1))
            for lp in loops:
                lp.calls.add(cm.group(1))
                for a in re.findall(r'%[\w]+', cm.group(2)):
                    if ssa.get(a) in fi.arrays:
                        lp.reads.add(ssa[a])
                        lp.writes.add(ssa[a])
        if st.endswith('{') and not st.startswith('}'):
            lp = None
            m = RE_AFOR.match(st)
            if m:
                lp = Loop(fi.name, 'affine.for', parent)
                lp.lb, lp.ub = m.group(2), m.group(3)
                lp.step = int(m.group(4) or 1)
            else:
                m = RE_SFOR.match(st)
                if m:
                    lp = Loop(fi.name, 'scf.for', parent)
                elif st.startswith('scf.while'):
                    lp = Loop(fi.name, 'scf.while', parent)
            if lp is not None:
                stack.append(('loop', lp))
            else:
                if parent is not None and stack[-1][0] == 'loop':
                    parent.other_ops += 1
                stack.append(('other', None))
            continue
        if st.startswith('}') and st.endswith('{'):
            continue  # } else {, } do {
        if st.startswith('}'):
            if not stack:
                continue
            kind, obj = stack.pop()
            if kind == 'loop':
                nm = RE_NAME.search(st)
                obj.name = nm.group(1) if nm else None
                if obj.name:
                    fi.loops.append(obj)
                    if obj.parent is not None:
                        obj.parent.children.append(obj)
                    else:
                        fi.roots.append(obj)
            elif kind == 'func':
                fi = None
            continue
        if stack and stack[-1][0] == 'loop':
            if not re.match(r'^(%[\w:#]+ = )?(arith\.constant|affine\.yield|scf\.yield|'
                            r'affine\.apply|arith\.index_cast)', st):
                stack[-1][1].other_ops += 1
    for f in funcs.values():
        # parents record children when they close, i.e. in source order already
        f.loops.sort(key=lambda l: 0)
    return funcs


# --------------------------------------------------------------------------------------------
# Proposing steps

OPS = [('split', 5), ('reorder', 3), ('fuse', 2), ('unroll', 3), ('pipeline', 3),
       ('partition', 3), ('dataflow', 1), ('inline', 1), ('buffer_at', 3), ('reuse_at', 2),
       ('compute_at', 2), ('unfold', 2), ('relay', 2)]


class SchedState:
    def __init__(self):
        self.steps = []
        self.grids = []  # (func, loops, axes, name)
        self.pe_names = 0


class Proposer:
    def __init__(self, rng, ops=None):
        self.r = rng
        self.ops = [(o, w) for o, w in OPS if ops is None or o in ops]

    def wpick(self, pairs):
        """pairs of (value, weight)."""
        return weighted_pick(self.r, [(w, v) for v, w in pairs])

    def name(self, lp, top):
        if lp.func == top and self.r.random() < 0.3:
            return lp.name
        return lp.full

    def propose(self, funcs, state):
        top = next((f.name for f in funcs.values() if f.top), 'kern')
        fl = list(funcs.values())
        for _ in range(20):
            op = self.wpick(self.ops)
            f = self.wpick([(x, 6 if x.top else 2) for x in fl])
            step = getattr(self, 'p_' + op)(f, funcs, state, top)
            if step:
                steps = [step]
                if op == 'unfold' and self.r.random() < 0.6:
                    # relays go with the unfold: an unfold whose PEs share an array is only
                    # accepted when a later relay of the same schedule passes it along
                    g = step['_grid']
                    state_g = SchedState()
                    state_g.grids = [g]
                    for _ in range(self.r.randint(1, 2)):
                        rl = self.p_relay(f, funcs, state_g, top)
                        if rl:
                            steps.append(rl)
                return steps
        return None

    def affine(self, loops):
        """Mostly affine.for loops (the primitives that transform loops need them); now and
        then another one, whose refusal must be located."""
        aff = [l for l in loops if l.kind == 'affine.for']
        if aff and self.r.random() < 0.92:
            return aff
        return loops

    def any_loop(self, f, prefer_affine=True):
        if not f.loops:
            return None
        aff = [l for l in f.loops if l.kind == 'affine.for']
        if aff and (prefer_affine and self.r.random() < 0.9):
            return self.r.choice(aff)
        return self.r.choice(f.loops)

    def p_split(self, f, funcs, state, top):
        lp = self.any_loop(f)
        if not lp:
            return None
        t = lp.trip or 8
        factor = self.r.choice([1, 2, 2, 3, 4, 4, 5, 8, max(1, t - 1), t + 1])
        return {'op': 'split', 'loop': self.name(lp, top), 'factor': max(1, factor)}

    def p_reorder(self, f, funcs, state, top):
        cands = self.affine([l for l in f.loops if l.children])
        if not cands:
            return None
        lp = self.r.choice(cands)
        chain = lp.chain() if self.r.random() < 0.8 else [lp, self.r.choice(lp.children)]
        if len(chain) < 2:
            chain = [lp, lp.children[0]]
        k = min(len(chain), self.r.choice([2, 2, 3]))
        start = self.r.randint(0, len(chain) - k)
        sub = chain[start:start + k]
        perm = list(sub)
        while perm == sub:
            self.r.shuffle(perm)
        return {'op': 'reorder', 'loops': [self.name(l, top) for l in perm]}

    def p_fuse(self, f, funcs, state, top):
        cands = self.affine([l for l in f.loops if l.children])
        if not cands:
            return None
        lp = self.r.choice(cands)
        chain = lp.chain()
        if len(chain) < 2:
            chain = [lp, lp.children[0]]
        k = min(len(chain), self.r.choice([2, 2, 3]))
        return {'op': 'fuse', 'loops': [self.name(l, top) for l in chain[:k]]}

    def p_unroll(self, f, funcs, state, top):
        lp = self.any_loop(f)
        if not lp:
            return None
        s = {'op': 'unroll', 'loop': self.name(lp, top)}
        fac = self.r.choice([0, 0, 2, 3, 4, None])
        if fac is not None:
            s['factor'] = fac
        if self.r.random() < 0.5:
            s['in_ir'] = True
        return s

    def p_pipeline(self, f, funcs, state, top):
        if self.r.random() < 0.2 or not f.loops:
            s = {'op': 'pipeline', 'function': f.name}
        else:
            s = {'op': 'pipeline', 'loop': self.name(self.r.choice(f.loops), top)}
            if self.r.random() < 0.2:
                s['rewind'] = True
        if self.r.random() < 0.6:
            s['ii'] = self.r.choice([1, 1, 2, 3])
        return s

    def array(self, f, lp=None, read=False):
        names = sorted(lp.reads if read else lp.accesses()) if lp else sorted(f.arrays)
        names = [n for n in names if n in f.arrays]
        if not names:
            return None
        return self.r.choice(names)

    def aname(self, f, a, top):
        if f.name == top and self.r.random() < 0.3:
            return a
        return '%s:%s' % (f.name, a)

    def p_partition(self, f, funcs, state, top):
        a = self.array(f)
        if not a:
            return None
        shape = f.arrays[a]
        s = {'op': 'partition', 'array': self.aname(f, a, top)}
        t = self.r.choice(['complete', 'block', 'cyclic', None])
        dim = self.r.randint(0, len(shape)) if self.r.random() < 0.95 else len(shape) + 1
        if t:
            s['type'] = t
        if t in ('block', 'cyclic'):
            size = shape[dim - 1] if 1 <= dim <= len(shape) else min(shape)
            s['factor'] = self.r.randint(1, max(1, size)) if self.r.random() < 0.9 else size + 1
        if self.r.random() < 0.8:
            s['dim'] = dim
        return s

    def p_dataflow(self, f, funcs, state, top):
        if f.loops and self.r.random() < 0.4:
            return {'op': 'dataflow', 'loop': self.name(self.r.choice(f.loops), top)}
        return {'op': 'dataflow', 'function': f.name}

    def p_inline(self, f, funcs, state, top):
        s = {'op': 'inline', 'function': f.name}
        if self.r.random() < 0.3:
            s['off'] = True
        return s

    def p_buffer_at(self, f, funcs, state, top):
        cands = self.affine([l for l in f.loops if l.accesses() & set(f.arrays)])
        if not cands:
            return None
        lp = self.r.choice(cands)
        a = self.array(f, lp)
        return {'op': 'buffer_at', 'array': self.aname(f, a, top), 'loop': self.name(lp, top)}

    def p_reuse_at(self, f, funcs, state, top):
        cands = self.affine([l for l in f.loops if l.reads & set(f.arrays)])
        if not cands:
            return None
        lp = self.r.choice(cands)
        a = self.array(f, lp, read=True)
        return {'op': 'reuse_at', 'array': self.aname(f, a, top), 'loop': self.name(lp, top)}

    def p_compute_at(self, f, funcs, state, top):
        roots = self.affine(f.roots)
        if len(roots) < 2:
            return None
        i = self.r.randint(0, len(roots) - 2)
        j = self.r.randint(i + 1, len(roots) - 1)
        prod = roots[i]
        cons = roots[j]
        if cons.children and self.r.random() < 0.3:
            cons = self.r.choice(cons.chain())
        return {'op': 'compute_at', 'producer': self.name(prod, top),
                'consumer': self.name(cons, top)}

    def p_unfold(self, f, funcs, state, top):
        cands = self.affine([l for l in f.loops if l.trip and l.trip <= 8])
        if not cands:
            return None
        lp = self.r.choice(cands)
        band = [lp]
        if lp.children and len(lp.children) == 1 and self.r.random() < 0.5:
            c = lp.children[0]
            if c.trip and c.trip * lp.trip <= 16:
                band.append(c)
        factors = [l.trip for l in band]
        if self.r.random() < 0.1:
            factors[0] += 1
        s = {'op': 'unfold', 'loops': [self.name(l, top) for l in band], 'factors': factors}
        axes = list(range(len(band)))
        if len(band) == 2 and self.r.random() < 0.3:
            axes = [self.r.choice([0, 1])]
            s['axes'] = axes
            s['factors'] = [factors[a] for a in axes]
        name = 'PE'
        if any(g[3] == 'PE' for g in state.grids) or self.r.random() < 0.2:
            state.pe_names += 1
            name = 'G%d' % state.pe_names
            s['name'] = name
        s['_grid'] = (f.name, [l.name for l in band], axes, name, band)
        return s

    def p_relay(self, f, funcs, state, top):
        grids = [g for g in state.grids if g[0] == f.name]
        if not grids:
            return None
        g = self.r.choice(grids)
        band = g[4]
        arrays = set()
        for l in band:
            arrays |= l.accesses()
        arrays = sorted(a for a in arrays if a in f.arrays)
        if not arrays:
            return None
        s = {'op': 'relay', 'array': self.aname(f, self.r.choice(arrays), top),
             'axis': self.r.randint(0, len(band) - 1)}
        if g[3] != 'PE':
            s['grid'] = g[3]
        if self.r.random() < 0.5:
            s['depth'] = self.r.choice([1, 2, 4, 8])
        return s


def clean_step(s):
    return {k: v for k, v in s.items() if not k.startswith('_')}


def loop_names(funcs):
    out = set()
    for f in funcs.values():
        for l in f.loops:
            out.add(l.full)
    return out
