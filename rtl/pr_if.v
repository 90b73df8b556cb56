// PR interfaces (IFs): the 4 KiB register windows of all (VM, virtual device)
// pairs, IF i = vm*NUM_VDEVS + dev at PL offset 0x100000 + i*0x1000.
// An IF holds no registers of its own: while IF i is connected to PRR p (the
// Monitor's connection table), an access at window offset o < 0x800 is
// forwarded to PRR p's controller group at offset 0x800 + o (its guest view,
// rtl/regs/prr_ctrl.yaml). While IF i is unconnected, offset 0 (ID) reads
// 0x554E434E ('UNCN'), every other offset reads 0 (STATUS.CONNECTED = 0) and
// writes change nothing. Offsets >= 0x800 of a window always read 0.
// All windows share this one decoder because the PL register bus carries one
// access at a time; the per-IF state is the connection table entry.
module pr_if #(
  parameter integer NUM_VMS   = 4,
  parameter integer NUM_VDEVS = 8,
  parameter integer NUM_PRRS  = 4,
  parameter integer NIF       = NUM_VMS * NUM_VDEVS   // derived: do not override
) (
  // access (one per cycle) to window if_idx_i at offset reg_addr_i
  input  wire                  sel_i,
  input  wire [7:0]            if_idx_i,
  input  wire                  reg_we_i,
  input  wire [11:0]           reg_addr_i,
  output reg  [31:0]           reg_rdata_o,
  // connection table from the Monitor
  input  wire [NIF-1:0]        if_conn_valid_i,
  input  wire [8*NIF-1:0]      if_conn_prr_i,
  // forwarded access to a PRR controller group (guest view)
  output wire                  fwd_o,        // forward this access
  output wire [7:0]            fwd_prr_o,
  output wire [11:0]           fwd_addr_o,
  output wire                  fwd_we_o,
  input  wire [32*NUM_PRRS-1:0] prr_rdata_i  // read data of every PRR group at its addr
);
  `include "pl_regs.vh"

  wire       idx_ok    = ({24'd0, if_idx_i} < NIF);
  wire [$clog2(NIF)-1:0] idx = if_idx_i[$clog2(NIF)-1:0];
  wire       connected = idx_ok && if_conn_valid_i[idx];
  wire [7:0] prr       = if_conn_prr_i[8*idx +: 8];

  assign fwd_o      = sel_i && connected && !reg_addr_i[11] && ({24'd0, prr} < NUM_PRRS);
  assign fwd_prr_o  = prr;
  assign fwd_addr_o = {1'b1, reg_addr_i[10:0]};
  assign fwd_we_o   = fwd_o && reg_we_i;

  always @(*) begin
    reg_rdata_o = 32'd0;
    if (fwd_o)
      reg_rdata_o = prr_rdata_i[32*prr[$clog2(NUM_PRRS)-1:0] +: 32];
    else if (reg_addr_i == `PL_IF_ID)
      reg_rdata_o = `PL_IF_ID_UNCONNECTED;
  end
endmodule
