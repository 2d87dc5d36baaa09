#include <thread>

#include "engine/plan.h"

namespace stedi {

Result<Table> InMemorySource::Scan(const std::vector<std::string>& columns,
                                   const std::vector<ScanPredicate>& /*predicates*/) const {
  if (columns.empty()) return *table_;
  return table_->Project(columns);
}

std::string InMemorySource::Describe() const {
  return "in-memory table of " + std::to_string(table_->num_rows()) + " rows";
}

ExecContext::ExecContext(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
  threads_ = threads > 0 ? threads : 1;
}

void ExecContext::Register(std::string name, std::shared_ptr<const TableSource> source) {
  for (auto& [n, s] : sources_) {
    if (n == name) {
      s = std::move(source);
      return;
    }
  }
  sources_.emplace_back(std::move(name), std::move(source));
}

void ExecContext::Unregister(const std::string& name) {
  std::erase_if(sources_, [&](const auto& entry) { return entry.first == name; });
}

void ExecContext::RegisterTable(std::string name, Table table) {
  Register(std::move(name), std::make_shared<InMemorySource>(std::move(table)));
}

Result<std::shared_ptr<const TableSource>> ExecContext::Lookup(const std::string& name) const {
  for (const auto& [n, s] : sources_) {
    if (n == name) return s;
  }
  std::string known;
  for (const auto& [n, s] : sources_) known += (known.empty() ? "" : ", ") + n;
  return Status::NotFound("no table '" + name + "' registered (known: " + known + ")");
}

}  // namespace stedi
