// AdviseHugePages: asks the kernel to back a large buffer with huge pages.
//
// Ingest writes its output columns once, front to back, into fresh memory:
// with 4 KiB pages a sizeable share of its time goes to page faults. Where
// transparent huge pages are in `madvise` mode (the Debian default), advising
// a buffer before it is first written makes one fault per 2 MiB instead of
// per 4 KiB. Advice only: nothing changes where the kernel declines.
#pragma once

#include <cstddef>
#include <vector>

namespace stedi {

// Advises the whole 2 MiB pages inside [data, data + bytes), if any.
void AdviseHugePages(void* data, size_t bytes);

// Faults in the pages of [data, data + bytes) now, zero-filled, without
// writing to pages already present: safe while other threads write values
// there. Lets a thread fault pages in ahead of the one that will write them,
// off that thread's path. Advice only: a kernel without
// MADV_POPULATE_WRITE (before Linux 5.14) leaves the faults to the writer.
void PopulatePages(void* data, size_t bytes);

// Advises the capacity of `v`.
template <typename T>
void AdviseHugePages(std::vector<T>& v) {
  AdviseHugePages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace stedi
