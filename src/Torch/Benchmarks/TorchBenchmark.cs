using System.Diagnostics;

namespace RtfmGym.Torch.Benchmarks;

/// <summary>
/// Measures what the C# binding costs compared with calling libtorch from C++: per-op overhead on a tiny
/// tensor and matmul throughput. Used by <c>rtfmgym bench torch</c>; takes about a second with the defaults.
/// </summary>
public static class TorchBenchmark
{
    /// <summary>Runs both measurements on the CPU with the current thread setting.</summary>
    /// <param name="tinyIterations">Adds timed per side (default 200,000).</param>
    /// <param name="matmulSize">Matrix size n (default 1024).</param>
    /// <param name="matmulIterations">Matmuls timed per side (default 10).</param>
    public static TorchBenchmarkResult Run(int tinyIterations = 200_000, int matmulSize = 1024, int matmulIterations = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tinyIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(matmulSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(matmulIterations, 1);
        using var noGrad = torch.no_grad();

        var tinyBinding = TimeTinyAdd(tinyIterations) / tinyIterations * 1e6;
        var tinyNative = Native(NativeMethods.rt_bench_tiny_add(tinyIterations)) / tinyIterations * 1e6;

        var flops = 2.0 * matmulSize * matmulSize * matmulSize * matmulIterations;
        var matmulBinding = flops / TimeMatmul(matmulSize, matmulIterations) / 1e9;
        var matmulNative = flops / Native(NativeMethods.rt_bench_matmul(matmulSize, matmulIterations)) / 1e9;

        return new TorchBenchmarkResult(tinyBinding, tinyNative, tinyBinding - tinyNative, matmulSize, matmulIterations,
            matmulBinding, matmulNative, torch.get_num_threads(), torch.version, "cpu");
    }

    private static double TimeTinyAdd(int iterations)
    {
        using var a = torch.ones([1]);
        using var b = torch.ones([1]);
        using (a + b)
        {
            // warm-up: first call resolves the P/Invoke and JITs the path
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            using var c = a + b;
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static double TimeMatmul(int n, int iterations)
    {
        using var generator = torch.Generator(0);
        using var a = torch.randn([n, n], generator);
        using var b = torch.randn([n, n], generator);
        using (a.matmul(b))
        {
            // warm-up, as in the native loop
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            using var c = a.matmul(b);
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static double Native(double seconds)
    {
        if (seconds < 0)
        {
            NativeMethods.CheckForErrors();
        }
        return seconds;
    }
}
