// The Vitis "vadd" pattern: unsigned int m_axi pointers, the vectors moved in
// bursts of BUFFER_SIZE words through local buffers, the last chunk shorter.
#define BUFFER_SIZE 16
#define DATA_SIZE 100

extern "C" {
void vadd(const unsigned int *in1, const unsigned int *in2, unsigned int *out_r, int size) {
#pragma HLS INTERFACE m_axi port=in1 offset=slave bundle=gmem depth=DATA_SIZE
#pragma HLS INTERFACE m_axi port=in2 offset=slave bundle=gmem depth=DATA_SIZE
#pragma HLS INTERFACE m_axi port=out_r offset=slave bundle=gmem depth=DATA_SIZE
#pragma HLS INTERFACE s_axilite port=in1
#pragma HLS INTERFACE s_axilite port=in2
#pragma HLS INTERFACE s_axilite port=out_r
#pragma HLS INTERFACE s_axilite port=size
#pragma HLS INTERFACE s_axilite port=return
  unsigned int v1_buffer[BUFFER_SIZE];
  unsigned int vout_buffer[BUFFER_SIZE];

  for (int i = 0; i < size; i += BUFFER_SIZE) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=DATA_SIZE/BUFFER_SIZE
    int chunk_size = BUFFER_SIZE;
    if ((i + BUFFER_SIZE) > size)
      chunk_size = size - i;

  read1:
    for (int j = 0; j < chunk_size; j++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=BUFFER_SIZE
#pragma HLS PIPELINE II=1
      v1_buffer[j] = in1[i + j];
    }

  vadd:
    for (int j = 0; j < chunk_size; j++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=BUFFER_SIZE
#pragma HLS PIPELINE II=1
      vout_buffer[j] = v1_buffer[j] + in2[i + j];
    }

  write:
    for (int j = 0; j < chunk_size; j++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=BUFFER_SIZE
#pragma HLS PIPELINE II=1
      out_r[i + j] = vout_buffer[j];
    }
  }
}
}
