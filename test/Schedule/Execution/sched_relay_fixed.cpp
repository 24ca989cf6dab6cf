// relay of an ap_fixed array: the FIFOs carry ap_fixed values (the raised
// code their raw bits). Found by scripts/fuzz-diff.py.
#include "DiffTest.h"
#include <ap_fixed.h>

void sched_relay_fixed(const ap_fixed<27, 11, AP_TRN, AP_SAT_SYM> C[10], ap_fixed<32, 26> B[10]) {
  int i;
  for (i = 1; i < 9; i++)
    B[i] = C[i] * 2 + C[i + 1] * 2;
}
ALLO_DIFFTEST_RANGE(sched_relay_fixed, -1000, 1000)
