#include "stedi/write_queue.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <utility>

#include "storage/file_util.h"

namespace stedi {

EncodingPlans InheritedPlans(const std::vector<std::string>& inputs, const Schema& schema,
                             const std::map<std::string, EncodingPlans>& written) {
  EncodingPlans out;
  for (const Field& f : schema.fields()) {
    for (const std::string& input : inputs) {
      const auto table = written.find(input);
      if (table == written.end()) continue;
      const auto column = table->second.find(f.name);
      if (column == table->second.end() || column->second.type != f.type) continue;
      out.emplace(f.name, column->second);
      break;
    }
  }
  return out;
}

WriteQueue::WriteQueue(size_t max_in_flight) : max_in_flight_(std::max<size_t>(1, max_in_flight)) {}

WriteQueue::~WriteQueue() {
  for (Running& r : running_) r.info.wait();
}

namespace {

// Copies the segment files of an identical table written to `from`.
Result<TableWriteInfo> CopyTable(const TableWriteInfo& info, const std::string& from,
                                 const std::string& to) {
  STEDI_RETURN_IF_ERROR(CreateDirs(to));
  for (const SegmentFileInfo& f : info.files) {
    std::error_code ec;
    std::filesystem::copy_file(from + "/" + f.name, to + "/" + f.name,
                               std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) return Status::IOError(to + "/" + f.name + ": copy from " + from + ": " + ec.message());
  }
  return info;
}

// Writes one table: a copy of `copy`'s files when that table was written
// (copy.second is its folder), else an encoding that follows the plans of
// the written `inputs`.
Result<TableWriteInfo> Write(
    const TableWrite& write,
    const std::vector<std::pair<std::string, const Result<TableWriteInfo>*>>& inputs,
    const std::pair<const Result<TableWriteInfo>*, std::string>& copy) {
  if (copy.first != nullptr && copy.first->ok())
    return CopyTable(**copy.first, copy.second, write.dir);
  std::map<std::string, EncodingPlans> written;
  for (const auto& [input, result] : inputs) {
    if (result->ok()) written[input] = (*result)->plans;
  }
  const EncodingPlans follow = InheritedPlans(write.inputs, write.table->schema(), written);
  WriteOptions options;
  options.sort_by = write.sort_by;
  options.sync = false;  // the publisher syncs the staging tree once
  options.follow = &follow;
  return WriteTable(*write.table, write.dir, options);
}

}  // namespace

void WriteQueue::Add(const std::string& name, TableWrite write, std::vector<WriteResult>* done) {
  while (running_.size() >= max_in_flight_) FinishOldest(done);
  // The inputs written (or being written) before this table, in lineage order.
  std::vector<std::pair<std::string, Future>> inputs;
  for (const std::string& input : write.inputs) {
    const auto it = by_name_.find(input);
    if (it != by_name_.end() && input != name) inputs.emplace_back(input, it->second.info);
  }
  std::pair<Future, std::string> copy;
  if (const auto it = by_name_.find(write.copy_of); it != by_name_.end()) {
    copy = {it->second.info, it->second.dir};
  }
  const std::string dir = write.dir;
  auto seconds = std::make_shared<double>(0);
  Future info =
      std::async(std::launch::async, [write = std::move(write), inputs = std::move(inputs),
                                      copy = std::move(copy), seconds]() mutable {
        // Waiting for the inputs is not the table's own time.
        std::vector<std::pair<std::string, const Result<TableWriteInfo>*>> results;
        for (const auto& [input, future] : inputs) results.emplace_back(input, &future.get());
        const Result<TableWriteInfo>* source = copy.first.valid() ? &copy.first.get() : nullptr;
        const auto start = std::chrono::steady_clock::now();
        auto result = Write(write, results, {source, copy.second});
        *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // The future keeps this closure until the queue goes: let the table go
        // now, so that a builder that drops it frees its memory.
        write.table.reset();
        return result;
      }).share();
  by_name_[name] = {info, dir};
  running_.push_back({name, std::move(seconds), std::move(info)});
}

void WriteQueue::FinishAll(std::vector<WriteResult>* done) {
  while (!running_.empty()) FinishOldest(done);
}

void WriteQueue::FinishOldest(std::vector<WriteResult>* done) {
  Running r = std::move(running_.front());
  running_.pop_front();
  WriteResult result;
  result.name = r.name;
  result.info = r.info.get();
  result.seconds = *r.seconds;
  done->push_back(std::move(result));
}

}  // namespace stedi
