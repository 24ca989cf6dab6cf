// User macros with the short names of HLS code, defined before the csim
// headers are included (as Vitis's headers allow): the types still work.
// (GoogleTest itself is not macro-proof, so it comes first.)
#include <gtest/gtest.h>

#define N 20
#define W 16
#define I 8
#define T float
#define Q 3
#define O 2
#define S 1
#define D 7
#define DEPTH 4
#define SIZE 64
#define B 5
#define A 6

#include <ap_axi_sdata.h>
#include <ap_fixed.h>
#include <ap_int.h>
#include <hls_math.h>
#include <hls_stream.h>
#include <hls_streamofblocks.h>
#include <hls_vector.h>

TEST(CsimMacroNames, TypesWorkWithUserMacros) {
  ap_int<W> a = -3;        // ap_int<16>
  ap_uint<N> b = 1000;     // ap_uint<20>
  ap_fixed<W, I> f = 1.25; // ap_fixed<16, 8>
  EXPECT_EQ((a * b).to_int(), -3000);
  EXPECT_EQ(f.to_double() * 2, 2.5);
  hls::stream<T, DEPTH> s;  // hls::stream<float, 4>
  hls::stream<T> &base = s; // converts to hls::stream<float> &
  base.write(2.0f);
  EXPECT_EQ(s.read(), 2.0f);
  hls::vector<T, D> v(1.0f);
  EXPECT_EQ(hls::reduce_add(v), 7.0f);
  EXPECT_EQ(hls::sqrt(T(SIZE)), 8.0f);
}
