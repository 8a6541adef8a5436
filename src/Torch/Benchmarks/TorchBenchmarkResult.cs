namespace RtfmGym.Torch.Benchmarks;

/// <summary>
/// Figures from <see cref="TorchBenchmark.Run"/>. Times are per operation; GFLOP/s count a matmul of
/// n×n matrices as 2n³ floating-point operations.
/// </summary>
/// <param name="TinyOpBindingMicroseconds">One add of two 1-element float32 tensors through the C# binding (allocation and disposal of the result included).</param>
/// <param name="TinyOpNativeMicroseconds">The same add in a C++ loop inside the shim.</param>
/// <param name="BindingOverheadMicroseconds">Binding minus native: the cost the C# layer adds per op.</param>
/// <param name="MatmulSize">n of the float32 n×n matmul.</param>
/// <param name="MatmulIterations">Timed matmuls per side (after one warm-up).</param>
/// <param name="MatmulBindingGflops">Matmul throughput called from C#.</param>
/// <param name="MatmulNativeGflops">Matmul throughput of the same loop in C++ (<c>rt_bench_matmul</c>).</param>
/// <param name="Threads">libtorch intra-op threads during the run.</param>
/// <param name="TorchVersion">libtorch version the shim was built against.</param>
/// <param name="Device">Where it ran (always <c>cpu</c> for now).</param>
public sealed record TorchBenchmarkResult(
    double TinyOpBindingMicroseconds,
    double TinyOpNativeMicroseconds,
    double BindingOverheadMicroseconds,
    int MatmulSize,
    int MatmulIterations,
    double MatmulBindingGflops,
    double MatmulNativeGflops,
    int Threads,
    string TorchVersion,
    string Device);
