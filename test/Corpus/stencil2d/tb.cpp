#include <cstdio>

#define row_size 32
#define col_size 24
#define f_size 9
typedef int TYPE;
void stencil(TYPE orig[row_size][col_size], TYPE sol[row_size][col_size], TYPE filter[f_size]);

int main() {
  static TYPE orig[row_size][col_size], sol[row_size][col_size];
  TYPE filter[f_size] = {1, -2, 1, 3, 100, -3, 1, 2, 1};
  for (int r = 0; r < row_size; r++)
    for (int c = 0; c < col_size; c++) {
      orig[r][c] = (r * 1237 + c * 7919) % 20001 - 10000;
      sol[r][c] = -1;
    }
  stencil(orig, sol, filter);
  for (int r = 0; r < row_size; r++) {
    for (int c = 0; c < col_size; c++)
      printf("%d ", sol[r][c]);
    printf("\n");
  }
  return 0;
}
