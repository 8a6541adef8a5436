namespace RtfmGym.Torch;

public static partial class torch
{
    /// <summary>Disables autograd recording on this thread until the scope is disposed (inference, optimiser maths).</summary>
    public static GradModeScope no_grad() => new(false);

    /// <summary>Re-enables autograd inside a <see cref="no_grad"/> region.</summary>
    public static GradModeScope enable_grad() => new(true);

    /// <summary>Whether operations on this thread record gradients now (false inside <see cref="no_grad"/>).</summary>
    public static bool is_grad_enabled() => NativeMethods.rt_is_grad_enabled() == 1;

    /// <summary>Mixed-precision region; see <see cref="AutocastScope"/>. Defaults: bfloat16 on the given device (CPU: no-op).</summary>
    public static AutocastScope autocast(Device device, ScalarType dtype = bfloat16) => new(dtype, device);
}
