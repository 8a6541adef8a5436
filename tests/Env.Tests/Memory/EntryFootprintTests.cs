using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class EntryFootprintTests
{
    [Test]
    public void Of_FrameWithDepth_SamplesLieAtTheirDepthAlongTheirRays()
    {
        var entry = new MemoryEntry(1, At(1, 2, 30), Varied(0), 0);
        EntryFootprint f = EntryFootprint.Of(entry, Camera, samplesPerSide: 8, probeStride: 4, nominalDepth: 2);

        Assert.That(f.Samples, Has.Length.EqualTo(64));
        Assert.That(f.Probes, Has.Length.EqualTo(4));
        for (int i = 0; i < 64; i++)
        {
            Vector3 local = entry.Pose.InverseTransformPoint(f.Samples![i]);
            Assert.That(-local.Z, Is.EqualTo(f.SampleDepths![i]).Within(1e-4), $"sample {i}");
            Assert.That(Camera.Project(local, out float u, out float v), Is.True);
            int px = (2 * (i % 8) + 1) * 32 / 16, py = (2 * (i / 8) + 1) * 32 / 16;
            Assert.That(u, Is.EqualTo(px + 0.5f).Within(1e-3));
            Assert.That(v, Is.EqualTo(py + 0.5f).Within(1e-3));
        }
        foreach (Vector3 p in f.Probes) Assert.That(Vector3.Distance(p, f.Centre), Is.LessThanOrEqualTo(f.Reach + 1e-5f));
    }

    [Test]
    public void Of_FrameWithoutDepth_ProbesAtNominalDepthAndNoSamples()
    {
        var entry = new MemoryEntry(1, At(0, 0, 0), Flat(3), 0);
        EntryFootprint f = EntryFootprint.Of(entry, Camera, samplesPerSide: 16, probeStride: 4, nominalDepth: 2.5f);

        Assert.That(f.Samples, Is.Null);
        Assert.That(f.SampleDepths, Is.Null);
        Assert.That(f.Probes, Has.Length.EqualTo(16));
        Assert.That(f.Probes.Select(p => -entry.Pose.InverseTransformPoint(p).Z), Is.All.EqualTo(2.5f).Within(1e-4));
    }

    [Test]
    public void Of_InvalidDepths_LeftOutOfProbesAndMarkedNaN()
    {
        var frame = Flat(1, depth: 2);
        Array.Fill(frame.Depth!, float.PositiveInfinity, 0, 16 * 32); // top half: sky
        EntryFootprint f = EntryFootprint.Of(new MemoryEntry(1, At(0, 0, 0), frame, 0), Camera, 16, 4, 2);

        Assert.That(f.Samples!.Take(128).All(p => float.IsNaN(p.X)), Is.True);
        Assert.That(f.SampleDepths!.Take(128), Is.All.EqualTo(0f));
        Assert.That(f.Probes, Has.Length.EqualTo(8));
    }

    [Test]
    public void Fits_SameEntryAndArguments_TrueOtherwiseFalse()
    {
        var entry = new MemoryEntry(1, At(1, 2, 30), Varied(0), 0);
        EntryFootprint f = EntryFootprint.Of(entry, Camera, samplesPerSide: 8, probeStride: 4, nominalDepth: 2);

        Assert.That(f.Fits(entry, Camera, 8, 4, 2), Is.True);
        Assert.That(f.Fits(entry with { }, Camera, 8, 4, 2), Is.False, "an equal copy is another entry");
        Assert.That(f.Fits(entry with { Pose = At(0, 0, 0) }, Camera, 8, 4, 2), Is.False);
        Assert.That(f.Fits(entry, CameraIntrinsics.FromVerticalFov(32, 32, MathF.PI / 3), 8, 4, 2), Is.False);
        Assert.That(f.Fits(entry, Camera, 16, 4, 2), Is.False);
        Assert.That(f.Fits(entry, Camera, 8, 2, 2), Is.False);
        Assert.That(f.Fits(entry, Camera, 8, 4, 3), Is.False);
    }

    [Test]
    public void Select_TwiceWithOneRule_ReusesTheFootprintKeptOnTheEntry()
    {
        var memory = new SpatialMemory();
        MemoryEntry entry = memory.Insert(At(0, 0, 0), Varied(1), 0);
        var rule = new FieldOfViewCoverageRule();

        rule.Select(memory, At(0, 0.5f, 0), Camera, 4);
        EntryFootprint? first = entry.Footprint;
        rule.Select(memory, At(0.2f, 0.5f, 10), Camera, 4);

        Assert.That(first, Is.Not.Null);
        Assert.That(entry.Footprint, Is.SameAs(first));
        new FieldOfViewCoverageRule(samplesPerSide: 8).Select(memory, At(0, 0.5f, 0), Camera, 4);
        Assert.That(entry.Footprint, Is.Not.SameAs(first), "a rule with other parameters makes its own");
    }

    [Test]
    public void Equals_EntryWithAndWithoutAFootprint_StillEqualWithTheSameHash()
    {
        var a = new MemoryEntry(3, At(1, 2, 30), Varied(0), 5);
        var b = a with { };
        a.Footprint = EntryFootprint.Of(a, Camera, 8, 4, 2);

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a, Is.Not.EqualTo(b with { Step = 6 }));
    }
}
