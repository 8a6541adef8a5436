// Shared helpers for the rtfmtorch C ABI: handle conversion and exception fencing.
// Every exported function is wrapped in RT_TRY/RT_CATCH so no C++ exception ever
// crosses into .NET; failures return a sentinel and leave a thread-local message.
#pragma once

#include <ATen/ATen.h>
#include <torch/version.h>

#include <cstdint>
#include <string>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

#define RT_API extern "C" __attribute__((visibility("default")))

// True when compiling against libtorch >= major.minor.
#define RT_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) ||     \
   (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace rt {

void set_error(const char* message);

inline at::Tensor& T(void* handle) {
  if (handle == nullptr) throw std::invalid_argument("null tensor handle");
  return *static_cast<at::Tensor*>(handle);
}

// Heap-allocates the tensor so .NET can own it through an opaque pointer.
inline void* wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

inline c10::optional<at::Tensor> opt(void* handle) {
  if (handle == nullptr) return c10::nullopt;
  return T(handle);
}

inline at::IntArrayRef dims(const int64_t* values, int32_t count) {
  return at::IntArrayRef(values, static_cast<size_t>(count));
}

inline at::ScalarType dtype(int32_t code) { return static_cast<at::ScalarType>(code); }

inline at::Device device(int32_t type, int32_t index) {
  return at::Device(static_cast<at::DeviceType>(type), static_cast<at::DeviceIndex>(index));
}

inline at::TensorOptions options(int32_t dtype_code, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(dtype(dtype_code)).device(device(device_type, device_index));
}

std::vector<at::Tensor> list(void** handles, int32_t count);

// Treats denormal floats as zero for the duration of one call, then restores the caller's mode. A sharp
// softmax underflows into denormals, and on some x86 CPUs every multiply by one costs about a hundred
// cycles: a matrix product over such attention weights ran five times slower (measured on an Intel Xeon).
// Values below 1e-38 carry nothing a network needs. Managed code on the same thread keeps IEEE behaviour,
// so nothing outside the tensors changes; libtorch's own worker threads inherit the mode when created.
class FlushDenormals {
 public:
#if defined(__SSE__)
  FlushDenormals() : saved_(_mm_getcsr()) { _mm_setcsr(saved_ | kFlushToZero | kDenormalsAreZero); }
  ~FlushDenormals() { _mm_setcsr(saved_); }

 private:
  static constexpr unsigned int kFlushToZero = 0x8000, kDenormalsAreZero = 0x0040;
  unsigned int saved_;
#endif
};

}  // namespace rt

#define RT_TRY try { rt::FlushDenormals rt_flush_denormals_;
#define RT_CATCH(failure)                                \
  }                                                      \
  catch (const c10::Error& e) {                          \
    rt::set_error(e.what_without_backtrace());           \
    return failure;                                      \
  }                                                      \
  catch (const std::exception& e) {                      \
    rt::set_error(e.what());                             \
    return failure;                                      \
  }                                                      \
  catch (...) {                                          \
    rt::set_error("unknown native exception in rtfmtorch"); \
    return failure;                                      \
  }

// Entry returning a new tensor handle (null on failure).
#define RT_TENSOR_FN(name, params, expr) \
  RT_API void* name params { RT_TRY return rt::wrap(expr); RT_CATCH(nullptr) }
