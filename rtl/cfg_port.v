// Configuration port: receives the PCAP 32-bit word stream and parses SimB
// (simulation-only bitstream; exact layout and CRC in rtl/README.md):
//   SYNC 0xAA995566 | MAGIC 'SIMB' | VERSION 1 | PRR id | module id | N |
//   N payload words | CRC-32 (IEEE, reflected, over MAGIC..payload) | DESYNC 0xD
// The target PRR is asked to decouple as soon as the header has been
// accepted; the payload is not consumed (pcap_ready_o=0) until the PRR reports
// it is decoupled at a frame boundary. The PRR's module is swapped (load_o)
// only after the DESYNC word that follows a matching CRC. Every other outcome
// is an error with a code in ERROR.CODE (rtl/regs/cfg_port.yaml) and an
// interrupt; when the target PRR is known, cfg_port first waits until that PRR
// is decoupled, then reports the error to it (err_o), which marks its module
// invalid and keeps it decoupled. After an error the port discards words
// until the next SYNC (state DRAIN).
module cfg_port #(
  parameter integer NUM_PRRS = 4,
  parameter [16*NUM_PRRS-1:0] PRR_COMPAT   = 64'h0004_0004_0002_0002,
  parameter [32*NUM_PRRS-1:0] PRR_CAPACITY = {32'd363600, 32'd363600, 32'd36360, 32'd36360}
) (
  input  wire                clk_i,
  input  wire                rst_ni,
  // register bus
  input  wire                reg_we_i,
  input  wire [11:0]         reg_addr_i,
  input  wire [31:0]         reg_wdata_i,
  input  wire                reg_re_i,    // reg_rdata_o is sampled this cycle
  output reg  [31:0]         reg_rdata_o,
  // PCAP word stream
  input  wire [31:0]         pcap_data_i,
  input  wire                pcap_valid_i,
  output wire                pcap_ready_o,
  input  wire                pcap_abort_i,   // the transfer was abandoned
  // PRR controllers
  output wire [NUM_PRRS-1:0] decouple_req_o,
  input  wire [NUM_PRRS-1:0] rcfg_ready_i,
  output reg  [NUM_PRRS-1:0] load_o,         // pulse: install load_module_o
  output wire [7:0]          load_module_o,
  output reg  [NUM_PRRS-1:0] err_o,          // pulse: bitstream for the PRR failed
  output wire                irq_o
);
  `include "pl_regs.vh"
  `include "pl_funcs.vh"

  localparam [3:0] S_IDLE = 4'd0, S_HEADER = 4'd1, S_WAIT = 4'd2, S_PAYLOAD = 4'd3,
                   S_CRC = 4'd4, S_DESYNC = 4'd5, S_DRAIN = 4'd6, S_ERRWAIT = 4'd7;
  localparam [7:0] E_NONE = 8'd0, E_SYNC = 8'd1, E_MAGIC = 8'd2, E_VERSION = 8'd3,
                   E_PRR = 8'd4, E_INCOMPAT = 8'd5, E_OVERLONG = 8'd6, E_TRUNC = 8'd7,
                   E_CRC = 8'd8, E_ABORT = 8'd9;

  reg [3:0]  state_q;
  reg [2:0]  hdr_idx_q;
  reg [31:0] crc_q, len_q, cnt_q, words_q, idle_q, timeout_q, crc_last_q;
  reg [7:0]  prr_q, module_q, err_code_q, err_prr_q;
  reg        prr_known_q, err_to_idle_q;
  reg [1:0]  int_st_q, int_en_q;
  reg [31:0] loads_q, errors_q;

  // CRC-32/IEEE, reflected (polynomial 0xEDB88320), one 32-bit word = its four
  // bytes least significant first. Called only inside the clocked process,
  // where a word is taken, so that the simulation model does not evaluate
  // the 32 unrolled steps on every cycle.
  function automatic [31:0] crc32_word(input [31:0] crc, input [31:0] w);
    integer b;
    reg [31:0] c;
    begin
      c = crc ^ w;
      for (b = 0; b < 32; b = b + 1)
        c = c[0] ? ((c >> 1) ^ 32'hEDB88320) : (c >> 1);
      crc32_word = c;
    end
  endfunction

  wire        in_stream = (state_q == S_HEADER) || (state_q == S_WAIT) || (state_q == S_PAYLOAD) ||
                          (state_q == S_CRC) || (state_q == S_DESYNC);
  wire        prr_now   = prr_known_q && in_stream;   // the current bitstream's PRR is known
  wire [$clog2(NUM_PRRS)-1:0] pidx = prr_q[$clog2(NUM_PRRS)-1:0];
  wire        prr_rdy = rcfg_ready_i[pidx];
  // A function of registers only: sim/platform/plat_pl.cc samples it before
  // it evaluates a cycle's inputs (one model evaluation per PL cycle).
  assign pcap_ready_o = (state_q != S_WAIT);
  wire        take = pcap_valid_i && pcap_ready_o;
  wire [15:0] hdr_compat = PRR_COMPAT[16*pidx +: 16];
  wire [31:0] hdr_cap    = PRR_CAPACITY[32*pidx +: 32];
  wire        timed_out  = (timeout_q != 32'd0) && (idle_q + 32'd1 >= timeout_q) &&
                           (state_q != S_WAIT) && !pcap_valid_i;

  // error to raise this cycle (E_NONE: none)
  reg [7:0] err_now;
  always @(*) begin
    err_now = E_NONE;
    if (in_stream && pcap_abort_i) err_now = E_ABORT;
    else if (in_stream && timed_out) err_now = E_TRUNC;
    else if (take) begin
      case (state_q)
        S_IDLE: if (pcap_data_i != `PL_CFG_SYNC) err_now = E_SYNC;
        S_HEADER: case (hdr_idx_q)
          3'd0: if (pcap_data_i != `PL_CFG_MAGIC) err_now = E_MAGIC;
          3'd1: if (pcap_data_i != `PL_CFG_VERSION) err_now = E_VERSION;
          3'd2: if (pcap_data_i >= NUM_PRRS) err_now = E_PRR;
          3'd3: if (pcap_data_i[31:8] != 24'd0 || !pl_mod_fits(pcap_data_i[7:0], hdr_compat))
                  err_now = E_INCOMPAT;
          3'd4: if (pcap_data_i > hdr_cap) err_now = E_OVERLONG;
          default: ;
        endcase
        S_CRC:    if (pcap_data_i != ~crc_q) err_now = E_CRC;
        S_DESYNC: if (pcap_data_i != `PL_CFG_DESYNC) err_now = E_OVERLONG;
        default: ;
      endcase
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q <= S_IDLE; hdr_idx_q <= 3'd0; crc_q <= 32'hFFFF_FFFF; len_q <= 32'd0;
      cnt_q <= 32'd0; words_q <= 32'd0; idle_q <= 32'd0; timeout_q <= `PL_CFG_TIMEOUT_RESET;
      crc_last_q <= 32'd0; prr_q <= 8'hFF; module_q <= 8'd0; err_code_q <= E_NONE;
      err_prr_q <= 8'hFF; prr_known_q <= 1'b0; err_to_idle_q <= 1'b0;
      int_st_q <= 2'd0; int_en_q <= 2'b11; loads_q <= 32'd0; errors_q <= 32'd0;
      load_o <= {NUM_PRRS{1'b0}}; err_o <= {NUM_PRRS{1'b0}};
    end else begin
      load_o <= {NUM_PRRS{1'b0}};
      err_o  <= {NUM_PRRS{1'b0}};
      if (take) words_q <= words_q + 32'd1;
      idle_q <= (pcap_valid_i || !in_stream) ? 32'd0 : idle_q + 32'd1;

      if (err_now != E_NONE) begin
        err_code_q    <= err_now;
        err_prr_q     <= prr_now ? prr_q : 8'hFF;
        int_st_q[1]   <= 1'b1;
        errors_q      <= errors_q + 32'd1;
        err_to_idle_q <= (err_now == E_ABORT) || (err_now == E_TRUNC);
        if (state_q == S_CRC || state_q == S_DESYNC) crc_last_q <= ~crc_q;
        state_q       <= prr_now ? S_ERRWAIT : (pcap_abort_i ? S_IDLE : S_DRAIN);
      end else begin
        case (state_q)
          S_IDLE, S_DRAIN: begin
            if (pcap_abort_i) state_q <= S_IDLE;
            else if (take && pcap_data_i == `PL_CFG_SYNC) begin
              state_q     <= S_HEADER;
              hdr_idx_q   <= 3'd0;
              crc_q       <= 32'hFFFF_FFFF;
              words_q     <= 32'd1;
              prr_known_q <= 1'b0;
              prr_q       <= 8'hFF;
              module_q    <= 8'd0;
            end
          end
          S_HEADER: if (take) begin
            crc_q     <= crc32_word(crc_q, pcap_data_i);
            hdr_idx_q <= hdr_idx_q + 3'd1;
            case (hdr_idx_q)
              3'd2: begin prr_q <= pcap_data_i[7:0]; prr_known_q <= 1'b1; end
              3'd3: module_q <= pcap_data_i[7:0];
              3'd4: begin len_q <= pcap_data_i; cnt_q <= 32'd0; state_q <= S_WAIT; end
              default: ;
            endcase
          end
          S_WAIT: if (prr_rdy) state_q <= (len_q == 32'd0) ? S_CRC : S_PAYLOAD;
          S_PAYLOAD: if (take) begin
            crc_q <= crc32_word(crc_q, pcap_data_i);
            cnt_q <= cnt_q + 32'd1;
            if (cnt_q + 32'd1 >= len_q) state_q <= S_CRC;
          end
          S_CRC: if (take) begin
            crc_last_q <= ~crc_q;
            state_q    <= S_DESYNC;
          end
          S_DESYNC: if (take) begin
            load_o[pidx] <= 1'b1;
            int_st_q[0]  <= 1'b1;
            loads_q      <= loads_q + 32'd1;
            err_code_q   <= E_NONE;
            state_q      <= S_IDLE;
          end
          S_ERRWAIT: if (prr_rdy) begin
            err_o[pidx] <= 1'b1;
            state_q     <= err_to_idle_q ? S_IDLE : S_DRAIN;
          end
          default: state_q <= S_IDLE;
        endcase
      end

      // register writes
      if (reg_we_i) begin
        case (reg_addr_i)
          `PL_CFG_INT_STATUS: int_st_q <= int_st_q & ~reg_wdata_i[1:0];
          `PL_CFG_INT_ENABLE: int_en_q <= reg_wdata_i[1:0];
          `PL_CFG_TIMEOUT:    timeout_q <= reg_wdata_i;
          default: ;
        endcase
      end
    end
  end

  genvar g;
  generate
    for (g = 0; g < NUM_PRRS; g = g + 1) begin : g_dec
      assign decouple_req_o[g] = prr_known_q && (prr_q == g) &&
                                 ((state_q == S_WAIT) || (state_q == S_PAYLOAD) || (state_q == S_CRC) ||
                                  (state_q == S_DESYNC) || (state_q == S_ERRWAIT) ||
                                  (state_q == S_HEADER));
    end
  endgenerate
  assign load_module_o = module_q;
  assign irq_o = |(int_st_q & int_en_q);

  reg [7:0] ridx;
  always @(*) begin
    reg_rdata_o = 32'd0;
    ridx = {2'd0, reg_addr_i[7:2]} - 8'h10;
    // decoded only in the cycle of a read (cheaper simulation model)
    if (reg_re_i) case (reg_addr_i)
      `PL_CFG_ID:         reg_rdata_o = `PL_CFG_ID_RESET;
      `PL_CFG_STATUS:     reg_rdata_o = {8'd0, module_q, prr_q, 3'd0, in_stream, state_q};
      `PL_CFG_ERROR:      reg_rdata_o = {16'd0, err_prr_q, err_code_q};
      `PL_CFG_INT_STATUS: reg_rdata_o = {30'd0, int_st_q};
      `PL_CFG_INT_ENABLE: reg_rdata_o = {30'd0, int_en_q};
      `PL_CFG_WORDS:      reg_rdata_o = words_q;
      `PL_CFG_LOADS:      reg_rdata_o = loads_q;
      `PL_CFG_ERRORS:     reg_rdata_o = errors_q;
      `PL_CFG_TIMEOUT:    reg_rdata_o = timeout_q;
      `PL_CFG_CRC:        reg_rdata_o = crc_last_q;
      default: if (reg_addr_i >= `PL_CFG_CAPACITY && reg_addr_i < `PL_CFG_CAPACITY + 12'h040 &&
                   {24'd0, ridx} < NUM_PRRS)
                 reg_rdata_o = PRR_CAPACITY[32*ridx +: 32];
    endcase
  end
endmodule
