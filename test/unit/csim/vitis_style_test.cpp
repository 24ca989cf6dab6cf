//===- vitis_style_test.cpp - Typical Vitis HLS kernel code under csim ---===//
//
// Small kernels written the way Vitis HLS designs are usually written, to
// make sure the usual idioms compile (bare-name includes, implicit
// conversions, packing with range(), streams between dataflow stages) and
// compute the right results.
//
//===----------------------------------------------------------------------===//

#include <ap_axi_sdata.h>
#include <ap_fixed.h>
#include <ap_int.h>
#include <hls_math.h>
#include <hls_stream.h>
#include <hls_vector.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace {

//===--- FIR filter with fixed-point data --------------------------------===//

typedef ap_fixed<16, 4> coef_t;
typedef ap_fixed<16, 6> data_t;
typedef ap_fixed<40, 12> acc_t;
constexpr int kTaps = 8;

void fir(data_t *y, data_t x, data_t shift_reg[kTaps], const coef_t c[kTaps]) {
  acc_t acc = 0;
  for (int i = kTaps - 1; i >= 0; i--) {
    if (i == 0) {
      shift_reg[0] = x;
    } else {
      shift_reg[i] = shift_reg[i - 1];
    }
    acc += shift_reg[i] * c[i];
  }
  *y = acc;
}

TEST(VitisStyle, FixedPointFirMatchesDoubleReference) {
  const double cd[kTaps] = {0.125, -0.25, 0.5, 0.75, 0.75, 0.5, -0.25, 0.125};
  coef_t c[kTaps];
  for (int i = 0; i < kTaps; ++i)
    c[i] = cd[i];
  data_t reg[kTaps] = {};
  double dreg[kTaps] = {};
  for (int n = 0; n < 200; ++n) {
    const double xin = std::sin(n * 0.3) * 3.0;
    const data_t x = xin;
    data_t y;
    fir(&y, x, reg, c);
    // Reference: same quantized input, exact products, final truncation.
    for (int i = kTaps - 1; i > 0; --i)
      dreg[i] = dreg[i - 1];
    dreg[0] = x.to_double();
    double acc = 0;
    for (int i = 0; i < kTaps; ++i)
      acc += dreg[i] * cd[i];
    EXPECT_EQ(y.to_double(), std::floor(acc * 1024) / 1024) << n;
  }
}

//===--- wide-word packing -------------------------------------------------===//

void vadd_packed(const ap_uint<512> *in1, const ap_uint<512> *in2, ap_uint<512> *out, int words) {
  for (int w = 0; w < words; w++) {
    ap_uint<512> a = in1[w], b = in2[w], r;
    for (int i = 0; i < 16; i++) {
      ap_uint<32> x = a.range(i * 32 + 31, i * 32);
      ap_uint<32> y = b.range(i * 32 + 31, i * 32);
      r.range(i * 32 + 31, i * 32) = x + y;
    }
    out[w] = r;
  }
}

TEST(VitisStyle, PackedVectorAdd) {
  std::vector<unsigned> a(64), b(64);
  for (int i = 0; i < 64; ++i) {
    a[i] = 0xfffffff0u + (unsigned)i * 7;
    b[i] = (unsigned)i * 1000003u;
  }
  ap_uint<512> in1[4], in2[4], out[4];
  for (int i = 0; i < 64; ++i) {
    in1[i / 16].range((i % 16) * 32 + 31, (i % 16) * 32) = a[i];
    in2[i / 16].range((i % 16) * 32 + 31, (i % 16) * 32) = b[i];
  }
  vadd_packed(in1, in2, out, 4);
  for (int i = 0; i < 64; ++i) {
    const unsigned got = out[i / 16].range((i % 16) * 32 + 31, (i % 16) * 32);
    EXPECT_EQ(got, a[i] + b[i]) << i; // 32-bit wrap-around like unsigned
  }
}

//===--- dataflow with streams ---------------------------------------------===//

struct pixel_t {
  ap_uint<8> r, g, b;
};

void read_in(const int *src, hls::stream<pixel_t> &out, int n) {
  for (int i = 0; i < n; i++) {
    pixel_t p;
    p.r = src[i] & 0xff;
    p.g = (src[i] >> 8) & 0xff;
    p.b = (src[i] >> 16) & 0xff;
    out.write(p);
  }
}

void to_gray(hls::stream<pixel_t> &in, hls::stream<ap_uint<8>> &out, int n) {
  for (int i = 0; i < n; i++) {
    pixel_t p = in.read();
    // 0.299 R + 0.587 G + 0.114 B in Q8 fixed point
    ap_uint<18> sum = p.r * 77 + p.g * 150 + p.b * 29;
    out << ap_uint<8>(sum >> 8);
  }
}

void write_out(hls::stream<ap_uint<8>> &in, unsigned char *dst, int n) {
  for (int i = 0; i < n; i++) {
    ap_uint<8> v;
    in >> v;
    dst[i] = v;
  }
}

TEST(VitisStyle, DataflowPipelineThroughStreams) {
  const int n = 100;
  std::vector<int> src(n);
  for (int i = 0; i < n; ++i)
    src[i] = (i * 2654435761u) & 0xffffff;
  std::vector<unsigned char> dst(n);
  hls::stream<pixel_t> s1("s1");
  hls::stream<ap_uint<8>> s2("s2");
  read_in(src.data(), s1, n);
  to_gray(s1, s2, n);
  write_out(s2, dst.data(), n);
  EXPECT_TRUE(s1.empty());
  EXPECT_TRUE(s2.empty());
  for (int i = 0; i < n; ++i) {
    const int r = src[i] & 0xff, g = (src[i] >> 8) & 0xff, b = (src[i] >> 16) & 0xff;
    EXPECT_EQ(dst[i], (r * 77 + g * 150 + b * 29) >> 8) << i;
  }
}

//===--- assorted idioms -----------------------------------------------------===//

template <int W> ap_uint<8> popcount(ap_uint<W> x) {
  ap_uint<8> c = 0;
  for (int i = 0; i < W; i++)
    c += x[i];
  return c;
}

enum Op { OP_ADD = 1, OP_SUB = 2 };

TEST(VitisStyle, CommonIdiomsCompileAndWork) {
  ap_uint<8> arr[4] = {1, 2, 3, 250};
  ap_uint<16> total = 0;
  for (ap_uint<3> i = 0; i < 4; i++)
    total += arr[i];
  EXPECT_EQ(total, 256);

  EXPECT_EQ(popcount(ap_uint<12>(0xabc)), 7);
  EXPECT_EQ(popcount<9>(arr[3] + arr[3]), 6); // 500 = 0b111110100

  ap_int<8> a = -5, b = 3;
  ap_int<8> lo = std::min(a, b), hi = std::max(a, b);
  EXPECT_EQ(lo, -5);
  EXPECT_EQ(hi, 3);
  ap_int<8> sel = (a > b) ? a : b;
  EXPECT_EQ(sel, 3);
  EXPECT_EQ(std::abs(a), 5); // via the implicit conversion

  ap_uint<4> op = OP_SUB;
  int res = 0;
  if (op == OP_ADD)
    res = a + b;
  else if (op == OP_SUB)
    res = a - b;
  EXPECT_EQ(res, -8);

  std::vector<ap_int<12>> v = {5, -3, 100, -2000, 7};
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v.front(), -2000);
  EXPECT_EQ(v.back(), 100);
  std::map<ap_uint<40>, int> m;
  m[ap_uint<40>(1) << 39] = 1;
  m[3] = 2;
  EXPECT_EQ(m.begin()->second, 2);

  char buf[64];
  std::snprintf(buf, sizeof buf, "%d %u %lld", a.to_int(), arr[3].to_uint(), (long long)(a * b));
  EXPECT_STREQ(buf, "-5 250 -15");

  const bool bit = arr[3][1];
  EXPECT_TRUE(bit);
  ap_uint<8> flipped = ~arr[3];
  EXPECT_EQ(flipped, 5);

  data_t x = 1.5;
  if (x > 0.5 && x < 2)
    x = x * 2;
  EXPECT_EQ(x, 3);
  data_t r = hls::sqrt(data_t(2.25));
  EXPECT_EQ(r.to_double(), 1.5);
  float f = x; // implicit conversion through double
  EXPECT_EQ(f, 3.0f);
  data_t half = x * 0.5; // double arithmetic, quantized on assignment
  EXPECT_EQ(half, 1.5);

  hls::vector<ap_int<16>, 4> acc = 0;
  for (int i = 0; i < 3; ++i)
    acc += hls::vector<ap_int<16>, 4>{ap_int<16>(i), 1, 2, 3};
  EXPECT_EQ(acc.reduce_add(), 3 + 3 + 6 + 9);
}

//===--- AXI4-Stream side channels and FSM-style enums -------------------===//

typedef ap_axiu<32, 1, 0, 0> beat_t;

void scale_stream(hls::stream<beat_t> &in, hls::stream<beat_t> &out) {
  beat_t b;
  do {
    b = in.read();
    b.data = b.data * 3;
    out.write(b);
  } while (!b.last);
}

enum State { IDLE = 0, RUN = 1, DONE = 3 };

TEST(VitisStyle, AxiStreamWithSideChannels) {
  static_assert(sizeof(ap_axiu<32>::keep) > 0, "");
  hls::stream<beat_t> in("axis_in"), out("axis_out");
  for (int i = 0; i < 5; ++i) {
    beat_t b;
    b.data = i + 1;
    b.keep = -1;
    b.strb = -1;
    b.user = i == 0;
    b.last = i == 4;
    in.write(b);
  }
  scale_stream(in, out);
  for (int i = 0; i < 5; ++i) {
    const beat_t b = out.read();
    EXPECT_EQ(b.data, 3 * (i + 1));
    EXPECT_EQ(b.keep, 0xf);
    EXPECT_EQ(b.user, i == 0 ? 1 : 0);
    EXPECT_EQ(b.last, i == 4 ? 1 : 0);
  }
  ap_axis<16, 0, 2, 3> s;
  s.data = -2;
  s.id = 3;
  s.dest = 9; // 3 bits: wraps to 1
  EXPECT_EQ(s.data.to_int(), -2);
  EXPECT_EQ(s.keep.length(), 2);
  EXPECT_EQ(s.dest, 1);
  hls::axis<ap_fixed<16, 8>, 0, 0, 0> f;
  f.data = 1.5;
  EXPECT_EQ(f.keep.length(), 2);
  EXPECT_EQ(f.data.to_double(), 1.5);
  hls::axis<float> g;
  EXPECT_EQ(g.strb.length(), 4);
  EXPECT_EQ(g.data, 0.0f);

  ap_uint<2> st = IDLE;
  int steps = 0;
  while (st != DONE) {
    switch (st) {
    case IDLE: st = RUN; break;
    case RUN: st = DONE; break;
    default: break;
    }
    ++steps;
  }
  EXPECT_EQ(steps, 2);
  EXPECT_TRUE(st == DONE);
  EXPECT_EQ((st + RUN).to_int(), 4);
  const ap_fixed<8, 4> from_enum = RUN;
  EXPECT_EQ(from_enum.to_double(), 1.0);
  EXPECT_EQ((ap_fixed<16, 8>("1.8", 16).to_double()), 1.5);
  EXPECT_EQ((ap_fixed<16, 8>("-101.1", 2).to_double()), -5.5);
}

} // namespace
