// Stream arrays and streams of blocks are emitted as the source wrote them:
// `hls::stream<T> s[N]` (parameters and locals, s[p].read()), the DEPTH
// template argument kept (`hls::stream<int, 8>`), `hls::stream_of_blocks`
// with write/read locks in their scopes. That the emitted code computes the
// same is checked by the differential suite (Execution/kernels/stream_array.cpp,
// stream_blocks.cpp).
// RUN: allo-rewrite %S/../../Execution/kernels/stream_array.cpp --top stream_array --target vhls -- -std=c++17 -I%S/../../Execution | FileCheck %s --check-prefix=ARR
// RUN: allo-rewrite %S/../../Execution/kernels/stream_blocks.cpp --top stream_blocks --target vhls -- -std=c++17 -I%S/../../Execution | FileCheck %s --check-prefix=SOB

// ARR-NOT: #include <hls_streamofblocks.h>
// ARR: static void split(const int in[32], hls::stream<int> lanes[4]) {
// ARR: lanes[p].write(in[i * 4 + p]);
// ARR: static void stage(hls::stream<int> lanes[4], hls::stream<ap_int<24>> mid[2][4], int scale) {
// ARR: int32_t lanes_v = lanes[p].read();
// ARR: mid[0][p].write(t);
// ARR: static void merge(hls::stream<ap_int<24>> mid[2][4], hls::stream<int> &out) {
// ARR: x = mid[0][p].read();
// ARR: void stream_array(const int in[32], int out[8], int last[1], int scale) {
// ARR-NEXT: #pragma HLS dataflow
// ARR-NEXT: hls::stream<int> lanes[4];
// ARR-NEXT: #pragma HLS stream variable=lanes depth=4
// ARR-NEXT: hls::stream<ap_int<24>> mid[2][4];
// ARR-NEXT: #pragma HLS stream variable=mid depth=2
// ARR-NEXT: hls::stream<int, 8> merged("merged");
// ARR-NEXT: #pragma HLS stream variable=merged depth=8
// ARR-NEXT: split(in, lanes);

// SOB: #include <hls_streamofblocks.h>
// SOB: static void produce(const int in[32], hls::stream_of_blocks<int[8], 2> &s) {
// SOB: for (int k = 0; k < 4; k++) {
// SOB-NEXT: hls::write_lock<int[8]> b(s);
// SOB: b[i] = in[k * 8 + i] * 3 + k;
// SOB: static void filter(hls::stream_of_blocks<int[8], 2> &in, hls::stream_of_blocks<float[2][4], 2> &out,
// SOB: hls::read_lock<int[8]> a(in);
// SOB-NEXT: scale_block(a, f);
// SOB-NEXT: hls::write_lock<float[2][4]> t(out);
// SOB: t[r][c] = (float)a[r * 4 + c] * 0.5f;
// A lock followed by more code in its block gets braces for its scope.
// SOB-LABEL: static int last_tile(hls::stream_of_blocks<float[2][4], 2> &s, int limit) {
// SOB: flag = false;
// SOB-NEXT: {
// SOB-NEXT: hls::read_lock<float[2][4]> t(s);
// SOB: return result;
// SOB: #pragma HLS dataflow
// SOB-NEXT: hls::stream_of_blocks<int[8], 2> a;
// SOB-NEXT: hls::stream_of_blocks<float[2][4], 3> b;
// SOB-NEXT: produce(in, a);
