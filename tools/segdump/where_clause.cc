#include "tools/segdump/where_clause.h"

#include <cassert>
#include <cctype>
#include <string>

#include "tools/segdump/value_text.h"

namespace stedi::segdump {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsOperatorChar(char c) { return c == '=' || c == '!' || c == '<' || c == '>'; }

// Removes one level of quotes; '' inside single quotes stands for one quote.
Result<std::string> Unquote(std::string_view s) {
  if (s.size() < 2 || (s.front() != '\'' && s.front() != '"') || s.back() != s.front()) {
    if (!s.empty() && (s.front() == '\'' || s.front() == '"')) {
      return Status::InvalidArgument("unterminated quote in " + std::string(s));
    }
    return std::string(s);
  }
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    out += s[i];
    if (s.front() == '\'' && s[i] == '\'' && i + 2 < s.size() && s[i + 1] == '\'') ++i;
  }
  return out;
}

bool ParseOp(std::string_view op, CompareOp* out) {
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {"=", CompareOp::kEq},  {"==", CompareOp::kEq}, {"!=", CompareOp::kNe},
      {"<>", CompareOp::kNe}, {"<", CompareOp::kLt},  {"<=", CompareOp::kLe},
      {">", CompareOp::kGt},  {">=", CompareOp::kGe}};
  for (const auto& [text, value] : kOps) {
    if (op == text) {
      *out = value;
      return true;
    }
  }
  return false;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool RowMatches(const ScanPredicate& p, const Column& c, size_t row) {
  if (p.kind == ScanPredicate::Kind::kIsNull) return c.IsNull(row);
  if (p.kind == ScanPredicate::Kind::kIsNotNull) return !c.IsNull(row);
  if (c.IsNull(row)) return false;
  switch (c.type()) {
    case TypeId::kBool:
      return EvalCompare<int64_t>(p.op, c.data<uint8_t>()[row], p.value.i);
    case TypeId::kInt32:
      return EvalCompare<int64_t>(p.op, c.data<int32_t>()[row], p.value.i);
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return EvalCompare<int64_t>(p.op, c.data<int64_t>()[row], p.value.i);
    case TypeId::kDouble:
      return EvalCompare<double>(p.op, c.data<double>()[row], p.value.d);
    case TypeId::kString:
      return EvalCompare<std::string_view>(p.op, c.GetString(row), p.value.s);
  }
  return false;
}

}  // namespace

Result<ScanPredicate> ParseWhere(std::string_view text, const Schema& schema) {
  const std::string quoted = "--where '" + std::string(text) + "'";
  std::string_view rest = Trim(text);
  size_t name_end = 0;
  while (name_end < rest.size() && !IsOperatorChar(rest[name_end]) &&
         !std::isspace(static_cast<unsigned char>(rest[name_end]))) {
    ++name_end;
  }
  const std::string_view name = rest.substr(0, name_end);
  if (name.empty()) return Status::InvalidArgument(quoted + ": expected a column name");
  auto index = schema.Find(name);
  if (!index) index = schema.FindIgnoreCase(name);
  if (!index) {
    return Status::InvalidArgument(quoted + ": no column '" + std::string(name) + "' in (" +
                                   schema.ToString() + ")");
  }
  const Field& field = schema.field(*index);
  ScanPredicate p;
  p.column = field.name;
  rest = Trim(rest.substr(name_end));
  const std::string upper = Upper(rest);
  if (upper == "IS NULL" || upper == "IS NOT NULL") {
    p.kind = upper == "IS NULL" ? ScanPredicate::Kind::kIsNull : ScanPredicate::Kind::kIsNotNull;
    return p;
  }
  size_t op_end = 0;
  while (op_end < rest.size() && IsOperatorChar(rest[op_end])) ++op_end;
  if (!ParseOp(rest.substr(0, op_end), &p.op)) {
    return Status::InvalidArgument(quoted +
                                   ": expected = != <> < <= > >=, IS NULL or IS NOT NULL after '" +
                                   std::string(name) + "'");
  }
  const std::string_view literal = Trim(rest.substr(op_end));
  if (literal.empty()) return Status::InvalidArgument(quoted + ": missing value");
  auto unquoted = Unquote(literal);
  if (!unquoted.ok()) return unquoted.status().WithContext(quoted);
  auto value = ParseLiteral(*unquoted, field.type);
  if (!value.ok()) return value.status().WithContext(quoted);
  p.value = std::move(value).value();
  return p;
}

std::vector<uint32_t> MatchingRows(const Table& table, const std::vector<ScanPredicate>& preds) {
  std::vector<const Column*> columns;
  for (const ScanPredicate& p : preds) {
    auto index = table.ColumnIndex(p.column);
    assert(index.ok());
    columns.push_back(&table.column(*index));
  }
  std::vector<uint32_t> rows;
  for (size_t r = 0; r < table.num_rows(); ++r) {
    bool keep = true;
    for (size_t i = 0; i < preds.size() && keep; ++i) keep = RowMatches(preds[i], *columns[i], r);
    if (keep) rows.push_back(static_cast<uint32_t>(r));
  }
  return rows;
}

}  // namespace stedi::segdump
