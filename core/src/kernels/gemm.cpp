// Packed, register-blocked GEMM (the GotoBLAS / BLIS scheme): op(A) and op(B) are copied into
// panels (MR rows of A, NR columns of B, k-major) so the micro-kernel streams contiguous memory and
// keeps an MR×NR block of C in registers. Transposes are absorbed by the packing routines, so all
// three forms training needs (A·B, Aᵀ·B, A·Bᵀ) run the same micro-kernel.
#include <algorithm>
#include <cstring>

#include "nnp/kernels.h"
#include "nnp/tensor.h"
#include "simd.h"

namespace nnp {
namespace {

using simd::Batch;
constexpr int kW = static_cast<int>(simd::kWidth);
// A 4×8 block of C = 8 vector accumulators, + 2 vectors of B, + A and a product temporary: 12
// registers. V8 keeps one of x86-64's 16 SIMD registers as scratch and SIMD128 has no fused
// multiply-add, so 6×8 (16 live registers) spills (and still does with relaxed SIMD's madd). Measured in Chromium 156
// (docs/benchmarks.md, "GEMM roofline"), 4×8 beat 5×8, 3×12, 6×8 and 2×16; pre-broadcast A (NNP_GEMM_ABCAST) beat
// v128.load32_splat; the k loop unrolled twice beat once, 4 and 8 times (deeper unrolling lets the
// compilers regroup the steps into per-accumulator chains that spill). The macros re-run that.
#if defined(NNP_RELAXED_SIMD) && !defined(NNP_GEMM_MR)
// With fused multiply-adds: 5×8 (10 accumulators, slack over the FMA latency × throughput of 8)
// with A packed plainly, its first four values broadcast by lane shuffles (NNP_GEMM_LANES): 13
// live registers and no spill; it beat 4×8 pre-broadcast in the micro-kernel and in 7 of 8 GEMM
// shapes in an A/B (docs/benchmarks.md, "Relaxed SIMD").
#define NNP_GEMM_MR 5
#define NNP_GEMM_NB 2
#define NNP_GEMM_ABCAST 0
#define NNP_GEMM_LANES 1
#endif
#ifndef NNP_GEMM_MR
#define NNP_GEMM_MR 4
#define NNP_GEMM_NB 2
#endif
#ifndef NNP_GEMM_UNROLL
#if defined(NNP_RELAXED_SIMD)
// With fused multiply-adds, unrolling puts the second step's loads above the first step's
// products (TurboFan keeps loads in program order and schedules the pure products late, next to
// their uses), and V8 then spills accumulators; one step per iteration compiles to 6 loads and 8
// vfmadd231ps with nothing else in between (V8's code, docs/benchmarks.md). For the same reason
// 5×8 and 6×8 spill even with an empty asm between the rows' loads.
#define NNP_GEMM_UNROLL 1
#else
#define NNP_GEMM_UNROLL 2
#endif
#endif
constexpr int kMR = NNP_GEMM_MR;
constexpr int kNB = NNP_GEMM_NB;  // vectors per row of the micro-tile
constexpr int kNR = kNB * kW;
#ifndef NNP_GEMM_ABCAST
#define NNP_GEMM_ABCAST 1
#endif
#ifndef NNP_GEMM_LANES
#define NNP_GEMM_LANES 0
#endif
// Each packed A value is stored kAB times (pre-broadcast) so the kernel loads a whole vector.
constexpr int kAB = NNP_GEMM_ABCAST ? kW : 1;
constexpr int kKC = 256;
constexpr int kMC = 96 / kMR * kMR;
constexpr int kNC = 1024 / kNR * kNR;

struct Workspace {
  AlignedVector a;
  AlignedVector b;
};

Workspace& workspace() {
  static Workspace ws;  // grows to the largest block seen, then never allocates again
  return ws;
}

inline float op_at(const float* m, int ld, bool trans, int r, int c) {
  return trans ? m[static_cast<std::size_t>(c) * ld + r] : m[static_cast<std::size_t>(r) * ld + c];
}

// Lane L of v in every lane (one shuffle).
template <uint32_t L>
inline Batch lane(Batch v) {
  return xsimd::swizzle(v, xsimd::batch_constant<uint32_t, xsimd::default_arch, L, L, L, L>());
}

// op(A)[i0 .. i0+mc, p0 .. p0+kc] → panels of kMR rows, each k-major, zero-padded. Walked by
// stepped pointers (emscripten builds without loop strength reduction, and index products per
// element made this a few % of W3's step): A row by row, Aᵀ (the rows' values adjacent) k by k.
inline void pack_a_value(float v, float* out) {
  if constexpr (kAB == kW)
    Batch(v).store_aligned(out);  // one vector store, not kW scalar ones
  else
    *out = v;
}

// kW k steps of a whole panel of A stored row-major: row r's values p .. p+kW at src + r·ld. A
// value at a time (a load, a store and three pointer steps per float) this was 3–4 % of a 256³
// product; here rows are loaded as vectors and either transposed in registers (plain panels: the
// first kW rows, any further rows by scalars) or broadcast lane by lane (pre-broadcast panels).
inline void pack_a_rows(const float* src, std::size_t ld, float* out) {
  static_assert(kMR >= kW, "a panel holds at least one vector's worth of rows");
  Batch v[kW];
  for (int r = 0; r < kW; ++r) v[r] = Batch::load_unaligned(src + r * ld);
  if constexpr (kAB == kW) {
    for (int r = 0; r < kW; ++r) {
      float* o = out + r * kAB;
      lane<0>(v[r]).store_aligned(o);
      lane<1>(v[r]).store_aligned(o + kMR * kAB);
      lane<2>(v[r]).store_aligned(o + 2 * kMR * kAB);
      lane<3>(v[r]).store_aligned(o + 3 * kMR * kAB);
    }
    for (int r = kW; r < kMR; ++r)
      for (int q = 0; q < kW; ++q) pack_a_value(src[r * ld + q], out + (q * kMR + r) * kAB);
  } else {
    xsimd::transpose(v, v + kW);
    for (int q = 0; q < kW; ++q) {
      v[q].store_unaligned(out + q * kMR);
      for (int r = kW; r < kMR; ++r) out[q * kMR + r] = src[r * ld + q];
    }
  }
}

void pack_a(bool ta, const float* a, int lda, int i0, int mc, int p0, int kc, float* dst) {
  static_assert(kW == 4, "pack_a_rows spells out four lanes");
  const std::size_t ld = static_cast<std::size_t>(lda);
  for (int ir = 0; ir < mc; ir += kMR) {
    const int mr = std::min(kMR, mc - ir);
    float* panel = dst + static_cast<std::size_t>(ir) * kc * kAB;
    const std::size_t row0 = static_cast<std::size_t>(i0) + static_cast<std::size_t>(ir);
    if (ta) {
      const float* src = a + static_cast<std::size_t>(p0) * ld + row0;
      float* out = panel;
      if (kAB == 1 && mr == kMR) {  // a panel's kMR values of one k are adjacent: a vector and the rest
        for (int p = 0; p < kc; ++p, src += ld, out += kMR) {
          Batch::load_unaligned(src).store_unaligned(out);
          for (int r = kW; r < kMR; ++r) out[r] = src[r];
        }
        continue;
      }
      for (int p = 0; p < kc; ++p, src += ld, out += kMR * kAB)
        for (int r = 0; r < kMR; ++r) pack_a_value(r < mr ? src[r] : 0.0f, out + r * kAB);
      continue;
    }
    int p = 0;
    if (mr == kMR) {
      const float* src = a + row0 * ld + p0;
      float* out = panel;
      for (; p + kW <= kc; p += kW, src += kW, out += kW * kMR * kAB) pack_a_rows(src, ld, out);
    }
    for (int r = 0; r < kMR; ++r) {  // the k tail, and the last panel's rows (zero padding below mr)
      float* out = panel + (static_cast<std::size_t>(p) * kMR + r) * kAB;
      if (r >= mr) {
        for (int q = p; q < kc; ++q, out += kMR * kAB) pack_a_value(0.0f, out);
        continue;
      }
      const float* src = a + (row0 + static_cast<std::size_t>(r)) * ld + p0 + p;
      for (int q = p; q < kc; ++q, ++src, out += kMR * kAB) pack_a_value(*src, out);
    }
  }
}

// B stored [n, k] (A·Bᵀ): column c of a panel is row j0 + c of B, so kW rows × kW values are
// loaded as vectors and transposed in registers; scalar gathers here cost a quarter of the W3
// forward product (m = 64 rows of A per 784×256 panel).
void pack_bt_panel(const float* b, int ldb, int p0, int kc, int j, float* panel) {
  int p = 0;
  for (; p + kW <= kc; p += kW) {
    for (int c0 = 0; c0 < kNR; c0 += kW) {
      Batch rows[kW];
      for (int q = 0; q < kW; ++q)
        rows[q] = Batch::load_unaligned(b + static_cast<std::size_t>(j + c0 + q) * ldb + p0 + p);
      xsimd::transpose(rows, rows + kW);
      for (int q = 0; q < kW; ++q) rows[q].store_aligned(panel + static_cast<std::size_t>(p + q) * kNR + c0);
    }
  }
  for (; p < kc; ++p)
    for (int c = 0; c < kNR; ++c)
      panel[static_cast<std::size_t>(p) * kNR + c] = b[static_cast<std::size_t>(j + c) * ldb + p0 + p];
}

// op(B)[p0 .. p0+kc, j0 .. j0+nc] → panels of kNR columns, each k-major, zero-padded.
void pack_b(bool tb, const float* b, int ldb, int p0, int kc, int j0, int nc, float* dst) {
  for (int jr = 0; jr < nc; jr += kNR) {
    const int nr = std::min(kNR, nc - jr);
    float* panel = dst + static_cast<std::size_t>(jr) * kc;
    if (tb && nr == kNR) {
      pack_bt_panel(b, ldb, p0, kc, j0 + jr, panel);
      continue;
    }
    for (int p = 0; p < kc; ++p) {
      float* out = panel + static_cast<std::size_t>(p) * kNR;
      if (!tb && nr == kNR) {
        const float* src = b + static_cast<std::size_t>(p0 + p) * ldb + j0 + jr;
        for (int j = 0; j < kNB; ++j) Batch::load_unaligned(src + j * kW).store_aligned(out + j * kW);
        continue;
      }
      int c = 0;
      for (; c < nr; ++c) out[c] = op_at(b, ldb, tb, p0 + p, j0 + jr + c);
      for (; c < kNR; ++c) out[c] = 0.0f;
    }
  }
}

// C[mr×nr] += alpha · Apanel·Bpanel over kc; with `overwrite`, C = alpha · Apanel·Bpanel (+0, as
// adding to a zeroed C gives, without zeroing or reading C first).
void micro_kernel(int kc, const float* ap, const float* bp, float alpha, float* c, int ldc, int mr, int nr,
                  bool overwrite) {
  Batch acc[kMR][kNB];
  for (auto& row : acc)
    for (Batch& v : row) v = Batch(0.0f);
#if defined(__clang__)
#pragma clang loop unroll_count(NNP_GEMM_UNROLL)
#endif
  // Ended by the B pointer's compare: no counter beside the two pointers, one add per k step fewer
  // (20 instructions per step in V8's code instead of 21).
  for (const float* const bend = bp + static_cast<std::size_t>(kc) * kNR; bp != bend;) {
    Batch bv[kNB];
    for (int j = 0; j < kNB; ++j) bv[j] = Batch::load_aligned(bp + j * kW);
#if NNP_GEMM_LANES
    static_assert(kAB == 1 && kMR >= 4, "lane broadcasts need plainly packed A, four rows or more");
    // A's first four values in one load, each broadcast by a lane shuffle (pure, so TurboFan
    // schedules it next to its products), the rest by load32_splat.
    const Batch a03 = Batch::load_unaligned(ap);
    const Batch lanes[4] = {lane<0>(a03), lane<1>(a03), lane<2>(a03), lane<3>(a03)};
    for (int r = 0; r < kMR; ++r) {
      const Batch av = r < 4 ? lanes[r] : Batch(ap[r]);
      for (int j = 0; j < kNB; ++j) acc[r][j] = simd::madd(av, bv[j], acc[r][j]);
    }
#else
    for (int r = 0; r < kMR; ++r) {
      const Batch av = kAB > 1 ? Batch::load_aligned(ap + r * kAB) : Batch(ap[r]);
      for (int j = 0; j < kNB; ++j) acc[r][j] = simd::madd(av, bv[j], acc[r][j]);
    }
#endif
    ap += kMR * kAB;
    bp += kNR;
  }
  const Batch va(alpha);
  if (mr == kMR && nr == kNR) {
    for (int r = 0; r < kMR; ++r) {
      float* row = c + static_cast<std::size_t>(r) * ldc;
      for (int j = 0; j < kNB; ++j) {
        const Batch old = overwrite ? Batch(0.0f) : Batch::load_unaligned(row + j * kW);
        simd::madd(va, acc[r][j], old).store_unaligned(row + j * kW);
      }
    }
    return;
  }
  alignas(16) float tile[kMR * kNR];
  for (int r = 0; r < kMR; ++r)
    for (int j = 0; j < kNB; ++j) acc[r][j].store_aligned(tile + r * kNR + j * kW);
  for (int r = 0; r < mr; ++r)
    for (int j = 0; j < nr; ++j) {
      float& cij = c[static_cast<std::size_t>(r) * ldc + j];
      cij = simd::madd(alpha, tile[r * kNR + j], overwrite ? 0.0f : cij);  // as the full tile's lanes
    }
}

void scale_c(int m, int n, float beta, float* c, int ldc) {
  if (beta == 1.0f) return;
  for (int i = 0; i < m; ++i) {
    float* row = c + static_cast<std::size_t>(i) * ldc;
    if (beta == 0.0f)
      std::fill(row, row + n, 0.0f);
    else
      for (int j = 0; j < n; ++j) row[j] *= beta;
  }
}

// Below this many multiply-adds, packing A panels costs more than it saves (the layers of the
// small networks the playground mostly trains). The small path packs only op(B), into row-major
// [k, n rounded up to 8] with zero padding (k·n floats, against m·n·k multiply-adds), and keeps a
// 4×8 block of C in registers while reading A in place.
constexpr long kSmallGemm = 16 * 1024;
constexpr int kSR = 4;       // rows of C per block
constexpr int kSN = 2 * kW;  // columns of C per block

// One block of up to kSR rows × kSN columns of C: MR rows of A (read in place, element (i, p) at
// a[i·sa_i + p·sa_p]) times the packed B columns [j0, j0 + kSN). MR is a template argument so the
// row loop unrolls completely.
template <int MR>
void small_block(int k, const float* ai, std::size_t sa_i, std::size_t sa_p, const float* bp, int np, int j0,
                 float alpha, float* c, int ldc, int nr) {
  Batch acc[MR][2];
  simd::block_sums(k, ai, sa_i, sa_p, bp + j0, static_cast<std::size_t>(np), acc);
  const Batch va(alpha);
  for (int r = 0; r < MR; ++r) {
    float* cr = c + static_cast<std::size_t>(r) * ldc + j0;
    if (nr == kSN) {
      simd::madd(va, acc[r][0], Batch::load_unaligned(cr)).store_unaligned(cr);
      simd::madd(va, acc[r][1], Batch::load_unaligned(cr + kW)).store_unaligned(cr + kW);
    } else {
      alignas(16) float tile[kSN];
      acc[r][0].store_aligned(tile);
      acc[r][1].store_aligned(tile + kW);
      for (int j = 0; j < nr; ++j) cr[j] = simd::madd(alpha, tile[j], cr[j]);
    }
  }
}

void gemm_small(bool ta, bool tb, int m, int n, int k, float alpha, const float* a, int lda, const float* b, int ldb,
                float* c, int ldc, AlignedVector& scratch) {
  const int np = (n + kSN - 1) / kSN * kSN;
  if (scratch.size() < static_cast<std::size_t>(k) * np) scratch.resize(static_cast<std::size_t>(k) * np);
  float* bp = scratch.data();
  for (int p = 0; p < k; ++p) {  // op(B) row-major [k, np], zero-padded
    float* row = bp + static_cast<std::size_t>(p) * np;
    const float* src = b + (tb ? static_cast<std::size_t>(p) : static_cast<std::size_t>(p) * ldb);
    const std::size_t step = tb ? static_cast<std::size_t>(ldb) : 1;
    for (int j = 0; j < n; ++j) row[j] = src[static_cast<std::size_t>(j) * step];  // a loop: rows are a few floats
    for (int j = n; j < np; ++j) row[j] = 0.0f;
  }
  // A's element (i, p) sits at a[i·sa_i + p·sa_p].
  const std::size_t sa_i = ta ? 1 : static_cast<std::size_t>(lda), sa_p = ta ? static_cast<std::size_t>(lda) : 1;
  for (int i0 = 0; i0 < m; i0 += kSR) {
    const float* ai = a + static_cast<std::size_t>(i0) * sa_i;
    float* ci = c + static_cast<std::size_t>(i0) * ldc;
    for (int j0 = 0; j0 < np; j0 += kSN) {
      const int nr = std::min(kSN, n - j0);
      switch (std::min(kSR, m - i0)) {
        case 4: small_block<4>(k, ai, sa_i, sa_p, bp, np, j0, alpha, ci, ldc, nr); break;
        case 3: small_block<3>(k, ai, sa_i, sa_p, bp, np, j0, alpha, ci, ldc, nr); break;
        case 2: small_block<2>(k, ai, sa_i, sa_p, bp, np, j0, alpha, ci, ldc, nr); break;
        default: small_block<1>(k, ai, sa_i, sa_p, bp, np, j0, alpha, ci, ldc, nr);
      }
    }
  }
}

}  // namespace

void gemm(bool trans_a, bool trans_b, int m, int n, int k, float alpha, const float* a, int lda, const float* b,
          int ldb, float beta, float* c, int ldc) {
  if (m <= 0 || n <= 0) return;
  const bool product = k > 0 && alpha != 0.0f;
  const bool small = static_cast<long>(m) * n * k <= kSmallGemm;
  // With beta 0 the packed path writes C in its first k block instead of zeroing it beforehand
  // (5 % of W3's instructions went to that zeroing).
  const bool overwrite = product && !small && beta == 0.0f;
  if (!overwrite) scale_c(m, n, beta, c, ldc);
  if (!product) return;
  Workspace& ws = workspace();
  if (small) {
    gemm_small(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, c, ldc, ws.b);
    return;
  }

  const int kc_max = std::min(k, kKC);
  const std::size_t need_a = static_cast<std::size_t>(kMC) * kc_max * kAB;
  const std::size_t need_b = static_cast<std::size_t>((std::min(n, kNC) + kNR - 1) / kNR * kNR) * kc_max;
  if (ws.a.size() < need_a) ws.a.resize(need_a);
  if (ws.b.size() < need_b) ws.b.resize(need_b);

  for (int jc = 0; jc < n; jc += kNC) {
    const int nc = std::min(kNC, n - jc);
    for (int pc = 0; pc < k; pc += kKC) {
      const int kc = std::min(kKC, k - pc);
      pack_b(trans_b, b, ldb, pc, kc, jc, nc, ws.b.data());
      for (int ic = 0; ic < m; ic += kMC) {
        const int mc = std::min(kMC, m - ic);
        pack_a(trans_a, a, lda, ic, mc, pc, kc, ws.a.data());
        for (int jr = 0; jr < nc; jr += kNR) {
          const float* bp = ws.b.data() + static_cast<std::size_t>(jr) * kc;
          for (int ir = 0; ir < mc; ir += kMR) {
            float* cp = c + static_cast<std::size_t>(ic + ir) * ldc + jc + jr;
            micro_kernel(kc, ws.a.data() + static_cast<std::size_t>(ir) * kc * kAB, bp, alpha, cp, ldc,
                         std::min(kMR, mc - ir), std::min(kNR, nc - jr), overwrite && pc == 0);
          }
        }
      }
    }
  }
}

// kc = kKC: the A panel (pre-broadcast) and the B panel take 24 KiB, inside L1, so this measures
// the micro-kernel's own rate, which the full product approaches when packing and cache blocking
// cost nothing.
float gemm_kernel_repeat(long reps) {
  static AlignedVector ap, bp;  // the panels: sized once (benchmark only)
  alignas(16) static float tile[kMR * kNR];
  if (ap.empty()) {
    ap.assign(static_cast<std::size_t>(kMR) * kKC * kAB, 0.0f);
    bp.assign(static_cast<std::size_t>(kNR) * kKC, 0.0f);
    for (std::size_t i = 0; i < ap.size(); ++i) ap[i] = static_cast<float>(i % 7) * 0.125f;
    for (std::size_t i = 0; i < bp.size(); ++i) bp[i] = static_cast<float>(i % 5) * 0.25f;
  }
  std::fill(tile, tile + kMR * kNR, 0.0f);
  for (long r = 0; r < reps; ++r) micro_kernel(kKC, ap.data(), bp.data(), 1.0f, tile, kNR, kMR, kNR, false);
  float sum = 0.0f;
  for (float v : tile) sum += v;
  return sum;
}

long gemm_kernel_flops(long reps) { return reps * 2L * kMR * kNR * kKC; }

}  // namespace nnp
