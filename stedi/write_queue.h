// WriteQueue: zone tables written on background threads while the build goes
// on (the next ingest or plan), at most `max_in_flight` at a time.
//
// Writes finish into the report in the order they were added. Each table
// follows the encoding plans of its input tables (storage WriteOptions::follow):
// a column takes the plan of the first input, in lineage order, that wrote a
// column of that name and type. A write therefore waits for the writes of its
// inputs before it starts encoding, which keeps the files independent of
// thread timing. Files are not fsynced one by one: the caller makes the
// whole folder durable before publishing it (LakePublisher::Publish).
#pragma once

#include <cstddef>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"
#include "storage/table_writer.h"

namespace stedi {

// What to write and where; `inputs` are the lineage (table names, in order).
struct TableWrite {
  std::shared_ptr<const Table> table;
  std::vector<std::string> sort_by;
  std::vector<std::string> inputs;
  std::string dir;
  // An earlier table of this queue that holds exactly these rows and sort
  // order: its files are copied instead of encoding the rows again (when
  // that write failed, the rows are encoded). Empty: none.
  std::string copy_of;
};

// A finished write.
struct WriteResult {
  std::string name;
  Result<TableWriteInfo> info = Status::Internal("not written");
  double seconds = 0;  // encoding and writing, without waiting for inputs
};

class WriteQueue {
 public:
  explicit WriteQueue(size_t max_in_flight);
  // Waits for the writes still running (their results are dropped).
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Starts writing table `name`. When max_in_flight writes are running, the
  // oldest is finished first and appended to *done.
  void Add(const std::string& name, TableWrite write, std::vector<WriteResult>* done);
  // Finishes every running write, oldest first, appending to *done.
  void FinishAll(std::vector<WriteResult>* done);

 private:
  using Future = std::shared_future<Result<TableWriteInfo>>;
  struct Written {
    Future info;
    std::string dir;
  };
  struct Running {
    std::string name;
    std::shared_ptr<double> seconds;
    Future info;
  };
  void FinishOldest(std::vector<WriteResult>* done);

  size_t max_in_flight_;
  std::deque<Running> running_;
  std::map<std::string, Written> by_name_;  // every table added, for its plans
};

// The plans `schema`'s columns inherit from the written `inputs` (see above).
EncodingPlans InheritedPlans(const std::vector<std::string>& inputs, const Schema& schema,
                             const std::map<std::string, EncodingPlans>& written);

}  // namespace stedi
