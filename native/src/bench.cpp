// Pure C++ loops timed natively: the baseline the C# benchmark compares against.
#include "common.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>

namespace {
template <typename F>
double seconds(F&& body) {
  auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

// Seconds for iters float32 n x n matmuls (after one warm-up).
RT_API double rt_bench_matmul(int64_t n, int64_t iters) {
  RT_TRY
  at::NoGradGuard no_grad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(0);
  auto a = at::randn({n, n}, gen, at::kFloat);
  auto b = at::randn({n, n}, gen, at::kFloat);
  auto c = a.matmul(b);
  return seconds([&] {
    for (int64_t i = 0; i < iters; ++i) c = a.matmul(b);
  });
  RT_CATCH(-1.0)
}

// Seconds for iters additions of two 1-element float32 tensors.
RT_API double rt_bench_tiny_add(int64_t iters) {
  RT_TRY
  at::NoGradGuard no_grad;
  auto a = at::ones({1});
  auto b = at::ones({1});
  auto c = a.add(b);
  return seconds([&] {
    for (int64_t i = 0; i < iters; ++i) c = a.add(b);
  });
  RT_CATCH(-1.0)
}
