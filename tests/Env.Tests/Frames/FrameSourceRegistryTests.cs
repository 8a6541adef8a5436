using RtfmGym.Env.Episodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tests.Frames;

public class FrameSourceRegistryTests
{
    /// <summary>A frame source of the test's own: a flat colour from the world seed, episode seed and step.</summary>
    private sealed class StripeSource : IFrameSource
    {
        public string Name => "stripes";

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests) =>
            requests.Select(r => new DrawnView(Render(r.Frame, r.Episode.World.Seed * 31 + r.Episode.Seed))).ToArray();

        private static Frame Render(FrameRequest request, ulong seed)
        {
            int w = request.Camera.Width, h = request.Camera.Height;
            var rgb = new byte[w * h * 3];
            rgb.AsSpan().Fill((byte)(seed + (ulong)request.Step * 13));
            float[]? depth = (request.Channels & FrameChannels.Depth) != 0 ? Enumerable.Repeat(2f, w * h).ToArray() : null;
            return new Frame(w, h, rgb, depth);
        }

        public void Dispose() { }
    }

    private static EnvironmentComponents Components(string digest) => EnvironmentComponents.BuiltIn with
    {
        FrameSources = FrameSourceRegistry.BuiltIn.With("stripes", _ => new StripeSource(), () => digest),
    };

    [Test]
    public void Environment_CustomSourceByName_DrawsAndIsRecordedAndReplayed()
    {
        Scenario s = TestScenarios.Small(frames: "stripes");
        EnvironmentComponents components = Components("sha256:test");
        EpisodeRecord record;
        using (var env = new RtfmEnvironment(s, components: components))
        {
            var recorder = new EpisodeRecorder(env);
            env.Reset(5);
            recorder.Begin();
            for (int i = 0; i < 6; i++) recorder.Add(1L, env.Step(1L));
            Assert.That(env.FrameSourceName, Is.EqualTo("stripes"));
            record = recorder.Build();
        }
        Assert.That((record.FrameSource, record.FrameSourceDigest), Is.EqualTo(("stripes", "sha256:test")));
        Assert.That(EpisodeReplayer.Replay(record, components: components).FrameSource, Is.EqualTo("stripes"));
        var e = Assert.Throws<RtfmGymException>(() => EpisodeReplayer.Replay(record));
        Assert.That(e!.Message, Does.Contain("Unknown frame source 'stripes'; available: constant, ground-truth."));
    }

    [Test]
    public void Registries_AreValues_OneProgramsSourceDoesNotLeakIntoAnother()
    {
        _ = Components("a");
        Assert.That(FrameSourceRegistry.BuiltIn.Names, Is.EqualTo(new[] { "constant", "ground-truth" }));
        Assert.That(FrameSourceRegistry.BuiltIn.Contains("stripes"), Is.False);
        Assert.That(Components("a").FrameSources.Digest("stripes"), Is.EqualTo("a"));
        Assert.That(Components("b").FrameSources.Digest("stripes"), Is.EqualTo("b"));
    }

    [Test]
    public void Environment_ExplicitSource_RegistryNotAsked()
    {
        var components = EnvironmentComponents.BuiltIn with
        {
            FrameSources = FrameSourceRegistry.BuiltIn.With("stripes", _ => throw new AssertionException("the registry was asked for a source"), () => "x"),
        };
        using var env = new RtfmEnvironment(TestScenarios.Small(frames: "stripes"), new StripeSource(), components: components);
        env.Reset(1);
        Assert.That(env.FrameSourceDigest, Is.EqualTo("x"), "the digest is the registry's for the source's name");
    }

    [TestCase("ground-truth", null)]
    [TestCase("constant", null)]
    [TestCase("nothing", null)]
    public void Digest_BuiltInOrUnknown_Null(string name, string? expected) =>
        Assert.That(FrameSourceRegistry.BuiltIn.Digest(name), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void With_BlankName_Throws(string? name) =>
        Assert.Catch<ArgumentException>(() => FrameSourceRegistry.BuiltIn.With(name!, _ => new ConstantFrameSource()));

    [Test]
    public void Create_UnknownName_ThrowsListingTheNames()
    {
        var e = Assert.Throws<RtfmGymException>(() => FrameSourceRegistry.BuiltIn.Create("model", TestScenarios.Small()));
        Assert.That(e!.Message, Is.EqualTo("Unknown frame source 'model'; available: constant, ground-truth."));
    }
}
