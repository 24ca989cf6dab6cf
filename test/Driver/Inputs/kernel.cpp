#include <allo/allo.h>
#ifndef SIZE
#define SIZE 16
#endif
[[allo::kernel]] void kernel(int A[SIZE]) {
  for (int i = 0; i < SIZE; i++)
    A[i] = A[i] * 2;
}
