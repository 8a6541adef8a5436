// Neural-network functionals: activations, normalisation, layers, attention, losses.
#include "common.h"

#include <cmath>
#include <limits>

using rt::T;

RT_TENSOR_FN(rt_softmax, (void* a, int64_t dim), T(a).softmax(dim))
RT_TENSOR_FN(rt_log_softmax, (void* a, int64_t dim), T(a).log_softmax(dim))

RT_TENSOR_FN(rt_layer_norm, (void* a, const int64_t* shape, int32_t n, void* weight, void* bias, double eps),
             at::layer_norm(T(a), rt::dims(shape, n), rt::opt(weight), rt::opt(bias), eps))
RT_TENSOR_FN(rt_group_norm, (void* a, int64_t groups, void* weight, void* bias, double eps),
             at::group_norm(T(a), groups, rt::opt(weight), rt::opt(bias), eps))

RT_TENSOR_FN(rt_linear, (void* a, void* weight, void* bias), at::linear(T(a), T(weight), rt::opt(bias)))

// stride/padding/dilation are (h, w) pairs.
RT_TENSOR_FN(rt_conv2d,
             (void* a, void* weight, void* bias, const int64_t* stride, const int64_t* padding,
              const int64_t* dilation, int64_t groups),
             at::conv2d(T(a), T(weight), rt::opt(bias), rt::dims(stride, 2), rt::dims(padding, 2),
                        rt::dims(dilation, 2), groups))
RT_TENSOR_FN(rt_conv_transpose2d,
             (void* a, void* weight, void* bias, const int64_t* stride, const int64_t* padding,
              const int64_t* output_padding, int64_t groups, const int64_t* dilation),
             at::conv_transpose2d(T(a), T(weight), rt::opt(bias), rt::dims(stride, 2), rt::dims(padding, 2),
                                  rt::dims(output_padding, 2), groups, rt::dims(dilation, 2)))

RT_TENSOR_FN(rt_embedding, (void* weight, void* indices), at::embedding(T(weight), T(indices)))
RT_TENSOR_FN(rt_dropout, (void* a, double p, int32_t train), at::dropout(T(a), p, train != 0))

// mode: 0 nearest, 1 bilinear. Input is (N, C, H, W).
RT_API void* rt_interpolate(void* a, int64_t height, int64_t width, int32_t mode, int32_t align_corners) {
  RT_TRY
  const int64_t size[2] = {height, width};
  const at::IntArrayRef out(size, 2);
  if (mode == 0) return rt::wrap(at::upsample_nearest2d(T(a), out));
  return rt::wrap(at::upsample_bilinear2d(T(a), out, align_corners != 0));
  RT_CATCH(nullptr)
}

namespace {
// softmax(Q K^T / sqrt(d)) V for libtorch builds without the fused kernel.
at::Tensor attention_reference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                               const c10::optional<at::Tensor>& mask, double dropout_p, bool causal) {
  auto scores = q.matmul(k.transpose(-2, -1)).div(std::sqrt(static_cast<double>(q.size(-1))));
  if (causal) {
    auto keep = at::ones({q.size(-2), k.size(-2)}, q.options().dtype(at::kBool)).tril();
    scores = scores.masked_fill(keep.logical_not(), -std::numeric_limits<double>::infinity());
  }
  if (mask.has_value() && mask->defined()) {
    if (mask->scalar_type() == at::kBool) {
      scores = scores.masked_fill(mask->logical_not(), -std::numeric_limits<double>::infinity());
    } else {
      scores = scores.add(*mask);
    }
  }
  auto weights = scores.softmax(-1);
  if (dropout_p > 0) weights = at::dropout(weights, dropout_p, true);
  return weights.matmul(v);
}
}  // namespace

// q, k, v: (..., L, E); mask: bool (true = attend) or additive float, broadcastable.
RT_API void* rt_scaled_dot_product_attention(void* q, void* k, void* v, void* mask, double dropout_p,
                                             int32_t causal) {
  RT_TRY
#if RT_TORCH_AT_LEAST(2, 0)
  return rt::wrap(at::scaled_dot_product_attention(T(q), T(k), T(v), rt::opt(mask), dropout_p, causal != 0));
#else
  return rt::wrap(attention_reference(T(q), T(k), T(v), rt::opt(mask), dropout_p, causal != 0));
#endif
  RT_CATCH(nullptr)
}

// The reference path is exported on every version so tests can compare the fused kernel.
RT_TENSOR_FN(rt_attention_reference, (void* q, void* k, void* v, void* mask, int32_t causal),
             attention_reference(T(q), T(k), T(v), rt::opt(mask), 0.0, causal != 0))

// reduction: 0 none, 1 mean, 2 sum (at::Reduction values).
RT_TENSOR_FN(rt_mse_loss, (void* input, void* target, int32_t reduction),
             at::mse_loss(T(input), T(target), reduction))
RT_TENSOR_FN(rt_cross_entropy,
             (void* input, void* target, void* weight, int32_t reduction, int64_t ignore_index, double smoothing),
             at::cross_entropy_loss(T(input), T(target), rt::opt(weight), reduction, ignore_index, smoothing))
