// Bitwise CRC-32 (reflected, poly 0xEDB88320) over each row of a byte matrix; returns the CRC of the whole buffer
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int ROWS = 4;
constexpr int LEN = 48;
constexpr uint32_t POLY = 0xEDB88320u;

[[allo::kernel]] uint32_t crc32(const uint8_t data[ROWS][LEN], uint32_t row_crc[ROWS]) {
  uint32_t whole = 0xFFFFFFFFu;
  for (int r = 0; r < ROWS; r++) {
    uint32_t crc = 0xFFFFFFFFu;
    for (int i = 0; i < LEN; i++) {
      crc ^= data[r][i];
      // Branchy formulation.
      for (int k = 0; k < 8; k++) {
        if (crc & 1u)
          crc = (crc >> 1) ^ POLY;
        else
          crc = crc >> 1;
      }
      // Branch-free formulation (mask from 0 - lsb).
      whole ^= data[r][i];
      for (int k = 0; k < 8; k++)
        whole = (whole >> 1) ^ (POLY & (0u - (whole & 1u)));
    }
    row_crc[r] = ~crc;
  }
  return ~whole;
}
ALLO_DIFFTEST(crc32)
