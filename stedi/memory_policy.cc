#include "stedi/memory_policy.h"

#if __has_include(<malloc.h>)
#include <malloc.h>  // defines __GLIBC__ under glibc
#endif

namespace stedi {

bool KeepFreedMemory() {
#if defined(__GLIBC__)
  constexpr int kNever = 1 << 30;  // bytes: larger than any one block a build asks for
  bool ok = mallopt(M_ARENA_MAX, 1) == 1;
  ok = mallopt(M_MMAP_THRESHOLD, kNever) == 1 && ok;
  ok = mallopt(M_TRIM_THRESHOLD, kNever) == 1 && ok;
  return ok;
#else
  return true;  // other allocators keep their own policy
#endif
}

}  // namespace stedi
