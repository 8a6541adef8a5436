namespace RtfmGym.Torch;

/// <summary>
/// Disposes every tensor created on this thread while it is the innermost open scope, e.g. the
/// temporaries of one environment step or one training iteration:
/// <code>using (torch.NewDisposeScope()) { var loss = ...; loss.backward(); opt.step(); }</code>
/// Tensors that must outlive it use <see cref="Tensor.MoveToOuterDisposeScope"/>.
/// Module parameters and optimiser state never belong to a scope.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? t_current;

    private readonly HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    internal DisposeScope()
    {
        Outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost open scope of this thread.</summary>
    public static DisposeScope? Current => t_current;

    /// <summary>The scope that was current when this one was opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>Tensors this scope will dispose.</summary>
    public int Count => _tensors.Count;

    /// <summary>Makes <paramref name="tensor"/> survive this scope (it joins the outer scope, if any).</summary>
    public Tensor MoveToOuter(Tensor tensor)
    {
        if (tensor.OwningScope != this)
        {
            throw new InvalidOperationException("the tensor does not belong to this DisposeScope");
        }
        return tensor.MoveToOuterDisposeScope();
    }

    internal void Attach(Tensor tensor)
    {
        _tensors.Add(tensor);
        tensor.OwningScope = this;
    }

    internal void Forget(Tensor tensor)
    {
        _tensors.Remove(tensor);
        tensor.OwningScope = null;
    }

    /// <summary>Disposes the remaining tensors and makes the outer scope current again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var tensor in _tensors)
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        _tensors.Clear();
        // Scopes nest lexically; restoring Outer also recovers from a scope disposed out of order.
        if (t_current == this)
        {
            t_current = Outer;
        }
    }
}
