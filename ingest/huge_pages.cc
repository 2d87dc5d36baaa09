#include "ingest/huge_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace stedi {

namespace {

// madvise on the whole `unit`-aligned blocks inside [data, data + bytes)
// only: the bytes around them may belong to other allocations, or not be
// mapped. Advice: a failure costs speed, nothing else.
void AdviseWholeBlocks(void* data, size_t bytes, uintptr_t unit, int advice) {
  const auto begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t first = (begin + unit - 1) & ~(unit - 1);
  const uintptr_t last = (begin + bytes) & ~(unit - 1);
  if (data != nullptr && last > first) {
    ::madvise(reinterpret_cast<void*>(first), last - first, advice);
  }
}

}  // namespace

void AdviseHugePages(void* data, size_t bytes) {
#ifdef MADV_HUGEPAGE
  AdviseWholeBlocks(data, bytes, uintptr_t{2} << 20, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

void PopulatePages(void* data, size_t bytes) {
#ifndef MADV_POPULATE_WRITE
  constexpr int MADV_POPULATE_WRITE = 23;  // Linux 5.14; older headers lack it
#endif
  AdviseWholeBlocks(data, bytes, static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE)),
                    MADV_POPULATE_WRITE);
}

}  // namespace stedi
