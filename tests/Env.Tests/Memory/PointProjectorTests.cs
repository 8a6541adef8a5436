using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class PointProjectorTests
{
    [TestCase(0f, 0f, -2f)]
    [TestCase(0.5f, -0.3f, -1f)]
    [TestCase(5f, 0f, -1f)]       // beside the image
    [TestCase(0f, 0f, 2f)]        // behind the camera
    [TestCase(0f, 0f, 0f)]        // at the camera
    [TestCase(float.NaN, 0f, -1f)]
    public void TryProject_Point_AgreesWithCameraIntrinsics(float x, float y, float z)
    {
        Pose pose = At(0.4f, -1.2f, 35);
        Matrix4x4 worldToCamera = Matrix4x4.CreateTranslation(-pose.Position) * Matrix4x4.CreateFromQuaternion(Quaternion.Conjugate(pose.Orientation));
        Vector3 world = pose.TransformPoint(new Vector3(x, y, z));
        var projector = new PointProjector(worldToCamera, Camera);

        bool inside = projector.TryProject(world, out float u, out float v, out float depth);

        Vector3 local = pose.InverseTransformPoint(world);
        bool expected = Camera.Project(local, out float eu, out float ev) && eu >= 0 && eu < Camera.Width && ev >= 0 && ev < Camera.Height;
        Assert.That(inside, Is.EqualTo(expected));
        if (!expected) return;
        Assert.That(u, Is.EqualTo(eu).Within(1e-3));
        Assert.That(v, Is.EqualTo(ev).Within(1e-3));
        Assert.That(depth, Is.EqualTo(-local.Z).Within(1e-4));
    }

    [TestCase(1, 16, 16)]
    [TestCase(37, 16, 16)]   // not a whole number of SIMD registers
    [TestCase(256, 6, 6)]
    [TestCase(300, 32, 24)]  // a depth image's pixels rather than square cells
    [TestCase(64, 1, 1)]
    public void ToGrid_RandomPoints_SameCellsAndDepthsAsOnePointAtATime(int count, int columns, int rows)
    {
        var rng = new Random(count * 31 + columns);
        Pose pose = At(0.7f, 1.1f, 100);
        Matrix4x4 worldToCamera = Matrix4x4.CreateTranslation(-pose.Position) * Matrix4x4.CreateFromQuaternion(Quaternion.Conjugate(pose.Orientation));
        var projector = new PointProjector(worldToCamera, Camera);
        // In view, beside it, behind the camera, on its edges, and missing (NaN).
        var points = Enumerable.Range(0, count).Select(i => (i % 7) switch
        {
            5 => new Vector3(float.NaN, 0, 0),
            6 => pose.TransformPoint(new Vector3(0, 0, rng.NextSingle())),
            _ => pose.TransformPoint(new Vector3(rng.NextSingle() * 6 - 3, rng.NextSingle() * 6 - 3, -rng.NextSingle() * 4)),
        }).ToArray();
        var (cells, depths) = (new int[count], new float[count]);

        projector.ToGrid(PointBatch.Of(points), columns, rows, cells, depths);

        for (int i = 0; i < count; i++)
        {
            bool inside = projector.TryProject(points[i], out float u, out float v, out float depth);
            int expected = inside ? Math.Min(rows - 1, (int)(v * rows / (float)Camera.Height)) * columns + Math.Min(columns - 1, (int)(u * columns / (float)Camera.Width)) : -1;
            Assert.That(cells[i], Is.EqualTo(expected), $"point {i}");
            if (inside) Assert.That(BitConverter.SingleToInt32Bits(depths[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(depth)), $"depth of point {i}");
        }
        if (count >= 37) Assert.That(cells.Count(c => c >= 0), Is.GreaterThan(0).And.LessThan(count), "some points should land and some not");
    }

    [Test]
    public void ToGrid_OutputsTooShort_Throws()
    {
        var projector = new PointProjector(Matrix4x4.Identity, Camera);
        var points = PointBatch.Of([Vector3.Zero, Vector3.One]);
        Assert.Throws<ArgumentException>(() => projector.ToGrid(points, 4, 4, new int[1], new float[2]));
    }
}
