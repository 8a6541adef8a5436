using System.Numerics;
using NUnit.Framework;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>The column shortcut of the ray caster against the general grid walk.</summary>
public class SceneGeometryTests
{
    [TestCase(3UL)]
    [TestCase(11UL)]
    public void TraceInColumn_LevelRaysInGeneratedWorld_SameHitAsTrace(ulong seed)
    {
        World world = WorldGenerator.Generate(new WorldOptions { Seed = seed });
        var g = new SceneGeometry(world);
        var scratch = new TraceScratch(world.Props.Count);
        var rng = new Random((int)seed);
        int compared = 0;
        while (compared < 3000)
        {
            int i = rng.Next(world.Width), j = rng.Next(world.Depth);
            if (world.Cell(i, j) != CellKind.Floor) continue;
            var o = new Vector3((i + rng.NextSingle()) * world.CellSize, 0.1f + 2.4f * rng.NextSingle(), (j + rng.NextSingle()) * world.CellSize);
            float heading = 6.283f * rng.NextSingle();
            float dx = MathF.Sin(heading), dz = MathF.Cos(heading);
            g.WalkColumn(scratch, o, dx, dz);
            for (int k = 0; k < 8; k++, compared++)
            {
                var d = new Vector3(dx, 2.5f * (rng.NextSingle() - 0.5f), dz);
                bool a = g.Trace(scratch, o, d, float.PositiveInfinity, out RayHit expected);
                bool b = g.TraceInColumn(scratch, o, d, out RayHit actual);
                Assert.That(b, Is.EqualTo(a));
                Assert.That((actual.Kind, actual.Prop, actual.Room, actual.Face), Is.EqualTo((expected.Kind, expected.Prop, expected.Room, expected.Face)), $"origin {o} direction {d}");
                Assert.That(actual.T, Is.EqualTo(expected.T).Within(1e-4f));
                if (actual.Kind is SurfaceKind.Floor or SurfaceKind.Ceiling or SurfaceKind.Wall)
                    Assert.That((actual.CellI, actual.CellJ), Is.EqualTo((expected.CellI, expected.CellJ)));
            }
        }
    }
}
