namespace RtfmGym.Model.Tests;

public class FrameModelConfigTests
{
    [TestCase("tiny")]
    [TestCase("small")]
    public void FromPreset_KnownName_Validates(string name) =>
        Assert.That(FrameModelConfig.FromPreset(name).Validate().Preset, Is.EqualTo(name));

    [Test]
    public void FromPreset_UnknownName_ListsPresets() =>
        Assert.That(() => FrameModelConfig.FromPreset("huge"), Throws.ArgumentException.With.Message.Contains("tiny, small"));

    private static readonly object[] BadConfigs =
    [
        new object[] { FrameModelConfig.Tiny with { ImageSize = 36 }, "multiples of its patch size" },
        new object[] { FrameModelConfig.Tiny with { ImageSize = 256 }, "32 to 128" },
        new object[] { FrameModelConfig.Tiny with { Heads = 3 }, "divide the width" },
        new object[] { FrameModelConfig.Tiny with { Depth = 0 }, "Depth" },
        new object[] { FrameModelConfig.Tiny with { PatchSize = 1 }, "Patch size" },
        new object[] { FrameModelConfig.Tiny with { MaxContext = 0 }, "Max context" },
        new object[] { FrameModelConfig.Tiny with { PositionScale = 0 }, "scales" },
        new object[] { FrameModelConfig.Tiny with { PointerStride = -1 }, "copy path's stride" },
        new object[] { FrameModelConfig.Tiny with { PointerStride = 3 }, "copy path's stride" },
        new object[] { FrameModelConfig.Tiny with { PointerStride = 16 }, "copy path's stride" },
    ];

    [TestCaseSource(nameof(BadConfigs))]
    public void Validate_BadSetting_ThrowsNamingIt(FrameModelConfig config, string expected) =>
        Assert.That(() => config.Validate(), Throws.InstanceOf<ArgumentException>().With.Message.Contains(expected));

    [Test]
    public void CheckImageSize_NotMultipleOfPatch_SaysHowToFix() =>
        Assert.That(() => FrameModelConfig.Small.CheckImageSize(60, 60), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("camera size"));
}
