#include <cstdio>

constexpr int S = 8;
void top(const int A[S][S], int B[S][S], int C[S][S]);

int main() {
  int A[S][S], B[S][S], C[S][S];
  for (int i = 0; i < S; i++)
    for (int j = 0; j < S; j++)
      A[i][j] = i * 10 - j * 3;
  top(A, B, C);
  int bad = 0;
  for (int i = 0; i < S; i++)
    for (int j = 0; j < S; j++) {
      bad += B[i][j] != A[i][j] * 3 + i / 4 - j / 4;
      bad += C[i][j] != A[i][j] * 5 + i / 2 - j / 2;
    }
  std::printf("hierarchical: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
