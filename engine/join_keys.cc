#include "engine/join_keys.h"

#include <xxhash.h>

#include <bit>
#include <cstring>
#include <limits>

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

// Order-preserving: a < b (signed) <=> OrderBits(a) < OrderBits(b) (unsigned).
uint64_t OrderBits(int64_t v) { return static_cast<uint64_t>(v) ^ (1ull << 63); }
uint64_t OrderBits(double d) {
  if (d == 0) d = 0;                                         // -0 joins with +0
  if (d != d) d = std::numeric_limits<double>::quiet_NaN();  // one NaN
  const uint64_t u = std::bit_cast<uint64_t>(d);
  return (u >> 63) ? ~u : u | (1ull << 63);
}

// One key column of one side as order-preserving unsigned values (before
// subtracting the shared minimum); marks invalid rows in `valid`.
void ColumnBits(const Column& c, KeyClass cls, const std::vector<int32_t>* remap,
                std::vector<uint64_t>* out, std::vector<uint64_t>* valid) {
  const size_t n = c.size();
  out->resize(n);
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
void Range(const std::vector<uint64_t>& a, const std::vector<uint64_t>& va,
           const std::vector<uint64_t>& b, const std::vector<uint64_t>& vb, uint64_t* lo,
           uint64_t* hi) {
  *lo = ~0ull;
  *hi = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (IsValid(va, i)) *lo = std::min(*lo, a[i]), *hi = std::max(*hi, a[i]);
  }
  for (size_t i = 0; i < b.size(); ++i) {
    if (IsValid(vb, i)) *lo = std::min(*lo, b[i]), *hi = std::max(*hi, b[i]);
  }
  if (*lo > *hi) *lo = *hi = 0;  // no valid row at all
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
    std::vector<uint64_t> lb, rb, lv, rv;
    ColumnBits(lc, cls, nullptr, &lb, &lv);
    ColumnBits(rc, cls, remap_right ? &remap : nullptr, &rb, &rv);
    uint64_t lo, hi;
    Range(lb, lv, rb, rv, &lo, &hi);
    for (uint64_t& x : lb) x -= lo;
    for (uint64_t& x : rb) x -= lo;
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
  for (NormalizedSide* side : {&out.left, &out.right}) {
    const size_t n = side->parts[0].size();
    side->keys.assign(n, 0);
    if (side->parts.size() == 1) {
      side->keys = std::move(side->parts[0]);
      side->parts.clear();
      continue;
    }
    for (size_t k = 0; k < side->parts.size(); ++k) {
      const uint64_t* p = side->parts[k].data();
      for (size_t i = 0; i < n; ++i) {
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
