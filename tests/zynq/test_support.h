// Shared helpers of the Zynq PS model tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

extern "C" {
#include "zynq_dev.h"
}

// Records every level change of one or more IRQ outputs.
struct IrqProbe {
    int level[128] = {};
    int rises[128] = {};
    std::vector<std::pair<int, int>> changes;  // (num, level)
    static void fn(void *op, int num, int lvl);
    zynq_irq line(int num) { return zynq_irq{&IrqProbe::fn, this, num}; }
};

// Collects log messages of devices.
struct LogCapture {
    std::vector<std::string> msgs;
    static void fn(void *op, zynq_log_kind kind, const char *dev,
                   const char *msg);
    void attach(zynq_dev *d) {
        d->log = &LogCapture::fn;
        d->log_opaque = this;
    }
    bool contains(const std::string &s) const;
};

uint32_t rd(zynq_dev *d, uint32_t off);
void wr(zynq_dev *d, uint32_t off, uint32_t v);
