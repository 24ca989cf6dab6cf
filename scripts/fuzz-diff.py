#!/usr/bin/env python3
"""Random differential tester of allo-rewrite (see docs/testing.md).

Generates random kernels in the supported subset and random schedules, emits Vitis HLS C++
with and without the schedule, compiles it against the csim headers, runs it on deterministic
pseudo-random inputs and compares every output with the native build of the original.
Failures are classified by signature and saved as self-contained reproducers.

  scripts/fuzz-diff.py --seed 1 --count 200 -j1            # a campaign
  scripts/fuzz-diff.py --ci                                # the fixed-seed CI slice
  scripts/fuzz-diff.py rerun  fuzz-out/failures/<class>/<case>
  scripts/fuzz-diff.py shrink fuzz-out/failures/<class>/<case>
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import fuzzgen  # noqa: E402
import fuzzsched  # noqa: E402

# --------------------------------------------------------------------------------------------
# Processes


class Res:
    def __init__(self, rc, out, err, secs, timeout=False):
        self.rc, self.out, self.err, self.secs, self.timeout = rc, out, err, secs, timeout

    @property
    def signaled(self):
        return self.rc is not None and self.rc < 0


def run(cmd, cwd=None, timeout=60, env=None, stdin=None):
    t0 = time.time()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    try:
        out, err = p.communicate(timeout=timeout)
        return Res(p.returncode, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace'),
                   time.time() - t0)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return Res(None, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace'),
                   time.time() - t0, timeout=True)


def sig_name(rc):
    try:
        return signal.Signals(-rc).name
    except (ValueError, TypeError):
        return 'rc%s' % rc


# --------------------------------------------------------------------------------------------
# Configuration


PCH_TEXT = ('#include <ap_fixed.h>\n#include <ap_int.h>\n#include <hls_math.h>\n'
            '#include <hls_stream.h>\n#include <algorithm>\n#include <cmath>\n'
            '#include <cstdint>\n#include <cstdio>\n#include <cstring>\n#include <limits>\n')


class Config:
    def __init__(self, a):
        self.allo = os.path.abspath(a.allo_rewrite)
        self.out = os.path.abspath(a.out)
        self.cxx = a.cxx
        self.clang = a.clang
        self.clang_rate = a.clang_rate
        self.san_rate = a.sanitize_rate
        self.sched = not a.no_schedule
        self.sched_steps = a.sched_steps
        self.keep = a.keep_per_class
        self.keep_all = a.keep_all
        self.timeout = a.timeout
        self.styles = a.styles
        self.domains = a.domains
        self.ops = a.ops
        self.verbose = a.verbose
        self.gen = fuzzgen.GenOptions(styles=a.styles, domains=a.domains, max_depth=a.max_depth)
        r = run([self.allo, '--print-csim-flags'], timeout=30)
        if r.rc != 0:
            sys.exit('fuzz-diff: cannot run %s --print-csim-flags:\n%s' % (self.allo, r.err))
        self.csim_flags = r.out.split()
        self.base_flags = self.csim_flags + ['-O2', '-ffp-contract=off', '-w']
        self.pch = None if a.no_pch else self.make_pch()
        self.clang_pch = None if a.no_pch else self.make_clang_pch()
        self.lock = threading.Lock()

    def pch_key(self, *parts):
        h = hashlib.sha1(' '.join(parts).encode())
        csim = os.path.join(ROOT, 'include', 'allo', 'csim')
        for n in sorted(os.listdir(csim)) if os.path.isdir(csim) else []:
            h.update(('%s %d' % (n, os.stat(os.path.join(csim, n)).st_mtime_ns)).encode())
        h.update(str(os.stat(self.allo).st_mtime_ns).encode())
        return h.hexdigest()[:12]

    def make_clang_pch(self):
        """A Clang precompiled header for the runs of allo-rewrite that only probe schedules
        (--target mlir while a schedule is built). Emissions that are compared never use it."""
        incs = [f for f in self.csim_flags if f.startswith('-I')]
        d = os.path.join(self.out, '.pch', 'clang-' + self.pch_key(self.clang, *incs))
        h = os.path.join(d, 'allo_fuzz_pch.h')
        if os.path.exists(h + '.pch'):
            return h + '.pch'
        os.makedirs(d, exist_ok=True)
        with open(h, 'w') as f:
            f.write(PCH_TEXT)
        r = run([self.clang, '-std=c++17'] + incs + ['-x', 'c++-header', h, '-o', h + '.pch.tmp'],
                timeout=300)
        if r.rc != 0:
            print('fuzz-diff: no clang precompiled header (%s)' % r.err.strip()[:200],
                  file=sys.stderr)
            return None
        os.replace(h + '.pch.tmp', h + '.pch')
        return h + '.pch'

    def make_pch(self):
        """A precompiled header of what every emitted file includes (4x faster compiles)."""
        flags = self.base_flags
        d = os.path.join(self.out, '.pch', 'gcc-' + self.pch_key(self.cxx, *flags))
        h = os.path.join(d, 'allo_fuzz_pch.h')
        if os.path.exists(h + '.gch'):
            return h
        os.makedirs(d, exist_ok=True)
        with open(h, 'w') as f:
            f.write(PCH_TEXT)
        r = run([self.cxx] + flags + ['-x', 'c++-header', h, '-o', h + '.gch.tmp'], timeout=300)
        if r.rc != 0:
            print('fuzz-diff: no precompiled header (%s)' % r.err.strip()[:200], file=sys.stderr)
            return None
        os.replace(h + '.gch.tmp', h + '.gch')
        return h

    def flags(self, pch=True):
        f = list(self.base_flags)
        if pch and self.pch:
            f += ['-include', self.pch]
        return f


# --------------------------------------------------------------------------------------------
# Comparing outputs


def parse_out(text):
    rows = {}
    order = []
    for line in text.splitlines():
        if ':' not in line:
            continue
        k, v = line.split(':', 1)
        rows[k] = v.split()
        order.append(k)
    return order, rows


def compare(expected, actual):
    """None when equal, else a one-line description of the first difference."""
    eo, er = parse_out(expected)
    ao, ar = parse_out(actual)
    for k in eo:
        if k not in ar:
            return '%s missing from the output' % k
        e, a = er[k], ar[k]
        if len(e) != len(a):
            return '%s: %d values, expected %d' % (k, len(a), len(e))
        for i, (x, y) in enumerate(zip(e, a)):
            if x != y:
                return '%s[%d]: expected %s, got %s' % (k, i, x, y)
    if len(ao) != len(eo):
        return 'output has %d rows, expected %d' % (len(ao), len(eo))
    return None


# --------------------------------------------------------------------------------------------
# Signatures


def norm_msg(m):
    m = re.sub(r"'[^']*'", "'Q'", m)
    m = re.sub(r'"[^"]*"', '"Q"', m)
    m = re.sub(r'‘[^’]*’', "'Q'", m)
    m = re.sub(r'\b\d+\b', 'N', m)
    m = re.sub(r'\s+', ' ', m).strip()
    return m[:120]


def first_error(err):
    for line in err.splitlines():
        if 'error:' in line:
            return line.split('error:', 1)[1].strip()
    return err.strip().splitlines()[0] if err.strip() else ''


SKIP_FRAMES = ('PrintStackTrace', 'SignalHandler', 'RunSignalHandlers', '__restore_rt',
               'llvm::sys::', '__libc_start', '_start', 'raise', 'abort', '__pthread_kill',
               'gsignal', 'CrashRecoveryContext', 'llvm_unreachable_internal',
               'llvm::report_fatal_error', '__assert_fail', '__cxa_', '_Unwind', 'std::terminate')


def crash_frames(err, n=8):
    frames = []
    for line in err.splitlines():
        m = re.match(r'\s*#\d+ 0x[0-9a-f]+ (.*)$', line)
        if not m:
            continue
        fn = m.group(1)
        fn = re.sub(r' \(/.*\)$', '', fn)
        fn = re.sub(r' /\S+:\d+(:\d+)?$', '', fn)
        if fn.startswith('(') and fn.endswith(')'):
            continue  # (/path/lib.so+0x...) unsymbolized
        if any(s in fn for s in SKIP_FRAMES):
            continue
        fn = re.sub(r'\(.*$', '', fn)  # drop the parameter list
        fn = re.sub(r'<[^<>]*(<[^<>]*>[^<>]*)*>', '', fn)
        frames.append(fn.strip())
        if len(frames) >= n:
            break
    return frames


def known_tag(f, case):
    """Tag findings that match a bug class reported but not yet fixed (a `known-<tag>:` prefix
    of the signature, so that campaigns and --known-failures can tell them apart). Every class
    reported so far (/work/shared/repros 01-11, the fuzz findings) is fixed: a finding of that
    shape now is a regression and gets no tag. Add a rule here when a class is reported and
    stays open."""
    return None


def signature(f):
    k = f['kind']
    st = f['stage']
    if k == 'crash':
        if f.get('frames'):
            fr = f['frames']
            own = [x for x in fr if x.startswith('allo::') or x.startswith('(anonymous')]
            d = '|'.join(([own[0]] if own else []) + [fr[0]])
        else:
            d = f.get('signal', '') + ':' + norm_msg(first_error(f.get('stderr', '')))[:60]
        base = 'crash:%s:%s' % (st, d)
    elif k in ('compile', 'rejection', 'refusal-unlocated', 'exit-without-error', 'link'):
        base = '%s:%s:%s' % (k, st, norm_msg(f.get('message', '')))
    elif k == 'sanitizer':
        base = 'sanitizer:%s:%s' % (st, norm_msg(f.get('message', '')))
    elif k == 'mismatch':
        base = 'mismatch:%s:%s' % (st, f.get('culprit') or f.get('elem_kind', ''))
    else:
        base = '%s:%s:%s' % (k, st, f.get('culprit') or '')
    if f.get('known'):
        base = 'known-%s:%s' % (f['known'], base)
    return base


def slug(sig):
    s = re.sub(r'[^A-Za-z0-9_.+-]+', '_', sig).strip('_')
    h = hashlib.sha1(sig.encode()).hexdigest()[:8]
    return '%s-%s' % (s[:80], h)


# --------------------------------------------------------------------------------------------
# One case


class Case:
    def __init__(self, cfg, cid, seed, work, files=None, schedule=None, meta=None):
        self.cfg, self.cid, self.seed, self.work = cfg, cid, seed, work
        self.r = random.Random('case:%d' % seed)
        self.findings = []
        self.refusals = []
        self.rejections = []
        self.invalid = None
        self.schedule = schedule
        self.features = []
        self.elem_kinds = {}
        self.stats = {'tool_runs': 0}
        self.files = files
        self.meta = meta or {}

    def p(self, name):
        return os.path.join(self.work, name)

    def write(self, name, text):
        with open(self.p(name), 'w') as f:
            f.write(text)

    def read(self, name):
        try:
            with open(self.p(name)) as f:
                return f.read()
        except OSError:
            return ''

    # ---- tools
    def allo(self, args, timeout=None, pch=False):
        self.stats['tool_runs'] += 1
        t0 = time.time()
        extra = ['-include-pch', self.cfg.clang_pch] if pch and self.cfg.clang_pch else []
        r = run([self.cfg.allo, 'k.cpp', '--top', 'kern'] + args + ['--', '-std=c++17'] + extra,
                cwd=self.work, timeout=timeout or self.cfg.timeout * 6)
        if pch and extra and r.rc != 0 and ('precompiled' in r.err or 'PCH' in r.err
                                            or self.tool_failure(r, '', '')):
            # never trust a failure seen through the precompiled header: confirm without it
            r = run([self.cfg.allo, 'k.cpp', '--top', 'kern'] + args + ['--', '-std=c++17'],
                    cwd=self.work, timeout=timeout or self.cfg.timeout * 6)
        self.stats['tool_secs'] = self.stats.get('tool_secs', 0) + time.time() - t0
        return r

    def tool_failure(self, r, stage, what, extra=None):
        """A finding when allo-rewrite crashed, hung or exited without a diagnostic."""
        f = None
        if r.timeout:
            f = {'kind': 'tool-timeout', 'stage': stage}
        elif r.signaled or (r.rc not in (0, 1)):
            f = {'kind': 'crash', 'stage': stage, 'signal': sig_name(r.rc) if r.rc < 0 else 'rc%d' % r.rc,
                 'frames': crash_frames(r.err), 'stderr': r.err[-6000:]}
        elif r.rc == 1 and 'error:' not in r.err:
            f = {'kind': 'exit-without-error', 'stage': stage, 'message': r.err.strip()[:200],
                 'stderr': r.err[-6000:]}
        elif r.rc == 0 and re.search(r'Assertion|LLVM ERROR|Stack dump', r.err):
            f = {'kind': 'crash', 'stage': stage, 'signal': 'assert', 'frames': crash_frames(r.err),
                 'stderr': r.err[-6000:]}
        if f:
            f['what'] = what
            if extra:
                f.update(extra)
        return f

    def build(self, srcs, exe, cxx=None, pch=True, extra=(), opt='-O2'):
        cxx = cxx or self.cfg.cxx
        flags = self.cfg.flags(pch=pch and cxx == self.cfg.cxx) if cxx == self.cfg.cxx else \
            self.cfg.csim_flags + ['-O2', '-ffp-contract=off', '-w']
        flags = [opt if f == '-O2' else f for f in flags]
        return run([cxx] + flags + list(extra) + srcs + ['-o', exe], cwd=self.work,
                   timeout=self.cfg.timeout * 12)

    def execute(self, exe, timeout):
        env = dict(os.environ)
        env['ASAN_OPTIONS'] = 'detect_leaks=0:abort_on_error=0:exitcode=86'
        env['UBSAN_OPTIONS'] = 'print_stacktrace=1:halt_on_error=1:exitcode=87'
        return run(['./' + exe], cwd=self.work, timeout=timeout, env=env)

    # ---- stages
    def generate(self):
        g = fuzzgen.generate(self.seed, self.cfg.gen)
        self.write('k.cpp', g.kernel_text())
        self.write('tb.cpp', fuzzgen.testbench_text(g, self.seed))
        self.features = sorted(g.features)
        for p in g.top.params:
            self.elem_kinds[p.name] = p.ty.k
        if g.top.ret is not None:
            self.elem_kinds['ret'] = g.top.ret.k
        self.meta.update({'features': self.features, 'elem_kinds': self.elem_kinds})

    def native(self, strict=False):
        r = run([self.cfg.cxx] + self.cfg.flags() + ['-c', 'tb.cpp', '-o', 'tb.o'], cwd=self.work,
                timeout=self.cfg.timeout * 12)
        if r.rc != 0:
            self.invalid = ('tb-compile', r.err[-3000:])
            return False
        # (strict: while shrinking, a change must not make the kernel undefined)
        r = self.build(['k.cpp', 'tb.o'], 'nat', extra=STRICT_FLAGS if strict else ())
        if r.rc != 0:
            self.invalid = ('native-compile', r.err[-3000:])
            return False
        r = self.execute('nat', self.cfg.timeout)
        if r.rc != 0:
            self.invalid = ('native-run', 'rc=%s timeout=%s\n%s' % (r.rc, r.timeout, r.err[-2000:]))
            return False
        self.expected = r.out
        self.native_secs = r.secs
        self.write('expected.txt', r.out)
        return True

    def check_emitted(self, stage, src, sched_args, pch=True):
        """Emits, compiles, runs and compares; returns a finding or None. allo-rewrite parses
        through a precompiled header of the csim headers (3x faster); whatever it reports is
        confirmed without it."""
        f = self.check_emitted1(stage, src, sched_args, pch and bool(self.cfg.clang_pch))
        if f and pch and self.cfg.clang_pch:
            g = self.check_emitted1(stage, src, sched_args, False)
            if g is None:
                return {'kind': 'pch-artifact', 'stage': stage, 'message': f.get('kind', '') + ': ' +
                        f.get('message', '')}
            return g
        return f

    def check_emitted1(self, stage, src, sched_args, pch):
        r = self.allo(['--target', 'vhls', '-o', src] + sched_args, pch=pch)
        f = self.tool_failure(r, stage, 'allo-rewrite --target vhls')
        if f:
            return f
        if r.rc == 1:
            return {'kind': 'rejection' if stage == 'nosched' else 'refusal',
                    'stage': stage, 'message': first_error(r.err), 'stderr': r.err[-4000:]}
        code = self.read(src)
        exe = src.replace('.cpp', '')
        b = self.build([src, 'tb.o'], exe, opt='-O1')
        if b.rc != 0:
            kind = 'link' if 'undefined reference' in b.err or ' ld ' in b.err else 'compile'
            msg = first_error(b.err) if kind == 'compile' else \
                (re.search(r'undefined reference to .*', b.err) or re.search('.*', b.err)).group(0)
            return {'kind': kind, 'stage': stage, 'message': msg, 'stderr': b.err[-6000:],
                    'emitted': src, 'emitted_code': code}
        return self.run_compare(stage, exe, src, code)

    def run_compare(self, stage, exe, src, code, compiler=None):
        limit = max(self.cfg.timeout, 50 * self.native_secs)
        x = self.execute(exe, limit)
        base = {'stage': stage, 'emitted': src, 'emitted_code': code}
        if compiler:
            base['compiler'] = compiler
        if x.timeout:
            return dict(base, kind='timeout', message='no result after %.0fs (native %.2fs)'
                        % (limit, self.native_secs))
        if x.rc == 86 or x.rc == 87 or 'runtime error:' in x.err or 'AddressSanitizer' in x.err:
            return dict(base, kind='sanitizer', message=sanitizer_msg(x.err), stderr=x.err[-8000:],
                        actual=x.out)
        if x.rc != 0:
            return dict(base, kind='run-crash', message='%s' % sig_name(x.rc) if x.rc < 0 else
                        'exit %d' % x.rc, stderr=x.err[-4000:], actual=x.out)
        d = compare(self.expected, x.out)
        if d:
            arr = d.split(':')[0].split('[')[0].split()[-1]
            return dict(base, kind='mismatch', message=d, actual=x.out,
                        elem_kind=self.elem_kinds.get(arr, ''))
        return None

    def build_schedule(self):
        """Steps proposed one by one from --list-loops and the raised MLIR; refused ones are
        recorded and dropped. Returns the accepted steps."""
        r = self.allo(['--target', 'mlir', '-o', 'k.mlir'], pch=True)
        f = self.tool_failure(r, 'nosched', 'allo-rewrite --target mlir')
        if f:
            self.findings.append(f)
            return []
        if r.rc != 0:
            return []
        funcs = fuzzsched.parse_mlir(self.read('k.mlir'))
        prop = fuzzsched.Proposer(self.r, self.cfg.ops)
        state = fuzzsched.SchedState()
        steps = []
        want = self.r.randint(1, self.cfg.sched_steps)
        tries = 0
        while len(steps) < want and tries < want + 3:
            tries += 1
            cand = prop.propose(funcs, state)
            if not cand:
                break
            trial = steps + [fuzzsched.clean_step(s) for s in cand]
            self.write('try.json', json.dumps({'top': 'kern', 'steps': trial}, indent=1))
            r = self.allo(['--schedule', 'try.json', '--target', 'mlir', '-o', 'try.mlir'], pch=True)
            f = self.tool_failure(r, 'sched', 'allo-rewrite --schedule (building)',
                                  {'schedule_steps': trial})
            if f:
                self.schedule = trial
                self.write('schedule.json', json.dumps({'top': 'kern', 'steps': trial}, indent=1))
                self.findings.append(f)
                return None
            if r.rc != 0:
                msg = first_error(r.err)
                located = bool(re.search(r'\.(json|cpp):\d+:\d+', r.err))
                ops = '+'.join(s['op'] for s in cand)
                self.refusals.append({'op': ops, 'message': norm_msg(msg), 'located': located})
                if not located:
                    self.findings.append({'kind': 'refusal-unlocated', 'stage': 'sched',
                                          'message': msg, 'stderr': r.err[-3000:],
                                          'schedule_steps': trial})
                continue
            steps = trial
            funcs = fuzzsched.parse_mlir(self.read('try.mlir'))
            for s in cand:
                if '_grid' in s:
                    state.grids.append(s['_grid'])
        if steps:
            # --list-loops must name the loops the module has
            self.write('schedule.json', json.dumps({'top': 'kern', 'steps': steps}, indent=1))
            r = self.allo(['--schedule', 'schedule.json', '--list-loops'], pch=True)
            f = self.tool_failure(r, 'sched', 'allo-rewrite --list-loops')
            if f:
                self.findings.append(f)
            elif r.rc == 0:
                listed = set()
                for fn, loops in fuzzsched.parse_list_loops(r.out).items():
                    listed |= set(n for _, n in loops)
                have = fuzzsched.loop_names(funcs)
                if listed != have:
                    self.findings.append({'kind': 'list-loops', 'stage': 'sched',
                                          'message': 'listed %s, module %s' % (
                                              sorted(listed - have)[:4], sorted(have - listed)[:4])})
        return steps

    def culprit(self, f, steps):
        """The step whose addition first makes the scheduled design fail."""
        for n in range(1, len(steps)):
            self.write('prefix.json', json.dumps({'top': 'kern', 'steps': steps[:n]}))
            g = self.check_emitted('sched', 'eprefix.cpp', ['--schedule', 'prefix.json'])
            if g is None and f['kind'] == 'sanitizer':
                g = self.sanitize('sched', 'eprefix.cpp')
            if g and g['kind'] == f['kind']:
                return steps[n - 1]['op']
        return steps[-1]['op'] if steps else None

    def sanitize(self, stage, src):
        exe = 'san_' + src.replace('.cpp', '')
        b = run([self.cfg.cxx] + self.cfg.csim_flags + SAN_FLAGS + [src, 'tb.cpp', '-o', exe],
                cwd=self.work, timeout=self.cfg.timeout * 20)
        if b.rc != 0:
            return None
        x = self.execute(exe, max(self.cfg.timeout * 4, 50 * self.native_secs))
        if x.rc != 0 and not x.timeout:
            return {'kind': 'sanitizer', 'stage': stage, 'message': sanitizer_msg(x.err),
                    'stderr': x.err[-8000:], 'emitted': src, 'emitted_code': self.read(src)}
        if x.rc == 0:
            d = compare(self.expected, x.out)
            if d:
                return {'kind': 'mismatch', 'stage': stage, 'message': d + ' (sanitizer build)',
                        'emitted': src, 'emitted_code': self.read(src), 'actual': x.out}
        return None

    def run(self):
        t0 = time.time()
        if self.files is None:
            self.generate()
        if not self.native():
            return self
        sanitize = self.r.random() < self.cfg.san_rate
        clang = self.r.random() < self.cfg.clang_rate
        if sanitize:
            # the generator's promise: the native build is free of undefined behaviour
            b = run([self.cfg.cxx] + self.cfg.csim_flags + SAN_FLAGS + ['k.cpp', 'tb.cpp', '-o', 'san_nat'],
                    cwd=self.work, timeout=self.cfg.timeout * 20)
            if b.rc == 0:
                x = self.execute('san_nat', self.cfg.timeout * 4)
                if x.rc != 0 and not x.timeout:
                    self.invalid = ('native-ub', sanitizer_msg(x.err) + '\n' + x.err[-3000:])
                    return self
                if x.rc == 0 and compare(self.expected, x.out):
                    # locals filled with a pattern: the output changed, so something read an
                    # uninitialised variable
                    self.invalid = ('native-uninit', compare(self.expected, x.out))
                    return self
        f = self.check_emitted('nosched', 'e0.cpp', [])
        ok0 = f is None
        if f and f['kind'] == 'rejection':
            self.rejections.append(f)
        elif f:
            self.findings.append(f)
        if ok0:
            if clang:
                b = self.build(['e0.cpp', 'tb.cpp'], 'e0_clang', cxx=self.cfg.clang)
                if b.rc != 0:
                    self.findings.append({'kind': 'compile', 'stage': 'nosched', 'compiler': 'clang',
                                          'message': first_error(b.err), 'stderr': b.err[-6000:],
                                          'emitted': 'e0.cpp', 'emitted_code': self.read('e0.cpp')})
                else:
                    g = self.run_compare('nosched', 'e0_clang', 'e0.cpp', self.read('e0.cpp'), 'clang')
                    if g:
                        self.findings.append(g)
            if sanitize:
                g = self.sanitize('nosched', 'e0.cpp')
                if g:
                    self.findings.append(g)
        if self.cfg.sched and (f is None or f['kind'] not in ('rejection', 'crash', 'tool-timeout')):
            # (when the unscheduled design already fails, schedules are only built: crashes of
            # the steps count, the scheduled design would fail for the same reason)
            steps = self.schedule if self.schedule is not None else self.build_schedule()
            if steps and ok0:
                self.schedule = steps
                self.write('schedule.json', json.dumps({'top': 'kern', 'steps': steps}, indent=1))
                extra = []
                if self.r.random() < 0.15:
                    extra = ['--interface', 'axi']
                self.meta['sched_args'] = extra
                g = self.check_emitted('sched', 'e1.cpp', ['--schedule', 'schedule.json'] + extra)
                refused = bool(g and g['kind'] == 'refusal')  # nothing emitted to compile
                if refused:
                    self.refusals.append({'op': 'final' + ('+axi' if extra else ''),
                                          'message': norm_msg(g['message']),
                                          'located': bool(re.search(r'\.(json|cpp):\d+:\d+', g['stderr']))})
                    g = None
                elif g and ok0 and g['kind'] in ('mismatch', 'sanitizer', 'timeout', 'run-crash',
                                                  'compile'):
                    g['culprit'] = self.culprit(g, steps)
                if g:
                    self.findings.append(g)
                elif (clang or sanitize) and not refused:
                    if clang:
                        b = self.build(['e1.cpp', 'tb.cpp'], 'e1_clang', cxx=self.cfg.clang)
                        if b.rc != 0:
                            self.findings.append({'kind': 'compile', 'stage': 'sched',
                                                  'compiler': 'clang', 'message': first_error(b.err),
                                                  'stderr': b.err[-6000:], 'emitted': 'e1.cpp',
                                                  'emitted_code': self.read('e1.cpp')})
                        else:
                            g = self.run_compare('sched', 'e1_clang', 'e1.cpp', self.read('e1.cpp'),
                                                 'clang')
                            if g:
                                self.findings.append(g)
                    if sanitize:
                        g = self.sanitize('sched', 'e1.cpp')
                        if g:
                            g['culprit'] = self.culprit(g, steps)
                            self.findings.append(g)
        case = {'schedule': self.schedule or [], 'features': self.features}
        for f in self.findings + self.rejections:
            f['known'] = known_tag(f, case)
            f['sig'] = signature(f)
        self.stats['secs'] = time.time() - t0
        return self


# Sanitizer builds (also the native one, to check the generator's promise of defined
# behaviour). Locals start with a pattern instead of whatever the stack held, so reading an
# uninitialised variable changes the output.
STRICT_FLAGS = ['-Werror=div-by-zero', '-Werror=return-type', '-Werror=array-bounds',
                '-Werror=shift-count-overflow', '-Werror=shift-count-negative',
                '-Werror=uninitialized', '-Werror=maybe-uninitialized', '-Werror=aggressive-loop-optimizations']
SAN_FLAGS = ['-O1', '-g', '-w', '-fsanitize=address,undefined', '-fno-sanitize=signed-integer-overflow',
             '-fno-sanitize-recover=all', '-ftrivial-auto-var-init=pattern']


def sanitizer_msg(err):
    m = re.search(r'ERROR: AddressSanitizer: ([\w-]+)', err)
    if m:
        fr = re.search(r'#\d+ 0x[0-9a-f]+ in (\w+)', err)
        return 'asan %s in %s' % (m.group(1), fr.group(1) if fr else '?')
    m = re.search(r'runtime error: (.*)', err)
    if m:
        return 'ubsan ' + m.group(1)
    return err.strip().splitlines()[-1][:200] if err.strip() else 'sanitizer exit'


# --------------------------------------------------------------------------------------------
# Reproducers

README = """# {sig}

Case {cid} (seed {seed}) of scripts/fuzz-diff.py: {kind} ({stage}).

    {what}

{message}

Reproduce from the project checkout (`ALLO` defaults to build/bin/allo-rewrite):

    sh {dir}/cmd.sh

`cmd.sh` emits the kernel `k.cpp`{with_sched}, compiles the emitted code against the csim
headers with the testbench `tb.cpp`, runs it and compares with `expected.txt` (the native build
of `k.cpp`: g++ -O2 -ffp-contract=off -fwrapv). `actual.txt` is what the emitted program printed.
"""

CMD = """#!/bin/sh
# Reproducer written by scripts/fuzz-diff.py (case {cid}).
set -u
D=$(cd "$(dirname "$0")" && pwd)
ROOT=${{ROOT:-{root}}}
ALLO=${{ALLO:-$ROOT/build/bin/allo-rewrite}}
CXX=${{CXX:-g++}}
T=$(mktemp -d)
cd "$D"
"$ALLO" k.cpp --top kern --target vhls -o "$T/e.cpp" {sched} -- -std=c++17 || {{ echo "allo-rewrite failed: $?"; exit 1; }}
$CXX $("$ALLO" --print-csim-flags) -O2 -ffp-contract=off -w "$T/e.cpp" tb.cpp -o "$T/em" || {{ echo "emitted code does not compile"; exit 1; }}
"$T/em" > "$T/actual.txt" || {{ echo "emitted program failed: $?"; exit 1; }}
if cmp -s "$T/actual.txt" expected.txt; then echo "same output"; rm -rf "$T"; exit 0; fi
diff expected.txt "$T/actual.txt" | head -20
echo "outputs differ"
exit 1
"""


def save_case(cfg, case, f, root_dir, name=None):
    d = os.path.join(root_dir, slug(f['sig']), name or case.cid)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    for n in ('k.cpp', 'tb.cpp', 'expected.txt'):
        if os.path.exists(case.p(n)):
            shutil.copy(case.p(n), d)
    sched = ''
    if f['stage'] == 'sched':
        steps = f.get('schedule_steps') or case.schedule or []
        with open(os.path.join(d, 'schedule.json'), 'w') as fh:
            json.dump({'top': 'kern', 'steps': steps}, fh, indent=1)
        sched = '--schedule schedule.json ' + ' '.join(case.meta.get('sched_args', []))
    if f.get('emitted') and os.path.exists(case.p(f['emitted'])):
        shutil.copy(case.p(f['emitted']), os.path.join(d, 'emitted.cpp'))
    if f.get('actual') is not None:
        with open(os.path.join(d, 'actual.txt'), 'w') as fh:
            fh.write(f['actual'])
    if f.get('stderr'):
        with open(os.path.join(d, 'stderr.txt'), 'w') as fh:
            fh.write(f['stderr'])
    with open(os.path.join(d, 'cmd.sh'), 'w') as fh:
        fh.write(CMD.format(cid=case.cid, root=ROOT, sched=sched))
    os.chmod(os.path.join(d, 'cmd.sh'), 0o755)
    what = 'allo-rewrite k.cpp --top kern --target vhls %s' % sched
    with open(os.path.join(d, 'README.md'), 'w') as fh:
        fh.write(README.format(sig=f['sig'], cid=case.cid, seed=case.seed, kind=f['kind'],
                               stage=f['stage'], what=what.strip(),
                               message=f.get('message', ''),
                               dir=os.path.relpath(d, ROOT) if d.startswith(ROOT + '/') else d,
                               with_sched=' with `schedule.json`' if sched else ''))
    meta = {k: v for k, v in f.items() if k not in ('emitted_code', 'stderr', 'actual')}
    meta.update({'case': case.cid, 'seed': case.seed, 'features': case.features,
                 'gen_options': {'styles': sorted(cfg.gen.styles), 'domains': cfg.gen.domains,
                                 'max_depth': cfg.gen.max_depth},
                 'sched_args': case.meta.get('sched_args', []),
                 'elem_kinds': case.elem_kinds})
    with open(os.path.join(d, 'meta.json'), 'w') as fh:
        json.dump(meta, fh, indent=1, default=str)
    return d


# --------------------------------------------------------------------------------------------
# Campaign


def case_seed(seed, i):
    return random.Random('fuzz-diff:%d:%d' % (seed, i)).getrandbits(48)


def campaign(cfg, a):
    os.makedirs(cfg.out, exist_ok=True)
    work_root = os.path.join(cfg.out, 'work')
    os.makedirs(work_root, exist_ok=True)
    t0 = time.time()
    stats = {'cases': 0, 'invalid': 0, 'with_findings': 0, 'rejected': 0, 'scheduled': 0,
             'refusals': 0, 'tool_runs': 0, 'steps': {}}
    sigs = {}
    refusals = {}
    rejections = {}
    invalid = {}
    saved = {}
    log = open(os.path.join(cfg.out, 'log.txt'), 'a')
    log.write('# %s seed=%d count=%d styles=%s domains=%s\n' % (
        time.strftime('%Y-%m-%d %H:%M:%S'), a.seed, a.count, ','.join(sorted(cfg.gen.styles)),
        ','.join(cfg.gen.domains)))

    def existing(root, sig):
        d = os.path.join(root, slug(sig))
        return len(os.listdir(d)) if os.path.isdir(d) else 0

    def one(i):
        cid = '%d-%05d' % (a.seed, i)
        work = os.path.join(work_root, cid)
        if os.path.exists(work):
            shutil.rmtree(work)
        os.makedirs(work)
        c = Case(cfg, cid, case_seed(a.seed, i), work)
        try:
            c.run()
        except Exception as e:  # a bug of this script: keep going, report it
            import traceback
            c.invalid = ('fuzzer-exception', traceback.format_exc())
        return c

    def record(c):
        stats['cases'] += 1
        stats['tool_runs'] += c.stats['tool_runs']
        keep = cfg.keep_all
        if c.invalid:
            stats['invalid'] += 1
            k = c.invalid[0] + ':' + norm_msg(first_error(c.invalid[1]))[:80]
            invalid[k] = invalid.get(k, 0) + 1
            if invalid[k] <= 2:
                d = os.path.join(cfg.out, 'invalid', slug(k), c.cid)
                shutil.rmtree(d, ignore_errors=True)
                shutil.copytree(c.work, d, ignore=shutil.ignore_patterns('*.o', 'nat', 'san_*', 'e0', 'e1', '*.mlir'))
                with open(os.path.join(d, 'why.txt'), 'w') as fh:
                    fh.write(c.invalid[0] + '\n' + c.invalid[1])
            line = '%s invalid %s' % (c.cid, k)
        else:
            if c.rejections:
                stats['rejected'] += 1
            if c.schedule:
                stats['scheduled'] += 1
                for st in c.schedule:
                    stats['steps'][st['op']] = stats['steps'].get(st['op'], 0) + 1
            stats['refusals'] += len(c.refusals)
            for rf in c.refusals:
                k = '%s: %s%s' % (rf['op'], rf['message'], '' if rf['located'] else ' [unlocated]')
                refusals[k] = refusals.get(k, 0) + 1
            for f in c.rejections:
                rejections[f['sig']] = rejections.get(f['sig'], 0) + 1
                if existing(os.path.join(cfg.out, 'rejections'), f['sig']) < 2:
                    save_case(cfg, c, f, os.path.join(cfg.out, 'rejections'))
            if c.findings:
                stats['with_findings'] += 1
            news = []
            for f in c.findings:
                new = f['sig'] not in sigs
                sigs[f['sig']] = sigs.get(f['sig'], 0) + 1
                if existing(os.path.join(cfg.out, 'failures'), f['sig']) < cfg.keep:
                    d = save_case(cfg, c, f, os.path.join(cfg.out, 'failures'))
                    saved.setdefault(f['sig'], []).append(d)
                news.append(('NEW ' if new else '') + f['sig'])
            line = '%s %s %.1fs (tool %.1fs/%d)%s%s' % (c.cid, 'FAIL' if c.findings else 'ok', c.stats['secs'], c.stats.get('tool_secs', 0), c.stats['tool_runs'],
                                        ' sched=%d' % len(c.schedule) if c.schedule else '',
                                        (' ' + '; '.join(news)) if news else '')
            if c.rejections:
                line += ' rejected: ' + c.rejections[0]['sig']
        log.write(line + '\n')
        log.flush()
        if cfg.verbose or c.findings or not a.quiet:
            print(line, flush=True)
        if not keep:
            shutil.rmtree(c.work, ignore_errors=True)

    idx = list(range(a.start, a.start + a.count))
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        pending = set()
        it = iter(idx)
        done_launch = False
        while True:
            while not done_launch and len(pending) < a.jobs:
                if a.time_budget and time.time() - t0 > a.time_budget:
                    done_launch = True
                    break
                try:
                    i = next(it)
                except StopIteration:
                    done_launch = True
                    break
                pending.add(ex.submit(one, i))
            if not pending:
                break
            done, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fu in done:
                record(fu.result())
    secs = time.time() - t0
    summary = {'seed': a.seed, 'start': a.start, 'count': a.count, 'secs': round(secs, 1),
               'stats': stats, 'findings': dict(sorted(sigs.items(), key=lambda x: -x[1])),
               'rejections': dict(sorted(rejections.items(), key=lambda x: -x[1])),
               'refusals': dict(sorted(refusals.items(), key=lambda x: -x[1])),
               'invalid': invalid, 'saved': saved,
               'options': {'styles': sorted(cfg.gen.styles), 'domains': cfg.gen.domains,
                           'schedule': cfg.sched}}
    os.makedirs(os.path.join(cfg.out, 'runs'), exist_ok=True)
    with open(os.path.join(cfg.out, 'runs', 'seed%d-%d-%d.json' % (a.seed, a.start, a.count)),
              'w') as fh:
        json.dump(summary, fh, indent=1)
    print_summary(summary)
    log.close()
    return summary


def print_summary(s):
    st = s['stats']
    print('\n== fuzz-diff: %d cases in %.0fs (%d invalid, %d rejected by the frontend, %d '
          'scheduled, %d schedule steps refused)' % (st['cases'], s['secs'], st['invalid'],
                                                     st['rejected'], st['scheduled'],
                                                     st['refusals']))
    if st.get('steps'):
        print('accepted steps: ' + ', '.join('%s %d' % kv for kv in sorted(st['steps'].items())))
    if s['findings']:
        print('findings (%d cases):' % st['with_findings'])
        for k, v in s['findings'].items():
            print('  %5d  %s' % (v, k))
    else:
        print('no findings')
    if s['rejections']:
        print('rejections (review: inside the documented subset?):')
        for k, v in list(s['rejections'].items())[:15]:
            print('  %5d  %s' % (v, k))
    if s['invalid']:
        print('invalid cases (generator bugs):')
        for k, v in s['invalid'].items():
            print('  %5d  %s' % (v, k))


# --------------------------------------------------------------------------------------------
# Re-running and shrinking a saved reproducer


def load_case(cfg, d, work):
    meta = json.load(open(os.path.join(d, 'meta.json')))
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    for n in ('k.cpp', 'tb.cpp'):
        shutil.copy(os.path.join(d, n), work)
    sched = None
    if os.path.exists(os.path.join(d, 'schedule.json')):
        sched = json.load(open(os.path.join(d, 'schedule.json')))['steps']
    return meta, sched


def check_repro(cfg, work, meta, sched, kcode=None, steps=None):
    """Signature kind of the failure the files in work produce ('' when none)."""
    if kcode is not None:
        with open(os.path.join(work, 'k.cpp'), 'w') as fh:
            fh.write(kcode)
    c = Case(cfg, 'shrink', meta.get('seed', 0), work, files=True, meta={})
    c.elem_kinds = meta.get('elem_kinds', {})
    c.features = meta.get('features', [])
    if not c.native(strict=kcode is not None):
        return None
    stage = meta['stage']
    if stage == 'nosched' or not (steps if steps is not None else sched):
        f = c.check_emitted('nosched', 'e0.cpp', [])
        if f is None and meta['kind'] == 'sanitizer':
            c.native_secs = c.native_secs
            f = c.sanitize('nosched', 'e0.cpp')
        if stage == 'sched' and f is None:
            return None
    else:
        st = steps if steps is not None else sched
        with open(os.path.join(work, 'schedule.json'), 'w') as fh:
            json.dump({'top': 'kern', 'steps': st}, fh)
        if meta['kind'] in ('crash', 'exit-without-error', 'tool-timeout', 'refusal-unlocated') \
                and meta.get('what', '').startswith('allo-rewrite --schedule'):
            r = c.allo(['--schedule', 'schedule.json', '--target', 'mlir', '-o', 'x.mlir'])
            f = c.tool_failure(r, 'sched', meta.get('what'))
        else:
            f = c.check_emitted('sched', 'e1.cpp', ['--schedule', 'schedule.json'] +
                                meta.get('sched_args', []))
            if f is None and meta['kind'] == 'sanitizer':
                f = c.sanitize('sched', 'e1.cpp')
    if not f:
        return ''
    f.setdefault('stage', stage)
    return same_class_key(f)


def same_class_key(f):
    k = [f['kind'], f['stage']]
    if f['kind'] == 'crash':
        fr = f.get('frames', [])
        own = [x for x in fr if x.startswith('allo::') or x.startswith('(anonymous')]
        k.append((own or fr or [''])[0])
    if f['kind'] in ('compile', 'rejection'):
        k.append(norm_msg(f.get('message', ''))[:40])
    if f['kind'] == 'sanitizer':
        k.append(norm_msg(f.get('message', '')).split(' in ')[0][:40])
    return ':'.join(k)


def blocks(lines):
    """(start, end) line ranges worth deleting: statements and whole blocks. Not struct
    definitions or their fields: the testbench has its own copy of each struct."""
    out = []
    stack = []
    structs = []  # open struct definitions (their start lines)
    for i, l in enumerate(lines):
        s = l.strip()
        if structs:
            if s.startswith('}'):
                structs.pop()
            elif s.endswith('{'):
                structs.append(i)
            continue
        if s.startswith('struct ') and s.endswith('{'):
            structs.append(i)
            continue
        if s.startswith('}') and stack:
            st = stack.pop()
            if s.endswith('{'):  # } else {
                stack.append(st)
                continue
            # a label or a declared loop variable goes with its loop
            while st > 0 and re.match(r'^\s*(\w+:|(int|unsigned|long|short|int16_t|int64_t|uint8_t) \w+;)\s*$',
                                      lines[st - 1]):
                st -= 1
            out.append((st, i))
        elif s.startswith('#pragma') and stack:
            out.append((i, i))
        if s.endswith('{'):
            if s.startswith('}'):
                continue
            stack.append(i)
        elif s.endswith(';') and not s.startswith('#') and stack:
            out.append((i, i))
    return out


def shrink(cfg, d, budget):
    work = os.path.join(cfg.out, 'work', 'shrink-' + os.path.basename(d))
    meta, sched = load_case(cfg, d, work)
    want = same_class_key(meta)
    code = open(os.path.join(d, 'k.cpp')).read()
    code0 = [code]
    t0 = time.time()
    tries = [0]

    def fails(kc, st):
        tries[0] += 1
        k = check_repro(cfg, work, meta, sched, kcode=kc, steps=st)
        if k != want:
            return False
        if kc is not None and kc != code0[0]:
            # the reduced kernel must still be defined: the native build under the sanitizers
            # (and with pattern-initialised locals) prints the same
            b = run([cfg.cxx] + cfg.csim_flags + SAN_FLAGS + ['k.cpp', 'tb.cpp', '-o', 'san_nat'],
                    cwd=work, timeout=cfg.timeout * 20)
            if b.rc != 0:
                return False
            x = run(['./san_nat'], cwd=work, timeout=cfg.timeout * 4,
                    env=dict(os.environ, ASAN_OPTIONS='detect_leaks=0'))
            exp = open(os.path.join(work, 'expected.txt')).read() if os.path.exists(
                os.path.join(work, 'expected.txt')) else None
            if x.rc != 0 or exp is None or compare(exp, x.out):
                return False
        return True

    if check_repro(cfg, work, meta, sched) != want:
        print('shrink: %s does not fail the same way any more (%s)' % (d, want))
        return None
    steps = list(sched) if sched else None
    # 1. schedule steps
    if steps:
        i = len(steps) - 1
        while i >= 0 and time.time() - t0 < budget:
            cand = steps[:i] + steps[i + 1:]
            if cand and fails(code, cand):
                steps = cand
            i -= 1
    # 2. statements and blocks, largest first; then unwrap blocks; then simplify expressions
    def first_failing(cands):
        """The first candidate kernel (a list of lines) that still fails the same way."""
        for cand in cands:
            if time.time() - t0 > budget:
                return None
            if fails('\n'.join(cand), steps):
                return '\n'.join(cand)
        return None

    def unwrapped(lines):
        for st, en in blocks(lines):
            hdr = lines[st].strip()
            if en > st and not (hdr.startswith('for') or hdr.startswith('while')
                                or hdr.startswith('do')):  # a loop body uses its variable
                inner = [l for l in lines[st + 1:en] if not l.strip().startswith('} else {')]
                yield lines[:st] + inner + lines[en + 1:]

    changed = True
    while changed and time.time() - t0 < budget:
        changed = False
        lines = code.split('\n')
        for cands in ((lines[:st] + lines[en + 1:]
                       for st, en in sorted(blocks(lines), key=lambda x: x[0] - x[1])),
                      unwrapped(lines)):
            c = first_failing(cands)
            if c is not None:
                code, changed = c, True
                break
        if changed:
            continue
        # expressions: replace parenthesised sub-expressions by 0 or by their first operand
        for li, l in enumerate(lines):
            if time.time() - t0 > budget or changed:
                break
            if not l.strip().endswith(';') or l.strip().startswith('#'):
                continue
            for a, b in paren_spans(l):
                for rep in ('0', l[a + 1:b].split(' ')[0] if ' ' in l[a + 1:b] else None):
                    if rep is None or not rep.strip('()'):
                        continue
                    nl = l[:a] + rep + l[b + 1:]
                    cand = lines[:li] + [nl] + lines[li + 1:]
                    if fails('\n'.join(cand), steps):
                        code = '\n'.join(cand)
                        changed = True
                        break
                if changed:
                    break
    out = d.rstrip('/') + '.min'
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(d, out)
    with open(os.path.join(out, 'k.cpp'), 'w') as fh:
        fh.write(code)
    if steps is not None:
        with open(os.path.join(out, 'schedule.json'), 'w') as fh:
            json.dump({'top': 'kern', 'steps': steps}, fh, indent=1)
    # refresh expected output, emitted code and stderr for the minimized case
    check_repro(cfg, work, meta, sched, kcode=code, steps=steps)
    for n, m in (('expected.txt', 'expected.txt'), ('e1.cpp' if steps else 'e0.cpp', 'emitted.cpp')):
        if os.path.exists(os.path.join(work, n)):
            shutil.copy(os.path.join(work, n), os.path.join(out, m))
    for n in ('actual.txt', 'stderr.txt'):
        if os.path.exists(os.path.join(out, n)):
            os.remove(os.path.join(out, n))
    print('shrink: %d tries, %.0fs, %d -> %d lines%s: %s' % (
        tries[0], time.time() - t0, len(open(os.path.join(d, 'k.cpp')).read().split('\n')),
        len(code.split('\n')), (', %d -> %d steps' % (len(sched), len(steps))) if sched else '',
        out))
    shutil.rmtree(work, ignore_errors=True)
    return out


def paren_spans(l):
    spans = []
    st = []
    for i, ch in enumerate(l):
        if ch == '(':
            st.append(i)
        elif ch == ')' and st:
            a = st.pop()
            spans.append((a, i))
    spans.sort(key=lambda s: s[0] - s[1])  # widest first
    return spans


# --------------------------------------------------------------------------------------------
# Command line


# The CI slice (ctest fuzz-diff-slice): a seed and count chosen to take a few minutes.
CI_SEED = 8
CI_COUNT = 40


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('command', nargs='?', default='run', choices=['run', 'rerun', 'shrink'])
    ap.add_argument('repro', nargs='*', help='reproducer folders (rerun, shrink)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=100)
    ap.add_argument('--start', type=int, default=0, help='index of the first case')
    ap.add_argument('-j', '--jobs', type=int, default=1)
    ap.add_argument('--time-budget', type=float, default=0, help='seconds; stop starting cases after')
    ap.add_argument('--out', default=os.path.join(ROOT, 'fuzz-out'))
    ap.add_argument('--allo-rewrite', default=os.path.join(ROOT, 'build', 'bin', 'allo-rewrite'))
    ap.add_argument('--cxx', default='g++')
    ap.add_argument('--clang', default='clang++-22')
    ap.add_argument('--clang-rate', type=float, default=0.15)
    ap.add_argument('--sanitize-rate', type=float, default=0.1)
    ap.add_argument('--no-schedule', action='store_true')
    ap.add_argument('--sched-steps', type=int, default=4, help='at most this many steps per schedule')
    ap.add_argument('--ops', type=lambda s: s.split(','), default=None,
                    help='schedule primitives to use (default: all)')
    ap.add_argument('--styles', type=lambda s: [x for x in s.split(',') if x], default=None,
                    help='source styles (%s); default %s' % (','.join(fuzzgen.STYLES),
                                                             ','.join(fuzzgen.DEFAULT_STYLES)))
    ap.add_argument('--domains', type=lambda s: s.split(','), default=None,
                    help='value domains (%s)' % ','.join(fuzzgen.DOMAINS))
    ap.add_argument('--max-depth', type=int, default=4)
    ap.add_argument('--timeout', type=float, default=10, help='seconds for one run of a program')
    ap.add_argument('--keep-per-class', type=int, default=5)
    ap.add_argument('--keep-all', action='store_true', help='keep every case\'s work folder')
    ap.add_argument('--no-pch', action='store_true')
    ap.add_argument('--shrink', action='store_true', help='shrink the first case of each new class')
    ap.add_argument('--shrink-budget', type=float, default=600, help='seconds per shrink')
    ap.add_argument('--fail-on-finding', action='store_true', help='exit 1 on any finding')
    ap.add_argument('--known-failures', default=None,
                    help='file of signature prefixes that --fail-on-finding tolerates (--ci: '
                    'test/fuzz/known-failures.txt)')
    ap.add_argument('--ci', action='store_true',
                    help='the fixed-seed slice of the test suite (seed %d, %d cases, exits 1 on '
                    'findings)' % (CI_SEED, CI_COUNT))
    ap.add_argument('-q', '--quiet', action='store_true')
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    if a.ci:
        a.seed, a.count = CI_SEED, a.count if a.count != 100 else CI_COUNT
        a.fail_on_finding = True
        a.quiet = True
        a.clang_rate = 0.1
        a.sanitize_rate = 0.05
        a.sched_steps = 3
        if a.known_failures is None:
            a.known_failures = os.path.join(ROOT, 'test', 'fuzz', 'known-failures.txt')
        for sub in ('failures', 'rejections', 'invalid', 'work', 'runs', 'log.txt'):
            pth = os.path.join(a.out, sub)
            if os.path.isdir(pth):
                shutil.rmtree(pth)
            elif os.path.exists(pth):
                os.remove(pth)
    if a.styles is not None:
        bad = [s for s in a.styles if s not in fuzzgen.STYLES]
        if bad:
            ap.error('unknown style %s (known: %s)' % (bad, ', '.join(fuzzgen.STYLES)))
    cfg = Config(a)
    if a.command == 'rerun':
        rc = 0
        for d in a.repro:
            work = os.path.join(cfg.out, 'work', 'rerun-' + os.path.basename(d.rstrip('/')))
            meta, sched = load_case(cfg, d, work)
            k = check_repro(cfg, work, meta, sched)
            print('%s: %s' % (d, ('fails: ' + k) if k else ('passes' if k == '' else 'invalid')))
            rc |= 1 if k else 0
        return rc
    if a.command == 'shrink':
        for d in a.repro:
            shrink(cfg, d.rstrip('/'), a.shrink_budget)
        return 0
    s = campaign(cfg, a)
    if a.shrink:
        for sig, dirs in s['saved'].items():
            if dirs and not sig.startswith('known-'):
                shrink(cfg, dirs[0], a.shrink_budget)
    known = []
    if a.known_failures:
        for line in open(a.known_failures):
            line = line.split('#')[0].strip()
            if line:
                known.append(line)
    bad = [sig for sig in s['findings'] if not any(sig.startswith(k) for k in known)]
    tolerated = [sig for sig in s['findings'] if sig not in bad]
    if tolerated:
        print('known bugs (%s): %s' % (a.known_failures, '; '.join(tolerated)))
    if a.fail_on_finding and bad:
        for sig in bad:
            print('FAIL %s: reproducer %s' % (sig, (s['saved'].get(sig) or ['(not saved)'])[0]))
        return 1
    if a.fail_on_finding and s['stats']['invalid']:
        print('fuzz-diff: invalid cases (a generator bug)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
