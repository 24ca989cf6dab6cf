#!/usr/bin/env python3
"""Generate one large translation unit of [[allo::kernel]] functions for frontend benchmarking.

Usage: scripts/gen_bench_tu.py OUT.cpp [--kernels 200] [--seed 0]

The kernels are produced from ten templates modelled on the differential-test suite
(gemm, conv2d, jacobi, popcount, crc, search with early return, triangular loops,
decreasing loops, template dot, while-loop gcd), with sizes, element types and names
varied programmatically. Output is deterministic for a given (--kernels, --seed).
Only the supported C++ subset is used and only <allo/allo.h>, <cmath>, <cstdint> and
<algorithm> are included.
"""

import argparse
import random
import sys

# Element types usable in arithmetic kernels, with a literal suffix for zero/constants.
ARITH_TYPES = [
    ("float", "0.0f"),
    ("double", "0.0"),
    ("int32_t", "0"),
    ("int64_t", "0"),
]


def gemm(k, rng):
    ty, zero = rng.choice(ARITH_TYPES)
    ni, nj, nk = rng.randint(4, 16), rng.randint(4, 16), rng.randint(4, 16)
    tile = rng.choice([0, 2, 4, 8])
    name = f"gemm_{ty.replace('_t', '')}_{ni}x{nj}x{nk}_n{k}"
    if tile == 0:
        body = f"""  for (int i = 0; i < {ni}; i++)
    for (int j = 0; j < {nj}; j++) {{
      {ty} acc = {zero};
      for (int k = 0; k < {nk}; k++)
        acc += A[i][k] * B[k][j];
      C[i][j] = acc;
    }}"""
    else:
        body = f"""  for (int i = 0; i < {ni}; i++)
    for (int j = 0; j < {nj}; j++)
      C[i][j] = {zero};
  for (int kk = 0; kk < {nk}; kk += {tile})
    for (int i = 0; i < {ni}; i++)
      for (int j = 0; j < {nj}; j++)
        for (int k = kk; k < std::min(kk + {tile}, {nk}); k++)
          C[i][j] += A[i][k] * B[k][j];"""
    return f"""// gemm: {ty}, tile {tile}
[[allo::kernel]] void {name}(const {ty} A[{ni}][{nk}], const {ty} B[{nk}][{nj}], {ty} C[{ni}][{nj}]) {{
{body}
}}
"""


def conv2d(k, rng):
    ty, zero = rng.choice([("float", "0.0f"), ("double", "0.0"), ("int32_t", "0")])
    h, w = rng.randint(6, 14), rng.randint(6, 14)
    kk = rng.choice([3, 3, 5])
    c = rng.randint(1, 3)
    oh, ow = h - kk + 1, w - kk + 1
    name = f"conv2d_{ty.replace('_t', '')}_c{c}_{h}x{w}_k{kk}_n{k}"
    return f"""constexpr int {name}_OH = {oh};
constexpr int {name}_OW = {ow};
[[allo::kernel]] void {name}(const {ty} in[{c}][{h}][{w}], const {ty} wt[{c}][{kk}][{kk}],
    {ty} out[{name}_OH][{name}_OW]) {{
  for (int oh = 0; oh < {name}_OH; oh++)
    for (int ow = 0; ow < {name}_OW; ow++) {{
      {ty} acc = {zero};
      for (int c = 0; c < {c}; c++)
        for (int kh = 0; kh < {kk}; kh++)
          for (int kw = 0; kw < {kk}; kw++)
            acc += in[c][oh + kh][ow + kw] * wt[c][kh][kw];
      out[oh][ow] = acc;
    }}
}}
"""


def jacobi(k, rng):
    ty, lit = rng.choice([("float", "f"), ("double", "")])
    steps = rng.randint(1, 6)
    if rng.random() < 0.5:
        n = rng.randint(8, 64)
        name = f"jacobi1d_{ty}_{n}_t{steps}_n{k}"
        return f"""[[allo::kernel]] void {name}({ty} A[{n}], {ty} B[{n}]) {{
  for (int t = 0; t < {steps}; t++) {{
    for (int i = 1; i < {n - 1}; i++)
      B[i] = 0.33333{lit} * (A[i - 1] + A[i] + A[i + 1]);
    for (int i = 1; i < {n - 1}; i++)
      A[i] = 0.33333{lit} * (B[i - 1] + B[i] + B[i + 1]);
  }}
}}
"""
    n = rng.randint(6, 16)
    name = f"jacobi2d_{ty}_{n}_t{steps}_n{k}"
    return f"""constexpr int {name}_N = {n};
[[allo::kernel]] void {name}({ty} A[{name}_N][{name}_N], {ty} B[{name}_N][{name}_N]) {{
  for (int t = 0; t < {steps}; t++) {{
    for (int i = 1; i < {name}_N - 1; i++)
      for (int j = 1; j < {name}_N - 1; j++)
        B[i][j] = 0.2{lit} * (A[i][j] + A[i][j - 1] + A[i][j + 1] + A[i + 1][j] + A[i - 1][j]);
    for (int i = 1; i < {name}_N - 1; i++)
      for (int j = 1; j < {name}_N - 1; j++)
        A[i][j] = 0.2{lit} * (B[i][j] + B[i][j - 1] + B[i][j + 1] + B[i + 1][j] + B[i - 1][j]);
  }}
}}
"""


def popcount(k, rng):
    ty, bits = rng.choice([("uint16_t", 16), ("uint32_t", 32), ("uint64_t", 64)])
    n = rng.randint(4, 64)
    name = f"popcount_{ty.replace('_t', '')}_{n}_n{k}"
    if rng.random() < 0.5:
        inner = f"""    {ty} x = A[i];
    int c = 0;
    while (x != 0) {{
      x &= ({ty})(x - 1);
      c++;
    }}"""
    else:
        inner = f"""    {ty} x = A[i];
    int c = 0;
    for (int b = 0; b < {bits}; b++)
      c += (int)((x >> b) & 1u);"""
    return f"""[[allo::kernel]] int {name}(const {ty} A[{n}], int counts[{n}]) {{
  int total = 0;
  for (int i = 0; i < {n}; i++) {{
{inner}
    counts[i] = c;
    total += c;
  }}
  return total;
}}
"""


def crc(k, rng):
    n = rng.randint(8, 128)
    if rng.random() < 0.6:
        poly = rng.choice(["0xEDB88320u", "0x82F63B78u", "0xEB31D82Eu"])
        name = f"crc32_{n}_n{k}"
        return f"""[[allo::kernel]] uint32_t {name}(const uint8_t data[{n}]) {{
  uint32_t crc = 0xFFFFFFFFu;
  for (int i = 0; i < {n}; i++) {{
    crc ^= data[i];
    for (int b = 0; b < 8; b++) {{
      if (crc & 1u)
        crc = (crc >> 1) ^ {poly};
      else
        crc >>= 1;
    }}
  }}
  return ~crc;
}}
"""
    poly = rng.choice(["0x1021u", "0x8005u", "0x3D65u"])
    name = f"crc16_{n}_n{k}"
    return f"""[[allo::kernel]] uint16_t {name}(const uint8_t data[{n}]) {{
  uint16_t crc = 0xFFFFu;
  for (int i = 0; i < {n}; i++) {{
    crc = (uint16_t)(crc ^ ((unsigned)data[i] << 8));
    for (int b = 0; b < 8; b++)
      crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ {poly}) : (uint16_t)(crc << 1);
  }}
  return crc;
}}
"""


def search(k, rng):
    ty = rng.choice(["int", "int16_t", "int64_t", "uint8_t"])
    n = rng.randint(8, 96)
    name = f"search_{ty.replace('_t', '')}_{n}_n{k}"
    if rng.random() < 0.5:
        return f"""[[allo::kernel]] int {name}(const {ty} A[{n}], {ty} key) {{
  for (int i = 0; i < {n}; i++)
    if (A[i] == key)
      return i;
  return -1;
}}
"""
    return f"""[[allo::kernel]] int {name}(const {ty} A[{n}], {ty} key, int found[1]) {{
  int i = 0;
  found[0] = 0;
  while (i < {n} && A[i] != key)
    i++;
  if (i == {n})
    return -1;
  found[0] = 1;
  for (int j = i + 1; j < {n}; j++) {{
    if (A[j] == key)
      break;
    if (A[j] < key)
      continue;
    found[0]++;
  }}
  return i;
}}
"""


def triangular(k, rng):
    ty, zero = rng.choice([("float", "0.0f"), ("double", "0.0")])
    n = rng.randint(4, 20)
    name_base = f"{ty}_{n}_n{k}"
    if rng.random() < 0.5:
        m = rng.randint(4, 16)
        name = f"syrk_{name_base}"
        return f"""[[allo::kernel]] void {name}({ty} alpha, const {ty} A[{n}][{m}], {ty} C[{n}][{n}]) {{
  for (int i = 0; i < {n}; i++)
    for (int k = 0; k < {m}; k++)
      for (int j = 0; j <= i; j++)
        C[i][j] += alpha * A[i][k] * A[j][k];
}}
"""
    name = f"trisolv_{name_base}"
    return f"""[[allo::kernel]] void {name}(const {ty} L[{n}][{n}], const {ty} b[{n}], {ty} x[{n}]) {{
  for (int i = 0; i < {n}; i++) {{
    {ty} acc = b[i];
    for (int j = 0; j < i; j++)
      acc -= L[i][j] * x[j];
    x[i] = acc / (2 + std::fabs(L[i][i]));
  }}
}}
"""


def decreasing(k, rng):
    ty = rng.choice(["int", "int64_t", "float"])
    n = rng.randint(6, 80)
    step = rng.choice([1, 2, 3])
    name = f"decr_{ty.replace('_t', '')}_{n}_s{step}_n{k}"
    dec = "i--" if step == 1 else f"i -= {step}"
    return f"""[[allo::kernel]] {ty} {name}(const {ty} A[{n}], {ty} S[{n}]) {{
  {ty} acc = 0;
  for (int i = {n - 1}; i >= 0; {dec}) {{
    acc += A[i];
    S[i] = acc;
  }}
  for (int i = {n}; i > 1; i--)
    S[i - 1] = std::max(S[i - 1], S[i - 2]);
  return acc;
}}
"""


DOT_TEMPLATE = """template <typename T, int S> T bench_dot(const T a[S], const T b[S]) {
  T acc = 0;
  for (int i = 0; i < S; i++)
    acc += a[i] * b[i];
  return acc;
}
"""


def template_dot(k, rng):
    ty = rng.choice(["int", "int64_t", "float", "double"])
    n = rng.randint(4, 64)
    r = rng.randint(2, 8)
    name = f"tdot_{ty.replace('_t', '')}_{r}x{n}_n{k}"
    return f"""[[allo::kernel]] {ty} {name}(const {ty} a[{n}], const {ty} b[{n}], const {ty} M[{r}][{n}], {ty} y[{r}]) {{
  {ty} row[{n}];
  for (int i = 0; i < {r}; i++) {{
    for (int j = 0; j < {n}; j++)
      row[j] = M[i][j];
    y[i] = bench_dot<{ty}, {n}>(row, b);
  }}
  return bench_dot<{ty}, {n}>(a, b);
}}
"""


GCD_TEMPLATE = """template <typename T> T bench_gcd(T a, T b) {
  while (b != 0) {
    T t = a % b;
    a = b;
    b = t;
  }
  return a;
}
"""


def gcd(k, rng):
    ty = rng.choice(["unsigned", "uint64_t", "uint16_t"])
    n = rng.randint(4, 48)
    name = f"gcd_{ty.replace('_t', '')}_{n}_n{k}"
    return f"""[[allo::kernel]] void {name}(const {ty} A[{n}], const {ty} B[{n}], {ty} G[{n}]) {{
  for (int i = 0; i < {n}; i++) {{
    if (A[i] == 0 && B[i] == 0) {{
      G[i] = 0;
      continue;
    }}
    G[i] = bench_gcd<{ty}>(A[i], B[i]);
  }}
}}
"""


GENERATORS = [gemm, conv2d, jacobi, popcount, crc, search, triangular, decreasing, template_dot, gcd]


def generate(num_kernels, seed):
    rng = random.Random(seed)
    parts = [
        f"// Generated by scripts/gen_bench_tu.py --kernels {num_kernels} --seed {seed}; do not edit.\n"
        "#include <allo/allo.h>\n#include <algorithm>\n#include <cmath>\n#include <cstdint>\n",
        DOT_TEMPLATE,
        GCD_TEMPLATE,
    ]
    for k in range(num_kernels):
        parts.append(GENERATORS[k % len(GENERATORS)](k, rng))
    return "\n".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="output .cpp file")
    ap.add_argument("--kernels", type=int, default=200, help="number of kernels (default: 200)")
    ap.add_argument("--seed", type=int, default=0, help="random seed for sizes/types (default: 0)")
    args = ap.parse_args(argv)
    if args.kernels < 1:
        ap.error("--kernels must be at least 1")
    with open(args.out, "w") as f:
        f.write(generate(args.kernels, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
