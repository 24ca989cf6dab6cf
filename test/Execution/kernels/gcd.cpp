// Euclid's gcd with a data-dependent while loop (incl. zero operands), binary gcd with shifts, and lcm
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int N = 32;

int gcd_euclid(int a, int b) {
  while (b != 0) {
    int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

[[allo::kernel]] void gcd(const int A[N], const int B[N], int G[N], unsigned BG[N], int L[N]) {
  for (int i = 0; i < N; i++) {
    int a = std::abs(A[i]);
    int b = std::abs(B[i]);
    int g = gcd_euclid(a, b);
    G[i] = g;
    L[i] = g == 0 ? 0 : a / g * b;

    // Binary (Stein) gcd on unsigned values.
    unsigned x = (unsigned)a;
    unsigned y = (unsigned)b;
    unsigned shift = 0;
    if (x == 0u) {
      BG[i] = y;
      continue;
    }
    if (y == 0u) {
      BG[i] = x;
      continue;
    }
    while (((x | y) & 1u) == 0u) {
      x >>= 1;
      y >>= 1;
      shift++;
    }
    while ((x & 1u) == 0u)
      x >>= 1;
    do {
      while ((y & 1u) == 0u)
        y >>= 1;
      if (x > y) {
        unsigned t = x;
        x = y;
        y = t;
      }
      y = y - x;
    } while (y != 0u);
    BG[i] = x << shift;
  }
}
ALLO_DIFFTEST(gcd)
