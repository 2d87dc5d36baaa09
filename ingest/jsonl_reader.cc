#include "ingest/jsonl_reader.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <memory>

#include "ingest/array_elements.h"
#include "ingest/chunk_parser.h"
#include "ingest/padded_text.h"
#include "ingest/parallel_for.h"
#include "ingest/record_parser.h"

namespace stedi {

namespace {

// One parallel task: a run of whole lines of one file, or one array file.
struct Task {
  size_t file = 0;
  size_t begin = 0;
  size_t end = 0;
  bool is_array = false;
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

// Loads every file on the pool; the first error in file order wins.
Status LoadAll(const std::vector<std::string>& files, int threads, std::vector<PaddedText>* texts) {
  texts->resize(files.size());
  std::vector<Status> status(files.size());
  ParallelFor(files.size(), threads, [&](size_t i, int) {
    auto loaded = LoadTextFile(files[i]);
    if (loaded.ok()) {
      (*texts)[i] = std::move(loaded).value();
    } else {
      status[i] = loaded.status();
    }
  });
  for (const Status& s : status) STEDI_RETURN_IF_ERROR(s);
  return Status::OK();
}

// Enough tasks per thread to even out uneven files, each big enough that
// per-task costs (column setup, merging) stay small.
size_t ChunkBytes(const std::vector<PaddedText>& texts, int threads, size_t requested) {
  if (requested > 0) return requested;
  size_t total = 0;
  for (const PaddedText& t : texts) total += t.size();
  const size_t per_task = total / (static_cast<size_t>(threads) * 4);
  return std::clamp<size_t>(per_task, size_t{1} << 20, size_t{16} << 20);
}

std::vector<Task> PlanTasks(const std::vector<PaddedText>& texts, size_t chunk_bytes) {
  std::vector<Task> tasks;
  for (size_t f = 0; f < texts.size(); ++f) {
    const std::string_view text = texts[f].view();
    if (IsJsonArrayText(text)) {
      tasks.push_back(Task{f, 0, text.size(), true});
      continue;
    }
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.size();
      if (text.size() - begin > chunk_bytes) {
        const size_t nl = text.find('\n', begin + chunk_bytes - 1);
        if (nl != std::string_view::npos) end = nl + 1;
      }
      tasks.push_back(Task{f, begin, end, false});
      begin = end;
    }
  }
  return tasks;
}

// Parses every task on the pool. In kFail mode, tasks after the first one
// that failed are not needed, so they are skipped.
void ParseAll(const std::vector<PaddedText>& texts, const std::vector<Task>& tasks,
              const Schema& schema, const IngestOptions& options, int threads,
              std::vector<ChunkOutput>* outputs) {
  outputs->resize(tasks.size());
  std::vector<std::unique_ptr<RecordParser>> parsers(static_cast<size_t>(threads));
  std::atomic<size_t> first_failed{std::numeric_limits<size_t>::max()};
  ParallelFor(tasks.size(), threads, [&](size_t t, int worker) {
    if (t > first_failed.load(std::memory_order_relaxed)) return;
    auto& parser = parsers[static_cast<size_t>(worker)];
    if (!parser) parser = std::make_unique<RecordParser>(schema, options.max_record_bytes);
    const Task& task = tasks[t];
    const std::string_view text = texts[task.file].view().substr(task.begin, task.end - task.begin);
    ChunkOutput& out = (*outputs)[t];
    out.columns = MakeColumns(schema);
    if (task.is_array) {
      ParseArray(text, options.mode, *parser, &out);
    } else {
      ParseLines(text, options.mode, *parser, &out);
    }
    if (!out.failed) return;
    size_t seen = first_failed.load();
    while (t < seen && !first_failed.compare_exchange_weak(seen, t)) {
    }
  });
}

// Concatenates the tasks' columns field by field, fields in parallel.
Result<Table> MergeColumns(const Schema& schema, std::vector<ChunkOutput>& outputs, int threads) {
  std::vector<Column> columns = MakeColumns(schema);
  size_t rows = 0;
  for (const ChunkOutput& out : outputs) rows += out.loaded;
  ParallelFor(columns.size(), threads, [&](size_t c, int) {
    columns[c].Reserve(rows);
    for (ChunkOutput& out : outputs) {
      columns[c].AppendColumn(out.columns[c]);
      out.columns[c] = Column(schema.field(c).type);  // free as we go
    }
  });
  return Table::Make(schema, std::move(columns));
}

}  // namespace

Result<IngestResult> IngestFiles(const std::vector<std::string>& files, const Schema& schema,
                                 const IngestOptions& options) {
  STEDI_RETURN_IF_ERROR(CheckSchema(schema));
  const int threads = ResolveThreads(options.threads);
  std::vector<PaddedText> texts;
  STEDI_RETURN_IF_ERROR(LoadAll(files, threads, &texts));
  const std::vector<Task> tasks = PlanTasks(texts, ChunkBytes(texts, threads, options.chunk_bytes));
  std::vector<ChunkOutput> outputs;
  ParseAll(texts, tasks, schema, options, threads, &outputs);

  IngestResult result;
  result.stats.files = files.size();
  for (const PaddedText& t : texts) result.stats.bytes += t.size();
  texts.clear();
  texts.shrink_to_fit();
  uint64_t line_base = 0;  // lines of the same file in earlier tasks
  for (size_t t = 0; t < tasks.size(); ++t) {
    if (t > 0 && tasks[t].file != tasks[t - 1].file) line_base = 0;
    ChunkOutput& out = outputs[t];
    for (RejectedRecord& r : out.rejects) {
      r.file = files[tasks[t].file];
      r.line += line_base;
    }
    if (out.failed) {
      const RejectedRecord& r = out.rejects.back();
      return Status::BadRecord(r.file + ":" + std::to_string(r.line) + ": " + r.reason);
    }
    line_base += out.lines;
    IngestStats& s = result.stats;
    s.lines_read += out.lines;
    s.records_loaded += out.loaded;
    s.records_rejected += out.rejected;
    s.blank_lines += out.blank;
    s.unknown_fields += out.unknown_fields;
    std::move(out.rejects.begin(), out.rejects.end(), std::back_inserter(result.rejected));
    out.rejects.clear();
  }
  STEDI_ASSIGN_OR_RETURN(result.table, MergeColumns(schema, outputs, threads));
  return result;
}

}  // namespace stedi
