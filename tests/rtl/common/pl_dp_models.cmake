# Verilated datapath models and golden models of the PL datapath, shared by
# tests/rtl/datapath.cmake and bench/pl.cmake.
# Defines (once):
#   pl_dp_vmodels  static library: Vrm_qam, Vrm_ifft, Vprr_dma, Vtb_xbar_top,
#                  built with FST tracing; tests/rtl/common on its include path
#   PL_DP_GOLDEN   the library holding models/pl/qam_golden.c, ifft_golden.c
#                  (pl_models when it exists, else pl_dp_golden)
find_package(verilator REQUIRED HINTS $ENV{VERILATOR_ROOT} /usr/share/verilator)

set(PL_DP_RTL ${CMAKE_SOURCE_DIR}/rtl)
set(PL_DP_COMMON ${CMAKE_CURRENT_LIST_DIR})

if(NOT TARGET pl_dp_vmodels)
  add_library(pl_dp_vmodels STATIC)
  set(_pl_dp_vargs -Wall --x-assign fast --x-initial fast -O3)
  verilate(pl_dp_vmodels TRACE_FST PREFIX Vrm_qam TOP_MODULE rm_qam
    SOURCES ${PL_DP_RTL}/rm_qam.v VERILATOR_ARGS ${_pl_dp_vargs})
  verilate(pl_dp_vmodels TRACE_FST PREFIX Vrm_ifft TOP_MODULE rm_ifft
    SOURCES ${PL_DP_RTL}/rm_ifft.v ${PL_DP_RTL}/twiddle_rom.v VERILATOR_ARGS ${_pl_dp_vargs})
  verilate(pl_dp_vmodels TRACE_FST PREFIX Vprr_dma TOP_MODULE prr_dma
    SOURCES ${PL_DP_RTL}/prr_dma.v VERILATOR_ARGS ${_pl_dp_vargs})
  verilate(pl_dp_vmodels TRACE_FST PREFIX Vtb_xbar_top TOP_MODULE tb_xbar_top
    SOURCES ${PL_DP_COMMON}/tb_xbar_top.v ${PL_DP_RTL}/rm_qam.v ${PL_DP_RTL}/rm_ifft.v
            ${PL_DP_RTL}/twiddle_rom.v ${PL_DP_RTL}/stream_fifo.v ${PL_DP_RTL}/stream_xbar.v
    VERILATOR_ARGS ${_pl_dp_vargs})
  target_include_directories(pl_dp_vmodels PUBLIC ${PL_DP_COMMON})
  # tb_harness.h compiles its FST dump code only where the models have it
  target_compile_definitions(pl_dp_vmodels INTERFACE DPRSIM_TB_TRACE=1)
  # Verilator's runtime headers are not -Wextra clean (unused parameters):
  # users get them as system headers (gcc drops a -I that is also -isystem),
  # so the host warning set applies to their own code only.
  target_include_directories(pl_dp_vmodels SYSTEM INTERFACE ${VERILATOR_ROOT}/include
                             ${VERILATOR_ROOT}/include/vltstd)
  # Verilator's generated code is not held to the host warning set.
  target_compile_options(pl_dp_vmodels PRIVATE -w)
endif()

# Bit-exact golden models (models/pl). Use the pl_models library when
# it exists; otherwise compile the two datapath models here.
if(TARGET pl_models)
  set(PL_DP_GOLDEN pl_models)
elseif(NOT TARGET pl_dp_golden)
  add_library(pl_dp_golden STATIC
    ${CMAKE_SOURCE_DIR}/models/pl/qam_golden.c
    ${CMAKE_SOURCE_DIR}/models/pl/ifft_golden.c)
  target_include_directories(pl_dp_golden PUBLIC ${CMAKE_SOURCE_DIR}/models/pl)
  target_compile_options(pl_dp_golden PRIVATE ${DPRSIM_HOST_WARNINGS})
  target_link_libraries(pl_dp_golden PUBLIC m)
  set(PL_DP_GOLDEN pl_dp_golden)
else()
  set(PL_DP_GOLDEN pl_dp_golden)
endif()

