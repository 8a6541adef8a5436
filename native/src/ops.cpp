// Elementwise math, linear algebra, shape manipulation, indexing and reductions.
#include "common.h"

using rt::T;

// ---- elementwise --------------------------------------------------------------------
#define RT_UNARY(op, expr) RT_TENSOR_FN(rt_##op, (void* a), expr)
RT_UNARY(neg, T(a).neg())
RT_UNARY(abs, T(a).abs())
RT_UNARY(exp, T(a).exp())
RT_UNARY(log, T(a).log())
RT_UNARY(sqrt, T(a).sqrt())
RT_UNARY(rsqrt, T(a).rsqrt())
RT_UNARY(sin, T(a).sin())
RT_UNARY(cos, T(a).cos())
RT_UNARY(tanh, T(a).tanh())
RT_UNARY(sigmoid, T(a).sigmoid())
RT_UNARY(relu, T(a).relu())
RT_UNARY(silu, at::silu(T(a)))
RT_UNARY(contiguous, T(a).contiguous())
RT_UNARY(clone, T(a).clone())
RT_UNARY(detach, T(a).detach())
RT_UNARY(logical_not, T(a).logical_not())
RT_TENSOR_FN(rt_gelu, (void* a, int32_t tanh_approx), at::gelu(T(a), tanh_approx ? "tanh" : "none"))

#define RT_BINARY(op, expr) RT_TENSOR_FN(rt_##op, (void* a, void* b), expr)
RT_BINARY(add, T(a).add(T(b)))
RT_BINARY(sub, T(a).sub(T(b)))
RT_BINARY(mul, T(a).mul(T(b)))
RT_BINARY(div, T(a).div(T(b)))
RT_BINARY(pow, T(a).pow(T(b)))
RT_BINARY(maximum, at::maximum(T(a), T(b)))
RT_BINARY(minimum, at::minimum(T(a), T(b)))
RT_BINARY(matmul, T(a).matmul(T(b)))
RT_BINARY(bmm, T(a).bmm(T(b)))
RT_BINARY(eq, T(a).eq(T(b)))
RT_BINARY(ne, T(a).ne(T(b)))
RT_BINARY(lt, T(a).lt(T(b)))
RT_BINARY(le, T(a).le(T(b)))
RT_BINARY(gt, T(a).gt(T(b)))
RT_BINARY(ge, T(a).ge(T(b)))

#define RT_SCALAR(op, expr) RT_TENSOR_FN(rt_##op, (void* a, double s), expr)
RT_SCALAR(add_scalar, T(a).add(s))
RT_SCALAR(mul_scalar, T(a).mul(s))
RT_SCALAR(div_scalar, T(a).div(s))
RT_SCALAR(pow_scalar, T(a).pow(s))
RT_SCALAR(rsub_scalar, at::rsub(T(a), s))           // s - a
RT_SCALAR(rdiv_scalar, at::reciprocal(T(a)).mul(s))  // s / a
RT_SCALAR(eq_scalar, T(a).eq(s))
RT_SCALAR(lt_scalar, T(a).lt(s))
RT_SCALAR(gt_scalar, T(a).gt(s))

RT_TENSOR_FN(rt_where, (void* cond, void* a, void* b), at::where(T(cond), T(a), T(b)))

// has_min/has_max select which bounds apply.
RT_TENSOR_FN(rt_clamp, (void* a, int32_t has_min, double min, int32_t has_max, double max),
             at::clamp(T(a), has_min ? c10::optional<at::Scalar>(min) : c10::nullopt,
                       has_max ? c10::optional<at::Scalar>(max) : c10::nullopt))

// ---- shape --------------------------------------------------------------------------
RT_TENSOR_FN(rt_reshape, (void* a, const int64_t* shape, int32_t n), T(a).reshape(rt::dims(shape, n)))
RT_TENSOR_FN(rt_view, (void* a, const int64_t* shape, int32_t n), T(a).view(rt::dims(shape, n)))
RT_TENSOR_FN(rt_expand, (void* a, const int64_t* shape, int32_t n), T(a).expand(rt::dims(shape, n)))
RT_TENSOR_FN(rt_permute, (void* a, const int64_t* order, int32_t n), T(a).permute(rt::dims(order, n)))
RT_TENSOR_FN(rt_transpose, (void* a, int64_t d0, int64_t d1), T(a).transpose(d0, d1))
RT_TENSOR_FN(rt_unsqueeze, (void* a, int64_t dim), T(a).unsqueeze(dim))
RT_TENSOR_FN(rt_squeeze, (void* a, int64_t dim), T(a).squeeze(dim))
RT_TENSOR_FN(rt_flatten, (void* a, int64_t start, int64_t end), T(a).flatten(start, end))
RT_TENSOR_FN(rt_cat, (void** hs, int32_t n, int64_t dim), at::cat(rt::list(hs, n), dim))
RT_TENSOR_FN(rt_stack, (void** hs, int32_t n, int64_t dim), at::stack(rt::list(hs, n), dim))

namespace {
// Writes parts into out (capacity cap); returns the count or -1.
int32_t emit(const std::vector<at::Tensor>& parts, void** out, int32_t cap) {
  TORCH_CHECK(static_cast<int32_t>(parts.size()) <= cap, "internal: ", parts.size(),
              " parts exceed the buffer of ", cap);
  for (size_t i = 0; i < parts.size(); ++i) out[i] = rt::wrap(parts[i]);
  return static_cast<int32_t>(parts.size());
}
}  // namespace

RT_API int32_t rt_chunk(void* a, int64_t chunks, int64_t dim, void** out, int32_t cap) {
  RT_TRY return emit(T(a).chunk(chunks, dim), out, cap);
  RT_CATCH(-1)
}

RT_API int32_t rt_split(void* a, int64_t size, int64_t dim, void** out, int32_t cap) {
  RT_TRY return emit(T(a).split(size, dim), out, cap);
  RT_CATCH(-1)
}

// ---- indexing -----------------------------------------------------------------------
RT_TENSOR_FN(rt_narrow, (void* a, int64_t dim, int64_t start, int64_t length), T(a).narrow(dim, start, length))
RT_TENSOR_FN(rt_select, (void* a, int64_t dim, int64_t index), T(a).select(dim, index))
RT_TENSOR_FN(rt_index_select, (void* a, int64_t dim, void* index), T(a).index_select(dim, T(index)))
RT_TENSOR_FN(rt_slice, (void* a, int64_t dim, int64_t start, int64_t end, int64_t step),
             T(a).slice(dim, start, end, step))
RT_TENSOR_FN(rt_masked_fill, (void* a, void* mask, double value), T(a).masked_fill(T(mask), value))

// ---- reductions ---------------------------------------------------------------------
RT_UNARY(sum_all, T(a).sum())
RT_UNARY(mean_all, T(a).mean())
RT_UNARY(max_all, T(a).max())
RT_UNARY(min_all, T(a).min())
RT_TENSOR_FN(rt_sum, (void* a, const int64_t* d, int32_t n, int32_t keep), T(a).sum(rt::dims(d, n), keep != 0))
RT_TENSOR_FN(rt_mean, (void* a, const int64_t* d, int32_t n, int32_t keep), T(a).mean(rt::dims(d, n), keep != 0))
RT_TENSOR_FN(rt_var, (void* a, const int64_t* d, int32_t n, int32_t unbiased, int32_t keep),
             at::var(T(a), rt::dims(d, n), unbiased != 0, keep != 0))
RT_TENSOR_FN(rt_var_all, (void* a, int32_t unbiased), at::var(T(a), unbiased != 0))
RT_TENSOR_FN(rt_argmax, (void* a, int64_t dim, int32_t keep), T(a).argmax(dim, keep != 0))
RT_TENSOR_FN(rt_norm_all, (void* a), T(a).norm())

// Max along one dim: writes values and indices handles.
RT_API int32_t rt_max_dim(void* a, int64_t dim, int32_t keep, void** values, void** indices) {
  RT_TRY
  auto result = T(a).max(dim, keep != 0);
  *values = rt::wrap(std::get<0>(result));
  *indices = rt::wrap(std::get<1>(result));
  return 0;
  RT_CATCH(-1)
}
