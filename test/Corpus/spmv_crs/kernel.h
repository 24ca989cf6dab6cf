#ifndef SPMV_CRS_H
#define SPMV_CRS_H

#define NNZ 160
#define N 32
typedef double TYPE;

extern "C" void spmv(const TYPE *val, const int *cols, const int *rowDelimiters, const TYPE *vec,
                     TYPE *out);
#endif
