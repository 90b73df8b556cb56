/*
 * devcfg.h - Zynq-7000 Device Configuration interface (DevCfg) with its PCAP
 * DMA, timed (dprsim). Base 0xF8007000, GIC ID 40 (ZYNQ_ARM_FACTS 1.1).
 *
 * Register-compatible with UG585 Appendix B (devcfg): CTRL, LOCK, CFG,
 * INT_STS (W1C), INT_MASK, STATUS, DMA_SRC_ADDR/DMA_DST_ADDR/DMA_SRC_LEN/
 * DMA_DEST_LEN (the write to DMA_DEST_LEN queues a command), MULTIBOOT_ADDR,
 * SW_ID, UNLOCK, MCTRL, and the XADC-interface registers as plain storage.
 *
 * Data path (a model of the real pipeline, see README.md "DevCfg"):
 *   DDR --mem_read--> DMA command queue (2 deep) --> TX FIFO (fifo_words) -->
 *   PCAP port at `rate_bytes_per_s` --pcap_word--> PL configuration port
 *   (or, with MCTRL.INT_PCAP_LPBK, --mem_write--> DMA destination in DDR).
 * The AXI side is fast: it refills the FIFO as soon as a word leaves it, so a
 * command's AXI side (DMA_DONE) finishes when its last word enters the FIFO
 * and its PCAP side (D_P_DONE) when its last word leaves to the PL. The PCAP
 * side sends word i of a stream that started at time A at
 *     A + ceil((i+1) * 4 B * 1e12 / rate)  ps            (x4 with QUARTER rate)
 * so a 1 MiB transfer at 130 MB/s ends 8.066 ms after it was queued (+setup_ps,
 * default 0 because the published 130 MB/s is an end-to-end figure).
 * The sink may refuse a word (back-pressure): it is retried one word time
 * later, or at once after devcfg_pcap_kick(); the stream re-times from the
 * accepted word.
 */
#ifndef DEVCFG_H
#define DEVCFG_H

#include "zynq_dev.h"
#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Register offsets (UG585 B.16). */
#define DEVCFG_CTRL            0x000
#define DEVCFG_LOCK            0x004
#define DEVCFG_CFG             0x008
#define DEVCFG_INT_STS         0x00C
#define DEVCFG_INT_MASK        0x010
#define DEVCFG_STATUS          0x014
#define DEVCFG_DMA_SRC_ADDR    0x018
#define DEVCFG_DMA_DST_ADDR    0x01C
#define DEVCFG_DMA_SRC_LEN     0x020
#define DEVCFG_DMA_DEST_LEN    0x024
#define DEVCFG_ROM_SHADOW      0x028
#define DEVCFG_MULTIBOOT_ADDR  0x02C
#define DEVCFG_SW_ID           0x030
#define DEVCFG_UNLOCK          0x034
#define DEVCFG_MCTRL           0x080
#define DEVCFG_XADCIF_CFG      0x100
#define DEVCFG_XADCIF_INT_STS  0x104
#define DEVCFG_XADCIF_INT_MASK 0x108
#define DEVCFG_XADCIF_MSTS     0x10C
#define DEVCFG_XADCIF_CMDFIFO  0x110
#define DEVCFG_XADCIF_RDFIFO   0x114
#define DEVCFG_XADCIF_MCTL     0x118
#define DEVCFG_WINDOW          0x120

#define DEVCFG_UNLOCK_KEY      0x757BDF0Du
#define DEVCFG_INVALID_ADDR    0xFFFFFFFFu

/* CTRL bits */
#define DEVCFG_CTRL_FORCE_RST     (1u << 31)
#define DEVCFG_CTRL_PCFG_PROG_B   (1u << 30)
#define DEVCFG_CTRL_PCAP_PR       (1u << 27)
#define DEVCFG_CTRL_PCAP_MODE     (1u << 26)
#define DEVCFG_CTRL_QUARTER_RATE  (1u << 25)
#define DEVCFG_CTRL_SEC_EN        (1u << 7)
/* INT_STS / INT_MASK bits */
#define DEVCFG_INT_PSS_GTS_USR_B  (1u << 31)
#define DEVCFG_INT_PSS_CFG_RESET_B (1u << 27)
#define DEVCFG_INT_AXI_WTO        (1u << 23)
#define DEVCFG_INT_AXI_WERR       (1u << 22)
#define DEVCFG_INT_AXI_RTO        (1u << 21)
#define DEVCFG_INT_AXI_RERR       (1u << 20)
#define DEVCFG_INT_RX_FIFO_OV     (1u << 18)
#define DEVCFG_INT_WR_FIFO_LVL    (1u << 17)
#define DEVCFG_INT_RD_FIFO_LVL    (1u << 16)
#define DEVCFG_INT_DMA_CMD_ERR    (1u << 15)
#define DEVCFG_INT_DMA_Q_OV       (1u << 14)
#define DEVCFG_INT_DMA_DONE       (1u << 13)
#define DEVCFG_INT_D_P_DONE       (1u << 12)
#define DEVCFG_INT_P2D_LEN_ERR    (1u << 11)
#define DEVCFG_INT_PCFG_DONE      (1u << 2)
#define DEVCFG_INT_PCFG_INIT_PE   (1u << 1)
#define DEVCFG_INT_PCFG_INIT_NE   (1u << 0)
/* STATUS bits */
#define DEVCFG_STATUS_DMA_Q_F     (1u << 31)
#define DEVCFG_STATUS_DMA_Q_E     (1u << 30)
#define DEVCFG_STATUS_DONE_CNT_SHIFT 28
#define DEVCFG_STATUS_TX_LVL_SHIFT 12
#define DEVCFG_STATUS_GTS_USR_B   (1u << 11)
#define DEVCFG_STATUS_ILLEGAL_APB (1u << 6)
#define DEVCFG_STATUS_CFG_RESET_B (1u << 5)
#define DEVCFG_STATUS_PCFG_INIT   (1u << 4)
/* MCTRL bits */
#define DEVCFG_MCTRL_INT_PCAP_LPBK (1u << 4)
/* CFG bits */
#define DEVCFG_CFG_DISABLE_SRC_INC (1u << 5)
#define DEVCFG_CFG_DISABLE_DST_INC (1u << 4)

#define DEVCFG_NREGS      22
#define DEVCFG_QUEUE_DEPTH 2     /**< DMA command queue (Xilinx driver) */
#define DEVCFG_FIFO_MAX   256    /**< upper bound of config.fifo_words */
#define DEVCFG_REC_MAX    (DEVCFG_FIFO_MAX + DEVCFG_QUEUE_DEPTH + 2)

/** Read `len` bytes of system memory at `addr` into buf (little-endian byte
 *  order as in DDR). Return ZYNQ_SLVERR for a bad address (-> AXI_RERR). */
typedef zynq_status (*devcfg_mem_read_fn)(void *opaque, uint32_t addr,
                                          void *buf, uint32_t len);
/** Write `len` bytes to system memory (loopback destination). */
typedef zynq_status (*devcfg_mem_write_fn)(void *opaque, uint32_t addr,
                                           const void *buf, uint32_t len);
/** One 32-bit word crosses the PCAP port at time t (<= the time advanced
 *  to). Return false to refuse it (back-pressure); it is offered again. */
typedef bool (*devcfg_pcap_word_fn)(void *opaque, uint32_t word,
                                    zynq_time_ps t);

typedef struct devcfg_config {
    uint64_t rate_bytes_per_s; /**< PCAP throughput, default 130e6 (paper) */
    zynq_time_ps setup_ps;     /**< fixed cost from idle to the first word */
    zynq_time_ps init_delay_ps;/**< PL housecleaning: PROG_B rise -> INIT */
    unsigned fifo_words;       /**< TX FIFO depth, default 127 (7-bit level) */
    unsigned burst_words;      /**< AXI read burst, default 16 */
    bool auto_done;            /**< no PL model: DONE rises when a PCAP write
                                    command completes (default true) */
    bool pl_done_at_reset;     /**< DONE at reset (default false) */
    uint32_t ps_version;       /**< MCTRL.PS_VERSION, default 3 (3.1) */
} devcfg_config;

typedef struct devcfg_stats {
    uint64_t pcap_bytes;       /**< bytes accepted by the PCAP sink */
    uint64_t loopback_bytes;   /**< bytes written back in loopback */
    uint64_t commands_done;    /**< commands whose PCAP side completed */
    uint64_t commands_failed;  /**< commands rejected or aborted */
    uint64_t stall_count;      /**< words refused by the sink */
    zynq_time_ps busy_ps;      /**< sum over commands of (end - queued) */
    zynq_time_ps last_start;   /**< queue time of the last completed command */
    zynq_time_ps last_end;     /**< its D_P_DONE time */
} devcfg_stats;

typedef struct devcfg_rec {
    uint32_t src, dst;         /**< flags stripped */
    uint32_t words;            /**< words to move */
    uint32_t read;             /**< words read into the FIFO */
    uint32_t sent;             /**< words delivered to the PCAP side */
    bool loopback, last, axi_done, error;
    zynq_time_ps queued;
} devcfg_rec;

typedef struct devcfg {
    zynq_dev dev;              /* must be first */
    devcfg_config cfg;
    zynq_regs regs;
    uint32_t val[DEVCFG_NREGS];
    zynq_irq irq;
    int irq_level;
    /* callbacks */
    devcfg_mem_read_fn mem_read;
    devcfg_mem_write_fn mem_write;
    void *mem_opaque;
    devcfg_pcap_word_fn pcap_word;
    void *pcap_opaque;
    /* PL configuration state */
    bool illegal;              /**< bad UNLOCK key: writes refused */
    bool pl_init;              /**< STATUS.PCFG_INIT */
    bool pl_done;              /**< DONE pin */
    zynq_time_ps init_at;      /**< pending INIT rise, or NEVER */
    unsigned done_cnt;         /**< STATUS.DMA_DONE_CNT */
    /* command records, oldest first; the last q_count are still reading */
    devcfg_rec rec[DEVCFG_REC_MAX];
    unsigned rec_head, rec_count, q_count;
    /* TX FIFO */
    uint32_t fifo[DEVCFG_FIFO_MAX];
    unsigned fifo_head, fifo_count;
    /* PCAP stream timing */
    zynq_time_ps anchor;       /**< stream origin */
    uint64_t sent_since_anchor;
    uint64_t word_num;         /**< word time = word_num / rate ps */
    bool stalled;
    zynq_time_ps retry_at;
    bool init_warned;
    devcfg_stats stats;
} devcfg;

void devcfg_default_config(devcfg_config *c);
/** Initialise (cfg NULL = defaults) and reset. */
void devcfg_init(devcfg *dc, const char *name, const devcfg_config *cfg);
void devcfg_set_irq(devcfg *dc, zynq_irq irq);
void devcfg_set_mem(devcfg *dc, devcfg_mem_read_fn rd, devcfg_mem_write_fn wr,
                    void *opaque);
void devcfg_set_pcap_sink(devcfg *dc, devcfg_pcap_word_fn fn, void *opaque);

/** DONE pin from a PL model (cfg_port); use with cfg.auto_done = false. */
void devcfg_set_pl_done(devcfg *dc, bool done);
/** The sink can accept again: retry a refused word at the current time. */
void devcfg_pcap_kick(devcfg *dc);
/** Time of the next word on the PCAP port (NEVER when idle). */
zynq_time_ps devcfg_next_word_time(const devcfg *dc);
/** Put the block in the state the FSBL leaves it: PROG_B=1, PCFG_INIT=1,
 *  DONE=1 (PL configured), INT_STS cleared except level causes. */
void devcfg_fsbl_state(devcfg *dc);
const devcfg_stats *devcfg_get_stats(const devcfg *dc);

#ifdef __cplusplus
}
#endif
#endif /* DEVCFG_H */
