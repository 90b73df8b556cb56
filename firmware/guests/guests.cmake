# guests.cmake - build dprsim guest images (raw binaries for the VMs).
#
#   add_guest_image(<name> SOURCES <src>... [PHYS_BASE <addr>]
#                   [CFLAGS <flag>...] [DEPENDS <file>...])
#
# Compiles the guest runtime (firmware/guests/rt: crt0, hypercalls, console,
# vIRQs) with the given sources in one arm-none-eabi-gcc call, links them at
# HV_GUEST_VA_BASE (0x80000000) with rt/guest.ld, and writes
#   ${CMAKE_BINARY_DIR}/firmware/guests/<name>.elf  (symbols, for debugging)
#   ${CMAKE_BINARY_DIR}/firmware/guests/<name>.bin  (the raw image a scenario loads)
# Target: guest_<name> (built by ALL). PHYS_BASE: a fallback physical RAM
# base for harnesses that pass r3 = 0 (the dprsim kernel passes the VM's
# mem_base in r3; rt.h rt_phys_base). Include directories: rt/, firmware/include (hv_abi.h),
# the generated PL register header (dprsim_pl_regs.h) and models/pl (golden
# models, compiled into a guest by listing their .c in SOURCES).
# OUTPUT_DIR puts the two files elsewhere (e.g. test guests of tests/hv).
# The function and its settings (cache variables) are usable from every
# directory processed after firmware/guests (tests/ comes after firmware/).

set(DPRSIM_GUEST_RT_DIR ${CMAKE_CURRENT_LIST_DIR}/rt CACHE INTERNAL "guest runtime sources")
get_filename_component(_guest_root ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
set(DPRSIM_GUEST_ROOT ${_guest_root} CACHE INTERNAL "dprsim source root (guests.cmake)")
# The generated PL register header (rtl/CMakeLists.txt writes it at configure time).
if(NOT DPRSIM_GUEST_REGS_DIR)
  set(DPRSIM_GUEST_REGS_DIR ${CMAKE_BINARY_DIR}/generated/include CACHE INTERNAL "dprsim_pl_regs.h directory")
endif()
set(DPRSIM_GUEST_OUT_DIR ${CMAKE_BINARY_DIR}/firmware/guests CACHE INTERNAL "guest images")
find_program(ARM_NONE_EABI_OBJCOPY arm-none-eabi-objcopy REQUIRED)

set(DPRSIM_GUEST_RT_SOURCES
  ${DPRSIM_GUEST_RT_DIR}/crt0.S
  ${DPRSIM_GUEST_RT_DIR}/rt.c
  ${DPRSIM_GUEST_RT_DIR}/hv.c
  ${DPRSIM_GUEST_RT_DIR}/console.c
  ${DPRSIM_GUEST_RT_DIR}/virq.c
  CACHE INTERNAL "guest runtime sources")
set(DPRSIM_GUEST_RT_HEADERS
  ${DPRSIM_GUEST_RT_DIR}/rt.h
  ${DPRSIM_GUEST_RT_DIR}/hv.h
  ${DPRSIM_GUEST_RT_DIR}/console.h
  ${DPRSIM_GUEST_RT_DIR}/vdev.h
  ${DPRSIM_GUEST_RT_DIR}/virq.h
  ${DPRSIM_GUEST_RT_DIR}/guest.ld
  ${DPRSIM_GUEST_ROOT}/firmware/include/hv_abi.h
  CACHE INTERNAL "guest runtime headers")
set(DPRSIM_GUEST_CFLAGS
  -mcpu=cortex-a9 -marm -mfloat-abi=soft -O2 -g -std=c11
  -ffreestanding -nostdlib -fno-builtin -fno-tree-loop-distribute-patterns
  -Wall -Wextra -Werror
  CACHE INTERNAL "guest compile flags")

function(add_guest_image name)
  cmake_parse_arguments(G "" "PHYS_BASE;OUTPUT_DIR" "SOURCES;CFLAGS;DEPENDS" ${ARGN})
  if(NOT G_SOURCES)
    message(FATAL_ERROR "add_guest_image(${name}): SOURCES is required")
  endif()
  set(outdir ${DPRSIM_GUEST_OUT_DIR})
  if(G_OUTPUT_DIR)
    set(outdir ${G_OUTPUT_DIR})
  endif()
  set(elf ${outdir}/${name}.elf)
  set(bin ${outdir}/${name}.bin)
  set(srcs)
  foreach(s ${G_SOURCES})
    get_filename_component(abs ${s} ABSOLUTE)
    list(APPEND srcs ${abs})
  endforeach()
  set(defs)
  if(G_PHYS_BASE)
    list(APPEND defs -DRT_PHYS_BASE=${G_PHYS_BASE}u)
  endif()
  set(regs_h ${DPRSIM_GUEST_REGS_DIR}/dprsim_pl_regs.h)
  add_custom_command(
    OUTPUT ${elf} ${bin}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${outdir}
    COMMAND ${ARM_NONE_EABI_GCC} ${DPRSIM_GUEST_CFLAGS} ${G_CFLAGS} ${defs}
            -I${DPRSIM_GUEST_RT_DIR}
            -I${DPRSIM_GUEST_ROOT}/firmware/include
            -I${DPRSIM_GUEST_REGS_DIR}
            -I${DPRSIM_GUEST_ROOT}/models/pl
            -T ${DPRSIM_GUEST_RT_DIR}/guest.ld -Wl,--gc-sections -Wl,-Map=${outdir}/${name}.map
            -o ${elf} ${DPRSIM_GUEST_RT_SOURCES} ${srcs} -lgcc
    COMMAND ${ARM_NONE_EABI_OBJCOPY} -O binary ${elf} ${bin}
    DEPENDS ${srcs} ${DPRSIM_GUEST_RT_SOURCES} ${DPRSIM_GUEST_RT_HEADERS}
            ${regs_h} ${G_DEPENDS} ${DPRSIM_GUEST_ROOT}/firmware/include/bm_start.h
    COMMENT "guest image ${name}.bin"
    VERBATIM)
  add_custom_target(guest_${name} ALL DEPENDS ${elf} ${bin})
  if(TARGET pl_regs)
    add_dependencies(guest_${name} pl_regs)
  endif()
  set_property(TARGET guest_${name} PROPERTY ELF ${elf})
  set_property(TARGET guest_${name} PROPERTY BIN ${bin})
endfunction()
