using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int rt_adamw_step(TensorHandle param, TensorHandle expAvg, TensorHandle expAvgSq, long step, double lr, double beta1, double beta2, double eps, double weightDecay);

    [LibraryImport(Lib)]
    internal static partial int rt_sgd_step(TensorHandle param, TensorHandle momentumBuffer, int first, double lr, double momentum, double weightDecay);

    [LibraryImport(Lib)]
    internal static partial double rt_clip_grad_norm(IntPtr* parameters, int count, double maxNorm);

    [LibraryImport(Lib)]
    internal static partial int rt_ema_update(TensorHandle ema, TensorHandle value, double decay);
}
