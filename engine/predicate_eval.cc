// Batch evaluation of a BoundPredicate: kernels write `truth`, validity
// bitmaps give `known`, connectives combine words (Kleene logic).
#include <algorithm>
#include <cstring>

#include "engine/bound_predicate.h"
#include "engine/compare_kernels.h"

namespace stedi {

namespace {

using Node = BoundPredicate::Node;

uint64_t LastWordMask(size_t n) { return (n & 63) ? (1ull << (n & 63)) - 1 : ~0ull; }

void Fill(uint64_t* words, size_t n, bool value) {
  const size_t nw = BitmapWords(n);
  std::fill(words, words + nw, value ? ~0ull : 0ull);
  if (nw) words[nw - 1] &= LastWordMask(n);
}

// Validity of rows [start, start + n) into `known`.
void LoadValidity(const Column& c, size_t start, size_t n, uint64_t* known) {
  const Validity& v = c.validity();
  if (v.all_valid()) return Fill(known, n, true);
  const size_t nw = BitmapWords(n);
  std::memcpy(known, v.words().data() + start / 64, nw * sizeof(uint64_t));
  known[nw - 1] &= LastWordMask(n);
}

void AndInto(uint64_t* dst, const uint64_t* src, size_t n) {
  for (size_t w = 0; w < BitmapWords(n); ++w) dst[w] &= src[w];
}

template <typename T>
void CompareLit(const Node& node, const T* data, T lit, size_t n, uint64_t* out) {
  CompareLiteralSimd<T>(node.op, data, lit, n, out);
}

// Values of rows [start, start + n) of `c` as T, through `map` for string codes.
template <typename T>
const T* LoadAs(const Column& c, const std::vector<int32_t>& map, size_t start, size_t n,
                T* scratch) {
  return VisitPhysical(c.type(), [&](auto tag) -> const T* {
    using S = decltype(tag);
    const S* src = c.data<S>().data() + start;
    if constexpr (std::is_same_v<S, T>) {
      if (map.empty()) return src;
    }
    if constexpr (std::is_same_v<S, int32_t>) {
      if (!map.empty()) {
        for (size_t i = 0; i < n; ++i) scratch[i] = static_cast<T>(map[src[i]]);
        return scratch;
      }
    }
    for (size_t i = 0; i < n; ++i) scratch[i] = static_cast<T>(src[i]);
    return scratch;
  });
}

template <typename T>
void CompareCols(const Node& node, size_t start, size_t n, uint64_t* out) {
  T sa[kBatchRows];
  T sb[kBatchRows];
  const T* a = LoadAs<T>(*node.a, node.map_a, start, n, sa);
  const T* b = LoadAs<T>(*node.b, node.map_b, start, n, sb);
  CompareColumnsSimd<T>(node.op, a, b, n, out);
}

void SetBit(uint64_t* words, size_t i, bool v) {
  words[i >> 6] |= static_cast<uint64_t>(v) << (i & 63);
}

}  // namespace

void BoundPredicate::EvalCompare(const Node& node, size_t start, size_t n, TriBits* out) const {
  const Column& a = *node.a;
  if (node.kind == Node::Kind::kCmpLiteral) {
    switch (node.phys) {
      case TypeId::kBool:
        CompareLit<uint8_t>(node, a.data<uint8_t>().data() + start,
                            static_cast<uint8_t>(node.lit_i), n, out->truth);
        break;
      case TypeId::kInt32:
        CompareLit<int32_t>(node, a.data<int32_t>().data() + start,
                            static_cast<int32_t>(node.lit_i), n, out->truth);
        break;
      case TypeId::kDouble:
        CompareLit<double>(node, a.data<double>().data() + start, node.lit_d, n, out->truth);
        break;
      default:
        CompareLit<int64_t>(node, a.data<int64_t>().data() + start, node.lit_i, n, out->truth);
        break;
    }
    LoadValidity(a, start, n, out->known);
  } else {
    switch (node.phys) {
      case TypeId::kBool:
        CompareCols<uint8_t>(node, start, n, out->truth);
        break;
      case TypeId::kInt32:
        CompareCols<int32_t>(node, start, n, out->truth);
        break;
      case TypeId::kDouble:
        CompareCols<double>(node, start, n, out->truth);
        break;
      default:
        CompareCols<int64_t>(node, start, n, out->truth);
        break;
    }
    LoadValidity(a, start, n, out->known);
    uint64_t kb[kBatchWords];
    LoadValidity(*node.b, start, n, kb);
    AndInto(out->known, kb, n);
  }
  AndInto(out->truth, out->known, n);
}

// `col op lit AND col op lit` on one numeric column (BETWEEN binds to this):
// one fused pass over the column instead of two. Both sides are known exactly
// where the column is valid, so Kleene AND reduces to truth = t1 & t2 & valid.
bool BoundPredicate::EvalRange(const Node& l, const Node& r, size_t start, size_t n,
                               TriBits* out) const {
  if (l.kind != Node::Kind::kCmpLiteral || r.kind != Node::Kind::kCmpLiteral || l.a != r.a ||
      l.phys != r.phys || l.phys == TypeId::kBool) {
    return false;
  }
  const Column& a = *l.a;
  switch (l.phys) {
    case TypeId::kInt32:
      CompareRangeSimd<int32_t>(l.op, static_cast<int32_t>(l.lit_i), r.op,
                                static_cast<int32_t>(r.lit_i), a.data<int32_t>().data() + start, n,
                                out->truth);
      break;
    case TypeId::kDouble:
      CompareRangeSimd<double>(l.op, l.lit_d, r.op, r.lit_d, a.data<double>().data() + start, n,
                               out->truth);
      break;
    default:
      CompareRangeSimd<int64_t>(l.op, l.lit_i, r.op, r.lit_i, a.data<int64_t>().data() + start, n,
                                out->truth);
      break;
  }
  LoadValidity(a, start, n, out->known);
  AndInto(out->truth, out->known, n);
  return true;
}

void BoundPredicate::EvalIn(const Node& node, size_t start, size_t n, TriBits* out) const {
  const Column& a = *node.a;
  std::fill(out->truth, out->truth + BitmapWords(n), 0);
  if (node.kind == Node::Kind::kCodeTable) {
    if (a.type() == TypeId::kBool) {
      const uint8_t* v = a.data<uint8_t>().data() + start;
      for (size_t i = 0; i < n; ++i) SetBit(out->truth, i, node.pass[v[i] != 0]);
    } else {
      const int32_t* v = a.data<int32_t>().data() + start;
      for (size_t i = 0; i < n; ++i) SetBit(out->truth, i, node.pass[v[i]]);
    }
  } else if (a.type() == TypeId::kDouble) {
    const double* v = a.data<double>().data() + start;
    for (size_t i = 0; i < n; ++i) {
      SetBit(out->truth, i, std::binary_search(node.set_d.begin(), node.set_d.end(), v[i]));
    }
  } else {
    VisitPhysical(a.type(), [&](auto tag) {
      using T = decltype(tag);
      if constexpr (std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t>) {
        const T* v = a.data<T>().data() + start;
        for (size_t i = 0; i < n; ++i) {
          SetBit(out->truth, i,
                 std::binary_search(node.set_i.begin(), node.set_i.end(), int64_t{v[i]}));
        }
      }
    });
  }
  LoadValidity(a, start, n, out->known);
  AndInto(out->truth, out->known, n);
  // x IN (.., NULL) is unknown, not false, when nothing else matched.
  if (node.in_has_null) std::copy(out->truth, out->truth + BitmapWords(n), out->known);
}

void BoundPredicate::Eval(int index, size_t start, size_t n, TriBits* out) const {
  const Node& node = nodes_[index];
  const size_t nw = BitmapWords(n);
  switch (node.kind) {
    case Node::Kind::kConst:
      if (node.a) {
        LoadValidity(*node.a, start, n, out->known);
      } else {
        Fill(out->known, n, node.const_known);
      }
      if (node.const_truth) {
        std::copy(out->known, out->known + nw, out->truth);
      } else {
        Fill(out->truth, n, false);
      }
      return;
    case Node::Kind::kBoolColumn:
      CompareLiteralSimd<uint8_t>(CompareOp::kNe, node.a->data<uint8_t>().data() + start, 0, n,
                                  out->truth);
      LoadValidity(*node.a, start, n, out->known);
      AndInto(out->truth, out->known, n);
      return;
    case Node::Kind::kCmpLiteral:
    case Node::Kind::kCmpColumns:
      return EvalCompare(node, start, n, out);
    case Node::Kind::kCodeTable:
    case Node::Kind::kInSet:
      return EvalIn(node, start, n, out);
    case Node::Kind::kIsNull:
    case Node::Kind::kIsNotNull: {
      uint64_t* valid = out->truth;
      if (node.a) {
        LoadValidity(*node.a, start, n, valid);
      } else {
        Eval(node.child0, start, n, out);  // leaves child's known in out->known
        std::copy(out->known, out->known + nw, valid);
      }
      if (node.kind == Node::Kind::kIsNull) {
        for (size_t w = 0; w < nw; ++w) valid[w] = ~valid[w];
        valid[nw - 1] &= LastWordMask(n);
      }
      Fill(out->known, n, true);
      return;
    }
    case Node::Kind::kNot:
      Eval(node.child0, start, n, out);
      for (size_t w = 0; w < nw; ++w) out->truth[w] = out->known[w] & ~out->truth[w];
      return;
    case Node::Kind::kAnd:
    case Node::Kind::kOr: {
      if (node.kind == Node::Kind::kAnd &&
          EvalRange(nodes_[node.child0], nodes_[node.child1], start, n, out)) {
        return;
      }
      TriBits rhs;
      Eval(node.child0, start, n, out);
      Eval(node.child1, start, n, &rhs);
      uint64_t* t = out->truth;
      uint64_t* k = out->known;
      for (size_t w = 0; w < nw; ++w) {
        if (node.kind == Node::Kind::kAnd) {
          // FALSE wins over unknown: known where both known or either is known false.
          k[w] = (k[w] & rhs.known[w]) | (k[w] & ~t[w]) | (rhs.known[w] & ~rhs.truth[w]);
          t[w] &= rhs.truth[w];
        } else {
          k[w] = (k[w] & rhs.known[w]) | t[w] | rhs.truth[w];
          t[w] |= rhs.truth[w];
        }
      }
      return;
    }
  }
}

void BoundPredicate::Evaluate(size_t start, size_t n, TriBits* out) const {
  if (n == 0) return;
  Eval(root_, start, n, out);
}

std::vector<uint32_t> BoundPredicate::Select(size_t begin, size_t end) const {
  std::vector<uint32_t> sel(end - begin);
  size_t count = 0;
  TriBits bits;
  for (size_t start = begin; start < end; start += kBatchRows) {
    const size_t n = std::min(kBatchRows, end - start);
    Evaluate(start, n, &bits);
    count += BitmapToSelection(bits.truth, n, static_cast<uint32_t>(start), sel.data() + count);
  }
  sel.resize(count);
  return sel;
}

}  // namespace stedi
