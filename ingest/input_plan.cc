#include "ingest/input_plan.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "core/parallel_for.h"
#include "ingest/array_elements.h"
#include "ingest/decompress.h"
#include "ingest/file_range_reader.h"
#include "ingest/record_count.h"

namespace stedi {

namespace {

Status OpenError(const std::string& path, const char* what) {
  std::string msg = path + ": " + what + ": " + std::strerror(errno);
  return errno == ENOENT ? Status::NotFound(std::move(msg)) : Status::IOError(std::move(msg));
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Lines in `head` (of a file of `bytes` bytes) scaled to the whole file, with
// a margin for lines longer than the head's.
uint64_t EstimateLines(std::string_view head, uint64_t bytes) {
  if (head.empty()) return 0;
  const double per_byte = static_cast<double>(CountNewlines(head) + 1) / head.size();
  return static_cast<uint64_t>(per_byte * static_cast<double>(bytes) * 1.25) + 16;
}

// Looks at the head of the file: compressed? a JSON array? a byte order mark?
Status Classify(int fd, const std::string& path, uint64_t bytes, FileInput* in, bool* has_bom) {
  char head[4096];
  uint64_t offset = 0;
  for (;;) {
    const ssize_t n = ::pread(fd, head, sizeof head, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return OpenError(path, "read failed");
    std::string_view view(head, static_cast<size_t>(n));
    if (offset == 0) {
      if (DetectCodec(view) != Codec::kNone) {
        in->in_memory = true;
        return Status::OK();
      }
      *has_bom = view.substr(0, 3) == "\xEF\xBB\xBF";
      if (*has_bom) view.remove_prefix(3);
      in->expected_records = EstimateLines(view, bytes);
    }
    // Leading whitespace can be long; keep reading until the first real byte.
    const auto it = std::find_if_not(view.begin(), view.end(), IsJsonSpace);
    if (it != view.end()) {
      in->is_array = in->in_memory = *it == '[';
      return Status::OK();
    }
    if (n == 0) return Status::OK();
    offset += static_cast<uint64_t>(n);
  }
}

Status PlanFile(const std::string& path, FileInput* in) {
  // O_NONBLOCK: a FIFO without a writer must not block the open (it is
  // only classified here; LoadTextFile reads it).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return OpenError(path, "cannot open");
  struct stat st;
  bool has_bom = false;
  Status status;
  if (::fstat(fd, &st) != 0) {
    status = OpenError(path, "cannot stat");
  } else if (S_ISDIR(st.st_mode)) {
    status = Status::IOError(path + ": is a directory, not a file");
  } else if (!S_ISREG(st.st_mode)) {
    in->in_memory = true;  // a pipe or device: no ranges, read it once
  } else {
    status = Classify(fd, path, static_cast<uint64_t>(st.st_size), in, &has_bom);
  }
  ::close(fd);
  STEDI_RETURN_IF_ERROR(status);
  in->disk_bytes = static_cast<uint64_t>(st.st_size);
  if (!in->in_memory) {
    in->json_bytes = in->disk_bytes - (has_bom ? 3 : 0);
    return Status::OK();
  }
  STEDI_ASSIGN_OR_RETURN(in->text, LoadTextFile(path));
  in->json_bytes = in->text.size();
  in->is_array = IsJsonArrayText(in->text.view());
  in->expected_records =
      in->is_array ? CountArrayElements(in->text.view()) : CountLines(in->text.view());
  return Status::OK();
}

void AddTasks(size_t f, const FileInput& in, uint64_t chunk_bytes, std::vector<IngestTask>* tasks) {
  if (in.is_array) {
    tasks->push_back(IngestTask{f, 0, in.text.size()});
    return;
  }
  if (!in.in_memory) {
    // Byte ranges; the reader moves each boundary to a line start.
    const uint64_t size = in.disk_bytes;
    for (uint64_t begin = 0; begin < size; begin += chunk_bytes) {
      tasks->push_back(IngestTask{f, begin, std::min(size, begin + chunk_bytes)});
    }
    return;
  }
  const std::string_view text = in.text.view();
  for (uint64_t begin = 0; begin < text.size();) {
    uint64_t end = text.size();
    if (text.size() - begin > chunk_bytes) {
      const size_t nl = text.find('\n', begin + chunk_bytes - 1);
      if (nl != std::string_view::npos) end = nl + 1;
    }
    tasks->push_back(IngestTask{f, begin, end});
    begin = end;
  }
}

}  // namespace

uint64_t DefaultChunkBytes(const std::vector<std::string>& paths, int threads) {
  uint64_t total = 0;
  for (const std::string& p : paths) {
    struct stat st;
    if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += st.st_size;
  }
  const uint64_t per_task = total / (static_cast<uint64_t>(threads) * 4);
  // A task's range is read whole before it is parsed: at most a window, so
  // that it is parsed from cache (with room for its last line).
  return std::clamp<uint64_t>(per_task, uint64_t{256} << 10, kRangeWindowBytes - (64 << 10));
}

Result<InputPlan> PlanInput(const std::vector<std::string>& paths, uint64_t chunk_bytes,
                            int threads) {
  InputPlan plan;
  plan.files.resize(paths.size());
  std::vector<Status> status(paths.size());
  ParallelFor(paths.size(), threads,
              [&](size_t i, int) { status[i] = PlanFile(paths[i], &plan.files[i]); });
  for (const Status& s : status) STEDI_RETURN_IF_ERROR(s);
  for (size_t f = 0; f < paths.size(); ++f) AddTasks(f, plan.files[f], chunk_bytes, &plan.tasks);
  return plan;
}

}  // namespace stedi
