// reuse_at beyond one loop level and unit strides, written as Allo's tests and HLS
// kernels write them: a 3-D blur whose reads sit in the channel loop under the column
// loop (blur_x_y_3D: a line buffer at y, then a window at x on it), a 3x3 convolution
// with its taps as reduction loops (reuse_and_partition), the same with stride 2
// (conv2D_lb_wb_stride_2), an average pool over N, C, H, W with 2x2 taps, a strided 1-D
// window read directly in the loop, and a packed binary convolution on bytes taken as
// ap_uint<8> (test_packed_bconv2D_nchw; the difftest harness passes plain C arrays).
#include <allo/allo.h>
#include <ap_int.h>
#include "DiffTest.h"

#define H 10
#define W 10
#define CH 2

[[allo::kernel]] void sched_reuse_general(const int A[H][W][CH], int B[H - 2][W - 2][CH],
                                          const int X[H][W], const int F[3][3], int Y[H - 2][W - 2],
                                          int Z[4][4], const float P[2][3][6][6], float Q[2][3][5][5],
                                          const int S[21], int T[9], const unsigned char PA[2][2][6][6],
                                          const unsigned char PF[3][2][3][3], int PB[2][3][4][4]) {
blur_y:
  for (int y = 0; y < H - 2; y++)
  blur_x:
    for (int x = 0; x < W - 2; x++)
    blur_c:
      for (int c = 0; c < CH; c++)
        B[y][x][c] = A[y][x][c] + A[y + 1][x + 1][c] + A[y + 2][x + 2][c];

conv_y:
  for (int y = 0; y < H - 2; y++)
  conv_x:
    for (int x = 0; x < W - 2; x++) {
      int v = 0;
    conv_r:
      for (int r = 0; r < 3; r++)
      conv_c:
        for (int c = 0; c < 3; c++)
          v += X[y + r][x + c] * F[r][c];
      Y[y][x] = v;
    }

s2_y:
  for (int y = 0; y < 4; y++)
  s2_x:
    for (int x = 0; x < 4; x++) {
      int v = 0;
    s2_r:
      for (int r = 0; r < 3; r++)
      s2_c:
        for (int c = 0; c < 3; c++)
          v += X[y * 2 + r][x * 2 + c];
      Z[y][x] = v;
    }

pool_n:
  for (int n = 0; n < 2; n++)
  pool_c:
    for (int c = 0; c < 3; c++)
    pool_h:
      for (int h = 0; h < 5; h++)
      pool_w:
        for (int w = 0; w < 5; w++) {
          float v = 0.0f;
        pool_rh:
          for (int rh = 0; rh < 2; rh++)
          pool_rw:
            for (int rw = 0; rw < 2; rw++)
              v += P[n][c][h + rh][w + rw];
          Q[n][c][h][w] = v / 4.0f;
        }

stride:
  for (int i = 0; i < 9; i++)
    T[i] = S[2 * i] - 2 * S[2 * i + 1] + S[2 * i + 2] + S[2 * i + 3];

bconv_n:
  for (int n = 0; n < 2; n++)
  bconv_o:
    for (int o = 0; o < 3; o++)
    bconv_h:
      for (int h = 0; h < 4; h++)
      bconv_w:
        for (int w = 0; w < 4; w++) {
          int v = 0;
        bconv_rc:
          for (int rc = 0; rc < 2; rc++)
          bconv_rh:
            for (int rh = 0; rh < 3; rh++)
            bconv_rw:
              for (int rw = 0; rw < 3; rw++) {
                ap_uint<8> x = ap_uint<8>(PA[n][rc][h + rh][w + rw]) ^ ap_uint<8>(PF[o][rc][rh][rw]);
                for (int rb = 0; rb < 8; rb++)
                  v += x[rb];
              }
          PB[n][o][h][w] = 2 * 8 * 3 * 3 - (v << 1);
        }
}
ALLO_DIFFTEST(sched_reuse_general)
