// PRR Monitor: connection table IF<->PRR, per-PRR state, module
// compatibility list and the hardware allocation search (Ker-ONE HW manager).
//
// Register map: rtl/regs/prr_monitor.yaml (docs/pl-registers.md). The policy
// is mirrored bit for bit by models/pl/prr_policy.c:
//   request (vm, dev, prio) needs module m = DEV_MODULE[dev]; a PRR p is a
//   candidate when m fits p and p is neither HOLD, RECONFIG nor STOPPING.
//   1. IF (vm, dev) already connected to p (not stopping)  -> ASSIGN p
//   2. lowest free candidate already holding m             -> ASSIGN p
//   3. lowest free candidate                               -> ASSIGN p + Reconfig
//   4. connected candidate whose owner priority is lowest and below prio
//      (tie: one holding m, then lowest id)                 -> PREEMPT p (+Reconfig)
//   5. otherwise UNAVAILABLE: the request enters the search list.
//   A request naming a VM/device out of range, an invalid module or a module
//   that fits no PRR gets METHOD NONE.
//   ASSIGN/PREEMPT set HOLD on the chosen PRR (cleared by CONNECT or HOLD_SET).
// The search walks the PRRs one per cycle: a command search takes NUM_PRRS+2
// cycles from the SEARCH_CMD write to SEARCH_RESULT.VALID (SEARCH_LATENCY).
// List re-search: whenever the list is not empty, NEW_SOLUTION_INT is clear and
// something changed since the last re-search (any register write, a load or a
// stop), the engine runs the same search for every listed request and
// publishes the one with the highest priority (tie: lowest IF index) that now
// has a solution in NEW_SOLUTION, removes it from the list and sets
// NEW_SOLUTION_INT. A register write during a re-search restarts it later.
module prr_monitor #(
  parameter integer NUM_VMS   = 4,
  parameter integer NUM_VDEVS = 8,
  parameter integer NUM_PRRS  = 4,
  parameter [16*NUM_PRRS-1:0] PRR_COMPAT = 64'h0004_0004_0002_0002,
  parameter [8*NUM_VDEVS-1:0] DEV_MODULE_RESET = 64'h25_24_23_22_20_16_14_12,
  parameter integer NIF = NUM_VMS * NUM_VDEVS   // derived: do not override
) (
  input  wire                  clk_i,
  input  wire                  rst_ni,
  // register bus (one access per cycle, reads are side-effect free)
  input  wire                  reg_we_i,
  input  wire [11:0]           reg_addr_i,
  input  wire [31:0]           reg_wdata_i,
  input  wire                  reg_re_i,     // reg_rdata_o is sampled this cycle
  output reg  [31:0]           reg_rdata_o,
  // PRR controllers
  output wire [NUM_PRRS-1:0]   stop_req_o,    // stop at the next frame boundary
  input  wire [NUM_PRRS-1:0]   stop_ack_i,    // level: stopped (or idle) while stop_req
  output wire [NUM_PRRS-1:0]   rcfg_req_o,    // HW task switch requested (RCFG_SET)
  input  wire [NUM_PRRS-1:0]   load_done_i,   // pulse: module loaded and reset
  input  wire [NUM_PRRS-1:0]   load_err_i,    // pulse: SimB error for the PRR
  input  wire [8*NUM_PRRS-1:0] prr_module_i,  // loaded module id per PRR
  input  wire [NUM_PRRS-1:0]   prr_module_valid_i,
  // connection table for the PR interfaces (IF i = vm*NUM_VDEVS + dev)
  output reg  [NIF-1:0]        if_conn_valid_o,
  output reg  [8*NIF-1:0]      if_conn_prr_o,
  // interrupts (already masked by IRQ_EN)
  output wire                  irq_new_solution_o,
  output wire                  irq_stop_o
);
  `include "pl_regs.vh"
  `include "pl_funcs.vh"

  localparam integer PW = $clog2(NUM_PRRS);    // PRR index width (NUM_PRRS >= 2)
  localparam integer IW = $clog2(NIF);         // IF index width
  localparam integer DW = $clog2(NUM_VDEVS);   // device index width
  localparam [IW-1:0] NVD_W = NUM_VDEVS[IW-1:0];

  localparam [6:0] M_NONE = 7'd0, M_ASSIGN = 7'd1, M_PREEMPT = 7'd2, M_UNAVAIL = 7'd3;
  localparam [1:0] S_IDLE = 2'd0, S_SCAN = 2'd1, S_FINISH = 2'd2, S_NEXT = 2'd3;

  // ---------------- PRR table ----------------
  reg [NUM_PRRS-1:0] conn_q, hold_q, rcfg_q, stop_q, stop_seen_q, stop_int_q;
  reg [7:0]          own_vm_q   [0:NUM_PRRS-1];
  reg [7:0]          own_dev_q  [0:NUM_PRRS-1];
  reg [7:0]          own_prio_q [0:NUM_PRRS-1];
  reg [7:0]          dev_module_q [0:NUM_VDEVS-1];
  reg [NIF-1:0]      pend_q;
  reg [7:0]          pend_prio_q [0:NIF-1];
  reg [1:0]          irq_en_q;
  reg                new_sol_int_q;
  reg [31:0]         new_sol_q;

  // ---------------- search engine ----------------
  reg [1:0]  state_q;
  reg        list_mode_q;       // 0: command search, 1: list re-search
  reg        dirty_q;           // something changed since the last re-search
  reg [7:0]  req_vm_q, req_dev_q, req_prio_q, req_mod_q;
  reg [7:0]  scan_p_q;          // PRR being evaluated
  reg [31:0] cmd_q;             // last accepted SEARCH_CMD
  reg [31:0] result_q;          // SEARCH_RESULT
  reg [31:0] latency_q, lat_cnt_q;
  // candidates of the running search
  reg        c_self_v_q, c_asg_v_q, c_free_v_q, c_pre_v_q, c_fit_q, c_self_match_q, c_pre_match_q;
  reg [7:0]  c_self_q, c_asg_q, c_free_q, c_pre_q, c_pre_prio_q;
  // best list solution so far
  reg        best_v_q;
  reg [7:0]  best_prio_q;
  reg [31:0] best_sol_q;
  reg [IW-1:0] best_if_q;

  integer i, p;

  // index helpers
  wire [7:0] wr_prr = reg_wdata_i[7:0];
  wire [7:0] wr_dev = reg_wdata_i[15:8];
  wire [7:0] wr_vm  = reg_wdata_i[23:16];
  wire       wr_prr_ok = ({24'd0, wr_prr} < NUM_PRRS);
  wire       wr_if_ok  = ({24'd0, wr_vm} < NUM_VMS) && ({24'd0, wr_dev} < NUM_VDEVS);
  wire [PW-1:0] wr_p = wr_prr[PW-1:0];

  // IF index vm*NUM_VDEVS + dev (callers pass in-range values)
  function automatic [IW-1:0] if_index(input [IW-1:0] vm, input [IW-1:0] dev);
    begin
      if_index = vm * NVD_W + dev;
    end
  endfunction
  wire [IW-1:0] wr_i = if_index(wr_vm[IW-1:0], wr_dev[IW-1:0]);

  // connection table seen by the IFs
  always @(*) begin
    if_conn_valid_o = {NIF{1'b0}};
    if_conn_prr_o   = {8*NIF{1'b0}};
    for (p = 0; p < NUM_PRRS; p = p + 1) begin
      if (conn_q[p] && ({24'd0, own_vm_q[p]} < NUM_VMS) && ({24'd0, own_dev_q[p]} < NUM_VDEVS)) begin
        if_conn_valid_o[if_index(own_vm_q[p][IW-1:0], own_dev_q[p][IW-1:0])] = 1'b1;
        if_conn_prr_o[8*if_index(own_vm_q[p][IW-1:0], own_dev_q[p][IW-1:0]) +: 8] = p[7:0];
      end
    end
  end

  // ---------------- per-PRR evaluation of the scanned PRR ----------------
  wire [7:0]  sp       = scan_p_q;
  wire [PW-1:0] spi    = scan_p_q[PW-1:0];
  wire [15:0] sp_compat = PRR_COMPAT[16*spi +: 16];
  wire        sp_fits  = pl_mod_fits(req_mod_q, sp_compat);
  wire        sp_match = prr_module_valid_i[spi] && (prr_module_i[8*spi +: 8] == req_mod_q);
  wire        sp_avail = sp_fits && !hold_q[spi] && !rcfg_q[spi] && !stop_q[spi];
  wire        sp_free  = sp_avail && !conn_q[spi];
  wire        sp_pre   = sp_avail && conn_q[spi] && (own_prio_q[spi] < req_prio_q);
  wire        sp_self  = conn_q[spi] && !stop_q[spi] && (own_vm_q[spi] == req_vm_q) &&
                         (own_dev_q[spi] == req_dev_q);
  wire        sp_better_pre = !c_pre_v_q || (own_prio_q[spi] < c_pre_prio_q) ||
                              ((own_prio_q[spi] == c_pre_prio_q) && sp_match && !c_pre_match_q);
  wire        sp_last  = ({24'd0, sp} == NUM_PRRS - 1);

  // ---------------- result of the finished scan ----------------
  reg [6:0] f_method;
  reg       f_rcfg;
  reg [7:0] f_prr;
  always @(*) begin
    f_method = M_UNAVAIL;
    f_rcfg   = 1'b0;
    f_prr    = 8'hFF;
    if (!c_fit_q || ({24'd0, req_vm_q} >= NUM_VMS) || ({24'd0, req_dev_q} >= NUM_VDEVS)) begin
      f_method = M_NONE;
    end else if (c_self_v_q) begin
      f_method = M_ASSIGN; f_prr = c_self_q; f_rcfg = !c_self_match_q;
    end else if (c_asg_v_q) begin
      f_method = M_ASSIGN; f_prr = c_asg_q;
    end else if (c_free_v_q) begin
      f_method = M_ASSIGN; f_prr = c_free_q; f_rcfg = 1'b1;
    end else if (c_pre_v_q) begin
      f_method = M_PREEMPT; f_prr = c_pre_q; f_rcfg = !c_pre_match_q;
    end
  end
  wire f_solved = (f_method == M_ASSIGN) || (f_method == M_PREEMPT);
  wire [IW-1:0] req_if = if_index(req_vm_q[IW-1:0], req_dev_q[IW-1:0]);
  wire [7:0] list_dev_mod = dev_module_q[req_dev_q[DW-1:0]];
  wire [11:0] dm_off = reg_addr_i - `PL_MON_DEV_MODULE;

  // events that make a re-search worthwhile
  wire hw_event = |load_done_i || |load_err_i || |(stop_ack_i & stop_q & ~stop_seen_q);
  wire cmd_go   = reg_we_i && (reg_addr_i == `PL_MON_SEARCH_CMD) &&
                  !((state_q != S_IDLE) && !list_mode_q);
  wire list_go  = (state_q == S_IDLE) && !reg_we_i && dirty_q && (|pend_q) && !new_sol_int_q;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      conn_q <= {NUM_PRRS{1'b0}}; hold_q <= {NUM_PRRS{1'b0}}; rcfg_q <= {NUM_PRRS{1'b0}};
      stop_q <= {NUM_PRRS{1'b0}}; stop_seen_q <= {NUM_PRRS{1'b0}};
      stop_int_q <= {NUM_PRRS{1'b0}}; pend_q <= {NIF{1'b0}}; irq_en_q <= 2'b11; new_sol_int_q <= 1'b0;
      new_sol_q <= 32'd0; state_q <= S_IDLE; list_mode_q <= 1'b0; dirty_q <= 1'b0;
      req_vm_q <= 8'd0; req_dev_q <= 8'd0; req_prio_q <= 8'd0; req_mod_q <= 8'd0;
      scan_p_q <= 8'd0; cmd_q <= 32'd0; result_q <= 32'h0000_00FF; latency_q <= 32'd0;
      lat_cnt_q <= 32'd0; best_v_q <= 1'b0; best_prio_q <= 8'd0; best_sol_q <= 32'd0;
      best_if_q <= {IW{1'b0}};
      c_self_v_q <= 1'b0; c_asg_v_q <= 1'b0; c_free_v_q <= 1'b0; c_pre_v_q <= 1'b0;
      c_fit_q <= 1'b0; c_self_match_q <= 1'b0; c_pre_match_q <= 1'b0;
      c_self_q <= 8'd0; c_asg_q <= 8'd0; c_free_q <= 8'd0; c_pre_q <= 8'd0; c_pre_prio_q <= 8'd0;
      for (p = 0; p < NUM_PRRS; p = p + 1) begin
        own_vm_q[p] <= 8'd0; own_dev_q[p] <= 8'd0; own_prio_q[p] <= 8'd0;
      end
      for (i = 0; i < NUM_VDEVS; i = i + 1) dev_module_q[i] <= DEV_MODULE_RESET[8*i +: 8];
      for (i = 0; i < NIF; i = i + 1) pend_prio_q[i] <= 8'd0;
    end else begin
      // ---- PRR events ----
      rcfg_q      <= rcfg_q & ~(load_done_i | load_err_i);
      stop_seen_q <= stop_seen_q | (stop_ack_i & stop_q);
      stop_int_q  <= stop_int_q | (stop_ack_i & stop_q & ~stop_seen_q);
      if (hw_event) dirty_q <= 1'b1;
      lat_cnt_q <= lat_cnt_q + 32'd1;

      // ---- register writes ----
      if (reg_we_i) begin
        dirty_q <= 1'b1;
        case (reg_addr_i)
          `PL_MON_IRQ_EN: irq_en_q <= reg_wdata_i[1:0];
          `PL_MON_CONNECT: if (wr_prr_ok && wr_if_ok) begin
            for (p = 0; p < NUM_PRRS; p = p + 1)
              if (conn_q[p] && own_vm_q[p] == wr_vm && own_dev_q[p] == wr_dev) conn_q[p] <= 1'b0;
            conn_q[wr_p]     <= 1'b1;
            hold_q[wr_p]     <= 1'b0;
            stop_q[wr_p]     <= 1'b0;
            stop_seen_q[wr_p] <= 1'b0;
            own_vm_q[wr_p]   <= wr_vm;
            own_dev_q[wr_p]  <= wr_dev;
            own_prio_q[wr_p] <= reg_wdata_i[31:24];
            pend_q[wr_i] <= 1'b0;
          end
          `PL_MON_DISCONNECT: if (wr_prr_ok) begin
            conn_q[wr_p] <= 1'b0;
            stop_q[wr_p] <= 1'b0;
            stop_seen_q[wr_p] <= 1'b0;
          end
          `PL_MON_RCFG_SET: if (wr_prr_ok) rcfg_q[wr_p] <= 1'b1;
          `PL_MON_HOLD_SET: if (wr_prr_ok) hold_q[wr_p] <= reg_wdata_i[8];
          `PL_MON_STOP_CMD: if (wr_prr_ok) stop_q[wr_p] <= 1'b1;
          `PL_MON_STOP_INT: stop_int_q <= (stop_int_q | (stop_ack_i & stop_q & ~stop_seen_q)) &
                                          ~reg_wdata_i[NUM_PRRS-1:0];
          `PL_MON_NEW_SOLUTION_INT: if (reg_wdata_i[0]) new_sol_int_q <= 1'b0;
          `PL_MON_LIST_CANCEL: if (wr_if_ok) pend_q[wr_i] <= 1'b0;
          default: begin
            if ((reg_addr_i >= `PL_MON_DEV_MODULE) &&
                ({20'd0, reg_addr_i} < {20'd0, `PL_MON_DEV_MODULE} + 4 * NUM_VDEVS) &&
                (reg_addr_i[1:0] == 2'b00))
              dev_module_q[dm_off[DW+1:2]] <= reg_wdata_i[7:0];
          end
        endcase
      end

      // ---- search engine ----
      if (cmd_go) begin
        // a command search preempts a running list re-search (redone later)
        if (list_mode_q && state_q != S_IDLE) dirty_q <= 1'b1;
        cmd_q       <= {8'd0, reg_wdata_i[23:0]};
        list_mode_q <= 1'b0;
        req_vm_q    <= reg_wdata_i[23:16];
        req_dev_q   <= reg_wdata_i[15:8];
        req_prio_q  <= reg_wdata_i[7:0];
        req_mod_q   <= ({24'd0, reg_wdata_i[15:8]} < NUM_VDEVS) ?
                       dev_module_q[reg_wdata_i[8 +: DW]] : 8'h00;
        result_q    <= 32'h0002_00FF;                  // BUSY
        lat_cnt_q   <= 32'd1;
        scan_p_q    <= 8'd0;
        {c_self_v_q, c_asg_v_q, c_free_v_q, c_pre_v_q, c_fit_q} <= 5'd0;
        state_q     <= S_SCAN;
      end else if (reg_we_i && list_mode_q && state_q != S_IDLE) begin
        state_q <= S_IDLE;                             // abort, dirty is set above
      end else begin
        case (state_q)
          S_IDLE: if (list_go) begin
            dirty_q     <= 1'b0;
            list_mode_q <= 1'b1;
            best_v_q    <= 1'b0;
            req_vm_q    <= 8'd0;
            req_dev_q   <= 8'd0;
            state_q     <= S_NEXT;
          end
          S_NEXT: begin
            // list mode: (req_vm_q, req_dev_q) is the IF to consider now
            if (({24'd0, req_vm_q} >= NUM_VMS)) begin
              if (best_v_q) begin
                new_sol_q     <= best_sol_q;
                new_sol_int_q <= 1'b1;
                pend_q[best_if_q] <= 1'b0;
                hold_q[best_sol_q[PW-1:0]] <= 1'b1;
              end
              state_q <= S_IDLE;
            end else if (pend_q[req_if] && (!best_v_q || pend_prio_q[req_if] > best_prio_q)) begin
              req_prio_q <= pend_prio_q[req_if];
              req_mod_q  <= list_dev_mod;
              scan_p_q   <= 8'd0;
              {c_self_v_q, c_asg_v_q, c_free_v_q, c_pre_v_q, c_fit_q} <= 5'd0;
              state_q    <= S_SCAN;
            end else begin
              if ({24'd0, req_dev_q} == NUM_VDEVS - 1) begin
                req_dev_q <= 8'd0; req_vm_q <= req_vm_q + 8'd1;
              end else begin
                req_dev_q <= req_dev_q + 8'd1;
              end
            end
          end
          S_SCAN: begin
            if (sp_fits) c_fit_q <= 1'b1;
            if (sp_self && !c_self_v_q) begin
              c_self_v_q <= 1'b1; c_self_q <= sp; c_self_match_q <= sp_match;
            end
            if (sp_free && sp_match && !c_asg_v_q) begin
              c_asg_v_q <= 1'b1; c_asg_q <= sp;
            end
            if (sp_free && !c_free_v_q) begin
              c_free_v_q <= 1'b1; c_free_q <= sp;
            end
            if (sp_pre && sp_better_pre) begin
              c_pre_v_q <= 1'b1; c_pre_q <= sp; c_pre_prio_q <= own_prio_q[spi];
              c_pre_match_q <= sp_match;
            end
            scan_p_q <= sp + 8'd1;
            if (sp_last) state_q <= S_FINISH;
          end
          S_FINISH: begin
            if (!list_mode_q) begin
              result_q  <= {req_mod_q, 6'd0, 1'b0, 1'b1, f_rcfg, f_method, f_prr};
              latency_q <= lat_cnt_q + 32'd1;
              if (f_solved) hold_q[f_prr[PW-1:0]] <= 1'b1;
              if (f_method == M_UNAVAIL) begin
                pend_q[req_if]      <= 1'b1;
                pend_prio_q[req_if] <= req_prio_q;
              end
              state_q <= S_IDLE;
            end else begin
              if (f_solved) begin
                // visited in IF order and only when strictly better: ties keep the lowest IF
                best_v_q    <= 1'b1;
                best_prio_q <= req_prio_q;
                best_if_q   <= req_if;
                best_sol_q  <= {req_vm_q, req_dev_q, f_rcfg, f_method, f_prr};
              end
              if ({24'd0, req_dev_q} == NUM_VDEVS - 1) begin
                req_dev_q <= 8'd0; req_vm_q <= req_vm_q + 8'd1;
              end else begin
                req_dev_q <= req_dev_q + 8'd1;
              end
              state_q <= S_NEXT;
            end
          end
          default: state_q <= S_IDLE;
        endcase
      end
    end
  end

  assign stop_req_o = stop_q;
  assign rcfg_req_o = rcfg_q;
  assign irq_new_solution_o = irq_en_q[0] && new_sol_int_q;
  assign irq_stop_o         = irq_en_q[1] && |stop_int_q;

  // ---------------- register read mux ----------------
  reg [15:0] n_pend;
  reg [31:0] prr_state_w;
  always @(*) begin
    // read-only views, computed in the cycle of a read only (cheaper model)
    n_pend = 16'd0;
    prr_state_w = 32'd0;
    if (reg_re_i) begin
      for (i = 0; i < NIF; i = i + 1) n_pend = n_pend + {15'd0, pend_q[i]};
      for (p = 0; p < NUM_PRRS && p < 8; p = p + 1)
        prr_state_w[4*p +: 4] = {prr_module_valid_i[p], hold_q[p],
                                 rcfg_q[p] ? 2'd2 : stop_q[p] ? 2'd3 : conn_q[p] ? 2'd1 : 2'd0};
    end
  end

  wire [11:0] rel_info = reg_addr_i - `PL_MON_PRR_INFO;
  wire [11:0] rel_mod  = reg_addr_i - `PL_MON_PRR_MODULE;
  wire [11:0] rel_conn = reg_addr_i - `PL_MON_IF_CONN;
  wire [PW-1:0] ri = rel_info[PW+1:2];
  wire [PW-1:0] rm = rel_mod[PW+1:2];
  wire [IW-1:0] rc = rel_conn[IW+1:2];
  wire [DW-1:0] rdv = dm_off[DW+1:2];
  reg [31:0] rd;
  always @(*) begin
    rd = 32'd0;
    if (reg_re_i) case (reg_addr_i)
      `PL_MON_ID:             rd = `PL_MON_ID_RESET;
      `PL_MON_CONFIG:         rd = {8'd1, NUM_VMS[7:0], NUM_VDEVS[7:0], NUM_PRRS[7:0]};
      `PL_MON_IRQ_EN:         rd = {30'd0, irq_en_q};
      `PL_MON_SEARCH_LATENCY: rd = latency_q;
      `PL_MON_PRR_STATE:      rd = prr_state_w;
      `PL_MON_SEARCH_CMD:     rd = cmd_q;
      `PL_MON_SEARCH_RESULT:  rd = result_q;
      `PL_MON_STOP_INT:       rd = {{(32-NUM_PRRS){1'b0}}, stop_int_q};
      `PL_MON_NEW_SOLUTION_INT: rd = {31'd0, new_sol_int_q};
      `PL_MON_NEW_SOLUTION:   rd = new_sol_q;
      `PL_MON_HOST_LIST:      rd = {n_pend, {(16-NUM_PRRS){1'b0}}, conn_q};
      `PL_MON_LIST_PENDING:   for (i = 0; i < NIF && i < 32; i = i + 1) rd[i] = pend_q[i];
      default: begin
        if (reg_addr_i >= `PL_MON_PRR_INFO && reg_addr_i < `PL_MON_PRR_MODULE) begin
          if ({20'd0, rel_info} < 4 * NUM_PRRS)
            rd = {3'd0, prr_module_valid_i[ri],
                  rcfg_q[ri] ? 2'd2 : stop_q[ri] ? 2'd3 : conn_q[ri] ? 2'd1 : 2'd0,
                  hold_q[ri], conn_q[ri], own_prio_q[ri], own_dev_q[ri], own_vm_q[ri]};
        end else if (reg_addr_i >= `PL_MON_PRR_MODULE && reg_addr_i < `PL_MON_DEV_MODULE) begin
          if ({20'd0, rel_mod} < 4 * NUM_PRRS)
            rd = {PRR_COMPAT[16*rm +: 16], 7'd0, prr_module_valid_i[rm], prr_module_i[8*rm +: 8]};
        end else if (reg_addr_i >= `PL_MON_DEV_MODULE && reg_addr_i < `PL_MON_DEV_MODULE + 12'h080) begin
          if ({20'd0, dm_off} < 4 * NUM_VDEVS) rd = {24'd0, dev_module_q[rdv]};
        end else if (reg_addr_i >= `PL_MON_IF_CONN && reg_addr_i < `PL_MON_IF_CONN + 12'h100) begin
          if ({20'd0, rel_conn} < 4 * NIF)
            rd = {23'd0, if_conn_valid_o[rc], if_conn_prr_o[8*rc +: 8]};
        end
      end
    endcase
    reg_rdata_o = rd;
  end
endmodule
