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

// Advises the capacity of `v`.
template <typename T>
void AdviseHugePages(std::vector<T>& v) {
  AdviseHugePages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace stedi
