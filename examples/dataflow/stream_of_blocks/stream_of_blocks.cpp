// A stream of blocks: the producer fills 4 x 4 tiles in place and hands
// them over whole (hls::stream_of_blocks, a ping-pong buffer in hardware);
// the consumer transposes each tile.
#include <allo/allo.h>
#include <hls_streamofblocks.h>

constexpr int T = 4, NT = 6;
typedef float tile_t[T][T];

[[allo::kernel]]
void fill(const float in[NT][T][T], hls::stream_of_blocks<tile_t, 2> &tiles) {
  for (int t = 0; t < NT; t++) {
    hls::write_lock<tile_t> b(tiles);
    for (int i = 0; i < T; i++)
      for (int j = 0; j < T; j++)
        b[i][j] = in[t][i][j] * 2.0f;
  }
}

[[allo::kernel]]
void transpose(hls::stream_of_blocks<tile_t, 2> &tiles, float out[NT][T][T]) {
  for (int t = 0; t < NT; t++) {
    hls::read_lock<tile_t> b(tiles);
    for (int i = 0; i < T; i++)
      for (int j = 0; j < T; j++)
        out[t][j][i] = b[i][j];
  }
}

[[allo::region]]
void top(const float in[NT][T][T], float out[NT][T][T]) {
  hls::stream_of_blocks<tile_t, 2> tiles;
  fill(in, tiles);
  transpose(tiles, out);
}
