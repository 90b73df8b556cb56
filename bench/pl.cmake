# pl_bench: figures of the PL datapath RTL (included from
# bench/CMakeLists.txt). Prints simulation speed (PL cycles/s) and the cycles
# and ms per frame of rm_qam (18,800-bit frame, each order) and rm_ifft (each
# size) beside the Mini-NOVA Table 5 figures, and the speed of the whole PL
# (pl_top) on its RTL testbench. Output: build/bin/pl_bench.
include(${CMAKE_SOURCE_DIR}/tests/rtl/common/pl_dp_models.cmake)

add_executable(pl_bench ${CMAKE_CURRENT_LIST_DIR}/pl_bench.cc)
# pl_top_vmodel: the whole PL, for its speed line (tests/rtl/pl_tb.h).
target_link_libraries(pl_bench PRIVATE pl_dp_vmodels ${PL_DP_GOLDEN} pl_top_vmodel pl_models pl_regs_h)
target_include_directories(pl_bench PRIVATE ${CMAKE_SOURCE_DIR}/models/pl)
target_compile_options(pl_bench PRIVATE ${DPRSIM_HOST_WARNINGS})
