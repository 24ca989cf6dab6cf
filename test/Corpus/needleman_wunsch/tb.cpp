#include <cstdio>

#define ALEN 24
#define BLEN 20
int needwun(const char SEQA[ALEN], const char SEQB[BLEN], char alignedA[ALEN + BLEN],
            char alignedB[ALEN + BLEN], int M[(ALEN + 1) * (BLEN + 1)],
            char ptr[(ALEN + 1) * (BLEN + 1)]);

int main() {
  const char *pairs[3][2] = {
      {"GATTACACCTGAGTTCAGGATCCA", "GCATGCUACCGGATTTACAG"},
      {"AAAAAAAAAAAAAAAAAAAAAAAA", "TTTTTTTTTTTTTTTTTTTT"},
      {"ACGTACGTACGTACGTACGTACGT", "ACGTACGTTACGTACGTACG"},
  };
  static int M[(ALEN + 1) * (BLEN + 1)];
  static char ptr[(ALEN + 1) * (BLEN + 1)];
  char a[ALEN], b[BLEN], outA[ALEN + BLEN + 1], outB[ALEN + BLEN + 1];
  for (int t = 0; t < 3; t++) {
    for (int i = 0; i < ALEN; i++) a[i] = pairs[t][0][i];
    for (int i = 0; i < BLEN; i++) b[i] = pairs[t][1][i];
    int len = needwun(a, b, outA, outB, M, ptr);
    outA[ALEN + BLEN] = outB[ALEN + BLEN] = 0;
    printf("pair %d len %d score %d\n  %s\n  %s\n", t, len, M[(ALEN + 1) * (BLEN + 1) - 1], outA, outB);
  }
  return 0;
}
