// MachSuite style: scalars declared at the top of the function and written
// before they are read in each iteration (`TYPE temp; … temp = 0;`), a
// parameter reused as a loop variable, a loop variable continued by a while
// loop, a loop whose body writes its variable (not counted), an unsigned char
// counter, and a loop nest whose inner loop reuses the outer one's variable
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

#define ROWS 6
#define COLS 5

[[allo::kernel]] int machsuite_style(int n, const int M[ROWS][COLS], const int vec[COLS],
                                     int out[ROWS], int hist[8]) {
  int r, c, temp, Si;
  // spmv/ellpack-like: temp written before it is read in every row
  for (r = 0; r < ROWS; r++) {
    temp = 0;
    for (c = 0; c < COLS; c++) {
      Si = M[r][c] * vec[c];
      temp += Si;
    }
    out[r] = temp;
  }
  // the parameter n as a loop variable, read after the loop
  for (n = n & 7; n < 8; n++)
    hist[n] += temp;
  int res = n;
  // a counted loop continued by a while loop on the same variable
  for (r = 0; r < 3; r++)
    hist[r] += r;
  while (r < 20)
    r += out[r % ROWS] > 0 ? 3 : 5;
  res += r;
  // the body writes the variable: a while loop
  for (c = 0; c < COLS; c++)
    if (vec[c] > 50)
      c++;
  res += c * 10;
  // an unsigned char counter: its final value
  unsigned char u;
  for (u = 0; u < 200; u += 7)
    hist[u & 7] += 1;
  res += u;
  // the inner loop reuses the outer variable (it leaves r >= 2, so the outer
  // loop runs once)
  for (r = 0; r < 3; r++) {
    for (r = 0; r < 2 + (hist[0] & 3); r++)
      hist[r] ^= 1;
    res += r;
  }
  return res + r;
}
ALLO_DIFFTEST_RANGE(machsuite_style, -60, 60)
