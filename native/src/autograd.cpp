// Autograd and execution-mode switches (grad mode, autocast).
#include "common.h"

#include <ATen/autocast_mode.h>

using rt::T;

// Returns the previous state so scopes can restore it (thread-local in libtorch).
RT_API int32_t rt_set_grad_enabled(int32_t enabled) {
  bool previous = at::GradMode::is_enabled();
  at::GradMode::set_enabled(enabled != 0);
  return previous ? 1 : 0;
}

RT_API int32_t rt_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

// grad may be null for scalar outputs.
RT_API int32_t rt_backward(void* h, void* grad, int32_t retain_graph) {
  RT_TRY
  auto& t = T(h);
  at::Tensor g = grad != nullptr ? T(grad) : at::Tensor();
  t.backward(g, retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt);
  return 0;
  RT_CATCH(-1)
}

// Null without an error when the tensor has no gradient yet.
RT_API void* rt_tensor_grad(void* h) {
  RT_TRY
  const auto& g = T(h).grad();
  return g.defined() ? rt::wrap(g) : nullptr;
  RT_CATCH(nullptr)
}

// Drops the gradient (PyTorch's set_to_none=True): cheaper than zeroing and lets
// optimisers skip parameters that took no part in the last backward.
RT_API int32_t rt_tensor_zero_grad(void* h) {
  RT_TRY
  T(h).mutable_grad().reset();
  return 0;
  RT_CATCH(-1)
}

// ---- autocast -----------------------------------------------------------------------
// Only CUDA autocast is wired up (bf16/fp16); on the CPU the scope is a no-op by design.
// The API was renamed per device type in 2.4; the old names are deprecated there.

RT_API int32_t rt_autocast_enter(int32_t dtype) {
  RT_TRY
#if RT_TORCH_AT_LEAST(2, 4)
  bool previous = at::autocast::is_autocast_enabled(at::kCUDA);
  at::autocast::set_autocast_dtype(at::kCUDA, rt::dtype(dtype));
  at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
  bool previous = at::autocast::is_enabled();
  at::autocast::set_autocast_gpu_dtype(rt::dtype(dtype));
  at::autocast::set_enabled(true);
#endif
  at::autocast::increment_nesting();
  return previous ? 1 : 0;
  RT_CATCH(-1)
}

RT_API int32_t rt_autocast_exit(int32_t previous) {
  RT_TRY
  // The cast cache only lives as long as the outermost autocast region.
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
#if RT_TORCH_AT_LEAST(2, 4)
  at::autocast::set_autocast_enabled(at::kCUDA, previous != 0);
#else
  at::autocast::set_enabled(previous != 0);
#endif
  return 0;
  RT_CATCH(-1)
}

RT_API int32_t rt_autocast_is_enabled() {
#if RT_TORCH_AT_LEAST(2, 4)
  return at::autocast::is_autocast_enabled(at::kCUDA) ? 1 : 0;
#else
  return at::autocast::is_enabled() ? 1 : 0;
#endif
}
