// One partially reconfigurable region (PRR): its controller (prr_ctrl), the
// module slot and its DMA engine (prr_dma, AXI4 master on an S_AXI_HP port).
//
// Module slot: one instance of every RM whose kind the PRR accepts (COMPAT bit
// 1: rm_qam, bit 2: rm_ifft) stands for the partial bitstreams the PRR can
// hold; only the instance of the loaded module's kind is out of reset, the
// others are held in reset with their inputs tied off, and the slot outputs
// are taken from the loaded one. While prr_ctrl reports decoupled (DECOUPLED or
// MODRST), the loaded module is in reset too, its frame_done and stream
// outputs are masked, and the AXI request valids (AR, AW, W) are forced low.
// The module input comes from the DMA read engine or, with STREAM.IN_XBAR,
// from the crossbar (xbar_*_i); its output goes to the DMA write engine or,
// with STREAM.OUT_XBAR, to the crossbar FIFO (xo_*_o).
module prr #(
  parameter [7:0]  PRR_ID       = 8'd0,
  parameter [15:0] COMPAT       = 16'h0002,  // bit k: modules of kind k fit
  parameter [7:0]  INIT_MODULE  = 8'h12,
  parameter integer RESET_CYCLES = 8
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  // register bus of the controller group
  input  wire        reg_we_i,
  input  wire        reg_re_i,          // reg_rdata_o is sampled this cycle
  input  wire [11:0] reg_addr_i,
  input  wire [31:0] reg_wdata_i,
  output wire [31:0] reg_rdata_o,
  // PRR Monitor
  input  wire        stop_req_i,
  output wire        stop_ack_o,
  input  wire        rcfg_req_i,
  output wire        load_done_o,
  output wire        load_err_o,
  output wire [7:0]  module_o,
  output wire        module_valid_o,
  // cfg_port
  input  wire        cfg_decouple_req_i,
  output wire        rcfg_ready_o,
  input  wire        cfg_load_i,
  input  wire [7:0]  cfg_module_i,
  input  wire        cfg_err_i,
  // crossbar side streams
  input  wire [31:0] xi_data_i,
  input  wire        xi_valid_i,
  output wire        xi_ready_o,
  output wire [31:0] xo_data_o,
  output wire        xo_valid_o,
  input  wire        xo_ready_i,
  // AXI4 master (S_AXI_HP, 64-bit)
  output wire [31:0] m_axi_araddr_o,
  output wire [7:0]  m_axi_arlen_o,
  output wire [2:0]  m_axi_arsize_o,
  output wire [1:0]  m_axi_arburst_o,
  output wire        m_axi_arvalid_o,
  input  wire        m_axi_arready_i,
  input  wire [63:0] m_axi_rdata_i,
  input  wire [1:0]  m_axi_rresp_i,
  input  wire        m_axi_rlast_i,
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
  output wire        m_axi_bready_o,
  output wire        decoupled_o,
  output wire        irq_o
);
  // controller <-> slot / DMA
  wire        mod_rst_n, mod_frame_start, mod_frame_done;
  wire [7:0]  mod_variant;
  wire [31:0] mod_frame_len;
  wire        rd_start, wr_start, rd_busy, wr_busy, wr_done, dma_err;
  wire [31:0] rd_addr, rd_len, wr_addr, wr_len;
  wire        in_xbar, out_xbar, decoupled;
  // DMA streams
  wire [31:0] rd_data;
  wire        rd_valid, rd_ready, wr_ready;
  wire        rd_done_unused;

  prr_ctrl #(
    .PRR_ID       (PRR_ID),
    .INIT_MODULE  (INIT_MODULE),
    .RESET_CYCLES (RESET_CYCLES)
  ) u_ctrl (
    .clk_i              (clk_i),
    .rst_ni             (rst_ni),
    .reg_we_i           (reg_we_i),
    .reg_re_i           (reg_re_i),
    .reg_addr_i         (reg_addr_i),
    .reg_wdata_i        (reg_wdata_i),
    .reg_rdata_o        (reg_rdata_o),
    .stop_req_i         (stop_req_i),
    .stop_ack_o         (stop_ack_o),
    .rcfg_req_i         (rcfg_req_i),
    .load_done_o        (load_done_o),
    .load_err_o         (load_err_o),
    .module_o           (module_o),
    .module_valid_o     (module_valid_o),
    .cfg_decouple_req_i (cfg_decouple_req_i),
    .rcfg_ready_o       (rcfg_ready_o),
    .cfg_load_i         (cfg_load_i),
    .cfg_module_i       (cfg_module_i),
    .cfg_err_i          (cfg_err_i),
    .mod_rst_no         (mod_rst_n),
    .mod_variant_o      (mod_variant),
    .mod_frame_len_o    (mod_frame_len),
    .mod_frame_start_o  (mod_frame_start),
    .mod_frame_done_i   (mod_frame_done),
    .dma_rd_start_o     (rd_start),
    .dma_rd_addr_o      (rd_addr),
    .dma_rd_len_o       (rd_len),
    .dma_wr_start_o     (wr_start),
    .dma_wr_addr_o      (wr_addr),
    .dma_wr_len_o       (wr_len),
    .dma_rd_busy_i      (rd_busy),
    .dma_wr_busy_i      (wr_busy),
    .dma_wr_done_i      (wr_done),
    .dma_err_i          (dma_err),
    .decoupled_o        (decoupled),
    .stream_in_xbar_o   (in_xbar),
    .stream_out_xbar_o  (out_xbar),
    .irq_o              (irq_o)
  );

  // ---------------- module slot ----------------
  wire [3:0]  kind = module_o[7:4];
  // slot input / output after routing
  wire [31:0] s_data  = in_xbar ? xi_data_i  : rd_data;
  wire        s_valid = in_xbar ? xi_valid_i : rd_valid;
  wire        m_ready = out_xbar ? xo_ready_i : wr_ready;
  wire        s_ready;
  wire [31:0] m_data;
  wire        m_valid;

  wire        qam_on  = COMPAT[1] && module_valid_o && (kind == 4'd1);
  wire        ifft_on = COMPAT[2] && module_valid_o && (kind == 4'd2);
  wire        qam_s_ready, qam_m_valid, qam_done, ifft_s_ready, ifft_m_valid, ifft_done;
  wire [31:0] qam_m_data, ifft_m_data;

  generate
    if (COMPAT[1]) begin : g_qam
      wire qam_busy_unused;
      rm_qam u_qam (
        .clk_i         (clk_i),
        .rst_ni        (rst_ni && mod_rst_n && qam_on),
        .variant_i     (mod_variant),
        .frame_len_i   (mod_frame_len),
        .frame_start_i (mod_frame_start && qam_on),
        .frame_done_o  (qam_done),
        .busy_o        (qam_busy_unused),
        .s_data_i      (s_data),
        .s_valid_i     (s_valid && qam_on),
        .s_ready_o     (qam_s_ready),
        .m_data_o      (qam_m_data),
        .m_valid_o     (qam_m_valid),
        .m_ready_i     (m_ready && qam_on)
      );
    end else begin : g_no_qam
      assign qam_s_ready = 1'b0;
      assign qam_m_valid = 1'b0;
      assign qam_done    = 1'b0;
      assign qam_m_data  = 32'd0;
    end
    if (COMPAT[2]) begin : g_ifft
      wire ifft_busy_unused;
      rm_ifft u_ifft (
        .clk_i         (clk_i),
        .rst_ni        (rst_ni && mod_rst_n && ifft_on),
        .variant_i     (mod_variant),
        .frame_len_i   (mod_frame_len),
        .frame_start_i (mod_frame_start && ifft_on),
        .frame_done_o  (ifft_done),
        .busy_o        (ifft_busy_unused),
        .s_data_i      (s_data),
        .s_valid_i     (s_valid && ifft_on),
        .s_ready_o     (ifft_s_ready),
        .m_data_o      (ifft_m_data),
        .m_valid_o     (ifft_m_valid),
        .m_ready_i     (m_ready && ifft_on)
      );
    end else begin : g_no_ifft
      assign ifft_s_ready = 1'b0;
      assign ifft_m_valid = 1'b0;
      assign ifft_done    = 1'b0;
      assign ifft_m_data  = 32'd0;
    end
  endgenerate

  // outputs of the loaded module only, masked while decoupled
  assign s_ready        = !decoupled && ((qam_on && qam_s_ready) || (ifft_on && ifft_s_ready));
  assign m_valid        = !decoupled && ((qam_on && qam_m_valid) || (ifft_on && ifft_m_valid));
  assign m_data         = qam_on ? qam_m_data : ifft_on ? ifft_m_data : 32'd0;
  assign mod_frame_done = !decoupled && ((qam_on && qam_done) || (ifft_on && ifft_done));

  assign rd_ready   = !in_xbar && s_ready;
  assign xi_ready_o = in_xbar && s_ready;
  assign xo_data_o  = m_data;
  assign xo_valid_o = out_xbar && m_valid;

  // ---------------- DMA ----------------
  wire arvalid, awvalid, wvalid;
  prr_dma u_dma (
    .clk_i           (clk_i),
    .rst_ni          (rst_ni),
    .rd_start_i      (rd_start),
    .rd_addr_i       (rd_addr),
    .rd_len_i        (rd_len),
    .rd_busy_o       (rd_busy),
    .rd_done_o       (rd_done_unused),
    .rd_data_o       (rd_data),
    .rd_valid_o      (rd_valid),
    .rd_ready_i      (rd_ready),
    .wr_start_i      (wr_start),
    .wr_addr_i       (wr_addr),
    .wr_len_i        (wr_len),
    .wr_busy_o       (wr_busy),
    .wr_done_o       (wr_done),
    .wr_data_i       (m_data),
    .wr_valid_i      (!out_xbar && m_valid),
    .wr_ready_o      (wr_ready),
    .err_o           (dma_err),
    .m_axi_araddr_o  (m_axi_araddr_o),
    .m_axi_arlen_o   (m_axi_arlen_o),
    .m_axi_arsize_o  (m_axi_arsize_o),
    .m_axi_arburst_o (m_axi_arburst_o),
    .m_axi_arvalid_o (arvalid),
    .m_axi_arready_i (m_axi_arready_i && !decoupled),
    .m_axi_rdata_i   (m_axi_rdata_i),
    .m_axi_rresp_i   (m_axi_rresp_i),
    .m_axi_rlast_i   (m_axi_rlast_i),
    .m_axi_rvalid_i  (m_axi_rvalid_i),
    .m_axi_rready_o  (m_axi_rready_o),
    .m_axi_awaddr_o  (m_axi_awaddr_o),
    .m_axi_awlen_o   (m_axi_awlen_o),
    .m_axi_awsize_o  (m_axi_awsize_o),
    .m_axi_awburst_o (m_axi_awburst_o),
    .m_axi_awvalid_o (awvalid),
    .m_axi_awready_i (m_axi_awready_i && !decoupled),
    .m_axi_wdata_o   (m_axi_wdata_o),
    .m_axi_wstrb_o   (m_axi_wstrb_o),
    .m_axi_wlast_o   (m_axi_wlast_o),
    .m_axi_wvalid_o  (wvalid),
    .m_axi_wready_i  (m_axi_wready_i && !decoupled),
    .m_axi_bresp_i   (m_axi_bresp_i),
    .m_axi_bvalid_i  (m_axi_bvalid_i),
    .m_axi_bready_o  (m_axi_bready_o)
  );
  // Every AXI master output is a function of registers only (prr_dma
  // registers, prr_ctrl state): sim/platform/plat_pl.cc samples them before
  // it evaluates a cycle's inputs (one model evaluation per PL cycle) and
  // relies on it.
  assign m_axi_arvalid_o = arvalid && !decoupled;
  assign m_axi_awvalid_o = awvalid && !decoupled;
  assign m_axi_wvalid_o  = wvalid && !decoupled;
  assign decoupled_o     = decoupled;
endmodule
