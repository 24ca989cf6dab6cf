// MachSuite kmp: Knuth-Morris-Pratt string search. The failure table is
// built with a while loop nested in a for loop, the matcher counts matches;
// int32_t arrays of one element as outputs, as in the original (with the
// fall-back indices of the textbook algorithm).
#include <stdint.h>

#define PATTERN_SIZE 4
#define STRING_SIZE 128

void CPF(const char pattern[PATTERN_SIZE], int32_t kmpNext[PATTERN_SIZE]) {
  int32_t k, q;
  k = 0;
  kmpNext[0] = 0;

c1:
  for (q = 1; q < PATTERN_SIZE; q++) {
  c2:
    while (k > 0 && pattern[k] != pattern[q]) {
      k = kmpNext[k - 1];
    }
    if (pattern[k] == pattern[q]) {
      k++;
    }
    kmpNext[q] = k;
  }
}

int kmp(const char pattern[PATTERN_SIZE], const char input[STRING_SIZE],
        int32_t kmpNext[PATTERN_SIZE], int32_t n_matches[1]) {
  int32_t i, q;
  n_matches[0] = 0;

  CPF(pattern, kmpNext);

  q = 0;
k1:
  for (i = 0; i < STRING_SIZE; i++) {
  k2:
    while (q > 0 && pattern[q] != input[i]) {
      q = kmpNext[q - 1];
    }
    if (pattern[q] == input[i]) {
      q++;
    }
    if (q >= PATTERN_SIZE) {
      n_matches[0]++;
      q = kmpNext[q - 1];
    }
  }
  return 0;
}
