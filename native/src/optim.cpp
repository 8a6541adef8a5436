// Optimiser updates done in C++ so one step costs one P/Invoke per parameter instead of
// a dozen temporaries; the maths follows torch.optim exactly.
#include "common.h"

#include <cmath>

using rt::T;

// AdamW (Loshchilov & Hutter): decoupled weight decay, bias-corrected moments.
// step is 1-based (the count including this update).
RT_API int32_t rt_adamw_step(void* param, void* exp_avg, void* exp_avg_sq, int64_t step, double lr, double beta1,
                             double beta2, double eps, double weight_decay) {
  RT_TRY
  at::NoGradGuard no_grad;
  auto& p = T(param);
  const auto& g = p.grad();
  if (!g.defined()) return 0;
  auto& m = T(exp_avg);
  auto& v = T(exp_avg_sq);
  if (weight_decay != 0) p.mul_(1 - lr * weight_decay);
  m.mul_(beta1).add_(g, 1 - beta1);
  v.mul_(beta2).addcmul_(g, g, 1 - beta2);
  double bias1 = 1 - std::pow(beta1, static_cast<double>(step));
  double bias2 = 1 - std::pow(beta2, static_cast<double>(step));
  auto denom = v.sqrt().div_(std::sqrt(bias2)).add_(eps);
  p.addcdiv_(m, denom, -lr / bias1);
  return 0;
  RT_CATCH(-1)
}

// SGD with optional momentum (PyTorch convention: buf = mu*buf + g, no dampening)
// and L2 weight decay. momentum_buf may be null when momentum is 0.
RT_API int32_t rt_sgd_step(void* param, void* momentum_buf, int32_t first, double lr, double momentum,
                           double weight_decay) {
  RT_TRY
  at::NoGradGuard no_grad;
  auto& p = T(param);
  if (!p.grad().defined()) return 0;
  auto d = p.grad();
  if (weight_decay != 0) d = d.add(p, weight_decay);
  if (momentum != 0) {
    auto& buf = T(momentum_buf);
    if (first) {
      buf.copy_(d);
    } else {
      buf.mul_(momentum).add_(d);
    }
    d = buf;
  }
  p.add_(d, -lr);
  return 0;
  RT_CATCH(-1)
}

// Scales all gradients so their global L2 norm is at most max_norm; returns the norm
// before clipping (or -1 on failure). Parameters without gradients are skipped.
RT_API double rt_clip_grad_norm(void** params, int32_t count, double max_norm) {
  RT_TRY
  at::NoGradGuard no_grad;
  std::vector<at::Tensor> grads;
  for (int32_t i = 0; i < count; ++i) {
    const auto& g = T(params[i]).grad();
    if (g.defined()) grads.push_back(g);
  }
  if (grads.empty()) return 0.0;
  std::vector<at::Tensor> norms;
  for (const auto& g : grads) norms.push_back(g.norm().to(at::kDouble).to(at::kCPU));
  double total = at::stack(norms).norm().item<double>();
  double coef = max_norm / (total + 1e-6);
  if (coef < 1) {
    for (auto& g : grads) g.mul_(coef);
  }
  return total;
  RT_CATCH(-1.0)
}

// ema = decay * ema + (1 - decay) * value.
RT_API int32_t rt_ema_update(void* ema, void* value, double decay) {
  RT_TRY
  at::NoGradGuard no_grad;
  T(ema).mul_(decay).add_(T(value), 1 - decay);
  return 0;
  RT_CATCH(-1)
}
