/* A program linked at 0x40000000 (outside RAM): the loader must refuse it. */
    .syntax unified
    .arm
    .global _start
_start:
    b _start
