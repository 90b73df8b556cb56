# Helpers to build bare-metal ARM programs (arm-none-eabi-gcc) inside the
# host CMake build, without a second toolchain file.
#
#   add_arm_elf(<name> SOURCES <src>... [CFLAGS <flag>...] [LDFLAGS <flag>...]
#               [DEPENDS <file>...] [OUTPUT_DIR <dir>])
#
# Produces <OUTPUT_DIR or ${CMAKE_BINARY_DIR}/arm>/<name>.elf and a target
# named arm_<name>. Sources are compiled and linked in one gcc call.
find_program(ARM_NONE_EABI_GCC arm-none-eabi-gcc)
if(NOT ARM_NONE_EABI_GCC)
  message(FATAL_ERROR "arm-none-eabi-gcc not found: run scripts/setup")
endif()

set(ARM_ELF_DIR ${CMAKE_BINARY_DIR}/arm)

function(add_arm_elf name)
  cmake_parse_arguments(A "" "OUTPUT_DIR" "SOURCES;CFLAGS;LDFLAGS;DEPENDS" ${ARGN})
  if(NOT A_OUTPUT_DIR)
    set(A_OUTPUT_DIR ${ARM_ELF_DIR})
  endif()
  set(out ${A_OUTPUT_DIR}/${name}.elf)
  set(srcs)
  foreach(s ${A_SOURCES})
    get_filename_component(abs ${s} ABSOLUTE)
    list(APPEND srcs ${abs})
  endforeach()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${A_OUTPUT_DIR}
    COMMAND ${ARM_NONE_EABI_GCC} ${A_CFLAGS} -o ${out} ${srcs} ${A_LDFLAGS}
    DEPENDS ${srcs} ${A_DEPENDS}
    COMMENT "arm-none-eabi-gcc ${name}.elf"
    VERBATIM)
  add_custom_target(arm_${name} ALL DEPENDS ${out})
  set_property(TARGET arm_${name} PROPERTY ELF ${out})
endfunction()
