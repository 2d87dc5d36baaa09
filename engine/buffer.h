// Buffer<T>: an uninitialized, move-only array for large scratch data of
// trivially copyable T (sort keys, row pairs). std::vector zero-fills on
// resize; on fresh memory that fill is a page fault per 4 KB. Buffers of
// 2 MB and more ask the kernel for transparent huge pages, which cuts the
// faults 512-fold (measured: the 10M-row join spent over a third of its time
// in page faults with std::vector).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <span>
#include <type_traits>
#include <utility>

namespace stedi {

// What becomes of a large block when its Buffer is freed. kKeep: it is kept
// (up to a bound) for the next Buffer: on this class of VM, first-touch page
// zeroing of fresh memory cost more than the join itself. kRelease: it goes
// back to malloc at once, for any later allocation to reuse: for one-off
// arrays as large as a whole table (a sort's keys), which kept blocks
// would hold for the rest of a lake build (scale 30: +80 MiB peak).
enum class BlockReuse { kKeep, kRelease };

void* AllocateLarge(size_t bytes);  // never null; aborts when out of memory
void FreeLarge(void* p, size_t bytes, BlockReuse reuse = BlockReuse::kKeep);

template <typename T>
class Buffer {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  Buffer() = default;
  // n elements with unspecified contents.
  explicit Buffer(size_t n, BlockReuse reuse = BlockReuse::kKeep)
      : data_(n ? static_cast<T*>(AllocateLarge(n * sizeof(T))) : nullptr),
        size_(n),
        reuse_(reuse) {}
  Buffer(Buffer&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        reuse_(o.reuse_) {}
  Buffer& operator=(Buffer&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(reuse_, o.reuse_);
    return *this;
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() { FreeLarge(data_, size_ * sizeof(T), reuse_); }

  T* data() { return data_; }
  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  operator std::span<const T>() const { return {data_, size_}; }  // NOLINT: views convert freely

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
  BlockReuse reuse_ = BlockReuse::kKeep;
};

}  // namespace stedi
