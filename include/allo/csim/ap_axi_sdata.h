//===- ap_axi_sdata.h - C-simulation model of AXI4-Stream side channels ---===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of the AXI4-Stream interface types in AMD UG1399 ("AXI4-Stream
// Interfaces with Side-Channels"). No vendor source was used.
//
//===----------------------------------------------------------------------===//
//
// Plain aggregates carrying one AXI4-Stream beat:
//
//   ap_axis<D, U, TI, TD>   data is ap_int<D>
//   ap_axiu<D, U, TI, TD>   data is ap_uint<D>
//   hls::axis<T, U, TI, TD> data is T (any type)
//
// with members data, keep, strb (one bit per data byte), user (U bits),
// last (1 bit), id (TI bits) and dest (TD bits). They are typically used as
// `hls::stream<ap_axiu<32, 0, 0, 0>>`.
//
// Deviation: the vendor types drop the user/id/dest members when their width
// is 0; here they are always present (1 bit wide when the width is 0), which
// accepts every program the vendor types accept. Default construction
// zero-initializes all fields.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_AP_AXI_SDATA_H
#define ALLO_CSIM_AP_AXI_SDATA_H

#include "ap_int.h"

#include <type_traits>

namespace allo_csim_detail {

constexpr int axi_side_width(int w) { return w > 0 ? w : 1; }

/// Width in bits of an AXI data payload type: T::width for the ap types
/// (ap_[u]int, ap_[u]fixed), otherwise its object size.
template <class _AP_T, class = void> struct axi_data_bits {
  static constexpr int value = (int)sizeof(_AP_T) * 8;
};
template <class _AP_T>
struct axi_data_bits<_AP_T, typename std::enable_if<(_AP_T::width > 0)>::type> {
  static constexpr int value = _AP_T::width;
};

/// Side channels shared by all AXI4-Stream beat types.
template <int _AP_DBits, int _AP_U, int _AP_TI, int _AP_TD> struct axi_side {
  ap_uint<(_AP_DBits + 7) / 8> keep;
  ap_uint<(_AP_DBits + 7) / 8> strb;
  ap_uint<axi_side_width(_AP_U)> user;
  ap_uint<1> last;
  ap_uint<axi_side_width(_AP_TI)> id;
  ap_uint<axi_side_width(_AP_TD)> dest;
};

} // namespace allo_csim_detail

template <int _AP_D, int _AP_U = 0, int _AP_TI = 0, int _AP_TD = 0>
struct ap_axis : allo_csim_detail::axi_side<_AP_D, _AP_U, _AP_TI, _AP_TD> {
  ap_int<_AP_D> data;
};

template <int _AP_D, int _AP_U = 0, int _AP_TI = 0, int _AP_TD = 0>
struct ap_axiu : allo_csim_detail::axi_side<_AP_D, _AP_U, _AP_TI, _AP_TD> {
  ap_uint<_AP_D> data;
};

namespace hls {
template <class _AP_T, int _AP_U = 0, int _AP_TI = 0, int _AP_TD = 0>
struct axis : allo_csim_detail::axi_side<allo_csim_detail::axi_data_bits<_AP_T>::value, _AP_U,
                                         _AP_TI, _AP_TD> {
  _AP_T data{};
};
} // namespace hls

#endif // ALLO_CSIM_AP_AXI_SDATA_H
