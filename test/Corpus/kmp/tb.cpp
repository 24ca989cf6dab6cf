#include <cstdio>
#include <stdint.h>

#define PATTERN_SIZE 4
#define STRING_SIZE 128
int kmp(const char pattern[PATTERN_SIZE], const char input[STRING_SIZE],
        int32_t kmpNext[PATTERN_SIZE], int32_t n_matches[1]);

int main() {
  const char *patterns[3] = {"abab", "aaaa", "bbab"};
  char input[STRING_SIZE];
  for (int i = 0; i < STRING_SIZE; i++)
    input[i] = i % 11 ? "ab"[((i * 13) / 7 + (i % 5 == 0)) % 2] : 'c';
  for (int i = 40; i < 60; i++)
    input[i] = 'a';
  for (int t = 0; t < 3; t++) {
    int32_t next[PATTERN_SIZE], n[1];
    kmp(patterns[t], input, next, n);
    printf("pattern %s: %d matches, next %d %d %d %d\n", patterns[t], n[0], next[0], next[1],
           next[2], next[3]);
  }
  return 0;
}
