#include "engine/buffer.h"

#include <sys/mman.h>

#include <cstdio>
#include <mutex>
#include <vector>

namespace stedi {

namespace {

constexpr size_t kHugePage = size_t{2} << 20;
// Bytes of freed blocks kept for reuse; beyond this they go back to the system.
constexpr size_t kCacheLimit = size_t{2} << 30;

struct Block {
  void* p;
  size_t capacity;
};

struct BlockCache {
  std::mutex mu;
  std::vector<Block> blocks;
  size_t bytes = 0;
};

BlockCache& Cache() {
  static BlockCache* cache = new BlockCache();  // never destroyed: used until exit
  return *cache;
}

size_t Capacity(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

// The smallest cached block that fits, or null.
void* TakeCached(size_t capacity) {
  BlockCache& c = Cache();
  std::lock_guard<std::mutex> lock(c.mu);
  size_t best = c.blocks.size();
  for (size_t i = 0; i < c.blocks.size(); ++i) {
    if (c.blocks[i].capacity >= capacity &&
        (best == c.blocks.size() || c.blocks[i].capacity < c.blocks[best].capacity)) {
      best = i;
    }
  }
  if (best == c.blocks.size()) return nullptr;
  void* p = c.blocks[best].p;
  c.bytes -= c.blocks[best].capacity;
  c.blocks.erase(c.blocks.begin() + best);
  return p;
}

}  // namespace

void* AllocateLarge(size_t bytes) {
  void* p = nullptr;
  if (bytes >= kHugePage) {
    const size_t capacity = Capacity(bytes);
    p = TakeCached(capacity);
    if (!p) {
      p = std::aligned_alloc(kHugePage, capacity);
      if (p) madvise(p, capacity, MADV_HUGEPAGE);  // a hint: failure only costs speed
    }
  } else {
    p = std::malloc(bytes);
  }
  if (!p) {
    std::fprintf(stderr, "stedi: out of memory allocating %zu bytes\n", bytes);
    std::abort();
  }
  return p;
}

void FreeLarge(void* p, size_t bytes, BlockReuse reuse) {
  if (!p) return;
  if (bytes >= kHugePage && reuse == BlockReuse::kKeep) {
    // Blocks are only reused when big enough, so the recorded capacity is
    // the allocation size rounded like AllocateLarge rounds it; a reused
    // block larger than that just gives away its tail.
    const size_t capacity = Capacity(bytes);
    BlockCache& c = Cache();
    std::lock_guard<std::mutex> lock(c.mu);
    if (c.bytes + capacity <= kCacheLimit) {
      c.blocks.push_back({p, capacity});
      c.bytes += capacity;
      return;
    }
  }
  std::free(p);
}

}  // namespace stedi
