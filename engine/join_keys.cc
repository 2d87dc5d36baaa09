#include "engine/join_keys.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <tuple>

#include "engine/key_bits.h"
#include "engine/parallel.h"

namespace stedi {

namespace {

enum class KeyClass { kInteger, kDouble, kString, kBool };

KeyClass ClassOf(TypeId t) {
  switch (t) {
    case TypeId::kString:
      return KeyClass::kString;
    case TypeId::kBool:
      return KeyClass::kBool;
    case TypeId::kDouble:
      return KeyClass::kDouble;
    default:
      return KeyClass::kInteger;
  }
}

// Clears row i of an n-row bitmap, creating it (all valid) on first use.
void Invalidate(size_t n, size_t i, std::vector<uint64_t>* valid) {
  if (valid->empty()) valid->assign((n + 63) / 64, ~0ull);
  (*valid)[i >> 6] &= ~(1ull << (i & 63));
}

// One key column of one side as order-preserving unsigned values (before
// subtracting the shared minimum); marks invalid rows in `valid`.
void ColumnBits(const Column& c, KeyClass cls, const std::vector<int32_t>* remap,
                Buffer<uint64_t>* out, std::vector<uint64_t>* valid) {
  const size_t n = c.size();
  *out = Buffer<uint64_t>(n);
  uint64_t* o = out->data();
  auto invalidate = [&](size_t i) { Invalidate(n, i, valid); };
  if (cls == KeyClass::kDouble) {
    VisitPhysical(c.type(), [&](auto tag) {
      using T = decltype(tag);
      const T* v = c.data<T>().data();
      for (size_t i = 0; i < n; ++i) o[i] = OrderBits(static_cast<double>(v[i]));
    });
  } else if (cls == KeyClass::kInteger) {
    VisitPhysical(c.type(), [&](auto tag) {
      using T = decltype(tag);
      const T* v = c.data<T>().data();
      for (size_t i = 0; i < n; ++i) o[i] = OrderBits(static_cast<int64_t>(v[i]));
    });
  } else if (cls == KeyClass::kBool) {
    const uint8_t* v = c.data<uint8_t>().data();
    for (size_t i = 0; i < n; ++i) o[i] = v[i];
  } else {
    const int32_t* v = c.codes().data();
    for (size_t i = 0; i < n; ++i) {
      const int32_t code = remap ? (*remap)[v[i]] : v[i];
      if (code < 0 && !c.IsNull(i)) invalidate(i);
      o[i] = static_cast<uint32_t>(code < 0 ? 0 : code);
    }
  }
  if (c.null_count() > 0) {
    for (size_t i = 0; i < n; ++i) {
      if (c.IsNull(i)) invalidate(i);
    }
  }
}

// A key column of one side as order-preserving unsigned values
// bits[i] ^ flip (before subtracting the shared minimum).
struct ColumnImage {
  Buffer<uint64_t> storage;
  std::span<const uint64_t> bits;
  uint64_t flip = 0;
  std::vector<uint64_t> valid;
};

ColumnImage ImageOf(const Column& c, KeyClass cls, const std::vector<int32_t>* remap,
                    bool allow_view) {
  ColumnImage img;
  const bool int64 = c.type() == TypeId::kInt64 || c.type() == TypeId::kTimestamp;
  if (allow_view && cls == KeyClass::kInteger && int64) {
    // OrderBits(v) is v with the sign bit flipped: the column's own values
    // serve as keys, saving a copy of the whole column.
    const std::vector<int64_t>& v = c.data<int64_t>();
    img.bits = {reinterpret_cast<const uint64_t*>(v.data()), c.size()};
    img.flip = 1ull << 63;
    for (size_t i = 0; c.null_count() > 0 && i < c.size(); ++i) {
      if (c.IsNull(i)) Invalidate(c.size(), i, &img.valid);
    }
    return img;
  }
  ColumnBits(c, cls, remap, &img.storage, &img.valid);
  img.bits = img.storage;
  return img;
}

bool IsValid(const std::vector<uint64_t>& valid, size_t i) {
  return valid.empty() || ((valid[i >> 6] >> (i & 63)) & 1);
}

void AndValid(std::vector<uint64_t>* into, const std::vector<uint64_t>& v) {
  if (v.empty()) return;
  if (into->empty()) {
    *into = v;
    return;
  }
  for (size_t w = 0; w < into->size(); ++w) (*into)[w] &= v[w];
}

struct KeyRange {
  uint64_t lo = ~0ull;
  uint64_t hi = 0;
  bool sorted = true;  // valid rows ascending (meaningful only with no invalid rows)
  uint64_t first = 0, last = 0;
  bool any = false;
};

// Range and order of (x[i] ^ flip) over valid rows [begin, end): one read.
KeyRange ChunkRange(const uint64_t* x, uint64_t flip, const std::vector<uint64_t>& valid,
                    size_t begin, size_t end) {
  KeyRange r;
  if (begin >= end) return r;
  uint64_t lo = r.lo, hi = r.hi;
  if (valid.empty()) {
    // The common case: no early exit, so the compiler vectorizes the loop.
    uint64_t descent = 0;  // not bool: as uint64_t the loop vectorizes
    lo = hi = x[begin] ^ flip;
    for (size_t i = begin + 1; i < end; ++i) {
      const uint64_t v = x[i] ^ flip;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      descent |= static_cast<uint64_t>(v < (x[i - 1] ^ flip));
    }
    r.sorted = descent == 0;
    r.first = x[begin] ^ flip;
    r.last = x[end - 1] ^ flip;
    r.any = true;
  } else {
    r.sorted = false;  // a side with invalid rows is always partitioned
    for (size_t i = begin; i < end; ++i) {
      if (IsValid(valid, i)) lo = std::min(lo, x[i] ^ flip), hi = std::max(hi, x[i] ^ flip);
    }
    r.any = lo <= hi;
  }
  r.lo = lo;
  r.hi = hi;
  return r;
}

// ChunkRange of all rows, on up to `threads` threads.
KeyRange Range(std::span<const uint64_t> x, uint64_t flip, const std::vector<uint64_t>& valid,
               int threads) {
  const size_t n = x.size();
  // Several chunks per thread, so a thread slowed by other work takes fewer.
  const size_t chunks = std::max<size_t>(1, std::min<size_t>(threads * 4, n / 65536 + 1));
  const size_t rows = (n + chunks - 1) / chunks;
  std::vector<KeyRange> part(chunks);
  ParallelFor(threads, chunks, [&](size_t c) {
    part[c] = ChunkRange(x.data(), flip, valid, c * rows, std::min(n, (c + 1) * rows));
  });
  KeyRange r;
  r.sorted = valid.empty();
  for (const KeyRange& p : part) {
    if (!p.any) continue;
    r.sorted = r.sorted && p.sorted && (!r.any || r.last <= p.first);
    if (!r.any) r.first = p.first;
    r.last = p.last;
    r.lo = std::min(r.lo, p.lo);
    r.hi = std::max(r.hi, p.hi);
    r.any = true;
  }
  return r;
}

// For string keys with different dictionaries: each right code's code in
// the left dictionary (-1 when absent). Empty when no remapping is needed.
std::vector<int32_t> RightRemap(const Column& lc, const Column& rc, KeyClass cls) {
  std::vector<int32_t> remap;
  if (cls != KeyClass::kString || lc.shared_dictionary() == rc.shared_dictionary()) return remap;
  remap.resize(rc.dictionary().size());
  for (size_t c = 0; c < remap.size(); ++c) {
    remap[c] = lc.dictionary().Find(rc.dictionary().Get(static_cast<int32_t>(c)));
  }
  return remap;
}

Status CheckTypes(const Column& l, const Column& r, const std::string& ln, const std::string& rn) {
  const KeyClass a = ClassOf(l.type());
  const KeyClass b = ClassOf(r.type());
  const bool numeric = (a == KeyClass::kInteger || a == KeyClass::kDouble) &&
                       (b == KeyClass::kInteger || b == KeyClass::kDouble);
  if (numeric || a == b) return Status::OK();
  return Status::InvalidArgument("join key type mismatch: " + ln + " is " +
                                 std::string(TypeName(l.type())) + ", " + rn + " is " +
                                 std::string(TypeName(r.type())));
}

// Packs (exact) or hashes (not exact) the rebased parts of a multi-column key.
void ComposeKeys(const std::vector<int>& widths, const std::vector<uint64_t>& los, bool exact,
                 NormalizedSide* side) {
  const size_t n = side->parts[0].size();
  side->storage = Buffer<uint64_t>(n);
  uint64_t* keys = side->storage.data();
  std::fill(keys, keys + n, 0);
  for (size_t k = 0; k < side->parts.size(); ++k) {
    uint64_t* p = side->parts[k].data();
    for (size_t i = 0; i < n; ++i) {
      p[i] -= los[k];
      if (exact) {
        keys[i] = widths[k] == 64 ? p[i] : ((keys[i] << widths[k]) | p[i]);
      } else {
        keys[i] = XXH3_64bits_withSeed(&p[i], sizeof(uint64_t), keys[i]);
      }
    }
  }
  side->keys = side->storage;
  side->sorted = side->valid.empty() && std::is_sorted(keys, keys + n);
  if (exact) side->parts.clear();
}

}  // namespace

bool NormalizedKeys::KeysEqual(uint32_t l, uint32_t r) const {
  if (exact) return left.Key(l) == right.Key(r);
  for (size_t k = 0; k < left.parts.size(); ++k) {
    if (left.parts[k][l] != right.parts[k][r]) return false;
  }
  return true;
}

Result<NormalizedKeys> NormalizeJoinKeys(const Table& left, const Table& right,
                                         const std::vector<std::string>& left_keys,
                                         const std::vector<std::string>& right_keys, int threads) {
  if (left_keys.empty() || left_keys.size() != right_keys.size()) {
    return Status::InvalidArgument("join needs the same number (>= 1) of left and right keys");
  }
  const bool single = left_keys.size() == 1;
  NormalizedKeys out;
  int total_bits = 0;
  std::vector<int> widths;
  std::vector<uint64_t> los;
  for (size_t k = 0; k < left_keys.size(); ++k) {
    STEDI_ASSIGN_OR_RETURN(size_t li, left.ColumnIndex(left_keys[k]));
    STEDI_ASSIGN_OR_RETURN(size_t ri, right.ColumnIndex(right_keys[k]));
    const Column& lc = left.column(li);
    const Column& rc = right.column(ri);
    STEDI_RETURN_IF_ERROR(CheckTypes(lc, rc, left_keys[k], right_keys[k]));
    KeyClass cls = ClassOf(lc.type());
    if (ClassOf(rc.type()) == KeyClass::kDouble) cls = KeyClass::kDouble;
    std::vector<int32_t> remap = RightRemap(lc, rc, cls);
    ColumnImage l = ImageOf(lc, cls, nullptr, single);
    ColumnImage r = ImageOf(rc, cls, remap.empty() ? nullptr : &remap, single);
    const KeyRange lr = Range(l.bits, l.flip, l.valid, threads);
    const KeyRange rr = Range(r.bits, r.flip, r.valid, threads);
    uint64_t lo = std::min(lr.lo, rr.lo);
    const uint64_t hi = std::max(lr.hi, rr.hi);
    if (lo > hi) lo = hi;  // no valid row at all
    const int width = hi == lo ? 0 : 64 - std::countl_zero(hi - lo);
    total_bits += width;
    if (single) {
      out.bits = width;
      for (auto [img, range, side] : {std::tuple{&l, &lr, &out.left}, {&r, &rr, &out.right}}) {
        side->keys = img->bits;
        side->base = lo - img->flip;  // x ^ 2^63 == x + 2^63 (mod 2^64)
        side->sorted = range->sorted;
        side->valid = std::move(img->valid);
        side->storage = std::move(img->storage);  // moves keep the data where `keys` points
      }
      return out;
    }
    los.push_back(lo);
    widths.push_back(width);
    AndValid(&out.left.valid, l.valid);
    AndValid(&out.right.valid, r.valid);
    out.left.parts.push_back(std::move(l.storage));
    out.right.parts.push_back(std::move(r.storage));
  }
  out.exact = total_bits <= 64;
  out.bits = out.exact ? total_bits : 64;
  ComposeKeys(widths, los, out.exact, &out.left);
  ComposeKeys(widths, los, out.exact, &out.right);
  return out;
}

}  // namespace stedi
