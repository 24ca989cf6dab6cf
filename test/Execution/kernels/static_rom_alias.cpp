// `static const` ROMs whose element types are typedef'd (ap_fixed, ap_int,
// a plain alias): the emitted table names the alias, so it is declared.
// Found by scripts/fuzz-diff.py (the alias of a table was not declared).
#include "DiffTest.h"
#include <allo/allo.h>
#include <ap_fixed.h>
#include <ap_int.h>

typedef ap_fixed<21, 10, AP_RND_MIN_INF, AP_WRAP> coef_t;
using tap_t = ap_int<10>;
typedef short idx_t;

void static_rom_alias(const int in[8], coef_t out[8]) {
  static const coef_t COEF[4] = {6, 10.625, -5.125, -21.5};
  static const tap_t TAPS[3] = {-3, 7, 100};
  static const idx_t PERM[4] = {3, 0, 2, 1};
  int i;
  for (i = 0; i < 8; i++)
    out[i] = COEF[PERM[i % 4]] * (in[i] & 31) + TAPS[i % 3];
}
ALLO_DIFFTEST(static_rom_alias)
