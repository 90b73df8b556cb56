// Cadence UART: reset values, TX (instant and timed), RX, FIFOs, interrupts.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"
extern "C" {
#include "uart.h"
}

namespace {
struct Sink {
    std::string text;
    std::vector<zynq_time_ps> times;
    static void fn(void *o, uint8_t b, zynq_time_ps t) {
        auto *s = static_cast<Sink *>(o);
        s->text.push_back((char)b);
        s->times.push_back(t);
    }
};

class Uart : public ::testing::Test {
protected:
    uart u;
    IrqProbe p;
    Sink sink;
    LogCapture log;
    void init(bool timed) {
        uart_config c;
        uart_default_config(&c);
        c.tx_timed = timed;
        uart_init(&u, "uart1", &c);
        uart_set_irq(&u, p.line(82));
        uart_set_tx_sink(&u, &Sink::fn, &sink);
        log.attach(&u.dev);
    }
    void SetUp() override { init(false); }
    void puts(const char *s) {
        while (*s) wr(&u.dev, UART_FIFO, (uint8_t)*s++);
    }
};
}  // namespace

TEST_F(Uart, ResetValues) {
    EXPECT_EQ(rd(&u.dev, UART_CR), 0x128u);
    EXPECT_EQ(rd(&u.dev, UART_MR), 0u);
    EXPECT_EQ(rd(&u.dev, UART_IMR), 0u);
    EXPECT_EQ(rd(&u.dev, UART_BAUDGEN), 0x28Bu);
    EXPECT_EQ(rd(&u.dev, UART_BAUDDIV), 0xFu);
    EXPECT_EQ(rd(&u.dev, UART_RXWM), 0x20u);
    EXPECT_EQ(rd(&u.dev, UART_TXWM), 0x20u);
    EXPECT_EQ(rd(&u.dev, UART_SR), UART_SR_REMPTY | UART_SR_TEMPTY);
    EXPECT_EQ(rd(&u.dev, UART_IER), 0u);  // write-only
}

TEST_F(Uart, TxWaitsForEnableThenGoesToSink) {
    puts("Hi");
    EXPECT_EQ(sink.text, "");
    EXPECT_EQ(rd(&u.dev, UART_SR) & UART_SR_TEMPTY, 0u);
    wr(&u.dev, UART_CR, UART_CR_TX_EN | UART_CR_RX_EN);
    EXPECT_EQ(sink.text, "Hi");
    puts(", world\n");
    EXPECT_EQ(sink.text, "Hi, world\n");
    EXPECT_EQ(rd(&u.dev, UART_SR) & UART_SR_TEMPTY, (uint32_t)UART_SR_TEMPTY);
}

TEST_F(Uart, TxFullAndOverflow) {
    for (int i = 0; i < 64; i++) wr(&u.dev, UART_FIFO, 'a');
    uint32_t sr = rd(&u.dev, UART_SR);
    EXPECT_TRUE(sr & UART_SR_TFUL);
    EXPECT_TRUE(sr & UART_SR_TNFUL);
    wr(&u.dev, UART_IER, UART_IXR_TOVR);
    wr(&u.dev, UART_FIFO, 'b');
    EXPECT_EQ(p.level[82], 1);
    EXPECT_TRUE(rd(&u.dev, UART_ISR) & UART_IXR_TOVR);
    wr(&u.dev, UART_ISR, UART_IXR_TOVR);
    EXPECT_EQ(p.level[82], 0);
    wr(&u.dev, UART_CR, UART_CR_TXRST);  // flush
    EXPECT_EQ(rd(&u.dev, UART_SR) & UART_SR_TEMPTY, (uint32_t)UART_SR_TEMPTY);
    EXPECT_EQ(rd(&u.dev, UART_CR) & UART_CR_TXRST, 0u);
}

TEST_F(Uart, TimedTxAt115200) {
    init(true);
    uart_fsbl_state(&u);
    zynq_time_ps bit = zynq_muldiv_ceil(62 * 7, ZYNQ_PS_PER_S, 50000000);
    EXPECT_EQ(uart_bit_time_ps(&u), bit);
    EXPECT_EQ(uart_char_time_ps(&u), 10 * bit);  // 8N1
    wr(&u.dev, UART_IER, UART_IXR_TEMPTY);
    puts("abc");  // 'a' moves to the shifter at once, 'b' 'c' wait
    wr(&u.dev, UART_ISR, 0x1FFF);
    EXPECT_EQ(p.level[82], 0);
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_TACTIVE);
    EXPECT_EQ(zynq_dev_next_event(&u.dev), 10 * bit);
    zynq_dev_advance(&u.dev, 10 * bit - 1);
    EXPECT_EQ(sink.text, "");
    zynq_dev_advance(&u.dev, 30 * bit);
    EXPECT_EQ(sink.text, "abc");
    ASSERT_EQ(sink.times.size(), 3u);
    EXPECT_EQ(sink.times[0], 10 * bit);
    EXPECT_EQ(sink.times[2], 30 * bit);
    EXPECT_EQ(p.level[82], 1);  // TX FIFO empty
}

TEST_F(Uart, RxFifoTriggerAndRead) {
    wr(&u.dev, UART_CR, UART_CR_RX_EN | UART_CR_TX_EN);
    wr(&u.dev, UART_RXWM, 4);
    wr(&u.dev, UART_IER, UART_IXR_RTRIG);
    EXPECT_EQ(rd(&u.dev, UART_IMR), (uint32_t)UART_IXR_RTRIG);
    for (char ch : std::string("abc")) EXPECT_TRUE(uart_rx_push(&u, (uint8_t)ch));
    EXPECT_EQ(p.level[82], 0);
    EXPECT_EQ(rd(&u.dev, UART_SR) & UART_SR_REMPTY, 0u);
    uart_rx_push(&u, 'd');
    EXPECT_EQ(p.level[82], 1);
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'a');
    EXPECT_EQ(p.level[82], 1);  // latched until cleared
    wr(&u.dev, UART_ISR, UART_IXR_RTRIG);
    EXPECT_EQ(p.level[82], 0);  // 3 left < 4: stays clear
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'b');
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'c');
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'d');
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_REMPTY);
    wr(&u.dev, UART_IDR, UART_IXR_RTRIG);
    EXPECT_EQ(rd(&u.dev, UART_IMR), 0u);
}

TEST_F(Uart, RxOverflowAndDisabledReceiver) {
    EXPECT_FALSE(uart_rx_push(&u, 'x'));  // RX disabled at reset
    wr(&u.dev, UART_CR, UART_CR_RX_EN);
    for (int i = 0; i < 64; i++) EXPECT_TRUE(uart_rx_push(&u, (uint8_t)i));
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_RFUL);
    EXPECT_EQ(uart_rx_space(&u), 0u);
    EXPECT_FALSE(uart_rx_push(&u, 0xFF));
    EXPECT_TRUE(rd(&u.dev, UART_ISR) & UART_IXR_ROVR);
    wr(&u.dev, UART_CR, UART_CR_RXRST | UART_CR_RX_EN);
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_REMPTY);
}

TEST_F(Uart, RxTimeout) {
    uart_fsbl_state(&u);
    zynq_time_ps bit = uart_bit_time_ps(&u);
    wr(&u.dev, UART_RXTOUT, 10);
    wr(&u.dev, UART_IER, UART_IXR_TIMEOUT);
    uart_rx_push(&u, 'z');
    EXPECT_EQ(zynq_dev_next_event(&u.dev), 40 * bit);
    zynq_dev_advance(&u.dev, 40 * bit - 1);
    EXPECT_EQ(p.level[82], 0);
    zynq_dev_advance(&u.dev, 40 * bit);
    EXPECT_EQ(p.level[82], 1);
}

TEST_F(Uart, LocalLoopbackAndPullSource) {
    uart_fsbl_state(&u);
    wr(&u.dev, UART_MR, 0x20 | (2u << 8));  // local loopback
    puts("ok");
    EXPECT_EQ(sink.text, "");
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'o');
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'k');
    wr(&u.dev, UART_MR, 0x20);
    std::string in = "scenario";
    size_t pos = 0;
    struct Src { std::string *s; size_t *pos; } src{&in, &pos};
    uart_set_rx_source(&u, [](void *o) -> int {
        auto *s = static_cast<Src *>(o);
        return *s->pos < s->s->size() ? (uint8_t)(*s->s)[(*s->pos)++] : -1;
    }, &src);
    zynq_dev_advance(&u.dev, 1000);
    std::string got;
    while (!(rd(&u.dev, UART_SR) & UART_SR_REMPTY)) got.push_back((char)rd(&u.dev, UART_FIFO));
    EXPECT_EQ(got, "scenario");
}

// A timed pull source (dprsim's --uart-rx): byte k enters the RX FIFO at
// k character times after the source was attached, RTRIG follows RXWM,
// a full FIFO makes the line wait (no byte lost, no ROVR), UART_RX_EOF
// detaches the source so next_event() no longer polls.
TEST_F(Uart, TimedPullSourcePacedByLineRateAndEof) {
    init(true);
    uart_fsbl_state(&u);
    const zynq_time_ps ct = uart_char_time_ps(&u);
    std::string in(70, 'x');
    in[0] = 'a';
    in[1] = 'b';
    size_t pos = 0;
    struct Src { std::string *s; size_t *pos; } src{&in, &pos};
    uart_set_rx_source(&u, [](void *o) -> int {
        auto *s = static_cast<Src *>(o);
        return *s->pos < s->s->size() ? (uint8_t)(*s->s)[(*s->pos)++] : UART_RX_EOF;
    }, &src);
    wr(&u.dev, UART_RXWM, 2);
    wr(&u.dev, UART_IER, UART_IXR_RTRIG);
    EXPECT_EQ(zynq_dev_next_event(&u.dev), 0u);
    zynq_dev_advance(&u.dev, 0);
    EXPECT_EQ(pos, 1u);                               // 'a' at t = 0
    EXPECT_EQ(rd(&u.dev, UART_SR) & (UART_SR_REMPTY | UART_SR_RTRIG), 0u);
    EXPECT_EQ(p.level[82], 0);
    EXPECT_EQ(zynq_dev_next_event(&u.dev), ct);
    zynq_dev_advance(&u.dev, ct - 1);
    EXPECT_EQ(pos, 1u);
    zynq_dev_advance(&u.dev, ct);                     // 'b': RXWM reached
    EXPECT_EQ(pos, 2u);
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_RTRIG);
    EXPECT_EQ(p.level[82], 1);
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'a');
    EXPECT_EQ(rd(&u.dev, UART_FIFO), (uint32_t)'b');
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_REMPTY);
    // 64 more characters fill the FIFO; the line then waits.
    zynq_dev_advance(&u.dev, 200 * ct);
    EXPECT_EQ(pos, 66u);
    EXPECT_TRUE(rd(&u.dev, UART_SR) & UART_SR_RFUL);
    EXPECT_EQ(rd(&u.dev, UART_ISR) & UART_IXR_ROVR, 0u);
    EXPECT_EQ(zynq_dev_next_event(&u.dev), ZYNQ_TIME_NEVER);
    unsigned n = 0;
    while (!(rd(&u.dev, UART_SR) & UART_SR_REMPTY)) { rd(&u.dev, UART_FIFO); n++; }
    EXPECT_EQ(n, 64u);
    zynq_dev_advance(&u.dev, 400 * ct);               // the last 4, then EOF
    n = 0;
    while (!(rd(&u.dev, UART_SR) & UART_SR_REMPTY)) { rd(&u.dev, UART_FIFO); n++; }
    EXPECT_EQ(n, 4u);
    EXPECT_EQ(pos, in.size());
    EXPECT_EQ(u.rx_src, nullptr);
    EXPECT_EQ(zynq_dev_next_event(&u.dev), ZYNQ_TIME_NEVER);
}
