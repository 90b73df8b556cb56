// rm_ifft: reconfigurable module "IFFT", N = 256 .. 8192 points.
//
// Port contract: rtl/README.md "Reconfigurable modules".
//
// Function
//   variant_i = log2(N), 8..13 (values below 8 are taken as 8, above 13 as 13);
//   sampled at frame_start_i. frame_len_i is ignored: a frame is N samples.
//   Input : N words x[n] = {re[15:0], im[15:0]}, two's complement, natural order.
//   Output: N words X[k], same format, natural order, with
//             X[k] ~= (1/N) * sum_n x[n] * exp(+j*2*pi*n*k/N).
//
// Architecture
//   Radix-2 decimation-in-frequency single-path delay feedback (R2SDF)
//   pipeline of 13 stages; stage s (0..12) has a feedback delay line of
//   D = 2^(12-s) words. An N-point frame enters at stage 13 - log2(N) and
//   uses the last log2(N) stages. The pipeline is lock-step: every stage
//   advances on the same enable (one token per cycle) so no stage ever stalls
//   another. It emits the transform in bit-reversed order; a reorder buffer
//   (8192 words) written at bit-reversed addresses is then read in natural
//   order on the output stream, so output back-pressure never stalls the
//   pipeline.
//   Frame timeline (cycles, with the input never starved and the output never
//   back-pressured): N cycles to take the input (each accepted sample enters
//   the pipeline from an input register one cycle later), N + log2(N) + 1
//   cycles of flush (zero tokens push the last results out of the delay
//   lines), N cycles to stream the output: about 3N + log2(N) cycles from
//   frame_start_i to frame_done_o; one frame at a time.
//
// Fixed-point arithmetic (reproduced exactly by models/pl/ifft_golden.c)
//   Every value between stages is 16-bit two's complement per component.
//   A stage pairs a = x[i] and b = x[i+D] of each block of 2D samples:
//     x'[i]   = (a + b + 1) >> 1                      (sum, round half up)
//     x'[i+D] = sat16(((a - b) * W + 2^16) >> 17)     (difference times twiddle)
//   with W = exp(+j*2*pi*k/(2D)), k = i mod D, from twiddle_rom (Q2.16,
//   1.0 = 65536), the complex product computed exactly (a - b is 17 bits),
//   >> an arithmetic (floor) shift, sat16 saturation to [-32768, 32767].
//   Each stage divides by 2 (the sum cannot overflow; the twiddled difference
//   saturates only for inputs near full scale), so the whole transform is
//   scaled by 1/N: a frame of full-scale QAM symbols gives outputs around
//   2^14 / sqrt(N).
//
// Timing of the handshake ports: s_ready_o is high while the module waits for
// input samples of the current frame; m_valid_o while it streams the result
// (m_data_o is a combinational read of the reorder buffer at a registered
// address). frame_done_o pulses one cycle after the last output handshake;
// busy_o spans from the cycle after frame_start_i to that pulse inclusive.
// frame_start_i while busy is ignored.
module rm_ifft (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire [7:0]  variant_i,
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire [31:0] frame_len_i,  // not used: the frame length is N (contract port)
  /* verilator lint_on UNUSEDSIGNAL */
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
  localparam NST = 13;           // stages for the largest transform (8192)

  // ---------------------------------------------------------------------------
  // Frame control FSM
  // ---------------------------------------------------------------------------
  localparam [1:0] ST_IDLE  = 2'd0,
                   ST_LOAD  = 2'd1,   // taking the N input samples
                   ST_FLUSH = 2'd2,   // pushing the results out of the pipeline
                   ST_OUT   = 2'd3;   // streaming the reorder buffer

  reg  [1:0]  state_q, state_d;
  reg  [3:0]  n_q;                    // log2(N), 8..13
  reg  [14:0] in_cnt_q;               // input samples taken
  reg  [14:0] out_cnt_q;              // tokens seen at the pipeline output
  reg  [12:0] rd_idx_q;               // output sample index
  reg         done_q;

  wire [14:0] n_pts    = 15'd1 << n_q;
  wire [3:0]  first_st = 4'd13 - n_q; // first active stage

  wire [3:0] n_start = (variant_i < 8'd8)  ? 4'd8  :
                       (variant_i > 8'd13) ? 4'd13 : variant_i[3:0];

  // Input register: an accepted sample enters the pipeline in the next cycle.
  // (It keeps the input ports out of the stages' combinational logic, which
  // halves the work of the verilated model per cycle.)
  reg  [31:0] tok_q;
  reg         tok_v_q;

  // Pipeline enable and the token fed to the first active stage: the
  // registered sample, or a zero flush token.
  wire        en      = tok_v_q || (state_q == ST_FLUSH);
  wire [31:0] tok     = tok_v_q ? tok_q : 32'd0;

  // ---------------------------------------------------------------------------
  // R2SDF stages
  // ---------------------------------------------------------------------------
  wire [31:0]         y   [0:NST-1];  // stage output registers
  wire [NST-1:0]      v;              // stage output register holds a token
  // Stage enables, all stages in one vector expression (the simulation
  // model evaluates it as one word operation rather than per stage):
  // stage s takes a token when the pipeline advances and it is the first
  // active stage or an active stage whose predecessor holds a token.
  wire [NST-1:0]      first_oh = 13'd1 << first_st;               // first active stage
  wire [NST-1:0]      after_first = ~((13'd2 << first_st) - 13'd1); // stages > first_st
  wire [NST-1:0]      vin_all = en ? (first_oh | (after_first & {v[NST-2:0], 1'b0}))
                                   : {NST{1'b0}};
  wire [NST*12-1:0]   tw_addr;
  wire [NST*36-1:0]   tw_data;

  twiddle_rom u_twiddle_rom (
    .addr_i (tw_addr),
    .data_o (tw_data)
  );

  // Butterfly of a stage, a = delayed sample, b = new sample, both
  // {re[15:0], im[15:0]}:
  //   bfly_sum  = (a + b + 1) >> 1                       per component
  //   bfly_diff = sat16(((a - b) * W + 2^16) >>> 17)     complex, W = {wr, wi} Q2.16
  function automatic [31:0] bfly_sum(input [31:0] a, input [31:0] b);
    /* verilator lint_off UNUSEDSIGNAL */
    // bit 0 is dropped by the halving
    reg signed [16:0] sr, si;
    /* verilator lint_on UNUSEDSIGNAL */
    begin
      sr = $signed(a[31:16]) + $signed(b[31:16]) + 17'sd1;
      si = $signed(a[15:0]) + $signed(b[15:0]) + 17'sd1;
      bfly_sum = {sr[16:1], si[16:1]};
    end
  endfunction

  // sat16 of a value whose bits above 17 are copies of the sign
  function automatic [15:0] sat16(input [17:0] x);
    begin
      if (x[17:15] == 3'b000 || x[17:15] == 3'b111) sat16 = x[15:0];
      else                                          sat16 = x[17] ? 16'h8000 : 16'h7FFF;
    end
  endfunction

  // bfly_diff computes ((a - b) * W + 2^16) >>> 17 in 64-bit unsigned
  // arithmetic on sign-extended operands: the low 64 bits of a two's
  // complement sum of products do not depend on the signedness and the exact
  // values fit in 36 bits, so bits [34:17] of the sums are bits [17:0] of the
  // shifted signed result. (Unsigned 64-bit products are plain C
  // multiplications in the simulation model; signed 36-bit ones are calls.)
  function automatic [31:0] bfly_diff(input [31:0] a, input [31:0] b, input [35:0] w);
    /* verilator lint_off UNUSEDSIGNAL */
    // only bits [34:17] of pr, pi are taken
    reg [63:0] dr, di, wr, wi, pr, pi;
    /* verilator lint_on UNUSEDSIGNAL */
    begin
      dr = {{48{a[31]}}, a[31:16]} - {{48{b[31]}}, b[31:16]};
      di = {{48{a[15]}}, a[15:0]} - {{48{b[15]}}, b[15:0]};
      wr = {{46{w[35]}}, w[35:18]};
      wi = {{46{w[17]}}, w[17:0]};
      pr = dr * wr - di * wi + 64'd65536;
      pi = dr * wi + di * wr + 64'd65536;
      bfly_diff = {sat16(pr[34:17]), sat16(pi[34:17])};
    end
  endfunction

  genvar s;
  generate
    for (s = 0; s < NST; s = s + 1) begin : g_stage
      localparam integer D  = 1 << (NST - 1 - s);   // delay line length
      localparam integer CW = NST - s;              // counter width, counts 0..2D-1

      // stage input: the new token at the first active stage, else the
      // previous stage's register
      wire [31:0] x;
      wire        vin = vin_all[s];
      if (s == 0) begin : g_in0
        assign x = tok;
      end else begin : g_inN
        assign x = first_oh[s] ? tok : y[s-1];
      end

      reg  [CW-1:0] cnt_q;
      reg  [31:0]   y_q;
      reg           v_q;
      wire          phase2 = cnt_q[CW-1];  // second half of a 2D block: butterfly
      wire [31:0]   dl_out;
      wire [11:0]   k;                     // twiddle index within the 8192 circle
      wire [35:0]   tw = tw_data[s*36 +: 36];

      // Delay line write: the new sample in the first half of a block, the
      // twiddled difference (bfly_diff) in the second. It is computed inside
      // the clocked process, under the stage's enable, so that the
      // simulation model evaluates the multipliers only for a token.
      if (D == 1) begin : g_dl1
        reg [31:0] dl_q;
        assign dl_out = dl_q;
        always @(posedge clk_i) begin
          if (vin) begin
            if (phase2) dl_q <= bfly_diff(dl_out, x, tw);
            else        dl_q <= x;
          end
        end
        assign k = 12'd0;
      end else begin : g_dlN
        reg [31:0] dl_q [0:D-1];
        assign dl_out = dl_q[cnt_q[CW-2:0]];
        always @(posedge clk_i) begin
          if (vin) begin
            if (phase2) dl_q[cnt_q[CW-2:0]] <= bfly_diff(dl_out, x, tw);
            else        dl_q[cnt_q[CW-2:0]] <= x;
          end
        end
        // k * 4096/D = k << s; fits in 12 bits since k < D
        if (s == 0) begin : g_k0
          assign k = cnt_q[11:0];
        end else begin : g_kN
          wire [11:0] k_ext = {{s{1'b0}}, cnt_q[CW-2:0]};
          assign k = k_ext << s;
        end
      end

      assign tw_addr[s*12 +: 12] = k;

      always @(posedge clk_i) begin
        if (!rst_ni) begin
          cnt_q <= {CW{1'b0}};
          v_q   <= 1'b0;
          y_q   <= 32'd0;
        end else if (state_q == ST_IDLE) begin
          cnt_q <= {CW{1'b0}};
          v_q   <= 1'b0;
        end else if (vin) begin
          cnt_q <= cnt_q + 1'b1;
          v_q   <= 1'b1;
          // stage output: the delayed sample in the first half of a block,
          // the halved sum (bfly_sum) in the second
          if (phase2) y_q <= bfly_sum(dl_out, x);
          else        y_q <= dl_out;
        end
      end

      assign y[s] = y_q;
      assign v[s] = v_q;
    end
  endgenerate

  // ---------------------------------------------------------------------------
  // Reorder buffer: pipeline token t >= N-1 is the transform at bit-reversed
  // position t - (N - 1).
  // ---------------------------------------------------------------------------
  reg [31:0] rob_q [0:8191];

  wire        out_tok  = en && v[NST-1];
  wire [14:0] pos      = out_cnt_q - (n_pts - 15'd1);
  wire        pos_ok   = out_tok && (out_cnt_q >= n_pts - 15'd1);
  // bit reversal of the 13-bit position, shifted to log2(N) bits; called
  // under pos_ok so that the simulation model evaluates it only for a token
  function automatic [12:0] rob_addr(input [12:0] p, input [3:0] sh);
    integer i;
    reg [12:0] r;
    begin
      for (i = 0; i < 13; i = i + 1) r[i] = p[12 - i];
      rob_addr = r >> sh;
    end
  endfunction
  wire        last_tok  = pos_ok && (pos == n_pts - 15'd1);

  always @(posedge clk_i) begin
    if (pos_ok) rob_q[rob_addr(pos[12:0], first_st)] <= y[NST-1];
  end

  // ---------------------------------------------------------------------------
  // FSM
  // ---------------------------------------------------------------------------
  wire in_fire  = (state_q == ST_LOAD) && s_valid_i;
  wire out_fire = (state_q == ST_OUT) && m_ready_i;
  wire out_last = out_fire && ({2'b00, rd_idx_q} == n_pts - 15'd1);

  always @(*) begin
    state_d = state_q;
    case (state_q)
      ST_IDLE:  if (frame_start_i) state_d = ST_LOAD;
      ST_LOAD:  if (in_fire && (in_cnt_q == n_pts - 15'd1)) state_d = ST_FLUSH;
      ST_FLUSH: if (last_tok) state_d = ST_OUT;
      ST_OUT:   if (out_last) state_d = ST_IDLE;
      default:  state_d = ST_IDLE;
    endcase
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q   <= ST_IDLE;
      n_q       <= 4'd8;
      in_cnt_q  <= 15'd0;
      out_cnt_q <= 15'd0;
      rd_idx_q  <= 13'd0;
      done_q    <= 1'b0;
      tok_q     <= 32'd0;
      tok_v_q   <= 1'b0;
    end else begin
      state_q <= state_d;
      done_q  <= out_last;
      tok_v_q <= in_fire;
      if (in_fire) tok_q <= s_data_i;
      if ((state_q == ST_IDLE) && frame_start_i) begin
        n_q       <= n_start;
        in_cnt_q  <= 15'd0;
        out_cnt_q <= 15'd0;
        rd_idx_q  <= 13'd0;
      end
      if (in_fire)  in_cnt_q  <= in_cnt_q + 15'd1;
      if (out_tok)  out_cnt_q <= out_cnt_q + 15'd1;
      if (out_fire) rd_idx_q  <= rd_idx_q + 13'd1;
    end
  end

  assign s_ready_o    = (state_q == ST_LOAD);
  assign m_valid_o    = (state_q == ST_OUT);
  assign m_data_o     = rob_q[rd_idx_q];
  assign frame_done_o = done_q;
  assign busy_o       = (state_q != ST_IDLE) || done_q;

endmodule
