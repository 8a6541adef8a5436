// Error channel, threading and device queries.
#include "common.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

namespace {
thread_local std::string last_error;
thread_local bool has_error = false;
}  // namespace

void rt::set_error(const char* message) {
  last_error = message;
  has_error = true;
}

std::vector<at::Tensor> rt::list(void** handles, int32_t count) {
  std::vector<at::Tensor> out;
  out.reserve(count);
  for (int32_t i = 0; i < count; ++i) out.push_back(T(handles[i]));
  return out;
}

// Null when the calling thread has no pending error.
RT_API const char* rt_last_error() { return has_error ? last_error.c_str() : nullptr; }

RT_API void rt_clear_error() {
  has_error = false;
  last_error.clear();
}

RT_API const char* rt_torch_version() { return TORCH_VERSION; }

RT_API int32_t rt_set_num_threads(int32_t n) {
  RT_TRY
  at::set_num_threads(n);
  return 0;
  RT_CATCH(-1)
}

RT_API int32_t rt_get_num_threads() { return at::get_num_threads(); }

RT_API int32_t rt_cuda_is_available() {
  RT_TRY return torch::cuda::is_available() ? 1 : 0;
  RT_CATCH(0)
}

RT_API int32_t rt_cuda_device_count() {
  RT_TRY return static_cast<int32_t>(torch::cuda::device_count());
  RT_CATCH(0)
}

RT_API void rt_manual_seed(uint64_t seed) {
  RT_TRY
  auto gen = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  gen.set_current_seed(seed);
  if (torch::cuda::is_available()) torch::cuda::manual_seed_all(seed);
  RT_CATCH()
}
