#include <allo/allo.h>
void k(int a[4]) {
  for (int i = 0; i < 4; i++)
    a[i] += 1;
}
