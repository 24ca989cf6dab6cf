// char arithmetic: mapping bytes to letters, Caesar shift with modulo, case conversion by ranges, digit counting
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 32;

[[allo::kernel]] int char_arith(const char s[N], char shift, char letters[N], char upper[N], char caesar[N]) {
  int digits = 0;
  int k = ((int)shift % 26 + 26) % 26;  // shift may be negative
  for (int i = 0; i < N; i++) {
    unsigned char byte = (unsigned char)s[i];
    char c = (char)('a' + byte % 26u);
    if (s[i] < 0)
      c = (char)('A' + (-s[i]) % 26);
    letters[i] = c;

    char up = c;
    if (up >= 'a' && up <= 'z')
      up = (char)(up - 'a' + 'A');
    upper[i] = up;

    if (c >= 'a' && c <= 'z')
      caesar[i] = (char)('a' + (c - 'a' + k) % 26);
    else
      caesar[i] = (char)('A' + (c - 'A' + k) % 26);

    char d = (char)('0' + byte % 16u);
    if (d >= '0' && d <= '9')
      digits++;
  }
  return digits;
}
ALLO_DIFFTEST(char_arith)
