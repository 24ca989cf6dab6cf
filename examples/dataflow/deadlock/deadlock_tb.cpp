#include <cstdio>
void top(int out[8]);
int main() {
  int out[8];
  top(out);
  int bad = 0;
  for (int i = 0; i < 8; i++)
    bad += out[i] != 100 + i;
  std::printf("deadlock: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
