// axi_ports.h - pointers to the AXI4 signals of a verilated master, shared by
// axi_mem.h (slave memory model) and axi_check.h (protocol checker).
//
// Only the signals the dprsim masters use are bound: 32-bit addresses, 64-bit
// data (the Zynq S_AXI_HP width), AxLEN/AxSIZE/AxBURST, WSTRB/WLAST,
// RRESP/RLAST, BRESP. No IDs (every transaction uses ID 0, so responses come
// back in order).
//
// Binding a verilated model whose ports are named <prefix>araddr_o,
// <prefix>arready_i, ... (the prr_dma naming):
//     axitb::AxiPorts p;
//     AXITB_BIND_PORTS(p, model, m_axi_);
#ifndef AXITB_AXI_PORTS_H
#define AXITB_AXI_PORTS_H

#include <cstdint>

namespace axitb {

// Response codes (AXI4 spec IHI 0022, A3.4.4).
enum AxiResp : uint8_t { kOkay = 0, kExOkay = 1, kSlvErr = 2, kDecErr = 3 };

struct AxiPorts {
  // AR (master -> slave, except arready)
  uint32_t *araddr = nullptr;
  uint8_t *arlen = nullptr;
  uint8_t *arsize = nullptr;
  uint8_t *arburst = nullptr;
  uint8_t *arvalid = nullptr;
  uint8_t *arready = nullptr;
  // R (slave -> master, except rready)
  uint64_t *rdata = nullptr;
  uint8_t *rresp = nullptr;
  uint8_t *rlast = nullptr;
  uint8_t *rvalid = nullptr;
  uint8_t *rready = nullptr;
  // AW
  uint32_t *awaddr = nullptr;
  uint8_t *awlen = nullptr;
  uint8_t *awsize = nullptr;
  uint8_t *awburst = nullptr;
  uint8_t *awvalid = nullptr;
  uint8_t *awready = nullptr;
  // W
  uint64_t *wdata = nullptr;
  uint8_t *wstrb = nullptr;
  uint8_t *wlast = nullptr;
  uint8_t *wvalid = nullptr;
  uint8_t *wready = nullptr;
  // B
  uint8_t *bresp = nullptr;
  uint8_t *bvalid = nullptr;
  uint8_t *bready = nullptr;
};

}  // namespace axitb

// Fill AxiPorts `p` from the verilated model pointer `m` whose AXI ports are
// named PFX##araddr_o (outputs) / PFX##arready_i (inputs).
#define AXITB_BIND_PORTS(p, m, PFX)                                          \
  do {                                                                       \
    (p).araddr = &(m)->PFX##araddr_o;   (p).arlen = &(m)->PFX##arlen_o;      \
    (p).arsize = &(m)->PFX##arsize_o;   (p).arburst = &(m)->PFX##arburst_o;  \
    (p).arvalid = &(m)->PFX##arvalid_o; (p).arready = &(m)->PFX##arready_i;  \
    (p).rdata = &(m)->PFX##rdata_i;     (p).rresp = &(m)->PFX##rresp_i;      \
    (p).rlast = &(m)->PFX##rlast_i;     (p).rvalid = &(m)->PFX##rvalid_i;    \
    (p).rready = &(m)->PFX##rready_o;                                        \
    (p).awaddr = &(m)->PFX##awaddr_o;   (p).awlen = &(m)->PFX##awlen_o;      \
    (p).awsize = &(m)->PFX##awsize_o;   (p).awburst = &(m)->PFX##awburst_o;  \
    (p).awvalid = &(m)->PFX##awvalid_o; (p).awready = &(m)->PFX##awready_i;  \
    (p).wdata = &(m)->PFX##wdata_o;     (p).wstrb = &(m)->PFX##wstrb_o;      \
    (p).wlast = &(m)->PFX##wlast_o;     (p).wvalid = &(m)->PFX##wvalid_o;    \
    (p).wready = &(m)->PFX##wready_i;                                        \
    (p).bresp = &(m)->PFX##bresp_i;     (p).bvalid = &(m)->PFX##bvalid_i;    \
    (p).bready = &(m)->PFX##bready_o;                                        \
  } while (0)

#endif  // AXITB_AXI_PORTS_H
