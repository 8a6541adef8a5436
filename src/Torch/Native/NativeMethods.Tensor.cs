using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial void rt_tensor_free(IntPtr h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_dim(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_shape(TensorHandle h, long* shape);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_dtype(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_device_type(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_device_index(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_requires_grad(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_set_requires_grad(TensorHandle h, int value);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_tensor_from_data(void* data, long* shape, int ndim, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_copy_to(TensorHandle h, void* dst, long nbytes);

    [LibraryImport(Lib)]
    internal static partial double rt_tensor_item_double(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial long rt_tensor_item_long(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_copy_(TensorHandle dst, TensorHandle src);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_to_inplace(TensorHandle h, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_tensor_to(TensorHandle h, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_zeros(long* shape, int ndim, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_ones(long* shape, int ndim, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_full(long* shape, int ndim, double value, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_linspace(double start, double end, long steps, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_generator_new(ulong seed);

    [LibraryImport(Lib)]
    internal static partial void rt_generator_free(IntPtr g);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_randn(long* shape, int ndim, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_rand(long* shape, int ndim, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_randint(long low, long high, long* shape, int ndim, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);

    [LibraryImport(Lib)]
    internal static partial int rt_uniform_(TensorHandle h, double low, double high, GeneratorHandle g);

    [LibraryImport(Lib)]
    internal static partial int rt_normal_(TensorHandle h, double mean, double std, GeneratorHandle g);
}
