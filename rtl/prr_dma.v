// prr_dma: the DMA engine of one PRR, an AXI4 master on a Zynq S_AXI_HP port.
//
// Two independent engines share the master port:
//   read engine : rd_len_i 32-bit words from byte address rd_addr_i in memory
//                 -> 32-bit stream rd_data_o/rd_valid_o/rd_ready_i (to the RM input)
//   write engine: 32-bit stream wr_data_i/wr_valid_i/wr_ready_o (from the RM
//                 output) -> wr_len_i words at byte address wr_addr_i
//
// Control (driven by prr_ctrl; see rtl/README.md "DMA registers")
//   rd_start_i / wr_start_i: 1-cycle pulse, samples address and length; ignored
//   while that engine is busy. Addresses are byte addresses; bits [1:0] are
//   ignored (4-byte granularity). A length of 0 completes at once (done pulse
//   the next cycle, no AXI traffic). The address range must not wrap at 4 GiB.
//   rd_busy_o / wr_busy_o: engine active. rd_done_o: 1-cycle pulse after the
//   last word left on rd_data_o. wr_done_o: 1-cycle pulse after the last write
//   response (BRESP) arrived, i.e. the data are in memory.
//   err_o: 1-cycle pulse for each cycle with an RRESP or BRESP other than OKAY
//   (SLVERR/DECERR); the transfer still runs to its end (the data of a failed
//   read beat are delivered as received).
//
// AXI4 master (AMBA AXI4 spec, IHI 0022): 32-bit addresses, 64-bit data (the
// S_AXI_HP width); INCR bursts (AxBURST = 1) of AxSIZE = 3 (8 bytes) and 1..16
// beats, never crossing a 4 KiB boundary (A3.4.1). No ID, LOCK, CACHE, PROT,
// QOS signals: the integrating top ties ID = 0, AxCACHE = 4'b0011,
// AxPROT = 3'b000. A burst's first beat may start at a 4-byte offset (the
// lower word is then dropped on reads and masked by WSTRB on writes), likewise
// the last beat's upper word. Up to 4 read bursts and 4 write bursts are
// outstanding; the W data of a burst are sent only after its AW handshake;
// RREADY and BREADY never wait for VALID; VALID is never withdrawn before
// READY. Any READY/VALID back-pressure from the slave or the streams is
// tolerated.
module prr_dma (
  input  wire        clk_i,
  input  wire        rst_ni,
  // read engine: memory -> stream
  input  wire        rd_start_i,
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire [31:0] rd_addr_i,        // bits [1:0] ignored (word granularity)
  /* verilator lint_on UNUSEDSIGNAL */
  input  wire [31:0] rd_len_i,
  output wire        rd_busy_o,
  output wire        rd_done_o,
  output wire [31:0] rd_data_o,
  output wire        rd_valid_o,
  input  wire        rd_ready_i,
  // write engine: stream -> memory
  input  wire        wr_start_i,
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire [31:0] wr_addr_i,        // bits [1:0] ignored (word granularity)
  /* verilator lint_on UNUSEDSIGNAL */
  input  wire [31:0] wr_len_i,
  output wire        wr_busy_o,
  output wire        wr_done_o,
  input  wire [31:0] wr_data_i,
  input  wire        wr_valid_i,
  output wire        wr_ready_o,
  output wire        err_o,
  // AXI4 master
  output wire [31:0] m_axi_araddr_o,
  output wire [7:0]  m_axi_arlen_o,
  output wire [2:0]  m_axi_arsize_o,
  output wire [1:0]  m_axi_arburst_o,
  output wire        m_axi_arvalid_o,
  input  wire        m_axi_arready_i,
  input  wire [63:0] m_axi_rdata_i,
  input  wire [1:0]  m_axi_rresp_i,
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire        m_axi_rlast_i,   // not needed: beats are counted
  /* verilator lint_on UNUSEDSIGNAL */
  input  wire        m_axi_rvalid_i,
  output wire        m_axi_rready_o,
  output wire [31:0] m_axi_awaddr_o,
  output wire [7:0]  m_axi_awlen_o,
  output wire [2:0]  m_axi_awsize_o,
  output wire [1:0]  m_axi_awburst_o,
  output wire        m_axi_awvalid_o,
  input  wire        m_axi_awready_i,
  output wire [63:0] m_axi_wdata_o,
  output wire [7:0]  m_axi_wstrb_o,
  output wire        m_axi_wlast_o,
  output wire        m_axi_wvalid_o,
  input  wire        m_axi_wready_i,
  input  wire [1:0]  m_axi_bresp_i,
  input  wire        m_axi_bvalid_i,
  output wire        m_axi_bready_o
);
  localparam [4:0] MAX_BEATS = 5'd16;
  localparam [2:0] MAX_OUTST = 3'd4;   // outstanding bursts per direction

  // Beats of the next burst at 8-aligned address addr with `left` beats still
  // to transfer: min(16, left, beats up to the next 4 KiB boundary).
  function automatic [4:0] burst_beats(input [8:0] addr_11_3, input [31:0] left);
    reg [9:0] to_4k;
    reg [4:0] b;
    begin
      to_4k = 10'd512 - {1'b0, addr_11_3};
      b = MAX_BEATS;
      if (left < {27'd0, b})        b = left[4:0];
      if (to_4k < {5'd0, b})        b = to_4k[4:0];
      burst_beats = b;
    end
  endfunction

  // Beats covering len words starting at a word address with offset bit off
  // (word 1 of a 64-bit beat): ceil((off + len) / 2).
  function automatic [31:0] total_beats(input off, input [31:0] len);
    begin
      total_beats = {1'b0, len[31:1]} + {31'd0, off | len[0]};
    end
  endfunction

  // ===========================================================================
  // Read engine
  // ===========================================================================
  reg        rd_busy_q;
  reg        rd_done_q;
  reg [31:0] ar_addr_q;        // next AR address (8-aligned)
  reg [31:0] ar_left_q;        // beats not yet requested
  reg        arvalid_q;
  reg [4:0]  arlen_beats_q;    // beats of the burst on AR
  reg [2:0]  ar_outst_q;       // read bursts requested, last beat not received
  reg [4:0]  r_beat_q;         // beats received of the oldest read burst
  reg [4:0]  r_burst_len_q [0:3];
  reg [1:0]  r_wr_ptr_q, r_rd_ptr_q;
  reg        r_first_q;        // next R beat is the first of the transfer
  reg        r_skip_lo_q;      // first beat's lower word is not part of the data
  reg [31:0] r_words_left_q;   // words not yet received
  reg [31:0] out_words_left_q; // words not yet delivered on the stream

  // 4-word stream buffer between R and rd_data_o
  reg [31:0] rbuf_q [0:3];
  reg [1:0]  rbuf_wp_q, rbuf_rp_q;
  reg [2:0]  rbuf_cnt_q;

  wire rd_start_fire = rd_start_i && !rd_busy_q;
  wire ar_fire = arvalid_q && m_axi_arready_i;
  wire rready  = rd_busy_q && (rbuf_cnt_q <= 3'd2);
  wire r_fire  = m_axi_rvalid_i && rready;
  wire rs_fire = (rbuf_cnt_q != 3'd0) && rd_ready_i;   // stream word out

  wire       ar_issue = rd_busy_q && !arvalid_q && (ar_left_q != 32'd0) &&
                        (ar_outst_q < MAX_OUTST);
  wire       r_last_of_burst = r_fire && (r_beat_q + 5'd1 == r_burst_len_q[r_rd_ptr_q]);

  // words of this R beat that belong to the transfer
  wire        r_lo_ok = !(r_first_q && r_skip_lo_q) && (r_words_left_q != 32'd0);
  wire [31:0] r_left_after_lo = r_words_left_q - {31'd0, r_lo_ok};
  wire        r_hi_ok = (r_left_after_lo != 32'd0);
  wire [2:0]  r_push_n = r_fire ? ({2'd0, r_lo_ok} + {2'd0, r_hi_ok}) : 3'd0;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      rd_busy_q        <= 1'b0;
      rd_done_q        <= 1'b0;
      ar_addr_q        <= 32'd0;
      ar_left_q        <= 32'd0;
      arvalid_q        <= 1'b0;
      arlen_beats_q    <= 5'd0;
      ar_outst_q       <= 3'd0;
      r_beat_q         <= 5'd0;
      r_wr_ptr_q       <= 2'd0;
      r_rd_ptr_q       <= 2'd0;
      r_first_q        <= 1'b0;
      r_skip_lo_q      <= 1'b0;
      r_words_left_q   <= 32'd0;
      out_words_left_q <= 32'd0;
      rbuf_wp_q        <= 2'd0;
      rbuf_rp_q        <= 2'd0;
      rbuf_cnt_q       <= 3'd0;
    end else begin
      rd_done_q <= 1'b0;
      // The busy branch comes before the start branch (the two exclude each
      // other: a start is taken only while idle) and reads every register
      // before it assigns it, so that the simulation model updates the
      // registers in place rather than through shadow copies.
      if (rd_busy_q) begin
        // AR channel
        // (burst_beats is called here, under the issue condition, rather
        // than in a continuous assignment, so that the simulation model
        // evaluates it only when a burst is issued)
        if (ar_issue) begin
          arvalid_q     <= 1'b1;
          arlen_beats_q <= burst_beats(ar_addr_q[11:3], ar_left_q);
          r_burst_len_q[r_wr_ptr_q] <= burst_beats(ar_addr_q[11:3], ar_left_q);
          r_wr_ptr_q    <= r_wr_ptr_q + 2'd1;
          ar_left_q     <= ar_left_q - {27'd0, burst_beats(ar_addr_q[11:3], ar_left_q)};
        end
        if (ar_fire) begin
          arvalid_q <= 1'b0;
          ar_addr_q <= ar_addr_q + {24'd0, arlen_beats_q, 3'b000};
        end
        // outstanding bursts: counted from the cycle AR is raised
        ar_outst_q <= ar_outst_q + {2'd0, ar_issue} - {2'd0, r_last_of_burst};
        // R channel
        if (r_fire) begin
          r_first_q      <= 1'b0;
          r_words_left_q <= r_words_left_q - {29'd0, r_push_n};
          // (one assignment: a read after an assignment in the same
          // process, even in another branch, costs the model a shadow copy)
          r_beat_q <= r_last_of_burst ? 5'd0 : r_beat_q + 5'd1;
          if (r_last_of_burst) r_rd_ptr_q <= r_rd_ptr_q + 2'd1;
          if (r_lo_ok) rbuf_q[rbuf_wp_q] <= m_axi_rdata_i[31:0];
          if (r_hi_ok) rbuf_q[rbuf_wp_q + {1'b0, r_lo_ok}] <= m_axi_rdata_i[63:32];
          rbuf_wp_q <= rbuf_wp_q + r_push_n[1:0];
        end
        // stream side
        if (rs_fire) begin
          if (out_words_left_q == 32'd1) begin
            rd_busy_q <= 1'b0;
            rd_done_q <= 1'b1;
          end
          rbuf_rp_q        <= rbuf_rp_q + 2'd1;
          out_words_left_q <= out_words_left_q - 32'd1;
        end
        rbuf_cnt_q <= rbuf_cnt_q + r_push_n - {2'd0, rs_fire};
      end
      if (rd_start_fire) begin
        if (rd_len_i == 32'd0) begin
          rd_done_q <= 1'b1;
        end else begin
          rd_busy_q <= 1'b1;
        end
        ar_addr_q        <= {rd_addr_i[31:3], 3'b000};
        ar_left_q        <= total_beats(rd_addr_i[2], rd_len_i);
        r_first_q        <= 1'b1;
        r_skip_lo_q      <= rd_addr_i[2];
        r_words_left_q   <= rd_len_i;
        out_words_left_q <= rd_len_i;
        r_beat_q         <= 5'd0;
        r_wr_ptr_q       <= 2'd0;
        r_rd_ptr_q       <= 2'd0;
        ar_outst_q       <= 3'd0;
        rbuf_wp_q        <= 2'd0;
        rbuf_rp_q        <= 2'd0;
        rbuf_cnt_q       <= 3'd0;
      end
    end
  end

  // ===========================================================================
  // Write engine
  // ===========================================================================
  reg        wr_busy_q;
  reg        wr_done_q;
  reg [31:0] aw_addr_q;        // next AW address (8-aligned)
  reg [31:0] aw_left_q;        // beats not yet covered by an AW
  reg        awvalid_q;
  reg [4:0]  awlen_beats_q;
  reg [15:0] aw_cnt_q;         // AW handshakes done
  reg [15:0] b_cnt_q;          // B responses received
  // beat assembly
  reg [31:0] wrd_left_q;       // stream words not yet taken
  reg [63:0] asm_data_q;
  reg [7:0]  asm_strb_q;
  reg        asm_half_q;       // next word goes to the upper half
  reg        asm_full_q;       // assembled beat waits for the W register
  reg [31:0] asm_addr_q;       // address of the beat being assembled
  reg [31:0] w_beats_left_q;   // beats not yet moved to the W register
  reg [4:0]  w_burst_left_q;   // beats left in the current W burst (0: new burst)
  reg [15:0] w_burst_idx_q;    // W bursts started
  // W register
  reg [63:0] wdata_q;
  reg [7:0]  wstrb_q;
  reg        wlast_q;
  reg        wvalid_q;

  wire wr_start_fire = wr_start_i && !wr_busy_q;
  wire aw_fire = awvalid_q && m_axi_awready_i;
  wire w_fire  = wvalid_q && m_axi_wready_i;
  wire b_fire  = m_axi_bvalid_i;                 // BREADY is always high

  wire [15:0] aw_outst = aw_cnt_q - b_cnt_q + {15'd0, awvalid_q};
  wire aw_issue = wr_busy_q && !awvalid_q && (aw_left_q != 32'd0) &&
                  (aw_outst < {13'd0, MAX_OUTST});

  // Moving the assembled beat into the W register. A new burst may start
  // only after its AW handshake.
  wire       w_new_burst = (w_burst_left_q == 5'd0);
  wire       w_aw_ok     = !w_new_burst || (w_burst_idx_q != aw_cnt_q);
  wire       w_move      = asm_full_q && (!wvalid_q || m_axi_wready_i) && w_aw_ok;
  // Beats left in the W burst the moved beat belongs to (itself included):
  // a new burst's length, or the current burst's remainder. Called only
  // where a beat is moved (see burst_beats in the read engine).
  function automatic [4:0] w_burst_cur(input new_burst, input [8:0] addr_11_3, input [31:0] left,
                                       input [4:0] cur);
    begin
      w_burst_cur = new_burst ? burst_beats(addr_11_3, left) : cur;
    end
  endfunction

  wire wr_take  = wr_busy_q && (wrd_left_q != 32'd0) && (!asm_full_q || w_move);
  wire wr_fire  = wr_take && wr_valid_i;
  // the beat is complete after this word if it fills the upper half or it is
  // the last word of the transfer
  wire asm_half_eff = (asm_full_q && w_move) ? 1'b0 : asm_half_q;
  wire asm_done_now = wr_fire && (asm_half_eff || (wrd_left_q == 32'd1));

  wire wr_all_sent = (w_beats_left_q == 32'd0) && !wvalid_q && !asm_full_q;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      wr_busy_q      <= 1'b0;
      wr_done_q      <= 1'b0;
      aw_addr_q      <= 32'd0;
      aw_left_q      <= 32'd0;
      awvalid_q      <= 1'b0;
      awlen_beats_q  <= 5'd0;
      aw_cnt_q       <= 16'd0;
      b_cnt_q        <= 16'd0;
      wrd_left_q     <= 32'd0;
      asm_data_q     <= 64'd0;
      asm_strb_q     <= 8'd0;
      asm_half_q     <= 1'b0;
      asm_full_q     <= 1'b0;
      asm_addr_q     <= 32'd0;
      w_beats_left_q <= 32'd0;
      w_burst_left_q <= 5'd0;
      w_burst_idx_q  <= 16'd0;
      wdata_q        <= 64'd0;
      wstrb_q        <= 8'd0;
      wlast_q        <= 1'b0;
      wvalid_q       <= 1'b0;
    end else begin
      wr_done_q <= 1'b0;
      // As in the read engine: busy branch first, each register read before
      // it is assigned.
      if (wr_busy_q) begin
        // end of the transfer: every W beat sent, every AW issued and
        // answered
        if (wr_all_sent && (aw_left_q == 32'd0) && !awvalid_q &&
            ((b_cnt_q + {15'd0, b_fire}) == aw_cnt_q)) begin
          wr_busy_q <= 1'b0;
          wr_done_q <= 1'b1;
        end
        // B channel
        if (b_fire) b_cnt_q <= b_cnt_q + 16'd1;
        // AW channel
        if (aw_issue) begin
          awvalid_q     <= 1'b1;
          awlen_beats_q <= burst_beats(aw_addr_q[11:3], aw_left_q);
          aw_left_q     <= aw_left_q - {27'd0, burst_beats(aw_addr_q[11:3], aw_left_q)};
        end
        if (aw_fire) begin
          awvalid_q <= 1'b0;
          aw_addr_q <= aw_addr_q + {24'd0, awlen_beats_q, 3'b000};
          aw_cnt_q  <= aw_cnt_q + 16'd1;
        end
        // W register
        if (w_fire) begin
          wvalid_q <= 1'b0;
        end
        if (w_move) begin
          wdata_q        <= asm_data_q;
          wstrb_q        <= asm_strb_q;
          wvalid_q       <= 1'b1;
          wlast_q        <= (w_burst_cur(w_new_burst, asm_addr_q[11:3], w_beats_left_q,
                                         w_burst_left_q) == 5'd1);
          w_burst_left_q <= w_burst_cur(w_new_burst, asm_addr_q[11:3], w_beats_left_q,
                                        w_burst_left_q) - 5'd1;
          if (w_new_burst) w_burst_idx_q <= w_burst_idx_q + 16'd1;
          w_beats_left_q <= w_beats_left_q - 32'd1;
          asm_addr_q     <= asm_addr_q + 32'd8;
          asm_full_q     <= 1'b0;
          asm_half_q     <= 1'b0;
        end
        // beat assembly; strobes: a word taken into the upper half adds its
        // strobes to those of the beat (none if that beat moves on in this
        // cycle), a beat that moves on without a new word leaves none
        if (wr_fire) begin
          wrd_left_q <= wrd_left_q - 32'd1;
          if (asm_half_eff) begin
            asm_data_q[63:32] <= wr_data_i;
            asm_strb_q        <= (w_move ? 8'h00 : asm_strb_q) | 8'hF0;
          end else begin
            asm_data_q[31:0]  <= wr_data_i;
            asm_strb_q        <= 8'h0F;
            asm_half_q        <= 1'b1;
          end
          if (asm_done_now) asm_full_q <= 1'b1;
        end else if (w_move) begin
          asm_strb_q <= 8'd0;
        end
      end
      if (wr_start_fire) begin
        if (wr_len_i == 32'd0) begin
          wr_done_q <= 1'b1;
        end else begin
          wr_busy_q <= 1'b1;
        end
        aw_addr_q      <= {wr_addr_i[31:3], 3'b000};
        aw_left_q      <= total_beats(wr_addr_i[2], wr_len_i);
        aw_cnt_q       <= 16'd0;
        b_cnt_q        <= 16'd0;
        wrd_left_q     <= wr_len_i;
        asm_strb_q     <= 8'd0;
        asm_half_q     <= wr_addr_i[2];
        asm_full_q     <= 1'b0;
        asm_addr_q     <= {wr_addr_i[31:3], 3'b000};
        w_beats_left_q <= total_beats(wr_addr_i[2], wr_len_i);
        w_burst_left_q <= 5'd0;
        w_burst_idx_q  <= 16'd0;
      end
    end
  end

  // ===========================================================================
  // Outputs
  // ===========================================================================
  assign rd_busy_o  = rd_busy_q;
  assign rd_done_o  = rd_done_q;
  assign rd_data_o  = rbuf_q[rbuf_rp_q];
  assign rd_valid_o = (rbuf_cnt_q != 3'd0);
  assign wr_busy_o  = wr_busy_q;
  assign wr_done_o  = wr_done_q;
  assign wr_ready_o = wr_take;
  assign err_o      = (r_fire && (m_axi_rresp_i != 2'b00)) ||
                      (b_fire && wr_busy_q && (m_axi_bresp_i != 2'b00));

  assign m_axi_araddr_o  = ar_addr_q;
  assign m_axi_arlen_o   = {3'd0, arlen_beats_q - 5'd1};
  assign m_axi_arsize_o  = 3'b011;
  assign m_axi_arburst_o = 2'b01;
  assign m_axi_arvalid_o = arvalid_q;
  assign m_axi_rready_o  = rready;
  assign m_axi_awaddr_o  = aw_addr_q;
  assign m_axi_awlen_o   = {3'd0, awlen_beats_q - 5'd1};
  assign m_axi_awsize_o  = 3'b011;
  assign m_axi_awburst_o = 2'b01;
  assign m_axi_awvalid_o = awvalid_q;
  assign m_axi_wdata_o   = wdata_q;
  assign m_axi_wstrb_o   = wstrb_q;
  assign m_axi_wlast_o   = wlast_q;
  assign m_axi_wvalid_o  = wvalid_q;
  assign m_axi_bready_o  = 1'b1;
endmodule
