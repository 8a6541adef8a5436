// Tensor lifecycle, metadata, raw data transfer, factories and random numbers.
#include "common.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cstring>

using rt::T;

RT_API void rt_tensor_free(void* h) { delete static_cast<at::Tensor*>(h); }

RT_API int32_t rt_tensor_dim(void* h) {
  RT_TRY return static_cast<int32_t>(T(h).dim());
  RT_CATCH(-1)
}

// Writes dim() sizes into out.
RT_API int32_t rt_tensor_shape(void* h, int64_t* out) {
  RT_TRY
  auto sizes = T(h).sizes();
  std::copy(sizes.begin(), sizes.end(), out);
  return 0;
  RT_CATCH(-1)
}

RT_API int32_t rt_tensor_dtype(void* h) {
  RT_TRY return static_cast<int32_t>(T(h).scalar_type());
  RT_CATCH(-1)
}

RT_API int32_t rt_tensor_device_type(void* h) {
  RT_TRY return static_cast<int32_t>(T(h).device().type());
  RT_CATCH(-1)
}

RT_API int32_t rt_tensor_device_index(void* h) {
  RT_TRY return static_cast<int32_t>(T(h).device().index());
  RT_CATCH(-2)
}

RT_API int32_t rt_tensor_requires_grad(void* h) {
  RT_TRY return T(h).requires_grad() ? 1 : 0;
  RT_CATCH(-1)
}

RT_API int32_t rt_tensor_set_requires_grad(void* h, int32_t value) {
  RT_TRY
  T(h).requires_grad_(value != 0);
  return 0;
  RT_CATCH(-1)
}

// Copies element data (CPU, little-endian, row-major) into a new tensor that owns it.
RT_API void* rt_tensor_from_data(const void* data, const int64_t* shape, int32_t ndim, int32_t dtype,
                                 int32_t device_type, int32_t device_index) {
  RT_TRY
  auto cpu = at::empty(rt::dims(shape, ndim), at::TensorOptions().dtype(rt::dtype(dtype)));
  if (cpu.numel() > 0) std::memcpy(cpu.data_ptr(), data, cpu.nbytes());
  return rt::wrap(device_type == 0 ? cpu : cpu.to(rt::device(device_type, device_index)));
  RT_CATCH(nullptr)
}

// Copies a CPU tensor's elements (row-major) into dst; nbytes must match exactly.
RT_API int32_t rt_tensor_copy_to(void* h, void* dst, int64_t nbytes) {
  RT_TRY
  auto& t = T(h);
  TORCH_CHECK(t.device().is_cpu(), "tensor is on ", t.device(),
              "; move it to the CPU (tensor.cpu()) before reading its data");
  auto c = t.contiguous();
  TORCH_CHECK(static_cast<int64_t>(c.nbytes()) == nbytes, "destination holds ", nbytes,
              " bytes but the tensor has ", c.nbytes());
  if (nbytes > 0) std::memcpy(dst, c.data_ptr(), nbytes);
  return 0;
  RT_CATCH(-1)
}

RT_API double rt_tensor_item_double(void* h) {
  RT_TRY return T(h).item<double>();
  RT_CATCH(0.0)
}

RT_API int64_t rt_tensor_item_long(void* h) {
  RT_TRY return T(h).item<int64_t>();
  RT_CATCH(0)
}

// Copies src into dst in place (shapes must broadcast; dtype/device converted).
RT_API int32_t rt_tensor_copy_(void* dst, void* src) {
  RT_TRY
  at::NoGradGuard no_grad;
  T(dst).copy_(T(src));
  return 0;
  RT_CATCH(-1)
}

// Replaces the tensor behind a handle with a converted copy, keeping requires_grad; used
// by Module.to so parameter objects stay the same .NET instances.
RT_API int32_t rt_tensor_to_inplace(void* h, int32_t dtype, int32_t device_type, int32_t device_index) {
  RT_TRY
  auto& t = T(h);
  bool rg = t.requires_grad();
  at::Tensor moved;
  {
    at::NoGradGuard no_grad;
    moved = t.to(rt::device(device_type, device_index), rt::dtype(dtype));
  }
  t = moved.detach().requires_grad_(rg);
  return 0;
  RT_CATCH(-1)
}

RT_TENSOR_FN(rt_tensor_to, (void* h, int32_t dtype, int32_t device_type, int32_t device_index),
             T(h).to(rt::device(device_type, device_index), rt::dtype(dtype)))

RT_TENSOR_FN(rt_zeros, (const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di),
             at::zeros(rt::dims(shape, ndim), rt::options(dtype, dt, di)))
RT_TENSOR_FN(rt_ones, (const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di),
             at::ones(rt::dims(shape, ndim), rt::options(dtype, dt, di)))
RT_TENSOR_FN(rt_full,
             (const int64_t* shape, int32_t ndim, double value, int32_t dtype, int32_t dt, int32_t di),
             at::full(rt::dims(shape, ndim), value, rt::options(dtype, dt, di)))
RT_TENSOR_FN(rt_arange, (double start, double end, double step, int32_t dtype, int32_t dt, int32_t di),
             at::arange(start, end, step, rt::options(dtype, dt, di)))
RT_TENSOR_FN(rt_linspace, (double start, double end, int64_t steps, int32_t dtype, int32_t dt, int32_t di),
             at::linspace(start, end, steps, rt::options(dtype, dt, di)))

// ---- random -------------------------------------------------------------------------
// Samples are always drawn on the CPU from a CPU generator and then moved, so a seed
// gives the same numbers on every device.

RT_API void* rt_generator_new(uint64_t seed) {
  RT_TRY return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
  RT_CATCH(nullptr)
}

RT_API void rt_generator_free(void* g) { delete static_cast<at::Generator*>(g); }

namespace {
c10::optional<at::Generator> gen(void* g) {
  if (g == nullptr) return c10::nullopt;
  return *static_cast<at::Generator*>(g);
}

at::Tensor place(at::Tensor cpu, int32_t dt, int32_t di) {
  return dt == 0 ? cpu : cpu.to(rt::device(dt, di));
}
}  // namespace

RT_TENSOR_FN(rt_randn, (const int64_t* shape, int32_t ndim, void* g, int32_t dtype, int32_t dt, int32_t di),
             place(at::randn(rt::dims(shape, ndim), gen(g), at::TensorOptions().dtype(rt::dtype(dtype))), dt, di))
RT_TENSOR_FN(rt_rand, (const int64_t* shape, int32_t ndim, void* g, int32_t dtype, int32_t dt, int32_t di),
             place(at::rand(rt::dims(shape, ndim), gen(g), at::TensorOptions().dtype(rt::dtype(dtype))), dt, di))
RT_TENSOR_FN(rt_randint,
             (int64_t low, int64_t high, const int64_t* shape, int32_t ndim, void* g, int32_t dtype, int32_t dt,
              int32_t di),
             place(at::randint(low, high, rt::dims(shape, ndim), gen(g), at::TensorOptions().dtype(rt::dtype(dtype))),
                   dt, di))
// In-place uniform fill on [low, high): parameter initialisation.
RT_API int32_t rt_uniform_(void* h, double low, double high, void* g) {
  RT_TRY
  at::NoGradGuard no_grad;
  auto& t = T(h);
  if (t.device().is_cpu()) {
    t.uniform_(low, high, gen(g));
  } else {
    t.copy_(at::empty(t.sizes(), t.options().device(at::kCPU)).uniform_(low, high, gen(g)));
  }
  return 0;
  RT_CATCH(-1)
}
RT_API int32_t rt_normal_(void* h, double mean, double std, void* g) {
  RT_TRY
  at::NoGradGuard no_grad;
  auto& t = T(h);
  if (t.device().is_cpu()) {
    t.normal_(mean, std, gen(g));
  } else {
    t.copy_(at::empty(t.sizes(), t.options().device(at::kCPU)).normal_(mean, std, gen(g)));
  }
  return 0;
  RT_CATCH(-1)
}
