// tb_xbar_top: test top of the Mini-NOVA multi-path datapath (Fig. 4):
// QAM PRR0/PRR1 -> FIFO1/FIFO2 -> stream_xbar -> IFFT PRR2/PRR3.
// Test-only wrapper (tests/rtl/test_xbar.cc); the platform's composition is
// rtl/prr.v / rtl/pl_top.v. QAM inputs and IFFT outputs are exposed directly.
module tb_xbar_top #(
  parameter FIFO_DEPTH = 16
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        xbar_we_i,
  input  wire [3:0]  xbar_wdata_i,
  output wire [3:0]  xbar_cfg_o,
  // QAM PRR0 / PRR1
  input  wire [7:0]  q0_variant_i,
  input  wire [31:0] q0_frame_len_i,
  input  wire        q0_frame_start_i,
  output wire        q0_frame_done_o,
  input  wire [31:0] q0_s_data_i,
  input  wire        q0_s_valid_i,
  output wire        q0_s_ready_o,
  input  wire [7:0]  q1_variant_i,
  input  wire [31:0] q1_frame_len_i,
  input  wire        q1_frame_start_i,
  output wire        q1_frame_done_o,
  input  wire [31:0] q1_s_data_i,
  input  wire        q1_s_valid_i,
  output wire        q1_s_ready_o,
  // IFFT PRR2 / PRR3
  input  wire [7:0]  f0_variant_i,
  input  wire        f0_frame_start_i,
  output wire        f0_frame_done_o,
  output wire [31:0] f0_m_data_o,
  output wire        f0_m_valid_o,
  input  wire        f0_m_ready_i,
  input  wire [7:0]  f1_variant_i,
  input  wire        f1_frame_start_i,
  output wire        f1_frame_done_o,
  output wire [31:0] f1_m_data_o,
  output wire        f1_m_valid_o,
  input  wire        f1_m_ready_i
);
  wire [31:0] q_data  [0:1];
  wire [1:0]  q_valid, q_ready;
  wire [31:0] ff_data [0:1];
  wire [1:0]  ff_valid, ff_ready;
  wire [31:0] x_data  [0:1];
  wire [1:0]  x_valid, x_ready;

  /* verilator lint_off UNUSEDSIGNAL */
  wire [1:0]  q_busy, f_busy;     // not observed by this test top
  wire [$clog2(FIFO_DEPTH):0] lvl0, lvl1;
  /* verilator lint_on UNUSEDSIGNAL */

  rm_qam u_qam0 (
    .clk_i(clk_i), .rst_ni(rst_ni), .variant_i(q0_variant_i), .frame_len_i(q0_frame_len_i),
    .frame_start_i(q0_frame_start_i), .frame_done_o(q0_frame_done_o), .busy_o(q_busy[0]),
    .s_data_i(q0_s_data_i), .s_valid_i(q0_s_valid_i), .s_ready_o(q0_s_ready_o),
    .m_data_o(q_data[0]), .m_valid_o(q_valid[0]), .m_ready_i(q_ready[0]));
  rm_qam u_qam1 (
    .clk_i(clk_i), .rst_ni(rst_ni), .variant_i(q1_variant_i), .frame_len_i(q1_frame_len_i),
    .frame_start_i(q1_frame_start_i), .frame_done_o(q1_frame_done_o), .busy_o(q_busy[1]),
    .s_data_i(q1_s_data_i), .s_valid_i(q1_s_valid_i), .s_ready_o(q1_s_ready_o),
    .m_data_o(q_data[1]), .m_valid_o(q_valid[1]), .m_ready_i(q_ready[1]));

  stream_fifo #(.DEPTH(FIFO_DEPTH), .WIDTH(32)) u_fifo1 (
    .clk_i(clk_i), .rst_ni(rst_ni),
    .s_data_i(q_data[0]), .s_valid_i(q_valid[0]), .s_ready_o(q_ready[0]),
    .m_data_o(ff_data[0]), .m_valid_o(ff_valid[0]), .m_ready_i(ff_ready[0]), .level_o(lvl0));
  stream_fifo #(.DEPTH(FIFO_DEPTH), .WIDTH(32)) u_fifo2 (
    .clk_i(clk_i), .rst_ni(rst_ni),
    .s_data_i(q_data[1]), .s_valid_i(q_valid[1]), .s_ready_o(q_ready[1]),
    .m_data_o(ff_data[1]), .m_valid_o(ff_valid[1]), .m_ready_i(ff_ready[1]), .level_o(lvl1));

  stream_xbar u_xbar (
    .clk_i(clk_i), .rst_ni(rst_ni),
    .cfg_we_i(xbar_we_i), .cfg_wdata_i(xbar_wdata_i), .cfg_o(xbar_cfg_o),
    .s0_data_i(ff_data[0]), .s0_valid_i(ff_valid[0]), .s0_ready_o(ff_ready[0]),
    .s1_data_i(ff_data[1]), .s1_valid_i(ff_valid[1]), .s1_ready_o(ff_ready[1]),
    .m0_data_o(x_data[0]), .m0_valid_o(x_valid[0]), .m0_ready_i(x_ready[0]),
    .m1_data_o(x_data[1]), .m1_valid_o(x_valid[1]), .m1_ready_i(x_ready[1]));

  rm_ifft u_ifft0 (
    .clk_i(clk_i), .rst_ni(rst_ni), .variant_i(f0_variant_i), .frame_len_i(32'd0),
    .frame_start_i(f0_frame_start_i), .frame_done_o(f0_frame_done_o), .busy_o(f_busy[0]),
    .s_data_i(x_data[0]), .s_valid_i(x_valid[0]), .s_ready_o(x_ready[0]),
    .m_data_o(f0_m_data_o), .m_valid_o(f0_m_valid_o), .m_ready_i(f0_m_ready_i));
  rm_ifft u_ifft1 (
    .clk_i(clk_i), .rst_ni(rst_ni), .variant_i(f1_variant_i), .frame_len_i(32'd0),
    .frame_start_i(f1_frame_start_i), .frame_done_o(f1_frame_done_o), .busy_o(f_busy[1]),
    .s_data_i(x_data[1]), .s_valid_i(x_valid[1]), .s_ready_o(x_ready[1]),
    .m_data_o(f1_m_data_o), .m_valid_o(f1_m_valid_o), .m_ready_i(f1_m_ready_i));
endmodule
