// PRR controller: the per-PRR register group (Mini-NOVA Table 1 plus job/DMA
// registers and the guest view forwarded by pr_if), the frame sequencer, the
// decoupling during reconfiguration and the reset of a freshly loaded module.
//
// Register map: rtl/regs/prr_ctrl.yaml. Behaviour:
// - A job is FRAMES frames. Frame f reads IN_WORDS words from
//   SRC_ADDR + f*IN_WORDS*4 and writes OUT_WORDS words to DST_ADDR +
//   f*OUT_WORDS*4; it starts the DMA read and write engines and pulses the
//   module's frame_start in the same cycle, and completes when the module's
//   frame_done and the DMA write done have both been seen and the read engine
//   is idle. PROGRESS then counts it.
// - Frames only start in state IDLE; a stop (Monitor STOP_CMD), a pause
//   (PROC_STATUS.PAUSE), ENABLE=0, or a switch request (PRR_STATUS.SWITCH,
//   Monitor RCFG_SET, cfg_port loading this PRR) is honoured only between
//   frames, so no frame is cut, lost or repeated: a paused or preempted job
//   resumes at frame PROGRESS on the next START (after the VDM restored the job
//   registers, if the PRR served someone else meanwhile).
// - DECOUPLED: the module is held in reset (mod_rst_no=0), no frame and no
//   DMA command is issued (prr.v also forces the AXI request valids low),
//   RECO_RDY=1. A complete valid bitstream (cfg_load_i) installs the new
//   module id and goes to MODRST, which holds the module in reset for
//   RESET_CYCLES more cycles with the new module selected before IDLE. A SimB
//   error for this PRR (cfg_err_i) marks the module invalid; the PRR stays
//   DECOUPLED until a valid load.
// - A DMA error response ends the job after the current frame with ERROR.
// - DMA window: a frame whose DMA read or write range (word granularity) is
//   not inside DMA_BASE..DMA_LIMIT is not started; the job ends with ERROR and
//   DMA_STATUS[3], without a bus access. The VDM sets the window to the owner
//   VM's memory when it connects a PR interface (guests cannot reach it).
module prr_ctrl #(
  parameter [7:0]  PRR_ID       = 8'd0,
  parameter [7:0]  INIT_MODULE  = 8'h12,   // module present after power-on
  parameter integer RESET_CYCLES = 8       // >= 2
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  // register bus (offsets inside the 4 KiB group)
  input  wire        reg_we_i,
  input  wire        reg_re_i,          // a read samples reg_rdata_o this cycle
  input  wire [11:0] reg_addr_i,
  input  wire [31:0] reg_wdata_i,
  output reg  [31:0] reg_rdata_o,
  // PRR Monitor
  input  wire        stop_req_i,
  output wire        stop_ack_o,
  input  wire        rcfg_req_i,
  output wire        load_done_o,        // pulse: valid bitstream installed
  output wire        load_err_o,         // pulse: SimB error for this PRR
  output wire [7:0]  module_o,
  output wire        module_valid_o,
  // cfg_port
  input  wire        cfg_decouple_req_i, // a bitstream for this PRR is arriving
  output wire        rcfg_ready_o,       // decoupled at a frame boundary
  input  wire        cfg_load_i,         // pulse: complete valid bitstream
  input  wire [7:0]  cfg_module_i,
  input  wire        cfg_err_i,          // pulse: the bitstream for this PRR failed
  // module slot
  output wire        mod_rst_no,
  output wire [7:0]  mod_variant_o,
  output wire [31:0] mod_frame_len_o,
  output reg         mod_frame_start_o,
  input  wire        mod_frame_done_i,
  // DMA (prr_dma)
  output reg         dma_rd_start_o,
  output wire [31:0] dma_rd_addr_o,
  output wire [31:0] dma_rd_len_o,
  output reg         dma_wr_start_o,
  output wire [31:0] dma_wr_addr_o,
  output wire [31:0] dma_wr_len_o,
  input  wire        dma_rd_busy_i,
  input  wire        dma_wr_busy_i,
  input  wire        dma_wr_done_i,
  input  wire        dma_err_i,
  output wire        decoupled_o,
  output wire        stream_in_xbar_o,   // STREAM.IN_XBAR: module input from the crossbar
  output wire        stream_out_xbar_o,  // STREAM.OUT_XBAR: module output to the crossbar
  output wire        irq_o
);
  `include "pl_regs.vh"
  `include "pl_funcs.vh"

  localparam [1:0] ST_DECOUPLED = 2'd0, ST_MODRST = 2'd1, ST_IDLE = 2'd2, ST_FRAME = 2'd3;
  localparam integer INT_DONE = 0, INT_PAUSED = 1, INT_ERROR = 2, INT_LOADED = 3, INT_LOAD_ERR = 4;

  reg [1:0]  state_q;
  reg [7:0]  module_q;
  reg        module_valid_q;
  reg        loaded_q;            // MODRST follows a real load (raise LOADED at its end)
  reg        enable_q, switch_q, pause_q, job_q, job_err_q, dma_err_q;
  reg [31:0] src_q, dst_q, frames_q, frame_len_q, progress_q;
  reg [7:0]  int_en_q, int_st_q;
  reg [31:0] delay_cnt_q, delay_q, frame_cyc_q, frame_cycles_q;
  reg [7:0]  rst_cnt_q;
  reg        mod_done_seen_q, wr_done_seen_q, paused_q;
  reg        suspended_q;         // job stopped by the Monitor (STOP_CMD), resumable
  reg        load_done_q, load_err_q;
  reg [1:0]  stream_q;            // [0] input from crossbar, [1] output to crossbar
  reg [31:0] dma_base_q, dma_limit_q;   // DMA window (inclusive)
  reg        window_err_q;        // the last job was refused by the window

  // Words per frame of the loaded module: IN_WORDS = ceil(FRAME_LEN / 32) and
  // OUT_WORDS = ceil(FRAME_LEN / bits per symbol) for QAM, N and N for IFFT,
  // 0 without a valid module. Held in registers that are recomputed in the
  // cycle MODULE or FRAME_LEN changes (from their next values), so they
  // always equal that function of the current registers; the division is
  // then only evaluated on a change, not on every cycle of the model.
  wire [7:0]  variant = pl_mod_variant(module_q);
  reg  [31:0] in_words_q, out_words_q;
  function automatic [63:0] frame_words(input valid, input [7:0] id, input [31:0] len);
    reg [7:0] var_d;
    begin
      var_d = pl_mod_variant(id);
      frame_words = 64'd0;
      if (valid && id[7:4] == 4'd1)
        frame_words = {(len + 32'd31) >> 5, (len + {24'd0, var_d} - 32'd1) / {24'd0, var_d}};
      else if (valid && id[7:4] == 4'd2)
        frame_words = {32'd1 << var_d[3:0], 32'd1 << var_d[3:0]};
    end
  endfunction

  wire decouple_want = switch_q || rcfg_req_i || cfg_decouple_req_i || !module_valid_q;
  wire hold_want     = stop_req_i || pause_q || !enable_q;
  wire frame_end     = (mod_done_seen_q || mod_frame_done_i) &&
                       (wr_done_seen_q || dma_wr_done_i) && !dma_rd_busy_i;
  wire paused_now    = job_q && (state_q != ST_FRAME) && (hold_want || decouple_want);
  wire job_busy      = (state_q == ST_FRAME);

  // register write decode
  wire we_proc   = reg_we_i && reg_addr_i == `PL_PRR_PROC_STATUS;
  wire we_ifctrl = reg_we_i && reg_addr_i == `PL_PRR_IF_CTRL;
  wire start_w   = (we_proc && reg_wdata_i[0]) || (we_ifctrl && reg_wdata_i[0]);
  wire job_regs_w = !job_q;       // job registers are writable only between jobs
  wire        gpr_addr = ((reg_addr_i >= `PL_PRR_GPR) && (reg_addr_i < `PL_PRR_GPR + 12'h020)) ||
                         ((reg_addr_i >= `PL_PRR_IF_GPR) && (reg_addr_i < `PL_PRR_IF_GPR + 12'h020));
  wire        we_gpr = reg_we_i && gpr_addr;
  wire [2:0]  gpr_idx = reg_addr_i[4:2];   // both GPR banks are 32-byte aligned
  // 1 when the byte range of `words` 32-bit words at word address addr (byte
  // address bits [1:0] are ignored, as by prr_dma) lies inside the DMA
  // window; an empty range does. Called only where a frame is launched (no
  // per-cycle cost in the model).
  function automatic in_window(input [31:2] addr, input [31:0] words,
                               input [31:0] base, input [31:0] limit);
    reg [63:0] lo, last;
    begin
      lo   = {32'd0, addr, 2'b00};
      last = lo + ({32'd0, words} << 2) - 64'd1;
      in_window = (words == 32'd0) ||
                  ((lo >= {32'd0, base}) && (last <= {32'd0, limit}));
    end
  endfunction

  // next values of the registers frame_words() depends on
  wire        len_we    = reg_we_i && job_regs_w &&
                          (reg_addr_i == `PL_PRR_FRAME_LEN || reg_addr_i == `PL_PRR_IF_PARAM);
  wire        mod_load  = (state_q == ST_DECOUPLED) && cfg_load_i;
  wire        mod_fail  = (state_q == ST_DECOUPLED) && !cfg_load_i && cfg_err_i;
  wire [31:0] len_d     = len_we ? reg_wdata_i : frame_len_q;
  wire [7:0]  module_d  = mod_load ? cfg_module_i : module_q;
  wire        mvalid_d  = mod_load ? 1'b1 : mod_fail ? 1'b0 : module_valid_q;

  // GPRs: one 256-bit register written 32 bits at a time (the GPR address
  // ranges hold no other register); a vector, not an array, so that the
  // simulation model has no per-element write flags to test every cycle.
  reg [255:0] gpr_q;
  always @(posedge clk_i) begin
    if (!rst_ni)     gpr_q <= 256'd0;
    else if (we_gpr) gpr_q[32*gpr_idx +: 32] <= reg_wdata_i;
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q        <= pl_mod_valid(INIT_MODULE) ? ST_MODRST : ST_DECOUPLED;
      module_q       <= INIT_MODULE;
      module_valid_q <= pl_mod_valid(INIT_MODULE);
      loaded_q       <= 1'b0;
      enable_q <= 1'b1; switch_q <= 1'b0; pause_q <= 1'b0; job_q <= 1'b0;
      job_err_q <= 1'b0; dma_err_q <= 1'b0;
      src_q <= 32'd0; dst_q <= 32'd0; frames_q <= 32'd0; frame_len_q <= `PL_PRR_FRAME_LEN_RESET;
      progress_q <= 32'd0;
      {in_words_q, out_words_q} <= frame_words(pl_mod_valid(INIT_MODULE), INIT_MODULE,
                                           `PL_PRR_FRAME_LEN_RESET);
      int_en_q <= 8'd0; int_st_q <= 8'd0;
      delay_cnt_q <= 32'd0; delay_q <= 32'd0; frame_cyc_q <= 32'd0; frame_cycles_q <= 32'd0;
      rst_cnt_q <= RESET_CYCLES[7:0];
      mod_done_seen_q <= 1'b0; wr_done_seen_q <= 1'b0; paused_q <= 1'b0; suspended_q <= 1'b0;
      load_done_q <= 1'b0; load_err_q <= 1'b0; stream_q <= 2'b00;
      dma_base_q <= `PL_PRR_DMA_BASE_RESET; dma_limit_q <= `PL_PRR_DMA_LIMIT_RESET;
      window_err_q <= 1'b0;
      mod_frame_start_o <= 1'b0; dma_rd_start_o <= 1'b0; dma_wr_start_o <= 1'b0;
    end else begin
      mod_frame_start_o <= 1'b0;
      dma_rd_start_o    <= 1'b0;
      dma_wr_start_o    <= 1'b0;
      load_done_q       <= 1'b0;
      load_err_q        <= 1'b0;
      paused_q          <= paused_now;
      if (paused_now && !paused_q) int_st_q[INT_PAUSED] <= 1'b1;
      if (dma_err_i) dma_err_q <= 1'b1;
      if (len_we || mod_load || mod_fail)
        {in_words_q, out_words_q} <= frame_words(mvalid_d, module_d, len_d);

      // ---- register writes ----
      if (we_proc) begin
        pause_q <= reg_wdata_i[1];
        if (reg_wdata_i[2]) int_st_q <= 8'd0;
      end
      if (reg_we_i) begin
        case (reg_addr_i)
          `PL_PRR_INT_STATUS: begin
            int_en_q <= reg_wdata_i[7:0];
            int_st_q <= int_st_q & ~reg_wdata_i[15:8];
          end
          `PL_PRR_PRR_STATUS: begin
            enable_q <= reg_wdata_i[0];
            switch_q <= reg_wdata_i[8];
          end
          `PL_PRR_SRC_ADDR, `PL_PRR_IF_SRC_ADDR: if (job_regs_w) src_q <= reg_wdata_i;
          `PL_PRR_DST_ADDR, `PL_PRR_IF_DST_ADDR: if (job_regs_w) dst_q <= reg_wdata_i;
          `PL_PRR_FRAMES, `PL_PRR_IF_FRAMES: if (job_regs_w) begin
            frames_q <= reg_wdata_i; progress_q <= 32'd0; suspended_q <= 1'b0;
          end
          `PL_PRR_FRAME_LEN, `PL_PRR_IF_PARAM: if (job_regs_w) frame_len_q <= reg_wdata_i;
          `PL_PRR_PROGRESS: if (job_regs_w) progress_q <= reg_wdata_i;
          `PL_PRR_STREAM: if (job_regs_w) stream_q <= reg_wdata_i[1:0];
          `PL_PRR_DMA_BASE:  dma_base_q  <= reg_wdata_i;
          `PL_PRR_DMA_LIMIT: dma_limit_q <= reg_wdata_i;
          `PL_PRR_IF_CTRL: begin
            int_en_q[INT_DONE]  <= reg_wdata_i[1];
            int_en_q[INT_ERROR] <= reg_wdata_i[1];
          end
          `PL_PRR_IF_STATUS: begin
            if (reg_wdata_i[1]) int_st_q[INT_DONE]  <= 1'b0;
            if (reg_wdata_i[2]) int_st_q[INT_ERROR] <= 1'b0;
          end
          default: ;
        endcase
      end
      if (start_w && !job_q && frames_q != 32'd0) begin
        // a (re)started job begins with clean DONE/ERROR status: a previous
        // owner's completion must not be seen by the next one
        int_st_q[INT_DONE]  <= 1'b0;
        int_st_q[INT_ERROR] <= 1'b0;
        job_q       <= 1'b1;
        suspended_q <= 1'b0;
        job_err_q <= 1'b0;
        dma_err_q <= 1'b0;
        window_err_q <= 1'b0;
        if (progress_q >= frames_q) progress_q <= 32'd0;
      end

      // ---- preemption: a stop at a frame boundary suspends the job ----
      // (PROGRESS kept, job registers writable for the VDM's save/restore;
      // START resumes it). A soft PAUSE keeps the job active instead.
      if (stop_req_i && job_q && state_q != ST_FRAME && !start_w) begin
        job_q       <= 1'b0;
        suspended_q <= 1'b1;
        int_st_q[INT_PAUSED] <= 1'b1;
      end

      // ---- frame sequencer / decoupling ----
      case (state_q)
        ST_DECOUPLED: begin
          delay_cnt_q <= delay_cnt_q + 32'd1;
          if (cfg_load_i) begin
            module_q       <= cfg_module_i;
            module_valid_q <= 1'b1;
            switch_q       <= 1'b0;
            loaded_q       <= 1'b1;
            load_done_q    <= 1'b1;
            rst_cnt_q      <= RESET_CYCLES[7:0];
            state_q        <= ST_MODRST;
          end else if (cfg_err_i) begin
            module_valid_q <= 1'b0;
            load_err_q     <= 1'b1;
            int_st_q[INT_LOAD_ERR] <= 1'b1;
          end else if (!decouple_want) begin
            loaded_q  <= 1'b0;
            rst_cnt_q <= RESET_CYCLES[7:0];
            state_q   <= ST_MODRST;
          end
        end
        ST_MODRST: begin
          delay_cnt_q <= delay_cnt_q + 32'd1;
          rst_cnt_q   <= rst_cnt_q - 8'd1;
          if (rst_cnt_q <= 8'd1) begin
            state_q <= ST_IDLE;
            if (loaded_q) begin
              int_st_q[INT_LOADED] <= 1'b1;
              delay_q <= delay_cnt_q + 32'd1;
            end
          end
        end
        ST_IDLE: begin
          if (decouple_want) begin
            delay_cnt_q <= 32'd0;
            state_q     <= ST_DECOUPLED;
          end else if (job_q && !hold_want && !start_w) begin
            if ((stream_q[0] || in_window(dma_rd_addr_o[31:2], in_words_q, dma_base_q, dma_limit_q)) &&
                (stream_q[1] || in_window(dma_wr_addr_o[31:2], out_words_q, dma_base_q, dma_limit_q))) begin
              mod_frame_start_o <= 1'b1;
              dma_rd_start_o    <= !stream_q[0];
              dma_wr_start_o    <= !stream_q[1];
              mod_done_seen_q   <= 1'b0;
              wr_done_seen_q    <= stream_q[1];   // no DMA write when streaming out
              frame_cyc_q       <= 32'd0;
              state_q           <= ST_FRAME;
            end else begin
              // the frame's DMA would leave the window: refuse the job
              job_q        <= 1'b0;
              job_err_q    <= 1'b1;
              window_err_q <= 1'b1;
              int_st_q[INT_ERROR] <= 1'b1;
            end
          end
        end
        ST_FRAME: begin
          frame_cyc_q <= frame_cyc_q + 32'd1;
          if (mod_frame_done_i) mod_done_seen_q <= 1'b1;
          if (dma_wr_done_i)    wr_done_seen_q  <= 1'b1;
          if (frame_end) begin
            frame_cycles_q <= frame_cyc_q + 32'd1;
            progress_q     <= progress_q + 32'd1;
            state_q        <= ST_IDLE;
            if (dma_err_q || dma_err_i) begin
              job_q     <= 1'b0;
              job_err_q <= 1'b1;
              int_st_q[INT_ERROR] <= 1'b1;
            end else if (progress_q + 32'd1 >= frames_q) begin
              job_q <= 1'b0;
              int_st_q[INT_DONE] <= 1'b1;
            end
          end
        end
        default: state_q <= ST_DECOUPLED;
      endcase
    end
  end

  assign stop_ack_o     = stop_req_i && !job_busy;
  assign load_done_o    = load_done_q;
  assign load_err_o     = load_err_q;
  assign module_o       = module_q;
  assign module_valid_o = module_valid_q;
  assign rcfg_ready_o   = (state_q == ST_DECOUPLED);
  assign decoupled_o    = (state_q == ST_DECOUPLED) || (state_q == ST_MODRST);
  assign mod_rst_no     = (state_q == ST_IDLE) || (state_q == ST_FRAME);
  assign mod_variant_o  = variant;
  assign mod_frame_len_o = frame_len_q;
  assign dma_rd_addr_o  = src_q + (progress_q * in_words_q << 2);
  assign dma_wr_addr_o  = dst_q + (progress_q * out_words_q << 2);
  assign dma_rd_len_o   = in_words_q;
  assign dma_wr_len_o   = out_words_q;
  assign irq_o          = |(int_st_q & int_en_q);
  assign stream_in_xbar_o  = stream_q[0];
  assign stream_out_xbar_o = stream_q[1];

  // ---------------- register read mux ----------------
  // Evaluated only in the cycle of a read (reg_re_i); 0 otherwise, so the
  // simulation model does not decode the address on every cycle.
  wire done_w = !job_q && frames_q != 32'd0 && progress_q >= frames_q;
  wire [31:0] proc_w = {17'd0, suspended_q, module_valid_q, decoupled_o, paused_q, job_err_q, done_w, job_busy,
                        5'd0, 1'b0, pause_q, job_q};
  always @(*) begin
    reg_rdata_o = 32'd0;
    if (reg_re_i) case (reg_addr_i)
      `PL_PRR_PROC_STATUS: reg_rdata_o = proc_w;
      `PL_PRR_INT_STATUS:  reg_rdata_o = {16'd0, int_st_q, int_en_q};
      `PL_PRR_PRR_STATUS:  reg_rdata_o = {23'd0, switch_q, 7'd0, enable_q};
      `PL_PRR_RECO_RDY:    reg_rdata_o = {31'd0, rcfg_ready_o};
      `PL_PRR_RECO_DELAY:  reg_rdata_o = delay_q;
      `PL_PRR_MODULE:      reg_rdata_o = {8'd0, variant, 7'd0, module_valid_q, module_q};
      `PL_PRR_SRC_ADDR, `PL_PRR_IF_SRC_ADDR: reg_rdata_o = src_q;
      `PL_PRR_DST_ADDR, `PL_PRR_IF_DST_ADDR: reg_rdata_o = dst_q;
      `PL_PRR_FRAMES, `PL_PRR_IF_FRAMES:     reg_rdata_o = frames_q;
      `PL_PRR_FRAME_LEN, `PL_PRR_IF_PARAM:   reg_rdata_o = frame_len_q;
      `PL_PRR_PROGRESS, `PL_PRR_IF_PROGRESS: reg_rdata_o = progress_q;
      `PL_PRR_DMA_STATUS:  reg_rdata_o = {28'd0, window_err_q, dma_err_q, dma_wr_busy_i, dma_rd_busy_i};
      `PL_PRR_DMA_BASE:    reg_rdata_o = dma_base_q;
      `PL_PRR_DMA_LIMIT:   reg_rdata_o = dma_limit_q;
      `PL_PRR_IN_WORDS:    reg_rdata_o = in_words_q;
      `PL_PRR_OUT_WORDS:   reg_rdata_o = out_words_q;
      `PL_PRR_FRAME_CYCLES: reg_rdata_o = frame_cycles_q;
      `PL_PRR_STREAM:      reg_rdata_o = {30'd0, stream_q};
      `PL_PRR_IF_ID:       reg_rdata_o = {16'h5052, PRR_ID, module_q};
      `PL_PRR_IF_CTRL:     reg_rdata_o = {30'd0, int_en_q[INT_DONE], 1'b0};
      `PL_PRR_IF_STATUS:   reg_rdata_o = {26'd0, paused_q, decoupled_o, 1'b1,
                                          int_st_q[INT_ERROR], int_st_q[INT_DONE], job_q};
      `PL_PRR_IF_VARIANT:  reg_rdata_o = {24'd0, module_valid_q ? variant : 8'd0};
      default: if (gpr_addr) reg_rdata_o = gpr_q[32*gpr_idx +: 32];
    endcase
  end
endmodule
