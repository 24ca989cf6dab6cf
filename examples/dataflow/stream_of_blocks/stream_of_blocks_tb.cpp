#include <cstdio>

constexpr int T = 4, NT = 6;
void top(const float in[NT][T][T], float out[NT][T][T]);

int main() {
  float in[NT][T][T], out[NT][T][T];
  for (int t = 0; t < NT; t++)
    for (int i = 0; i < T; i++)
      for (int j = 0; j < T; j++)
        in[t][i][j] = t * 100 + i * 10 + j + 0.25f;
  top(in, out);
  int bad = 0;
  for (int t = 0; t < NT; t++)
    for (int i = 0; i < T; i++)
      for (int j = 0; j < T; j++)
        bad += out[t][j][i] != in[t][i][j] * 2.0f;
  std::printf("stream_of_blocks: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
