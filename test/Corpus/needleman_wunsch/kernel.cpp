// MachSuite nw: global alignment of two sequences with a score matrix and a
// traceback matrix, the traceback as a while loop that leaves early at the
// corner; alignments padded with '_'. Returns the alignment length.
#define ALEN 24
#define BLEN 20
#define MATCH_SCORE 1
#define MISMATCH_SCORE -1
#define GAP_SCORE -1
#define ALIGN '\\'
#define SKIPA '^'
#define SKIPB '<'
#define MAX(A, B) (((A) > (B)) ? (A) : (B))

int needwun(const char SEQA[ALEN], const char SEQB[BLEN], char alignedA[ALEN + BLEN],
            char alignedB[ALEN + BLEN], int M[(ALEN + 1) * (BLEN + 1)],
            char ptr[(ALEN + 1) * (BLEN + 1)]) {
  int score, up_left, up, left, max;
  int row, row_up, r;
  int a_idx, b_idx;
  int a_str_idx, b_str_idx;

init_row:
  for (a_idx = 0; a_idx < (ALEN + 1); a_idx++) {
    M[a_idx] = a_idx * GAP_SCORE;
  }
init_col:
  for (b_idx = 0; b_idx < (BLEN + 1); b_idx++) {
    M[b_idx * (ALEN + 1)] = b_idx * GAP_SCORE;
  }

fill_out_matrix:
  for (b_idx = 1; b_idx < (BLEN + 1); b_idx++) {
  fill_in:
    for (a_idx = 1; a_idx < (ALEN + 1); a_idx++) {
      if (SEQA[a_idx - 1] == SEQB[b_idx - 1]) {
        score = MATCH_SCORE;
      } else {
        score = MISMATCH_SCORE;
      }
      row_up = (b_idx - 1) * (ALEN + 1);
      row = (b_idx) * (ALEN + 1);

      up_left = M[row_up + (a_idx - 1)] + score;
      up = M[row_up + (a_idx)] + GAP_SCORE;
      left = M[row + (a_idx - 1)] + GAP_SCORE;

      max = MAX(up_left, MAX(up, left));

      M[row + a_idx] = max;
      if (max == left) {
        ptr[row + a_idx] = SKIPB;
      } else if (max == up) {
        ptr[row + a_idx] = SKIPA;
      } else {
        ptr[row + a_idx] = ALIGN;
      }
    }
  }

  a_idx = ALEN;
  b_idx = BLEN;
  a_str_idx = 0;
  b_str_idx = 0;

trace:
  while (a_idx > 0 || b_idx > 0) {
    r = b_idx * (ALEN + 1);
    if (a_idx == 0) {
      alignedA[a_str_idx++] = '-';
      alignedB[b_str_idx++] = SEQB[b_idx - 1];
      b_idx--;
    } else if (b_idx == 0) {
      alignedA[a_str_idx++] = SEQA[a_idx - 1];
      alignedB[b_str_idx++] = '-';
      a_idx--;
    } else if (ptr[r + a_idx] == ALIGN) {
      alignedA[a_str_idx++] = SEQA[a_idx - 1];
      alignedB[b_str_idx++] = SEQB[b_idx - 1];
      a_idx--;
      b_idx--;
    } else if (ptr[r + a_idx] == SKIPB) {
      alignedA[a_str_idx++] = SEQA[a_idx - 1];
      alignedB[b_str_idx++] = '-';
      a_idx--;
    } else {
      alignedA[a_str_idx++] = '-';
      alignedB[b_str_idx++] = SEQB[b_idx - 1];
      b_idx--;
    }
  }
  int len = a_str_idx;

pad_a:
  for (; a_str_idx < ALEN + BLEN; a_str_idx++) {
    alignedA[a_str_idx] = '_';
  }
pad_b:
  for (; b_str_idx < ALEN + BLEN; b_str_idx++) {
    alignedB[b_str_idx] = '_';
  }
  return len;
}
