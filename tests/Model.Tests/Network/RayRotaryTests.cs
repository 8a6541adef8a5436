using System.Numerics;
using RtfmGym.Model.Network;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Network;

public class RayRotaryTests
{
    private const int Channels = 9, DirectionChannel = 3, Frequencies = 4;

    /// <summary>Context tokens of one-pixel patches whose ray directions are <paramref name="directions"/>.</summary>
    private static Tensor Tokens(params Vector3[] directions)
    {
        var values = new float[directions.Length * Channels];
        for (int i = 0; i < directions.Length; i++)
        {
            Vector3 d = Vector3.Normalize(directions[i]);
            (values[i * Channels + 3], values[i * Channels + 4], values[i * Channels + 5]) = (d.X, d.Y, d.Z);
        }
        return tensor(values, [1, directions.Length, Channels]);
    }

    /// <summary>The dot product of token 0's rotated query with token 1's rotated key, for fixed random q and k.</summary>
    private static float RotatedDot(Vector3 queryDirection, Vector3 keyDirection)
    {
        using var scope = NewDisposeScope();
        using var g = torch.Generator(7);
        Tensor q = randn([1, 1, 1, 4 * Frequencies], g), k = randn([1, 1, 1, 4 * Frequencies], g);
        RayRotary angles = RayRotary.FromTokens(Tokens(queryDirection, keyDirection), Channels, DirectionChannel, Frequencies);
        var first = new RayRotary(angles.Cos.narrow(2, 0, 1), angles.Sin.narrow(2, 0, 1));
        var second = new RayRotary(angles.Cos.narrow(2, 1, 1), angles.Sin.narrow(2, 1, 1));
        return (first.Rotate(q) * second.Rotate(k)).sum().item<float>();
    }

    private static float PlainDot()
    {
        using var scope = NewDisposeScope();
        using var g = torch.Generator(7);
        Tensor q = randn([1, 1, 1, 4 * Frequencies], g), k = randn([1, 1, 1, 4 * Frequencies], g);
        return (q * k).sum().item<float>();
    }

    private static Vector3 Yawed(Vector3 v, float radians) => Vector3.Transform(v, Quaternion.CreateFromAxisAngle(Vector3.UnitY, radians));

    [TestCase(0.3f, 0.1f, -1f)]
    [TestCase(-0.7f, -0.2f, -0.4f)]
    [TestCase(0.9f, 0.5f, 0.2f)]
    public void Rotate_SameDirection_DotProductUnchanged(float x, float y, float z)
    {
        var d = new Vector3(x, y, z);
        Assert.That(RotatedDot(d, d), Is.EqualTo(PlainDot()).Within(1e-4));
    }

    [TestCase(0.5f)]
    [TestCase(2.0f)]
    [TestCase(-2.8f)]
    public void Rotate_BothDirectionsYawed_DotProductUnchanged(float yaw)
    {
        var a = new Vector3(0.2f, 0.1f, -1f);
        var b = new Vector3(-0.3f, -0.05f, -0.9f);
        Assert.That(RotatedDot(Yawed(a, yaw), Yawed(b, yaw)), Is.EqualTo(RotatedDot(a, b)).Within(1e-4));
    }

    [Test]
    public void Rotate_NeighbouringPatchDirections_DotProductChanges()
    {
        // Patches 8 pixels apart at 64 px and 90 degrees are about 0.2 rad apart: the kernel must tell them apart.
        var a = new Vector3(0f, 0f, -1f);
        float same = RotatedDot(a, a), neighbour = RotatedDot(a, Yawed(a, 0.2f));
        Assert.That(Math.Abs(same - neighbour), Is.GreaterThan(0.1f * Math.Abs(same)));
    }
}
