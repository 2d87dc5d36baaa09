// KeepFreedMemory: tunes the C library's malloc (glibc) for one big build in
// one process, where tables of tens of MB are freed and others allocated
// again all the time.
//
// By default glibc serves blocks over 128 KiB-32 MiB with mmap and unmaps
// them on free, gives each thread its own arena, and trims free heap back to
// the kernel; every new block is then fresh memory, and a first touch of
// fresh memory costs a page fault and a page clear (slow on VMs: a quarter of
// a scale-30 build's CPU was in page faults). This keeps freed memory in the
// process for the next allocation instead: one arena, every block from the
// heap, no trimming. Peak RSS went down (scale 30: 381 to 358 MB; one arena
// packs the writer threads' blocks with the rest), but freed memory is only
// handed back at exit, so it is a policy for a program run, called from main
// before any thread starts, not something a library decides. A program that
// runs BuildLake without it gets glibc's defaults: per-thread arenas, and
// (measured before this existed) a peak RSS 15-25% higher at scale 30.
#pragma once

namespace stedi {

// Returns false when the C library refused a setting (only speed is lost).
bool KeepFreedMemory();

}  // namespace stedi
