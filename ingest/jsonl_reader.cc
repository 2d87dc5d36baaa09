#include "ingest/jsonl_reader.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <limits>
#include <memory>

#include "core/parallel_for.h"
#include "ingest/chunk_parser.h"
#include "ingest/file_range_reader.h"
#include "ingest/huge_pages.h"
#include "ingest/input_plan.h"
#include "ingest/record_parser.h"

namespace stedi {

namespace {

// What one thread keeps between tasks.
struct Worker {
  std::unique_ptr<RecordParser> parser;
  PaddedText window;  // read buffer for byte-range tasks
};

Status CheckSchema(const Schema& schema) {
  if (schema.size() == 0) return Status::InvalidArgument("ingest: schema has no fields");
  for (size_t i = 0; i < schema.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (EqualsIgnoreCase(schema.field(i).name, schema.field(j).name)) {
        return Status::InvalidArgument("ingest: schema fields '" + schema.field(j).name +
                                       "' and '" + schema.field(i).name + "' differ only in case");
      }
    }
  }
  return Status::OK();
}

void RunTask(const std::string& path, const FileInput& file, const IngestTask& task,
             const Schema& schema, BadRecordMode mode, Worker& worker, ChunkOutput* out) {
  if (!file.in_memory) {
    ChunkParser chunk(schema, mode, *worker.parser, 0, out);
    out->status = ParseFileRange(path, task.begin, task.end, &worker.window, &chunk);
    chunk.Finish();
    return;
  }
  const std::string_view text =
      file.text.view().substr(task.begin, static_cast<size_t>(task.end - task.begin));
  // Records are rarely under 16 bytes; the builders grow if they are.
  ChunkParser chunk(schema, mode, *worker.parser, text.size() / 16 + 16, out);
  if (file.is_array) {
    chunk.TakeArray(text);
  } else {
    chunk.TakeLines(text);
  }
  chunk.Finish();
}

// Runs every task on the pool. Once a task has failed (kFail mode, or an I/O
// error), tasks after it are not needed, so they are skipped.
std::vector<ChunkOutput> RunAll(const std::vector<std::string>& paths, const InputPlan& plan,
                                const Schema& schema, const IngestOptions& options, int threads) {
  std::vector<ChunkOutput> outputs(plan.tasks.size());
  std::vector<Worker> workers(static_cast<size_t>(threads));
  std::atomic<size_t> first_failed{std::numeric_limits<size_t>::max()};
  ParallelFor(plan.tasks.size(), threads, [&](size_t t, int w) {
    if (t > first_failed.load(std::memory_order_relaxed)) return;
    Worker& worker = workers[static_cast<size_t>(w)];
    if (!worker.parser) {
      worker.parser = std::make_unique<RecordParser>(schema, options.max_record_bytes);
    }
    const IngestTask& task = plan.tasks[t];
    ChunkOutput& out = outputs[t];
    RunTask(paths[task.file], plan.files[task.file], task, schema, options.mode, worker, &out);
    if (!out.failed && out.status.ok()) return;
    size_t seen = first_failed.load();
    while (t < seen && !first_failed.compare_exchange_weak(seen, t)) {
    }
  });
  return outputs;
}

// Concatenates the tasks' columns field by field, fields in parallel.
Result<Table> MergeColumns(const Schema& schema, std::vector<ChunkOutput>& outputs, int threads) {
  std::vector<Column> columns = MakeColumns(schema);
  size_t rows = 0;
  for (const ChunkOutput& out : outputs) rows += out.loaded;
  ParallelFor(columns.size(), threads, [&](size_t c, int) {
    columns[c].Reserve(rows);
    VisitPhysical(schema.field(c).type,
                  [&](auto t) { AdviseHugePages(columns[c].data<decltype(t)>()); });
    for (ChunkOutput& out : outputs) {
      if (out.columns.empty()) continue;
      columns[c].AppendColumn(out.columns[c]);
      out.columns[c] = Column(schema.field(c).type);  // free as we go
    }
  });
  return Table::Make(schema, std::move(columns));
}

// Sums the counts, fixes up line numbers and collects the rejects, in task
// order; returns the first error or (kFail) the first bad record.
Status Account(const std::vector<std::string>& paths, const InputPlan& plan,
               std::vector<ChunkOutput>& outputs, IngestResult* result) {
  IngestStats& s = result->stats;
  s.files = paths.size();
  for (const FileInput& f : plan.files) s.bytes += f.json_bytes;
  uint64_t line_base = 0;  // lines of the same file in earlier tasks
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    if (t > 0 && plan.tasks[t].file != plan.tasks[t - 1].file) line_base = 0;
    ChunkOutput& out = outputs[t];
    STEDI_RETURN_IF_ERROR(out.status);
    for (RejectedRecord& r : out.rejects) {
      r.file = paths[plan.tasks[t].file];
      r.line += line_base;
    }
    if (out.failed) {
      const RejectedRecord& r = out.rejects.back();
      return Status::BadRecord(r.file + ":" + std::to_string(r.line) + ": " + r.reason);
    }
    line_base += out.lines;
    s.lines_read += out.lines;
    s.records_loaded += out.loaded;
    s.records_rejected += out.rejected;
    s.blank_lines += out.blank;
    s.unknown_fields += out.unknown_fields;
    std::move(out.rejects.begin(), out.rejects.end(), std::back_inserter(result->rejected));
    out.rejects.clear();
  }
  return Status::OK();
}

}  // namespace

Result<IngestResult> IngestFiles(const std::vector<std::string>& files, const Schema& schema,
                                 const IngestOptions& options) {
  STEDI_RETURN_IF_ERROR(CheckSchema(schema));
  const int threads = ResolveThreads(options.threads);
  const uint64_t chunk_bytes =
      options.chunk_bytes > 0 ? options.chunk_bytes : DefaultChunkBytes(files, threads);
  STEDI_ASSIGN_OR_RETURN(InputPlan plan, PlanInput(files, chunk_bytes, threads));
  std::vector<ChunkOutput> outputs = RunAll(files, plan, schema, options, threads);
  IngestResult result;
  STEDI_RETURN_IF_ERROR(Account(files, plan, outputs, &result));
  plan.files.clear();  // free whole-file buffers before the merge allocates
  STEDI_ASSIGN_OR_RETURN(result.table, MergeColumns(schema, outputs, threads));
  return result;
}

}  // namespace stedi
