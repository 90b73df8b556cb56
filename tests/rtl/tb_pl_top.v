// Testbench top for the pl_top Verilator model (tests/rtl): the default
// 4-PRR pl_top with each PRR's AXI4 master split out as p<n>_axi_* ports so
// that the header-only AXI memory model and checker (common/axi_*.h) bind to
// them by name. No logic besides wiring.
`include "pl_params.vh"
module tb_pl_top (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire [31:0] s_axi_awaddr_i,
  input  wire        s_axi_awvalid_i,
  output wire        s_axi_awready_o,
  input  wire [31:0] s_axi_wdata_i,
  input  wire [3:0]  s_axi_wstrb_i,
  input  wire        s_axi_wvalid_i,
  output wire        s_axi_wready_o,
  output wire [1:0]  s_axi_bresp_o,
  output wire        s_axi_bvalid_o,
  input  wire        s_axi_bready_i,
  input  wire [31:0] s_axi_araddr_i,
  input  wire        s_axi_arvalid_i,
  output wire        s_axi_arready_o,
  output wire [31:0] s_axi_rdata_o,
  output wire [1:0]  s_axi_rresp_o,
  output wire        s_axi_rvalid_o,
  input  wire        s_axi_rready_i,
  input  wire [31:0] pcap_data_i,
  input  wire        pcap_valid_i,
  output wire        pcap_ready_o,
  input  wire        pcap_abort_i,
  output wire [15:0] irq_o,
  output wire [3:0]  prr_decoupled_o,
  output wire [31:0] p0_axi_araddr_o,
  output wire [7:0] p0_axi_arlen_o,
  output wire [2:0] p0_axi_arsize_o,
  output wire [1:0] p0_axi_arburst_o,
  output wire p0_axi_arvalid_o,
  output wire p0_axi_rready_o,
  output wire [31:0] p0_axi_awaddr_o,
  output wire [7:0] p0_axi_awlen_o,
  output wire [2:0] p0_axi_awsize_o,
  output wire [1:0] p0_axi_awburst_o,
  output wire p0_axi_awvalid_o,
  output wire [63:0] p0_axi_wdata_o,
  output wire [7:0] p0_axi_wstrb_o,
  output wire p0_axi_wlast_o,
  output wire p0_axi_wvalid_o,
  output wire p0_axi_bready_o,
  input  wire p0_axi_arready_i,
  input  wire [63:0] p0_axi_rdata_i,
  input  wire [1:0] p0_axi_rresp_i,
  input  wire p0_axi_rlast_i,
  input  wire p0_axi_rvalid_i,
  input  wire p0_axi_awready_i,
  input  wire p0_axi_wready_i,
  input  wire [1:0] p0_axi_bresp_i,
  input  wire p0_axi_bvalid_i,
  output wire [31:0] p1_axi_araddr_o,
  output wire [7:0] p1_axi_arlen_o,
  output wire [2:0] p1_axi_arsize_o,
  output wire [1:0] p1_axi_arburst_o,
  output wire p1_axi_arvalid_o,
  output wire p1_axi_rready_o,
  output wire [31:0] p1_axi_awaddr_o,
  output wire [7:0] p1_axi_awlen_o,
  output wire [2:0] p1_axi_awsize_o,
  output wire [1:0] p1_axi_awburst_o,
  output wire p1_axi_awvalid_o,
  output wire [63:0] p1_axi_wdata_o,
  output wire [7:0] p1_axi_wstrb_o,
  output wire p1_axi_wlast_o,
  output wire p1_axi_wvalid_o,
  output wire p1_axi_bready_o,
  input  wire p1_axi_arready_i,
  input  wire [63:0] p1_axi_rdata_i,
  input  wire [1:0] p1_axi_rresp_i,
  input  wire p1_axi_rlast_i,
  input  wire p1_axi_rvalid_i,
  input  wire p1_axi_awready_i,
  input  wire p1_axi_wready_i,
  input  wire [1:0] p1_axi_bresp_i,
  input  wire p1_axi_bvalid_i,
  output wire [31:0] p2_axi_araddr_o,
  output wire [7:0] p2_axi_arlen_o,
  output wire [2:0] p2_axi_arsize_o,
  output wire [1:0] p2_axi_arburst_o,
  output wire p2_axi_arvalid_o,
  output wire p2_axi_rready_o,
  output wire [31:0] p2_axi_awaddr_o,
  output wire [7:0] p2_axi_awlen_o,
  output wire [2:0] p2_axi_awsize_o,
  output wire [1:0] p2_axi_awburst_o,
  output wire p2_axi_awvalid_o,
  output wire [63:0] p2_axi_wdata_o,
  output wire [7:0] p2_axi_wstrb_o,
  output wire p2_axi_wlast_o,
  output wire p2_axi_wvalid_o,
  output wire p2_axi_bready_o,
  input  wire p2_axi_arready_i,
  input  wire [63:0] p2_axi_rdata_i,
  input  wire [1:0] p2_axi_rresp_i,
  input  wire p2_axi_rlast_i,
  input  wire p2_axi_rvalid_i,
  input  wire p2_axi_awready_i,
  input  wire p2_axi_wready_i,
  input  wire [1:0] p2_axi_bresp_i,
  input  wire p2_axi_bvalid_i,
  output wire [31:0] p3_axi_araddr_o,
  output wire [7:0] p3_axi_arlen_o,
  output wire [2:0] p3_axi_arsize_o,
  output wire [1:0] p3_axi_arburst_o,
  output wire p3_axi_arvalid_o,
  output wire p3_axi_rready_o,
  output wire [31:0] p3_axi_awaddr_o,
  output wire [7:0] p3_axi_awlen_o,
  output wire [2:0] p3_axi_awsize_o,
  output wire [1:0] p3_axi_awburst_o,
  output wire p3_axi_awvalid_o,
  output wire [63:0] p3_axi_wdata_o,
  output wire [7:0] p3_axi_wstrb_o,
  output wire p3_axi_wlast_o,
  output wire p3_axi_wvalid_o,
  output wire p3_axi_bready_o,
  input  wire p3_axi_arready_i,
  input  wire [63:0] p3_axi_rdata_i,
  input  wire [1:0] p3_axi_rresp_i,
  input  wire p3_axi_rlast_i,
  input  wire p3_axi_rvalid_i,
  input  wire p3_axi_awready_i,
  input  wire p3_axi_wready_i,
  input  wire [1:0] p3_axi_bresp_i,
  input  wire p3_axi_bvalid_i
);
  wire [127:0] araddr_v;
  wire [31:0] arlen_v;
  wire [11:0] arsize_v;
  wire [7:0] arburst_v;
  wire [3:0] arvalid_v;
  wire [3:0] rready_v;
  wire [127:0] awaddr_v;
  wire [31:0] awlen_v;
  wire [11:0] awsize_v;
  wire [7:0] awburst_v;
  wire [3:0] awvalid_v;
  wire [255:0] wdata_v;
  wire [31:0] wstrb_v;
  wire [3:0] wlast_v;
  wire [3:0] wvalid_v;
  wire [3:0] bready_v;
  wire [3:0] arready_v;
  wire [255:0] rdata_v;
  wire [7:0] rresp_v;
  wire [3:0] rlast_v;
  wire [3:0] rvalid_v;
  wire [3:0] awready_v;
  wire [3:0] wready_v;
  wire [7:0] bresp_v;
  wire [3:0] bvalid_v;
  assign p0_axi_araddr_o = araddr_v[0 +: 32];
  assign p0_axi_arlen_o = arlen_v[0 +: 8];
  assign p0_axi_arsize_o = arsize_v[0 +: 3];
  assign p0_axi_arburst_o = arburst_v[0 +: 2];
  assign p0_axi_arvalid_o = arvalid_v[0 +: 1];
  assign p0_axi_rready_o = rready_v[0 +: 1];
  assign p0_axi_awaddr_o = awaddr_v[0 +: 32];
  assign p0_axi_awlen_o = awlen_v[0 +: 8];
  assign p0_axi_awsize_o = awsize_v[0 +: 3];
  assign p0_axi_awburst_o = awburst_v[0 +: 2];
  assign p0_axi_awvalid_o = awvalid_v[0 +: 1];
  assign p0_axi_wdata_o = wdata_v[0 +: 64];
  assign p0_axi_wstrb_o = wstrb_v[0 +: 8];
  assign p0_axi_wlast_o = wlast_v[0 +: 1];
  assign p0_axi_wvalid_o = wvalid_v[0 +: 1];
  assign p0_axi_bready_o = bready_v[0 +: 1];
  assign p1_axi_araddr_o = araddr_v[32 +: 32];
  assign p1_axi_arlen_o = arlen_v[8 +: 8];
  assign p1_axi_arsize_o = arsize_v[3 +: 3];
  assign p1_axi_arburst_o = arburst_v[2 +: 2];
  assign p1_axi_arvalid_o = arvalid_v[1 +: 1];
  assign p1_axi_rready_o = rready_v[1 +: 1];
  assign p1_axi_awaddr_o = awaddr_v[32 +: 32];
  assign p1_axi_awlen_o = awlen_v[8 +: 8];
  assign p1_axi_awsize_o = awsize_v[3 +: 3];
  assign p1_axi_awburst_o = awburst_v[2 +: 2];
  assign p1_axi_awvalid_o = awvalid_v[1 +: 1];
  assign p1_axi_wdata_o = wdata_v[64 +: 64];
  assign p1_axi_wstrb_o = wstrb_v[8 +: 8];
  assign p1_axi_wlast_o = wlast_v[1 +: 1];
  assign p1_axi_wvalid_o = wvalid_v[1 +: 1];
  assign p1_axi_bready_o = bready_v[1 +: 1];
  assign p2_axi_araddr_o = araddr_v[64 +: 32];
  assign p2_axi_arlen_o = arlen_v[16 +: 8];
  assign p2_axi_arsize_o = arsize_v[6 +: 3];
  assign p2_axi_arburst_o = arburst_v[4 +: 2];
  assign p2_axi_arvalid_o = arvalid_v[2 +: 1];
  assign p2_axi_rready_o = rready_v[2 +: 1];
  assign p2_axi_awaddr_o = awaddr_v[64 +: 32];
  assign p2_axi_awlen_o = awlen_v[16 +: 8];
  assign p2_axi_awsize_o = awsize_v[6 +: 3];
  assign p2_axi_awburst_o = awburst_v[4 +: 2];
  assign p2_axi_awvalid_o = awvalid_v[2 +: 1];
  assign p2_axi_wdata_o = wdata_v[128 +: 64];
  assign p2_axi_wstrb_o = wstrb_v[16 +: 8];
  assign p2_axi_wlast_o = wlast_v[2 +: 1];
  assign p2_axi_wvalid_o = wvalid_v[2 +: 1];
  assign p2_axi_bready_o = bready_v[2 +: 1];
  assign p3_axi_araddr_o = araddr_v[96 +: 32];
  assign p3_axi_arlen_o = arlen_v[24 +: 8];
  assign p3_axi_arsize_o = arsize_v[9 +: 3];
  assign p3_axi_arburst_o = arburst_v[6 +: 2];
  assign p3_axi_arvalid_o = arvalid_v[3 +: 1];
  assign p3_axi_rready_o = rready_v[3 +: 1];
  assign p3_axi_awaddr_o = awaddr_v[96 +: 32];
  assign p3_axi_awlen_o = awlen_v[24 +: 8];
  assign p3_axi_awsize_o = awsize_v[9 +: 3];
  assign p3_axi_awburst_o = awburst_v[6 +: 2];
  assign p3_axi_awvalid_o = awvalid_v[3 +: 1];
  assign p3_axi_wdata_o = wdata_v[192 +: 64];
  assign p3_axi_wstrb_o = wstrb_v[24 +: 8];
  assign p3_axi_wlast_o = wlast_v[3 +: 1];
  assign p3_axi_wvalid_o = wvalid_v[3 +: 1];
  assign p3_axi_bready_o = bready_v[3 +: 1];
  assign arready_v = {p3_axi_arready_i, p2_axi_arready_i, p1_axi_arready_i, p0_axi_arready_i};
  assign rdata_v = {p3_axi_rdata_i, p2_axi_rdata_i, p1_axi_rdata_i, p0_axi_rdata_i};
  assign rresp_v = {p3_axi_rresp_i, p2_axi_rresp_i, p1_axi_rresp_i, p0_axi_rresp_i};
  assign rlast_v = {p3_axi_rlast_i, p2_axi_rlast_i, p1_axi_rlast_i, p0_axi_rlast_i};
  assign rvalid_v = {p3_axi_rvalid_i, p2_axi_rvalid_i, p1_axi_rvalid_i, p0_axi_rvalid_i};
  assign awready_v = {p3_axi_awready_i, p2_axi_awready_i, p1_axi_awready_i, p0_axi_awready_i};
  assign wready_v = {p3_axi_wready_i, p2_axi_wready_i, p1_axi_wready_i, p0_axi_wready_i};
  assign bresp_v = {p3_axi_bresp_i, p2_axi_bresp_i, p1_axi_bresp_i, p0_axi_bresp_i};
  assign bvalid_v = {p3_axi_bvalid_i, p2_axi_bvalid_i, p1_axi_bvalid_i, p0_axi_bvalid_i};
  pl_top u_pl (
    .clk_i (clk_i), .rst_ni (rst_ni),
    .s_axi_awaddr_i (s_axi_awaddr_i), .s_axi_awvalid_i (s_axi_awvalid_i), .s_axi_awready_o (s_axi_awready_o),
    .s_axi_wdata_i (s_axi_wdata_i), .s_axi_wstrb_i (s_axi_wstrb_i), .s_axi_wvalid_i (s_axi_wvalid_i),
    .s_axi_wready_o (s_axi_wready_o), .s_axi_bresp_o (s_axi_bresp_o), .s_axi_bvalid_o (s_axi_bvalid_o),
    .s_axi_bready_i (s_axi_bready_i), .s_axi_araddr_i (s_axi_araddr_i), .s_axi_arvalid_i (s_axi_arvalid_i),
    .s_axi_arready_o (s_axi_arready_o), .s_axi_rdata_o (s_axi_rdata_o), .s_axi_rresp_o (s_axi_rresp_o),
    .s_axi_rvalid_o (s_axi_rvalid_o), .s_axi_rready_i (s_axi_rready_i),
    .pcap_data_i (pcap_data_i), .pcap_valid_i (pcap_valid_i), .pcap_ready_o (pcap_ready_o),
    .pcap_abort_i (pcap_abort_i),
    .m_axi_araddr_o (araddr_v),
    .m_axi_arlen_o (arlen_v),
    .m_axi_arsize_o (arsize_v),
    .m_axi_arburst_o (arburst_v),
    .m_axi_arvalid_o (arvalid_v),
    .m_axi_rready_o (rready_v),
    .m_axi_awaddr_o (awaddr_v),
    .m_axi_awlen_o (awlen_v),
    .m_axi_awsize_o (awsize_v),
    .m_axi_awburst_o (awburst_v),
    .m_axi_awvalid_o (awvalid_v),
    .m_axi_wdata_o (wdata_v),
    .m_axi_wstrb_o (wstrb_v),
    .m_axi_wlast_o (wlast_v),
    .m_axi_wvalid_o (wvalid_v),
    .m_axi_bready_o (bready_v),
    .m_axi_arready_i (arready_v),
    .m_axi_rdata_i (rdata_v),
    .m_axi_rresp_i (rresp_v),
    .m_axi_rlast_i (rlast_v),
    .m_axi_rvalid_i (rvalid_v),
    .m_axi_awready_i (awready_v),
    .m_axi_wready_i (wready_v),
    .m_axi_bresp_i (bresp_v),
    .m_axi_bvalid_i (bvalid_v),
    .irq_o (irq_o),
    .prr_decoupled_o (prr_decoupled_o)
  );
endmodule
