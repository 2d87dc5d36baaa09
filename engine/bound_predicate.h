// BoundPredicate: an expression checked against one table's schema and
// compiled into a flat tree of vector kernels.
//
// Evaluation works a batch of kBatchRows rows at a time and yields two
// bitmaps per batch: `known` (the predicate is not NULL) and `truth` (it is
// TRUE; always a subset of known). AND, OR and NOT combine these word by
// word, which is Kleene's three-valued logic 64 rows per instruction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/table.h"
#include "engine/expression.h"

namespace stedi {

constexpr size_t kBatchRows = 2048;
constexpr size_t kBatchWords = kBatchRows / 64;

struct TriBits {
  uint64_t truth[kBatchWords];
  uint64_t known[kBatchWords];
};

class BoundPredicate {
 public:
  // Checks names and types; InvalidArgument / NotFound / NotSupported name the culprit.
  // The table must outlive the BoundPredicate.
  static Result<BoundPredicate> Bind(const ExprPtr& expr, const Table& table);

  // Evaluates rows [start, start + n). REQUIRES: start % 64 == 0, n <= kBatchRows.
  void Evaluate(size_t start, size_t n, TriBits* out) const;
  // Row ids in [begin, end) where the predicate is TRUE, ascending.
  // REQUIRES: begin % 64 == 0.
  std::vector<uint32_t> Select(size_t begin, size_t end) const;

  struct Node;

 private:
  friend class PredicateBinder;
  void Eval(int node, size_t start, size_t n, TriBits* out) const;
  void EvalCompare(const Node& node, size_t start, size_t n, TriBits* out) const;
  void EvalIn(const Node& node, size_t start, size_t n, TriBits* out) const;
  // Fused `x op lit AND x op lit`; false (nothing written) when the pair does not qualify.
  bool EvalRange(const Node& l, const Node& r, size_t start, size_t n, TriBits* out) const;

  std::vector<Node> nodes_;
  int root_ = -1;
};

struct BoundPredicate::Node {
  enum class Kind {
    kConst,       // const_truth / const_known for every row
    kBoolColumn,  // a bool column used as a predicate
    kCmpLiteral,  // column op literal (compare type `phys`)
    kCmpColumns,  // column op column, both read as `phys`
    kCodeTable,   // pass[value] for string codes and bools
    kInSet,       // numeric IN list, sorted
    kIsNull,      // of a column (a) or of a child predicate
    kIsNotNull,
    kAnd,
    kOr,
    kNot,
  };
  Kind kind = Kind::kConst;
  CompareOp op = CompareOp::kEq;
  TypeId phys = TypeId::kInt64;  // kBool, kInt32, kInt64 or kDouble
  const Column* a = nullptr;
  const Column* b = nullptr;
  int64_t lit_i = 0;
  double lit_d = 0;
  bool const_truth = false;
  bool const_known = true;
  std::vector<int32_t> map_a, map_b;  // string code -> rank, for ordering strings
  std::vector<uint8_t> pass;          // kCodeTable
  std::vector<int64_t> set_i;         // kInSet over integers
  std::vector<double> set_d;          // kInSet over doubles
  bool in_has_null = false;
  int child0 = -1, child1 = -1;
};

}  // namespace stedi
