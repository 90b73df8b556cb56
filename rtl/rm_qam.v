// rm_qam: reconfigurable module "QAM mapper" (4/16/64-QAM, Gray coded).
//
// Port contract: rtl/README.md "Reconfigurable modules"
// (identical for every RM a PRR can hold).
//
// Function
//   variant_i = k, bits per symbol: 2 (4-QAM), 4 (16-QAM), 6 (64-QAM); any other
//   value is treated as 2. It is sampled at frame_start_i and held for the frame.
//   frame_len_i = L, frame length in bits (sampled at frame_start_i).
//   Input : ceil(L/32) words, the frame's bits packed LSB-first (bit 0 of word 0
//           is the first bit of the frame); bits of the last word beyond L are
//           ignored.
//   Output: ceil(L/k) words, one per symbol, {I[15:0], Q[15:0]}; a last partial
//           symbol is padded with zero bits.
//   Symbol bits: the k bits b0..b(k-1) (b0 first in the stream) are split in
//   two halves, b0..b(m-1) -> I and b(m)..b(k-1) -> Q (m = k/2); each half is a
//   Gray code word whose first bit is the MSB. Its Gray-decoded value g
//   (0 .. 2^m-1) selects the level 2g - (2^m - 1), i.e. -(2^m-1) .. +(2^m-1),
//   which is the bit-to-level mapping of IEEE 802.11a (OFDM PHY, 17.3.5.7).
//   Fixed point: I and Q are 16-bit two's complement with 1.0 = 2^14 (Q2.14),
//   scaled for unit average symbol energy: level * 2^14 / sqrt(E) rounded to
//   nearest, E = 2, 10, 42. Amplitudes used:
//     4-QAM : 1 -> 11585
//     16-QAM: 1 -> 5181, 3 -> 15543
//     64-QAM: 1 -> 2528, 3 -> 7584, 5 -> 12641, 7 -> 17697
//   The C golden model (models/pl/qam_golden.c) uses the same table.
//
// Timing
//   One symbol per cycle while the input keeps up and the output is not
//   back-pressured (a 64-bit bit buffer accepts a new word whenever it holds
//   at most 32 bits). m_data_o/m_valid_o are registers. frame_done_o pulses
//   one cycle after the handshake of the last output word; busy_o is high from
//   the cycle after frame_start_i up to and including that pulse. frame_start_i
//   while busy is ignored. A frame of 0 bits completes with no output.
module rm_qam (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire [7:0]  variant_i,
  input  wire [31:0] frame_len_i,
  input  wire        frame_start_i,
  output wire        frame_done_o,
  output wire        busy_o,
  input  wire [31:0] s_data_i,
  input  wire        s_valid_i,
  output wire        s_ready_o,
  output wire [31:0] m_data_o,
  output wire        m_valid_o,
  input  wire        m_ready_i
);

  // ---------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------
  reg        busy_q;
  reg  [2:0] k_q;          // bits per symbol: 2, 4 or 6
  reg [31:0] load_left_q;  // frame bits not yet loaded into the bit buffer
  reg [63:0] buf_q;        // bit buffer, next bit in bit 0, unused bits zero
  reg  [6:0] cnt_q;        // valid bits in buf_q (0..64)
  reg [31:0] out_q;
  reg        out_valid_q;
  reg        out_last_q;   // out_q holds the last symbol of the frame
  reg        done_q;

  // ---------------------------------------------------------------------------
  // Input side: load a word while the buffer has room for 32 more bits
  // ---------------------------------------------------------------------------
  wire        load_en  = busy_q && (load_left_q != 32'd0) && (cnt_q <= 7'd32);
  wire        load_fire = load_en && s_valid_i;
  wire [5:0]  load_bits = (load_left_q >= 32'd32) ? 6'd32 : load_left_q[5:0];
  // Zero the bits beyond the frame end so that the padding of the last symbol
  // is zero.
  wire [31:0] load_mask = (load_bits == 6'd32) ? 32'hFFFF_FFFF
                                               : ((32'd1 << load_bits[4:0]) - 32'd1);
  wire [31:0] load_word = s_data_i & load_mask;

  // ---------------------------------------------------------------------------
  // Symbol side: produce a symbol when k bits (or the frame tail) are buffered
  // and the output register is free or being emptied this cycle.
  // ---------------------------------------------------------------------------
  wire [6:0] k_ext     = {4'd0, k_q};
  wire       sym_avail = (cnt_q >= k_ext) || ((load_left_q == 32'd0) && (cnt_q != 7'd0));
  // the symbol takes the last bits of the frame: nothing left to load and at
  // most k bits buffered
  wire       sym_last  = (load_left_q == 32'd0) && (cnt_q <= k_ext);
  wire       out_free  = !out_valid_q || m_ready_i;
  wire       sym_fire  = busy_q && sym_avail && out_free;
  wire [6:0] used_bits = !sym_fire ? 7'd0 : ((cnt_q >= k_ext) ? k_ext : cnt_q);

  // Gray-coded halves: I = b0..b(m-1), Q = b(m)..b(k-1), first bit = MSB.
  reg [2:0] gi, gq;   // Gray code words, MSB first, right-aligned
  always @(*) begin
    case (k_q)
      3'd4:    begin gi = {1'b0, buf_q[0], buf_q[1]};
                     gq = {1'b0, buf_q[2], buf_q[3]}; end
      3'd6:    begin gi = {buf_q[0], buf_q[1], buf_q[2]};
                     gq = {buf_q[3], buf_q[4], buf_q[5]}; end
      default: begin gi = {2'b00, buf_q[0]};
                     gq = {2'b00, buf_q[1]}; end
    endcase
  end

  // Gray decode: g[i] = xor of code bits i..msb.
  function automatic [2:0] gray_dec(input [2:0] c);
    gray_dec = {c[2], c[2] ^ c[1], c[2] ^ c[1] ^ c[0]};
  endfunction

  // Level index g (0..2^m-1) -> signed Q2.14 amplitude for the current order.
  function automatic [15:0] level(input [2:0] kbits, input [2:0] g);
    reg [15:0] a;
    reg        neg;
    begin
      a   = 16'd0;
      neg = 1'b0;
      case (kbits)
        3'd4: begin   // levels -3 -1 1 3
          neg = !g[1];
          case (g[1:0])
            2'd0, 2'd3: a = 16'd15543;
            default:    a = 16'd5181;
          endcase
        end
        3'd6: begin   // levels -7 -5 -3 -1 1 3 5 7
          neg = !g[2];
          case (g)
            3'd0, 3'd7: a = 16'd17697;
            3'd1, 3'd6: a = 16'd12641;
            3'd2, 3'd5: a = 16'd7584;
            default:    a = 16'd2528;
          endcase
        end
        default: begin   // levels -1 1
          neg = !g[0];
          a   = 16'd11585;
        end
      endcase
      level = neg ? (16'd0 - a) : a;
    end
  endfunction

  wire [15:0] sym_i = level(k_q, gray_dec(gi));
  wire [15:0] sym_q = level(k_q, gray_dec(gq));

  // ---------------------------------------------------------------------------
  // Next-state logic
  // ---------------------------------------------------------------------------
  wire        start_fire = frame_start_i && !busy_q;
  wire [2:0]  k_start    = (variant_i == 8'd4) ? 3'd4 :
                           (variant_i == 8'd6) ? 3'd6 : 3'd2;

  wire [63:0] buf_shift = buf_q >> used_bits;
  wire [6:0]  cnt_shift = cnt_q - used_bits;
  wire        last_out_fire = out_valid_q && m_ready_i && out_last_q;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      busy_q      <= 1'b0;
      k_q         <= 3'd2;
      load_left_q <= 32'd0;
      buf_q       <= 64'd0;
      cnt_q       <= 7'd0;
      out_q       <= 32'd0;
      out_valid_q <= 1'b0;
      out_last_q  <= 1'b0;
      done_q      <= 1'b0;
    end else begin
      done_q <= 1'b0;
      if (start_fire) begin
        k_q         <= k_start;
        load_left_q <= frame_len_i;
        buf_q       <= 64'd0;
        cnt_q       <= 7'd0;
        out_valid_q <= 1'b0;
        out_last_q  <= 1'b0;
        if (frame_len_i == 32'd0) begin
          done_q <= 1'b1;       // empty frame: complete at once
        end else begin
          busy_q <= 1'b1;
        end
      end else if (busy_q) begin
        // bit buffer: consume the symbol bits, then append the new word
        if (load_fire) begin
          buf_q       <= buf_shift | ({32'd0, load_word} << cnt_shift);
          cnt_q       <= cnt_shift + {1'b0, load_bits};
          load_left_q <= load_left_q - {26'd0, load_bits};
        end else begin
          buf_q <= buf_shift;
          cnt_q <= cnt_shift;
        end
        // output register
        if (sym_fire) begin
          out_q       <= {sym_i, sym_q};
          out_valid_q <= 1'b1;
          out_last_q  <= sym_last;
        end else if (out_valid_q && m_ready_i) begin
          out_valid_q <= 1'b0;
        end
        if (last_out_fire) begin
          busy_q <= 1'b0;
          done_q <= 1'b1;
        end
      end
    end
  end

  assign s_ready_o    = load_en;
  assign m_data_o     = out_q;
  assign m_valid_o    = out_valid_q;
  assign frame_done_o = done_q;
  assign busy_o       = busy_q || done_q;

endmodule
