// dprsim PL build parameters (defaults). pl_top passes them down as module
// parameters; a scenario may override them through Verilator -G options.
//
// Module ids: id[7:4] = kind (1 QAM mapper, 2 IFFT), id[3:0] = variant field:
//   QAM : bits per symbol 2, 4, 6            -> 0x12 QAM4, 0x14 QAM16, 0x16 QAM64
//   IFFT: log2(N) - 8 for N = 256 .. 8192    -> 0x20 IFFT256 .. 0x25 IFFT8192
// Any other id is invalid. The RM sees variant_i = bits/symbol or log2 N.
//
// Compatibility list: PRR_COMPAT holds 16 bits per PRR (PRR n at [16n+15:16n]);
// bit k set = modules of kind k fit PRR n. Default (Mini-NOVA multi-path
// structure): PRR0/1 QAM-capable, PRR2/3 IFFT-capable.
//
// Bitstream sizes: PRR_CAPACITY holds 32 bits per PRR, the largest SimB
// payload (32-bit words) the PRR accepts = the bitstream size of its largest
// module. The defaults are chosen, not measured: a 7-series configuration
// frame is 101 words (UG470, "Configuration Frames"); a QAM PRR is taken as
// 360 frames (36,360 words, 145 KB) and an IFFT PRR as 3,600 frames (363,600
// words, 1.45 MB). scripts/simb.py uses the same per-module defaults; the real
// sizes are scenario parameters.
//
// Initial modules: PRR_INIT_MODULE holds 8 bits per PRR, the module present
// after power-on (part of the full bitstream): QAM4, QAM16, IFFT256, IFFT1024.
`ifndef PL_PARAMS_VH
`define PL_PARAMS_VH
`define PL_NUM_VMS          4
`define PL_NUM_VDEVS        8
`define PL_NUM_PRRS         4
`define PL_QAM_WORDS        32'd36360
`define PL_IFFT_WORDS       32'd363600
`define PL_PRR_COMPAT       64'h0004_0004_0002_0002
`define PL_PRR_CAPACITY     {`PL_IFFT_WORDS, `PL_IFFT_WORDS, `PL_QAM_WORDS, `PL_QAM_WORDS}
`define PL_PRR_INIT_MODULE  32'h22_20_14_12
// Virtual device d implements module DEV_MODULE_RESET[8d+7:8d] (monitor DEV_MODULE reset values).
`define PL_DEV_MODULE_RESET 64'h25_24_23_22_20_16_14_12
// Cycles a freshly loaded module is held in reset before it may start.
`define PL_MOD_RESET_CYCLES 8
`endif
