// stream_fifo: synchronous FIFO for valid/ready word streams.
//
// Used between a QAM PRR's output and the stream crossbar (Mini-NOVA Fig. 4,
// FIFO1/FIFO2), so that the QAM mapper keeps running while the IFFT PRR is
// momentarily not ready.
//
// Parameters
//   DEPTH : number of entries, a power of two >= 2.
//   WIDTH : word width in bits.
// Behaviour
//   s_ready_o = not full; m_valid_o = not empty; a word written in one cycle
//   can be read the next cycle (no fall-through). Both sides may transfer in
//   the same cycle. m_data_o is the head entry (combinational read of the
//   storage array). level_o = number of words held. rst_ni empties the FIFO.
module stream_fifo #(
  parameter DEPTH = 16,
  parameter WIDTH = 32
) (
  input  wire                   clk_i,
  input  wire                   rst_ni,
  input  wire [WIDTH-1:0]       s_data_i,
  input  wire                   s_valid_i,
  output wire                   s_ready_o,
  output wire [WIDTH-1:0]       m_data_o,
  output wire                   m_valid_o,
  input  wire                   m_ready_i,
  output wire [$clog2(DEPTH):0] level_o
);
  localparam AW = $clog2(DEPTH);

  reg [WIDTH-1:0] mem_q [0:DEPTH-1];
  reg [AW:0]      wptr_q;   // one extra bit tells full from empty
  reg [AW:0]      rptr_q;

  wire empty = (wptr_q == rptr_q);
  wire full  = (wptr_q[AW] != rptr_q[AW]) && (wptr_q[AW-1:0] == rptr_q[AW-1:0]);
  wire push  = s_valid_i && !full;
  wire pop   = m_ready_i && !empty;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      wptr_q <= {(AW+1){1'b0}};
      rptr_q <= {(AW+1){1'b0}};
    end else begin
      if (push) wptr_q <= wptr_q + 1'b1;
      if (pop)  rptr_q <= rptr_q + 1'b1;
    end
  end

  // Storage has no reset (data are qualified by the pointers).
  always @(posedge clk_i) begin
    if (push) mem_q[wptr_q[AW-1:0]] <= s_data_i;
  end

  assign s_ready_o = !full;
  assign m_valid_o = !empty;
  assign m_data_o  = mem_q[rptr_q[AW-1:0]];
  assign level_o   = wptr_q - rptr_q;
endmodule
