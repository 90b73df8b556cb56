# RTL testbenches of the PL datapath : QAM mapper, IFFT,
# DMA engine, FIFO + crossbar path. Included from tests/rtl/CMakeLists.txt.
#
# All datapath tops are verilated once, into one static library
# (pl_dp_vmodels), shared by the tests and by bench/pl_bench:
#   Vrm_qam, Vrm_ifft, Vprr_dma, Vtb_xbar_top.
# Waveforms: the models are built with FST tracing; DPRSIM_TRACE=1 at run time
# writes <test>.fst (see tests/rtl/common/tb_harness.h).

include(GoogleTest)

include(${CMAKE_CURRENT_LIST_DIR}/common/pl_dp_models.cmake)

foreach(_t test_qam test_ifft test_dma test_xbar)
  add_executable(${_t} ${CMAKE_CURRENT_LIST_DIR}/${_t}.cc)
  target_link_libraries(${_t} PRIVATE pl_dp_vmodels ${PL_DP_GOLDEN} GTest::gtest_main)
  target_include_directories(${_t} PRIVATE ${CMAKE_SOURCE_DIR}/models/pl)
  target_compile_options(${_t} PRIVATE ${DPRSIM_HOST_WARNINGS})
  gtest_discover_tests(${_t} PROPERTIES LABELS rtl TIMEOUT 600 DISCOVERY_TIMEOUT 60)
endforeach()

# The committed twiddle ROM must be what scripts/gen_twiddles.py generates.
add_test(NAME rtl_twiddle_rom_uptodate
  COMMAND sh -c "python3 '${CMAKE_SOURCE_DIR}/scripts/gen_twiddles.py' '${CMAKE_CURRENT_BINARY_DIR}/twiddle_rom.v' && cmp '${CMAKE_CURRENT_BINARY_DIR}/twiddle_rom.v' '${CMAKE_SOURCE_DIR}/rtl/twiddle_rom.v'")
set_tests_properties(rtl_twiddle_rom_uptodate PROPERTIES LABELS rtl TIMEOUT 60)
