namespace RtfmGym.Torch;

/// <summary>Autograd: gradients accumulate into leaf tensors that require them.</summary>
public sealed partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor. Setting it is only allowed on leaves.</summary>
    public bool requires_grad
    {
        get
        {
            var value = NativeMethods.rt_tensor_requires_grad(Handle);
            NativeMethods.Check(value);
            return value == 1;
        }
        set => NativeMethods.Check(NativeMethods.rt_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor.</summary>
    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    /// <summary>
    /// Back-propagates from this tensor. Without <paramref name="gradient"/> it must hold one element.
    /// The graph is freed afterwards unless <paramref name="retainGraph"/>.
    /// </summary>
    public void backward(Tensor? gradient = null, bool retainGraph = false) =>
        NativeMethods.Check(NativeMethods.rt_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retainGraph ? 1 : 0));

    /// <summary>The accumulated gradient, or null before the first backward (or after <see cref="zero_grad"/>).
    /// Each call returns a new wrapper over the same storage; dispose it like any tensor.</summary>
    public Tensor? grad()
    {
        var handle = NativeMethods.rt_tensor_grad(Handle);
        if (handle == IntPtr.Zero)
        {
            NativeMethods.CheckForErrors();
            return null;
        }
        return new Tensor(handle);
    }

    /// <summary>Drops the gradient (PyTorch's <c>set_to_none=True</c>).</summary>
    public void zero_grad() => NativeMethods.Check(NativeMethods.rt_tensor_zero_grad(Handle));

    /// <summary>Same data, cut from the autograd graph.</summary>
    public Tensor detach() => NativeMethods.Wrap(NativeMethods.rt_detach(Handle));
}
