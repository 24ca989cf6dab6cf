// relay of a pointer (m_axi) parameter of typedef'd ap_fixed: the FIFOs carry
// the pointee type, not the pointer. Found by scripts/fuzz-diff.py (CI slice).
#include "DiffTest.h"
#include <ap_fixed.h>

typedef ap_fixed<12, 4, AP_RND_ZERO, AP_SAT_SYM> fix_t;

void sched_relay_ptr(const fix_t *A, fix_t B[4]) {
#pragma HLS interface m_axi port=A depth=8
  for (int i = 0; i < 4; i++)
    B[i] = A[i] + A[i + 4];
}
ALLO_DIFFTEST_RANGE(sched_relay_ptr, -7, 7)
