`include "pl_params.vh"

// dprsim programmable logic top.
//
// - AXI4-Lite slave on M_AXI_GP0 (s_axi_*): address map in rtl/regs/pl_map.yaml
//   (docs/pl-registers.md): Monitor 0x000000, cfg_port 0x001000, crossbar
//   0x002000, PRR n controller group 0x010000 + n*0x1000, IF i window
//   0x100000 + i*0x1000 (i = vm*NUM_VDEVS + dev). One access at a time: a
//   write is accepted when AW and W are both valid (B the next cycle), a read
//   when AR is valid and no write is accepted in that cycle (R the next
//   cycle). Unmapped addresses answer DECERR. 32-bit accesses only (WSTRB
//   ignored).
// - cfg_port on the PCAP word stream (pcap_*).
// - One AXI4 master per PRR (m_axi_*, PRR n in slice n), for S_AXI_HP.
// - irq_o (IRQ_F2P): [0] Monitor new solution, [1] Monitor stop, [2] cfg_port,
//   [3] 0, [4+n] PRR n controller (n < 12).
// - With NUM_PRRS >= 4, PRR0/PRR1 outputs feed FIFOs and the stream crossbar
//   into PRR2/PRR3 inputs (Mini-NOVA multi-path structure).
module pl_top #(
  parameter integer NUM_VMS   = `PL_NUM_VMS,
  parameter integer NUM_VDEVS = `PL_NUM_VDEVS,
  parameter integer NUM_PRRS  = `PL_NUM_PRRS,
  parameter [16*NUM_PRRS-1:0] PRR_COMPAT      = `PL_PRR_COMPAT,
  parameter [32*NUM_PRRS-1:0] PRR_CAPACITY    = `PL_PRR_CAPACITY,
  parameter [8*NUM_PRRS-1:0]  PRR_INIT_MODULE = `PL_PRR_INIT_MODULE,
  parameter [8*NUM_VDEVS-1:0] DEV_MODULE_RESET = `PL_DEV_MODULE_RESET,
  parameter integer MOD_RESET_CYCLES = `PL_MOD_RESET_CYCLES,
  parameter integer XBAR_FIFO_DEPTH  = 64
) (
  input  wire                     clk_i,
  input  wire                     rst_ni,
  // AXI4-Lite slave (M_AXI_GP0)
  input  wire [31:0]              s_axi_awaddr_i,
  input  wire                     s_axi_awvalid_i,
  output wire                     s_axi_awready_o,
  input  wire [31:0]              s_axi_wdata_i,
  input  wire [3:0]               s_axi_wstrb_i,
  input  wire                     s_axi_wvalid_i,
  output wire                     s_axi_wready_o,
  output wire [1:0]               s_axi_bresp_o,
  output wire                     s_axi_bvalid_o,
  input  wire                     s_axi_bready_i,
  input  wire [31:0]              s_axi_araddr_i,
  input  wire                     s_axi_arvalid_i,
  output wire                     s_axi_arready_o,
  output wire [31:0]              s_axi_rdata_o,
  output wire [1:0]               s_axi_rresp_o,
  output wire                     s_axi_rvalid_o,
  input  wire                     s_axi_rready_i,
  // PCAP word stream (DevCfg)
  input  wire [31:0]              pcap_data_i,
  input  wire                     pcap_valid_i,
  output wire                     pcap_ready_o,
  input  wire                     pcap_abort_i,
  // AXI4 masters (S_AXI_HP), PRR n in slice n
  output wire [32*NUM_PRRS-1:0]   m_axi_araddr_o,
  output wire [8*NUM_PRRS-1:0]    m_axi_arlen_o,
  output wire [3*NUM_PRRS-1:0]    m_axi_arsize_o,
  output wire [2*NUM_PRRS-1:0]    m_axi_arburst_o,
  output wire [NUM_PRRS-1:0]      m_axi_arvalid_o,
  input  wire [NUM_PRRS-1:0]      m_axi_arready_i,
  input  wire [64*NUM_PRRS-1:0]   m_axi_rdata_i,
  input  wire [2*NUM_PRRS-1:0]    m_axi_rresp_i,
  input  wire [NUM_PRRS-1:0]      m_axi_rlast_i,
  input  wire [NUM_PRRS-1:0]      m_axi_rvalid_i,
  output wire [NUM_PRRS-1:0]      m_axi_rready_o,
  output wire [32*NUM_PRRS-1:0]   m_axi_awaddr_o,
  output wire [8*NUM_PRRS-1:0]    m_axi_awlen_o,
  output wire [3*NUM_PRRS-1:0]    m_axi_awsize_o,
  output wire [2*NUM_PRRS-1:0]    m_axi_awburst_o,
  output wire [NUM_PRRS-1:0]      m_axi_awvalid_o,
  input  wire [NUM_PRRS-1:0]      m_axi_awready_i,
  output wire [64*NUM_PRRS-1:0]   m_axi_wdata_o,
  output wire [8*NUM_PRRS-1:0]    m_axi_wstrb_o,
  output wire [NUM_PRRS-1:0]      m_axi_wlast_o,
  output wire [NUM_PRRS-1:0]      m_axi_wvalid_o,
  input  wire [NUM_PRRS-1:0]      m_axi_wready_i,
  input  wire [2*NUM_PRRS-1:0]    m_axi_bresp_i,
  input  wire [NUM_PRRS-1:0]      m_axi_bvalid_i,
  output wire [NUM_PRRS-1:0]      m_axi_bready_o,
  // interrupts to IRQ_F2P
  output wire [15:0]              irq_o,
  // observability (waveforms, platform): PRR decoupled per PRR
  output wire [NUM_PRRS-1:0]      prr_decoupled_o
);
  `include "pl_regs.vh"

  localparam integer NIF = NUM_VMS * NUM_VDEVS;

  // ---------------- AXI4-Lite front end ----------------
  reg        bvalid_q, rvalid_q;
  reg [1:0]  bresp_q, rresp_q;
  reg [31:0] rdata_q;
  wire wr_go = s_axi_awvalid_i && s_axi_wvalid_i && !bvalid_q;
  wire rd_go = s_axi_arvalid_i && !rvalid_q && !wr_go;
  wire [23:0] acc = wr_go ? s_axi_awaddr_i[23:0] : s_axi_araddr_i[23:0];
  wire [11:0] off = acc[11:0];
  wire [31:0] wdata = s_axi_wdata_i;
  wire        wstrb_unused = ^s_axi_wstrb_i;
  wire [7:0]  addr_hi_unused = s_axi_awaddr_i[31:24] ^ s_axi_araddr_i[31:24];

  wire sel_mon  = (acc[23:12] == 12'h000);
  wire sel_cfg  = (acc[23:12] == 12'h001);
  wire sel_xbar = (acc[23:12] == 12'h002);
  wire sel_prr  = (acc[23:16] == 8'h01) && ({28'd0, acc[15:12]} < NUM_PRRS);
  wire sel_if   = (acc[23:20] == 4'h1) && ({24'd0, acc[19:12]} < NIF);
  wire mapped   = sel_mon || sel_cfg || sel_xbar || sel_prr || sel_if;

  assign s_axi_awready_o = wr_go;
  assign s_axi_wready_o  = wr_go;
  assign s_axi_arready_o = rd_go;
  assign s_axi_bvalid_o  = bvalid_q;
  assign s_axi_bresp_o   = bresp_q;
  assign s_axi_rvalid_o  = rvalid_q;
  assign s_axi_rresp_o   = rresp_q;
  assign s_axi_rdata_o   = rdata_q;

  // ---------------- blocks ----------------
  wire [31:0] mon_rdata, cfg_rdata, if_rdata;
  wire [32*NUM_PRRS-1:0] prr_rdata;
  wire [NUM_PRRS-1:0] stop_req, stop_ack, rcfg_req, load_done, load_err, module_valid;
  wire [8*NUM_PRRS-1:0] module_id;
  wire [NUM_PRRS-1:0] cfg_decouple, rcfg_ready, cfg_load, cfg_err, prr_irq;
  wire [7:0] cfg_module;
  wire [NIF-1:0]   if_conn_valid;
  wire [8*NIF-1:0] if_conn_prr;
  wire irq_new_solution, irq_stop, irq_cfg;

  // IF forwarding
  wire        fwd;
  wire [7:0]  fwd_prr;
  wire [11:0] fwd_addr;
  wire        fwd_we;

  // per-PRR register bus: direct group access or forwarded IF access
  wire [NUM_PRRS-1:0] prr_we;
  wire [12*NUM_PRRS-1:0] prr_addr;
  genvar g;
  generate
    for (g = 0; g < NUM_PRRS; g = g + 1) begin : g_prrbus
      wire direct = sel_prr && ({28'd0, acc[15:12]} == g);
      wire viaif  = sel_if && fwd && ({24'd0, fwd_prr} == g);
      assign prr_we[g] = wr_go && (direct || (viaif && fwd_we));
      assign prr_addr[12*g +: 12] = viaif ? fwd_addr : off;
    end
  endgenerate

  prr_monitor #(
    .NUM_VMS          (NUM_VMS),
    .NUM_VDEVS        (NUM_VDEVS),
    .NUM_PRRS         (NUM_PRRS),
    .PRR_COMPAT       (PRR_COMPAT),
    .DEV_MODULE_RESET (DEV_MODULE_RESET)
  ) u_monitor (
    .clk_i              (clk_i),
    .rst_ni             (rst_ni),
    .reg_we_i           (wr_go && sel_mon),
    .reg_re_i           (rd_go && sel_mon),
    .reg_addr_i         (off),
    .reg_wdata_i        (wdata),
    .reg_rdata_o        (mon_rdata),
    .stop_req_o         (stop_req),
    .stop_ack_i         (stop_ack),
    .rcfg_req_o         (rcfg_req),
    .load_done_i        (load_done),
    .load_err_i         (load_err),
    .prr_module_i       (module_id),
    .prr_module_valid_i (module_valid),
    .if_conn_valid_o    (if_conn_valid),
    .if_conn_prr_o      (if_conn_prr),
    .irq_new_solution_o (irq_new_solution),
    .irq_stop_o         (irq_stop)
  );

  cfg_port #(
    .NUM_PRRS     (NUM_PRRS),
    .PRR_COMPAT   (PRR_COMPAT),
    .PRR_CAPACITY (PRR_CAPACITY)
  ) u_cfg (
    .clk_i          (clk_i),
    .rst_ni         (rst_ni),
    .reg_we_i       (wr_go && sel_cfg),
    .reg_re_i       (rd_go && sel_cfg),
    .reg_addr_i     (off),
    .reg_wdata_i    (wdata),
    .reg_rdata_o    (cfg_rdata),
    .pcap_data_i    (pcap_data_i),
    .pcap_valid_i   (pcap_valid_i),
    .pcap_ready_o   (pcap_ready_o),
    .pcap_abort_i   (pcap_abort_i),
    .decouple_req_o (cfg_decouple),
    .rcfg_ready_i   (rcfg_ready),
    .load_o         (cfg_load),
    .load_module_o  (cfg_module),
    .err_o          (cfg_err),
    .irq_o          (irq_cfg)
  );

  pr_if #(
    .NUM_VMS   (NUM_VMS),
    .NUM_VDEVS (NUM_VDEVS),
    .NUM_PRRS  (NUM_PRRS)
  ) u_if (
    .sel_i           (sel_if),
    .if_idx_i        (acc[19:12]),
    .reg_we_i        (wr_go),
    .reg_addr_i      (off),
    .reg_rdata_o     (if_rdata),
    .if_conn_valid_i (if_conn_valid),
    .if_conn_prr_i   (if_conn_prr),
    .fwd_o           (fwd),
    .fwd_prr_o       (fwd_prr),
    .fwd_addr_o      (fwd_addr),
    .fwd_we_o        (fwd_we),
    .prr_rdata_i     (prr_rdata)
  );

  // crossbar streams (PRR0/1 -> FIFO -> xbar -> PRR2/3)
  wire [32*NUM_PRRS-1:0] xo_data, xi_data;
  wire [NUM_PRRS-1:0]    xo_valid, xo_ready, xi_valid, xi_ready;
  wire [31:0] xbar_rdata;

  generate
    for (g = 0; g < NUM_PRRS; g = g + 1) begin : g_prr
      prr #(
        .PRR_ID       (g[7:0]),
        .COMPAT       (PRR_COMPAT[16*g +: 16]),
        .INIT_MODULE  (PRR_INIT_MODULE[8*g +: 8]),
        .RESET_CYCLES (MOD_RESET_CYCLES)
      ) u_prr (
        .clk_i              (clk_i),
        .rst_ni             (rst_ni),
        .reg_we_i           (prr_we[g]),
        .reg_re_i           (rd_go),
        .reg_addr_i         (prr_addr[12*g +: 12]),
        .reg_wdata_i        (wdata),
        .reg_rdata_o        (prr_rdata[32*g +: 32]),
        .stop_req_i         (stop_req[g]),
        .stop_ack_o         (stop_ack[g]),
        .rcfg_req_i         (rcfg_req[g]),
        .load_done_o        (load_done[g]),
        .load_err_o         (load_err[g]),
        .module_o           (module_id[8*g +: 8]),
        .module_valid_o     (module_valid[g]),
        .cfg_decouple_req_i (cfg_decouple[g]),
        .rcfg_ready_o       (rcfg_ready[g]),
        .cfg_load_i         (cfg_load[g]),
        .cfg_module_i       (cfg_module),
        .cfg_err_i          (cfg_err[g]),
        .xi_data_i          (xi_data[32*g +: 32]),
        .xi_valid_i         (xi_valid[g]),
        .xi_ready_o         (xi_ready[g]),
        .xo_data_o          (xo_data[32*g +: 32]),
        .xo_valid_o         (xo_valid[g]),
        .xo_ready_i         (xo_ready[g]),
        .m_axi_araddr_o     (m_axi_araddr_o[32*g +: 32]),
        .m_axi_arlen_o      (m_axi_arlen_o[8*g +: 8]),
        .m_axi_arsize_o     (m_axi_arsize_o[3*g +: 3]),
        .m_axi_arburst_o    (m_axi_arburst_o[2*g +: 2]),
        .m_axi_arvalid_o    (m_axi_arvalid_o[g]),
        .m_axi_arready_i    (m_axi_arready_i[g]),
        .m_axi_rdata_i      (m_axi_rdata_i[64*g +: 64]),
        .m_axi_rresp_i      (m_axi_rresp_i[2*g +: 2]),
        .m_axi_rlast_i      (m_axi_rlast_i[g]),
        .m_axi_rvalid_i     (m_axi_rvalid_i[g]),
        .m_axi_rready_o     (m_axi_rready_o[g]),
        .m_axi_awaddr_o     (m_axi_awaddr_o[32*g +: 32]),
        .m_axi_awlen_o      (m_axi_awlen_o[8*g +: 8]),
        .m_axi_awsize_o     (m_axi_awsize_o[3*g +: 3]),
        .m_axi_awburst_o    (m_axi_awburst_o[2*g +: 2]),
        .m_axi_awvalid_o    (m_axi_awvalid_o[g]),
        .m_axi_awready_i    (m_axi_awready_i[g]),
        .m_axi_wdata_o      (m_axi_wdata_o[64*g +: 64]),
        .m_axi_wstrb_o      (m_axi_wstrb_o[8*g +: 8]),
        .m_axi_wlast_o      (m_axi_wlast_o[g]),
        .m_axi_wvalid_o     (m_axi_wvalid_o[g]),
        .m_axi_wready_i     (m_axi_wready_i[g]),
        .m_axi_bresp_i      (m_axi_bresp_i[2*g +: 2]),
        .m_axi_bvalid_i     (m_axi_bvalid_i[g]),
        .m_axi_bready_o     (m_axi_bready_o[g]),
        .decoupled_o        (prr_decoupled_o[g]),
        .irq_o              (prr_irq[g])
      );
    end

    if (NUM_PRRS >= 4) begin : g_xbar
      wire [31:0] f0_data, f1_data;
      wire        f0_valid, f1_valid, f0_ready, f1_ready;
      wire [$clog2(XBAR_FIFO_DEPTH):0] lvl0, lvl1;
      wire [3:0]  xcfg;
      stream_fifo #(.DEPTH(XBAR_FIFO_DEPTH), .WIDTH(32)) u_fifo0 (
        .clk_i (clk_i), .rst_ni (rst_ni),
        .s_data_i (xo_data[31:0]), .s_valid_i (xo_valid[0]), .s_ready_o (xo_ready[0]),
        .m_data_o (f0_data), .m_valid_o (f0_valid), .m_ready_i (f0_ready), .level_o (lvl0)
      );
      stream_fifo #(.DEPTH(XBAR_FIFO_DEPTH), .WIDTH(32)) u_fifo1 (
        .clk_i (clk_i), .rst_ni (rst_ni),
        .s_data_i (xo_data[63:32]), .s_valid_i (xo_valid[1]), .s_ready_o (xo_ready[1]),
        .m_data_o (f1_data), .m_valid_o (f1_valid), .m_ready_i (f1_ready), .level_o (lvl1)
      );
      stream_xbar u_xbar (
        .clk_i       (clk_i),
        .rst_ni      (rst_ni),
        .cfg_we_i    (wr_go && sel_xbar && off == `PL_XBAR_CFG),
        .cfg_wdata_i (wdata[3:0]),
        .cfg_o       (xcfg),
        .s0_data_i   (f0_data), .s0_valid_i (f0_valid), .s0_ready_o (f0_ready),
        .s1_data_i   (f1_data), .s1_valid_i (f1_valid), .s1_ready_o (f1_ready),
        .m0_data_o   (xi_data[95:64]),  .m0_valid_o (xi_valid[2]), .m0_ready_i (xi_ready[2]),
        .m1_data_o   (xi_data[127:96]), .m1_valid_o (xi_valid[3]), .m1_ready_i (xi_ready[3])
      );
      assign xbar_rdata = (off == `PL_XBAR_CFG) ? {28'd0, xcfg} :
                          (off == `PL_XBAR_FIFO_LEVEL) ?
                            {{(16-$clog2(XBAR_FIFO_DEPTH)-1){1'b0}}, lvl1,
                             {(16-$clog2(XBAR_FIFO_DEPTH)-1){1'b0}}, lvl0} : 32'd0;
      // QAM PRRs never take crossbar input, IFFT PRRs never give crossbar output
      assign xi_data[63:0] = 64'd0;
      assign xi_valid[1:0] = 2'b00;
      assign xo_ready[3:2] = 2'b00;
      wire unused_xbar_ports = ^{xo_data[32*NUM_PRRS-1:64], xo_valid[NUM_PRRS-1:2], xi_ready[1:0]};
      if (NUM_PRRS > 4) begin : g_rest
        assign xi_data[32*NUM_PRRS-1:128] = {(32*NUM_PRRS-128){1'b0}};
        assign xi_valid[NUM_PRRS-1:4] = {(NUM_PRRS-4){1'b0}};
        assign xo_ready[NUM_PRRS-1:4] = {(NUM_PRRS-4){1'b0}};
        wire unused_rest_ready = ^xi_ready[NUM_PRRS-1:4];
      end
    end else begin : g_no_xbar
      assign xbar_rdata = 32'd0;
      assign xi_data    = {32*NUM_PRRS{1'b0}};
      assign xi_valid   = {NUM_PRRS{1'b0}};
      assign xo_ready   = {NUM_PRRS{1'b0}};
      wire unused_streams = ^{xo_data, xo_valid, xi_ready};
    end
  endgenerate

  // ---------------- read mux and responses ----------------
  wire [3:0] pidx = acc[15:12];
  reg [31:0] rd_mux;
  always @(*) begin
    rd_mux = 32'd0;
    if (!rd_go)        rd_mux = 32'd0;   // only sampled with rd_go
    else if (sel_mon)  rd_mux = mon_rdata;
    else if (sel_cfg)  rd_mux = cfg_rdata;
    else if (sel_xbar) rd_mux = xbar_rdata;
    else if (sel_prr)  rd_mux = prr_rdata[32*pidx +: 32];
    else if (sel_if)   rd_mux = if_rdata;
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      bvalid_q <= 1'b0; rvalid_q <= 1'b0; bresp_q <= 2'b00; rresp_q <= 2'b00; rdata_q <= 32'd0;
    end else begin
      if (bvalid_q && s_axi_bready_i) bvalid_q <= 1'b0;
      if (rvalid_q && s_axi_rready_i) rvalid_q <= 1'b0;
      if (wr_go) begin
        bvalid_q <= 1'b1;
        bresp_q  <= mapped ? 2'b00 : 2'b11;
      end
      if (rd_go) begin
        rvalid_q <= 1'b1;
        rresp_q  <= mapped ? 2'b00 : 2'b11;
        rdata_q  <= rd_mux;
      end
    end
  end

  // ---------------- interrupts ----------------
  reg [15:0] irq;
  integer n;
  always @(*) begin
    irq    = 16'd0;
    irq[0] = irq_new_solution;
    irq[1] = irq_stop;
    irq[2] = irq_cfg;
    for (n = 0; n < NUM_PRRS && n < 12; n = n + 1) irq[4 + n] = prr_irq[n];
  end
  assign irq_o = irq;
endmodule
