#include "ingest/jsonl_reader.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <iterator>
#include <limits>
#include <memory>

#include "core/parallel_for.h"
#include "ingest/chunk_parser.h"
#include "ingest/file_range_reader.h"
#include "ingest/input_plan.h"
#include "ingest/record_count.h"
#include "ingest/record_parser.h"
#include "ingest/table_assembly.h"

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

// Reads the task's text, claims a row per line (or element) of it, and
// parses it into those rows.
void RunTask(const std::string& path, const FileInput& file, size_t t, const IngestTask& task,
             BadRecordMode mode, TableAssembly& assembly, Worker& worker, ChunkOutput* out) {
  std::string_view text;
  if (!file.in_memory) {
    out->status = ReadFileRange(path, task.begin, task.end, &worker.window, &text);
    if (!out->status.ok()) return assembly.Skip(t);
  } else {
    text = file.text.view().substr(task.begin, static_cast<size_t>(task.end - task.begin));
  }
  const uint64_t rows = file.is_array ? CountArrayElements(text) : CountLines(text);
  ChunkParser chunk(mode, *worker.parser, assembly.Claim(t, rows), out);
  if (file.is_array) {
    chunk.TakeArray(text);
  } else {
    chunk.TakeLines(text);
  }
  chunk.Finish();
  // Counted from the very text parsed: more records than rows is a bug.
  assert(!out->overflow);
  if (out->overflow) out->status = Status::Internal(path + ": more records than lines counted");
}

// Runs every task on the pool. Once a task has failed (kFail mode, or an I/O
// error), tasks after it are not needed, so they are skipped.
void RunAll(const std::vector<std::string>& paths, const InputPlan& plan, const Schema& schema,
            const IngestOptions& options, int threads, TableAssembly& assembly,
            std::vector<ChunkOutput>& outputs) {
  std::vector<Worker> workers(static_cast<size_t>(threads));
  std::atomic<size_t> first_failed{std::numeric_limits<size_t>::max()};
  ParallelFor(plan.tasks.size(), threads, [&](size_t t, int w) {
    if (t > first_failed.load(std::memory_order_relaxed)) return assembly.Skip(t);
    Worker& worker = workers[static_cast<size_t>(w)];
    if (!worker.parser) {
      worker.parser = std::make_unique<RecordParser>(schema, options.max_record_bytes);
    }
    const IngestTask& task = plan.tasks[t];
    ChunkOutput& out = outputs[t];
    RunTask(paths[task.file], plan.files[task.file], t, task, options.mode, assembly, worker, &out);
    if (!out.failed && out.status.ok()) return;
    size_t seen = first_failed.load();
    while (t < seen && !first_failed.compare_exchange_weak(seen, t)) {
    }
  });
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
  uint64_t expected_rows = 0;
  for (const FileInput& f : plan.files) expected_rows += f.expected_records;
  TableAssembly assembly(schema, plan.tasks.size(), expected_rows);
  std::vector<ChunkOutput> outputs(plan.tasks.size());
  RunAll(files, plan, schema, options, threads, assembly, outputs);
  IngestResult result;
  STEDI_RETURN_IF_ERROR(Account(files, plan, outputs, &result));
  plan.files.clear();  // whole-file buffers are not needed any more
  STEDI_ASSIGN_OR_RETURN(result.table, assembly.Finish(outputs, threads));
  return result;
}

}  // namespace stedi
