// scripts/simb.py and the C SimB writer (models/pl/simb.c) used by the
// testbenches produce identical files for every corruption kind.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "simb.h"

namespace {

std::vector<uint32_t> run_tool(const std::string &args, const std::string &out) {
  std::string cmd = "python3 " DPRSIM_SOURCE_DIR "/scripts/simb.py " + args + " -o " + out;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream f(out, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::vector<uint32_t> w(bytes.size() / 4);
  for (size_t i = 0; i < w.size(); i++)
    w[i] = uint32_t(uint8_t(bytes[4 * i])) | uint32_t(uint8_t(bytes[4 * i + 1])) << 8 |
           uint32_t(uint8_t(bytes[4 * i + 2])) << 16 | uint32_t(uint8_t(bytes[4 * i + 3])) << 24;
  std::remove(out.c_str());
  return w;
}

TEST(CfgSimbTool, PythonAndCWritersAgree) {
  struct K {
    const char *flag;
    pl_simb_corrupt c;
  } kinds[] = {{"", PL_SIMB_OK},
               {"--corrupt sync", PL_SIMB_BAD_SYNC},
               {"--corrupt magic", PL_SIMB_BAD_MAGIC},
               {"--corrupt version", PL_SIMB_BAD_VERSION},
               {"--corrupt crc", PL_SIMB_BAD_CRC},
               {"--corrupt truncate", PL_SIMB_TRUNCATE},
               {"--corrupt overlong", PL_SIMB_OVERLONG},
               {"--corrupt module", PL_SIMB_BAD_MODULE}};
  for (const K &k : kinds) {
    std::vector<uint32_t> tool =
        run_tool(std::string("--prr 2 --module IFFT2048 --words 37 ") + k.flag, "simbtool.bin");
    std::vector<uint32_t> c(64);
    c.resize(pl_simb_build(c.data(), c.size(), 2, 0x23, 37, k.c));
    EXPECT_EQ(tool, c) << k.flag;
  }
  // default size: the IFFT PRR bitstream of rtl/pl_params.vh
  std::vector<uint32_t> big = run_tool("--prr 3 --module IFFT8192", "simbtool_big.bin");
  EXPECT_EQ(big.size(), 363600u + PL_SIMB_OVERHEAD);
}

}  // namespace
