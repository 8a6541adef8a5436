using System.Globalization;
using System.Text;

namespace RtfmGym.Torch;

public sealed partial class Tensor
{
    private const int PreviewCount = 6;

    /// <summary>
    /// One line: shape, dtype, device, requires_grad and the first few values (row-major), e.g.
    /// <c>tensor([2, 3], float32, cpu, values=[1, 2, 3, 4, 5, 6])</c>.
    /// </summary>
    public override string ToString()
    {
        if (IsDisposed)
        {
            return "tensor(disposed)";
        }
        var dims = shape;
        var count = numel();
        var text = new StringBuilder("tensor(")
            .Append(FormatShape(dims)).Append(", ")
            .Append(dtype.TorchName()).Append(", ")
            .Append(device);
        if (requires_grad)
        {
            text.Append(", requires_grad");
        }
        text.Append(", values=[");
        var shown = (int)Math.Min(count, PreviewCount);
        if (shown > 0)
        {
            using var flat = reshape([-1]);
            using var head = flat.narrow(0, 0, shown);
            using var values = head.to(ScalarType.Float64, Device.CPU);
            text.AppendJoin(", ", values.ToArray<double>().Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
        }
        if (count > shown)
        {
            text.Append(", ...");
        }
        return text.Append("])").ToString();
    }
}
