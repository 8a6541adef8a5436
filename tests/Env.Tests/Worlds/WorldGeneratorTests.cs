using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Worlds;

public class WorldGeneratorTests
{
    /// <summary>A fingerprint of everything generated, so any change in layout, props, lights or materials shows.</summary>
    private static string Fingerprint(World w)
    {
        var sb = new StringBuilder();
        sb.Append(w.Width).Append('x').Append(w.Depth).Append(';');
        for (int j = 0; j < w.Depth; j++) for (int i = 0; i < w.Width; i++) sb.Append((int)w.Cell(i, j)).Append(w.CellRoom(i, j));
        foreach (var p in w.Props) sb.Append(p).Append(';');
        foreach (var l in w.Lights) sb.Append(l).Append(';');
        foreach (var m in w.Materials) sb.Append(m).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    [Test]
    public void Generate_SameSeed_IdenticalWorld()
    {
        var o = new WorldOptions { Seed = 42, Rooms = 5 };
        Assert.That(Fingerprint(WorldGenerator.Generate(o)), Is.EqualTo(Fingerprint(WorldGenerator.Generate(o))));
    }

    [Test]
    public void Generate_DifferentSeeds_DifferentWorlds()
    {
        var a = Fingerprint(WorldGenerator.Generate(new WorldOptions { Seed = 1 }));
        var b = Fingerprint(WorldGenerator.Generate(new WorldOptions { Seed = 2 }));
        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void Generate_KnownSeed_MatchesPinnedFingerprint()
    {
        // Pinned so a change to the generator (or to Rng) that moves shipped worlds is noticed:
        // shipped scenarios and records depend on it. Update deliberately, with a note in the changelog.
        World w = WorldGenerator.Generate(new WorldOptions { Seed = 7 });
        Assert.That(Fingerprint(w), Is.EqualTo(PinnedSeed7), "world seed 7 changed; if intended, update PinnedSeed7");
    }

    private const string PinnedSeed7 = "F15AC2C4CCB4332DB90E7266A722AAF9AD93CAA61A2752C98770BCC32E76047A";

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    public void Generate_ManySeeds_EveryRoomReachableFromEveryOther(int rooms)
    {
        for (ulong seed = 0; seed < 10; seed++)
        {
            World w = WorldGenerator.Generate(new WorldOptions { Seed = seed, Rooms = rooms });
            var centres = w.Rooms.Where(r => r.Kind == RoomKind.Room)
                .Select(r => FreePointIn(w, r)).ToArray();
            var field = w.Navigation.DistancesTo(centres[0], 0.18f);
            foreach (Vector2 c in centres)
                Assert.That(float.IsFinite(field.At(c)), Is.True, $"seed {seed}: room at {c} unreachable");
        }
    }

    [Test]
    public void Generate_ManySeeds_HaveMirrorLightsAndProps()
    {
        int withProps = 0;
        for (ulong seed = 0; seed < 30; seed++)
        {
            World w = WorldGenerator.Generate(new WorldOptions { Seed = seed });
            Assert.That(w.Materials.Any(m => m.Reflectivity > 0.3f && (w.Props.Any(p => p.Material == m.Id) || w.Rooms.Any(r => r.FloorMaterial == m.Id))), Is.True, $"seed {seed} has no mirror-like surface in use");
            Assert.That(w.Lights, Is.Not.Empty);
            if (w.Props.Count > 0) withProps++;
        }
        Assert.That(withProps, Is.GreaterThanOrEqualTo(27), "most worlds have furniture to cast shadows");
    }

    [TestCase(0)]
    [TestCase(13)]
    public void Validate_BadRoomCount_Throws(int rooms) =>
        Assert.Throws<ArgumentException>(() => WorldGenerator.Generate(new WorldOptions { Rooms = rooms }));

    private static Vector2 FreePointIn(World w, Room r)
    {
        for (int j = r.MinJ; j < r.MaxJ; j++)
            for (int i = r.MinI; i < r.MaxI; i++)
            {
                var p = new Vector2((i + 0.5f) * w.CellSize, (j + 0.5f) * w.CellSize);
                if (w.Navigation.Clearance(p) > 0.4f) return p;
            }
        throw new AssertionException($"room {r.Id} has no free point");
    }
}
