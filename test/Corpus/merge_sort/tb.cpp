#include <cstdio>

#define SIZE 64
void ms_mergesort(int a[SIZE]);

int main() {
  int a[SIZE];
  for (int t = 0; t < 3; t++) {
    unsigned s = 99 + t;
    for (int i = 0; i < SIZE; i++) {
      s = s * 1103515245u + 12345u;
      a[i] = t == 2 ? SIZE - i : (int)(s >> 8) % 1000 - 500;
    }
    ms_mergesort(a);
    printf("test %d:", t);
    for (int i = 0; i < SIZE; i++)
      printf(" %d", a[i]);
    printf("\n");
  }
  return 0;
}
