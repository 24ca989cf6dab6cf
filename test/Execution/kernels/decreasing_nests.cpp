// Decreasing loops nested in decreasing loops (starts and bounds depending on the enclosing
// loop's variable, steps 1, 2 and 3, mixed with increasing loops) and negations of negations.
// Regression for repros 01 (inner start printed from the normalised counter) and 02 (-(-x)
// printed as --x).
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void decreasing_nests(int A[12][12][12], int B[12], float F[12]) {
  for (int j = 11; j > 1; j -= 2)
    for (int i = j; i >= 0; i--)
      for (int k = (i + j / 2) % 12; k > i - 1 && k >= 0; k -= 3) {
        A[j][i][k] += j - i + k;
        if (k < 12)
          B[k] += -(-(A[j][i][k] | 3));
      }
  for (int j = 0; j < 10; j++)
    for (int i = 10 - j; i >= j / 2; i--)
      for (int k = i; k >= 1; k--)
        A[j][i][k] -= -k;
  for (int j = 9; j >= 0; j--)
    for (int i = j; i >= 0; i--)
      for (int k = i + j; k >= i; k--)
        A[j][k - i][i] += -(-(-k));
  for (int i = 11; i >= 0; i--)
    F[i] = -(-F[i]) * 0.5f - -(float)B[i];
}
ALLO_DIFFTEST(decreasing_nests)
