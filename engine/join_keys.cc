#include "engine/join_keys.h"

#include <xxhash.h>

#include <bit>
#include <cstring>
#include <limits>

#include "engine/key_bits.h"

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

// One key column of one side as order-preserving unsigned values (before
// subtracting the shared minimum); marks invalid rows in `valid`.
void ColumnBits(const Column& c, KeyClass cls, const std::vector<int32_t>* remap,
                Buffer<uint64_t>* out, std::vector<uint64_t>* valid) {
  const size_t n = c.size();
  *out = Buffer<uint64_t>(n);
  uint64_t* o = out->data();
  auto invalidate = [&](size_t i) {
    if (valid->empty()) valid->assign((n + 63) / 64, ~0ull);
    (*valid)[i >> 6] &= ~(1ull << (i & 63));
  };
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

// Smallest and largest value over the valid rows of both sides.
void Range(const Buffer<uint64_t>& a, const std::vector<uint64_t>& valid, uint64_t* lo,
           uint64_t* hi) {
  uint64_t l = *lo, h = *hi;
  if (valid.empty()) {  // the common case, a loop the compiler vectorizes
    for (uint64_t x : a) l = std::min(l, x), h = std::max(h, x);
  } else {
    for (size_t i = 0; i < a.size(); ++i) {
      if (IsValid(valid, i)) l = std::min(l, a[i]), h = std::max(h, a[i]);
    }
  }
  *lo = l;
  *hi = h;
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

}  // namespace

bool NormalizedKeys::KeysEqual(uint32_t l, uint32_t r) const {
  if (exact) return left.keys[l] == right.keys[r];
  for (size_t k = 0; k < left.parts.size(); ++k) {
    if (left.parts[k][l] != right.parts[k][r]) return false;
  }
  return true;
}

Result<NormalizedKeys> NormalizeJoinKeys(const Table& left, const Table& right,
                                         const std::vector<std::string>& left_keys,
                                         const std::vector<std::string>& right_keys) {
  if (left_keys.empty() || left_keys.size() != right_keys.size()) {
    return Status::InvalidArgument("join needs the same number (>= 1) of left and right keys");
  }
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
    std::vector<int32_t> remap;
    const bool remap_right =
        cls == KeyClass::kString && lc.shared_dictionary() != rc.shared_dictionary();
    if (remap_right) {
      remap.resize(rc.dictionary().size());
      for (size_t c = 0; c < remap.size(); ++c) {
        remap[c] = lc.dictionary().Find(rc.dictionary().Get(static_cast<int32_t>(c)));
      }
    }
    Buffer<uint64_t> lb, rb;
    std::vector<uint64_t> lv, rv;
    ColumnBits(lc, cls, nullptr, &lb, &lv);
    ColumnBits(rc, cls, remap_right ? &remap : nullptr, &rb, &rv);
    uint64_t lo = ~0ull, hi = 0;
    Range(lb, lv, &lo, &hi);
    Range(rb, rv, &lo, &hi);
    if (lo > hi) lo = hi = 0;  // no valid row at all
    los.push_back(lo);
    const int width = hi == lo ? 0 : 64 - std::countl_zero(hi - lo);
    widths.push_back(width);
    total_bits += width;
    AndValid(&out.left.valid, lv);
    AndValid(&out.right.valid, rv);
    out.left.parts.push_back(std::move(lb));
    out.right.parts.push_back(std::move(rb));
  }
  out.exact = total_bits <= 64;
  out.bits = out.exact ? total_bits : 64;
  if (left_keys.size() == 1) {
    out.base = los[0];
    out.left.keys = std::move(out.left.parts[0]);
    out.right.keys = std::move(out.right.parts[0]);
    out.left.parts.clear();
    out.right.parts.clear();
    return out;
  }
  for (NormalizedSide* side : {&out.left, &out.right}) {
    const size_t n = side->parts[0].size();
    side->keys = Buffer<uint64_t>(n);
    std::fill(side->keys.begin(), side->keys.end(), 0);
    for (size_t k = 0; k < side->parts.size(); ++k) {
      uint64_t* p = side->parts[k].data();
      for (size_t i = 0; i < n; ++i) {
        p[i] -= los[k];
        uint64_t& key = side->keys[i];
        if (out.exact) {
          key = widths[k] == 64 ? p[i] : ((key << widths[k]) | p[i]);
        } else {
          key = XXH3_64bits_withSeed(&p[i], sizeof(uint64_t), key);
        }
      }
    }
    if (out.exact) side->parts.clear();
  }
  return out;
}

}  // namespace stedi
