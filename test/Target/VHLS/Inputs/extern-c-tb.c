/* A C testbench for ../extern-c.cpp: it can only link with a kernel that has
   C language linkage. */
#include <stdio.h>
void vadd(const int a[16], const int b[16], int c[16], int n);
int scale(int x);
int main(void) {
  int a[16], b[16], c[16];
  for (int i = 0; i < 16; i++) {
    a[i] = i * 3 - 7;
    b[i] = 100 - i * i;
  }
  vadd(a, b, c, 11);
  for (int i = 0; i < 16; i++)
    printf("%d ", c[i]);
  printf("%d\n", scale(21));
  return 0;
}
