// Testbench for statics.cpp: the state of the kernel persists across calls.
#include <cstdio>
int top(int x);
int main() {
  for (int i = 0; i < 12; i++)
    printf("%d ", top(i * 37 % 23 - 11));
  printf("\n");
}
