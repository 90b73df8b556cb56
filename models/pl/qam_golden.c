/* Golden model of rtl/rm_qam.v; see qam_golden.h for the format. */
#include "qam_golden.h"

unsigned pl_qam_bits_per_symbol(unsigned variant)
{
    return (variant == 4u || variant == 6u) ? variant : 2u;
}

size_t pl_qam_in_words(uint32_t frame_len)
{
    return ((size_t)frame_len + 31u) / 32u;
}

size_t pl_qam_out_symbols(unsigned variant, uint32_t frame_len)
{
    unsigned k = pl_qam_bits_per_symbol(variant);
    return ((size_t)frame_len + k - 1u) / k;
}

/* round(l * 16384 / sqrt(E)) for odd levels l = 1, 3, 5, 7; the same table is
 * in rtl/rm_qam.v, and tests/rtl/test_qam.cc checks it against the formula. */
static const int16_t pl_qam_amp4[1] = {11585};
static const int16_t pl_qam_amp16[2] = {5181, 15543};
static const int16_t pl_qam_amp64[4] = {2528, 7584, 12641, 17697};

int16_t pl_qam_level(unsigned k, unsigned g)
{
    unsigned m = k / 2u;
    unsigned levels = 1u << m;
    /* level 2g - (levels - 1): negative for g < levels/2 */
    int lv = 2 * (int)g - (int)(levels - 1u);
    unsigned mag = (unsigned)(lv < 0 ? -lv : lv);
    int16_t a;
    switch (k) {
    case 4:  a = pl_qam_amp16[mag / 2u]; break;
    case 6:  a = pl_qam_amp64[mag / 2u]; break;
    default: a = pl_qam_amp4[0]; break;
    }
    return (int16_t)(lv < 0 ? -a : a);
}

/* Bit i of the frame (LSB-first packing); bits at or beyond frame_len are 0. */
static unsigned pl_qam_bit(const uint32_t *in, uint32_t frame_len, size_t i)
{
    if (i >= frame_len) {
        return 0u;
    }
    return (unsigned)(in[i / 32u] >> (i % 32u)) & 1u;
}

static unsigned pl_qam_gray_decode(unsigned code, unsigned m)
{
    unsigned g = 0u;
    unsigned acc = 0u;
    for (unsigned b = m; b-- > 0u;) { /* MSB first */
        acc ^= (code >> b) & 1u;
        g |= acc << b;
    }
    return g;
}

size_t pl_qam_map(unsigned variant, uint32_t frame_len, const uint32_t *in,
                  uint32_t *out)
{
    unsigned k = pl_qam_bits_per_symbol(variant);
    unsigned m = k / 2u;
    size_t nsym = pl_qam_out_symbols(variant, frame_len);
    for (size_t s = 0; s < nsym; s++) {
        size_t base = s * k;
        unsigned ci = 0u, cq = 0u;
        for (unsigned j = 0; j < m; j++) { /* first bit of each half = MSB */
            ci = (ci << 1) | pl_qam_bit(in, frame_len, base + j);
            cq = (cq << 1) | pl_qam_bit(in, frame_len, base + m + j);
        }
        uint16_t vi = (uint16_t)pl_qam_level(k, pl_qam_gray_decode(ci, m));
        uint16_t vq = (uint16_t)pl_qam_level(k, pl_qam_gray_decode(cq, m));
        out[s] = ((uint32_t)vi << 16) | vq;
    }
    return nsym;
}
