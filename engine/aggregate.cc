// Hash aggregation: rows get group ids (grouping.h), then each aggregate is
// one pass over the rows into per-group accumulators. MIN and MAX keep the
// row of the best value per group and gather it, so any type (strings
// included, compared by value) comes out with its own dictionary.
#include <limits>

#include "engine/grouping.h"
#include "engine/key_bits.h"
#include "engine/operators.h"

namespace stedi {

namespace {

Column CountColumn(const std::vector<int64_t>& counts) {
  Column c(TypeId::kInt64);
  c.data<int64_t>() = counts;
  c.mutable_validity().AppendValid(counts.size());
  return c;
}

// MIN/MAX: best row per group, compared through order-preserving images.
Column MinMax(const Column& col, const Grouping& g, bool is_min) {
  std::vector<uint64_t> bits;
  ColumnOrderBits(col, /*string_order=*/true, &bits);
  std::vector<uint32_t> best = g.first_row;  // a NULL row stands for "no value yet"
  for (size_t i = 0; i < g.group_of_row.size(); ++i) {
    if (col.IsNull(i)) continue;
    uint32_t& b = best[g.group_of_row[i]];
    if (col.IsNull(b) || (is_min ? bits[i] < bits[b] : bits[i] > bits[b]))
      b = static_cast<uint32_t>(i);
  }
  return col.Gather(best);
}

template <typename T, typename Acc>
Column SumAs(const Column& col, const Grouping& g, TypeId out_type) {
  const size_t groups = g.first_row.size();
  std::vector<Acc> sums(groups, 0);
  std::vector<uint8_t> any(groups, 0);
  const T* v = col.data<T>().data();
  for (size_t i = 0; i < g.group_of_row.size(); ++i) {
    if (col.IsNull(i)) continue;
    const uint32_t grp = g.group_of_row[i];
    if constexpr (std::is_integral_v<Acc>) {
      // Wraps on overflow (two's complement) rather than undefined behaviour.
      sums[grp] = static_cast<Acc>(static_cast<uint64_t>(sums[grp]) + static_cast<uint64_t>(v[i]));
    } else {
      sums[grp] += v[i];
    }
    any[grp] = 1;
  }
  Column out(out_type);
  for (size_t grp = 0; grp < groups; ++grp) {
    if (!any[grp]) {
      out.AppendNull();
    } else if constexpr (std::is_integral_v<Acc>) {
      out.AppendInt64(sums[grp]);
    } else {
      out.AppendDouble(sums[grp]);
    }
  }
  return out;
}

Result<Column> Sum(const Column& col, const Grouping& g, const std::string& name) {
  switch (col.type()) {
    case TypeId::kBool:
      return SumAs<uint8_t, int64_t>(col, g, TypeId::kInt64);
    case TypeId::kInt32:
      return SumAs<int32_t, int64_t>(col, g, TypeId::kInt64);
    case TypeId::kInt64:
      return SumAs<int64_t, int64_t>(col, g, TypeId::kInt64);
    case TypeId::kDouble:
      return SumAs<double, double>(col, g, TypeId::kDouble);
    default:
      return Status::InvalidArgument("cannot sum column '" + name + "' of type " +
                                     std::string(TypeName(col.type())));
  }
}

Column CountDistinct(const Column& col, const Grouping& g) {
  // Distinct (group, value) pairs, then one count per pair whose value is not NULL.
  std::vector<std::vector<uint64_t>> parts(2);
  parts[0].assign(g.group_of_row.begin(), g.group_of_row.end());
  ColumnOrderBits(col, /*string_order=*/false, &parts[1]);
  if (col.null_count() > 0) {  // a NULL must not stand for the value whose image is 0
    parts.emplace_back(col.size());
    for (size_t i = 0; i < col.size(); ++i) parts[2][i] = col.IsNull(i);
  }
  const Grouping pairs = GroupRows(parts, col.size());
  std::vector<int64_t> counts(g.first_row.size(), 0);
  for (uint32_t row : pairs.first_row) {
    if (!col.IsNull(row)) ++counts[g.group_of_row[row]];
  }
  return CountColumn(counts);
}

Result<Column> Aggregate1(const Table& input, const AggSpec& spec, const Grouping& g) {
  if (spec.kind == AggKind::kCount && spec.column.empty()) {
    std::vector<int64_t> counts(g.first_row.size(), 0);
    for (uint32_t grp : g.group_of_row) ++counts[grp];
    return CountColumn(counts);
  }
  STEDI_ASSIGN_OR_RETURN(size_t ci, input.ColumnIndex(spec.column));
  const Column& col = input.column(ci);
  switch (spec.kind) {
    case AggKind::kCount: {
      std::vector<int64_t> counts(g.first_row.size(), 0);
      for (size_t i = 0; i < g.group_of_row.size(); ++i)
        counts[g.group_of_row[i]] += !col.IsNull(i);
      return CountColumn(counts);
    }
    case AggKind::kCountDistinct:
      return CountDistinct(col, g);
    case AggKind::kMin:
    case AggKind::kMax:
      return MinMax(col, g, spec.kind == AggKind::kMin);
    case AggKind::kSum:
      return Sum(col, g, spec.column);
  }
  return Status::Internal("unknown aggregate");
}

}  // namespace

Result<Table> AggregateTable(const Table& input, const std::vector<std::string>& group_by,
                             const std::vector<AggSpec>& aggs) {
  std::vector<size_t> keys;
  for (const std::string& k : group_by) {
    STEDI_ASSIGN_OR_RETURN(size_t i, input.ColumnIndex(k));
    keys.push_back(i);
  }
  Grouping g = GroupRows(GroupKeyParts(input, keys), input.num_rows());
  Table source = input;
  if (group_by.empty() && input.num_rows() == 0) {
    // No GROUP BY: one row even over no input (COUNT 0, other aggregates NULL).
    std::vector<Column> cols;
    for (size_t c = 0; c < input.num_columns(); ++c) {
      cols.emplace_back(input.column(c).type());
      cols.back().AppendNull();
    }
    STEDI_ASSIGN_OR_RETURN(source, Table::Make(input.schema(), std::move(cols)));
    g.group_of_row = {0};
    g.first_row = {0};
  }
  Schema schema;
  std::vector<Column> columns;
  for (size_t k : keys) {
    schema.AddField(input.schema().field(k));
    columns.push_back(input.column(k).Gather(g.first_row));
  }
  for (const AggSpec& spec : aggs) {
    STEDI_ASSIGN_OR_RETURN(Column c, Aggregate1(source, spec, g));
    if (source.num_rows() != input.num_rows() && spec.kind == AggKind::kCount) {
      c.data<int64_t>()[0] = 0;  // the stand-in NULL row is not a row
    }
    std::string name = spec.output_name.empty() ? spec.column : spec.output_name;
    schema.AddField({name.empty() ? "count" : name, c.type(), true});
    columns.push_back(std::move(c));
  }
  return Table::Make(std::move(schema), std::move(columns));
}

}  // namespace stedi
