// Scattering elements to many output streams (the radix partitioning pass)
// through software write-combining buffers: each stream's next elements
// gather in a cache-line buffer, and a full line goes out in one
// non-temporal store. With a thousand streams the direct scatter keeps a
// thousand lines open, more than L1 holds, and reads every destination line
// before writing it (read-for-ownership); the buffered one does neither.
#pragma once

#include <immintrin.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace stedi {

template <typename E>
class LineScatter {
 public:
  static constexpr size_t kPerLine = 64 / sizeof(E);
  static_assert(64 % sizeof(E) == 0);

  // True when `out` is aligned for it (otherwise scatter directly).
  static bool Usable(const E* out) { return reinterpret_cast<uintptr_t>(out) % 64 == 0; }

  // Stream s writes out[next[s]], out[next[s] + 1], ... up to its slice's end.
  // REQUIRES: Usable(out).
  LineScatter(E* out, const size_t* next, size_t streams)
      : out_(out), start_(next, next + streams), next_(next, next + streams), lines_(streams) {}

  void Push(size_t stream, const E& e) {
    const size_t i = next_[stream]++;
    Line& line = lines_[stream];
    line.e[i % kPerLine] = e;
    if (i % kPerLine == kPerLine - 1) Flush(stream, i + 1);
  }

  // Writes the partial lines left in the buffers; the output is then
  // complete and visible to other threads once they synchronize with this one.
  void Finish() {
    for (size_t s = 0; s < lines_.size(); ++s) {
      const size_t from = std::max(start_[s], next_[s] / kPerLine * kPerLine);
      for (size_t i = from; i < next_[s]; ++i) out_[i] = lines_[s].e[i % kPerLine];
    }
#if defined(__SSE2__)
    _mm_sfence();  // non-temporal stores are weakly ordered
#endif
  }

 private:
  struct alignas(64) Line {
    E e[kPerLine];
  };

  // The line ending at `end` is full in the buffer; it may begin before the
  // stream's slice (then only the slice's part is written, normally).
  void Flush(size_t stream, size_t end) {
    const size_t line_begin = end - kPerLine;
    const Line& line = lines_[stream];
    if (line_begin < start_[stream]) {
      for (size_t i = start_[stream]; i < end; ++i) out_[i] = line.e[i % kPerLine];
      return;
    }
    StreamLine(out_ + line_begin, &line);
  }

  static void StreamLine(void* dst, const void* src) {
#if defined(__AVX512F__)
    _mm512_stream_si512(static_cast<__m512i*>(dst), _mm512_load_si512(src));
#elif defined(__SSE2__)
    for (int k = 0; k < 4; ++k) {
      _mm_stream_si128(static_cast<__m128i*>(dst) + k,
                       _mm_load_si128(static_cast<const __m128i*>(src) + k));
    }
#else
    std::memcpy(dst, src, 64);
#endif
  }

  E* out_;
  std::vector<size_t> start_;
  std::vector<size_t> next_;
  std::vector<Line> lines_;
};

}  // namespace stedi
