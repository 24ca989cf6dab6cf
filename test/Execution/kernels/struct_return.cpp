// A top that returns a struct (one result per field in the raised IR, a
// braced value in the emitted code) and takes one by value, a struct
// pointer used only as `p->f` (one struct), and a struct local copied,
// compared and returned through helpers.
#include <cstdint>
#include "DiffTest.h"

struct Range {
  int32_t lo, hi;
  bool valid;
};
struct Point {
  int16_t x, y;
};

static Range widen(Range r, int32_t v) {
  if (!r.valid)
    return Range{v, v, true};
  if (v < r.lo)
    r.lo = v;
  if (v > r.hi)
    r.hi = v;
  return r;
}

static int32_t dist2(Point a, Point b) {
  int32_t dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy;
}

Range struct_return(const int32_t v[8], Point origin, Point *best, Range init) {
  Range r = init;
  r.valid = false;
  Point cur = origin;
  int32_t bestD = -1;
  for (int i = 0; i < 8; i++) {
    r = widen(r, v[i]);
    cur.x += v[i] & 7;
    cur.y -= v[i] >> 3;
    int32_t d = dist2(cur, origin);
    if (d > bestD) {
      bestD = d;
      best->x = cur.x;
      best->y = cur.y;
    }
  }
  if (bestD > 100)
    return Range{bestD, init.hi, init.valid};
  return r;
}

ALLO_DIFFTEST(struct_return)
