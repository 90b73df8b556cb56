// stream_xbar: 2x2 crossbar between the QAM stage and the IFFT stage of the
// Mini-NOVA multi-path structure (Fig. 4): the output stream of either QAM
// PRR (PRR0, PRR1, through their FIFOs) feeds the input of either IFFT PRR
// (PRR2, PRR3).
//
// Selection register (4 bits, written with cfg_we_i/cfg_wdata_i, read on cfg_o):
//   bit 0  OUT0_EN   output 0 (IFFT PRR2 input) connected
//   bit 1  OUT0_SRC  source of output 0: 0 = input 0 (QAM PRR0), 1 = input 1 (QAM PRR1)
//   bit 2  OUT1_EN   output 1 (IFFT PRR3 input) connected
//   bit 3  OUT1_SRC  source of output 1: 0 = input 0, 1 = input 1
//   reset value 4'b1101: PRR0 -> PRR2 and PRR1 -> PRR3 (the two parallel paths).
// If both outputs are enabled with the same source, output 0 wins and output 1
// sees no data (m1_valid_o = 0); a stream is never duplicated. An input that no
// enabled output selects sees s*_ready_o = 0. The path is purely combinational
// (no added latency); changing the selection in the middle of a frame is the
// controller's responsibility to avoid (prr_ctrl switches at frame boundaries).
module stream_xbar (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        cfg_we_i,
  input  wire [3:0]  cfg_wdata_i,
  output wire [3:0]  cfg_o,
  // inputs: QAM PRR0 / PRR1 output streams
  input  wire [31:0] s0_data_i,
  input  wire        s0_valid_i,
  output wire        s0_ready_o,
  input  wire [31:0] s1_data_i,
  input  wire        s1_valid_i,
  output wire        s1_ready_o,
  // outputs: IFFT PRR2 / PRR3 input streams
  output wire [31:0] m0_data_o,
  output wire        m0_valid_o,
  input  wire        m0_ready_i,
  output wire [31:0] m1_data_o,
  output wire        m1_valid_o,
  input  wire        m1_ready_i
);
  reg [3:0] cfg_q;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      cfg_q <= 4'b1101;
    end else if (cfg_we_i) begin
      cfg_q <= cfg_wdata_i;
    end
  end

  wire out0_en  = cfg_q[0];
  wire out0_src = cfg_q[1];
  // output 1 is dropped when it would share output 0's source
  wire out1_en  = cfg_q[2] && !(out0_en && (cfg_q[3] == out0_src));
  wire out1_src = cfg_q[3];

  assign m0_data_o  = out0_src ? s1_data_i : s0_data_i;
  assign m0_valid_o = out0_en && (out0_src ? s1_valid_i : s0_valid_i);
  assign m1_data_o  = out1_src ? s1_data_i : s0_data_i;
  assign m1_valid_o = out1_en && (out1_src ? s1_valid_i : s0_valid_i);

  assign s0_ready_o = (out0_en && !out0_src && m0_ready_i) ||
                      (out1_en && !out1_src && m1_ready_i);
  assign s1_ready_o = (out0_en &&  out0_src && m0_ready_i) ||
                      (out1_en &&  out1_src && m1_ready_i);
  assign cfg_o = cfg_q;
endmodule
