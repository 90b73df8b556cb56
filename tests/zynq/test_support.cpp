#include "test_support.h"

#include <gtest/gtest.h>

void IrqProbe::fn(void *op, int num, int lvl) {
    auto *p = static_cast<IrqProbe *>(op);
    p->level[num] = lvl;
    if (lvl) p->rises[num]++;
    p->changes.emplace_back(num, lvl);
}

void LogCapture::fn(void *op, zynq_log_kind, const char *dev, const char *msg) {
    static_cast<LogCapture *>(op)->msgs.push_back(std::string(dev) + ": " + msg);
}

bool LogCapture::contains(const std::string &s) const {
    for (const auto &m : msgs)
        if (m.find(s) != std::string::npos) return true;
    return false;
}

uint32_t rd(zynq_dev *d, uint32_t off) {
    uint32_t v = 0xDEADBEEF;
    EXPECT_EQ(zynq_dev_read(d, off, 4, &v), ZYNQ_OK) << d->name << " read 0x" << std::hex << off;
    return v;
}

void wr(zynq_dev *d, uint32_t off, uint32_t v) {
    EXPECT_EQ(zynq_dev_write(d, off, 4, v), ZYNQ_OK) << d->name << " write 0x" << std::hex << off;
}
