// Bitonic sort of float keys with an index payload: a template over the size,
// stage loops that double and halve their variables, the partner index found
// with XOR, the direction from a bit of the index.
#define BS_N 32

template <int N> static void bitonic(float key[N], int idx[N]) {
  int i, j, k;
outer:
  for (k = 2; k <= N; k <<= 1) {
  inner:
    for (j = k >> 1; j > 0; j >>= 1) {
    cmp:
      for (i = 0; i < N; i++) {
#pragma HLS pipeline II=1
        int l = i ^ j;
        if (l > i) {
          bool ascending = (i & k) == 0;
          if ((key[i] > key[l]) == ascending && key[i] != key[l]) {
            float tk = key[i];
            key[i] = key[l];
            key[l] = tk;
            int ti = idx[i];
            idx[i] = idx[l];
            idx[l] = ti;
          }
        }
      }
    }
  }
}

void bitonic_sort(const float in[BS_N], float sorted[BS_N], int perm[BS_N]) {
  float k[BS_N];
  int p[BS_N];
  for (int i = 0; i < BS_N; i++) {
    k[i] = in[i];
    p[i] = i;
  }
  bitonic<BS_N>(k, p);
  for (int i = 0; i < BS_N; i++) {
    sorted[i] = k[i];
    perm[i] = p[i];
  }
}
