using RtfmGym.Agents.Learning;
using RtfmGym.Env;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents.Tests.Learning;

public class PolicyInputsTests
{
    private static DictSpace Space(bool depth, bool goal, int side = 32)
    {
        var entries = new List<KeyValuePair<string, Space>> { new("rgb", new BoxSpace(0, 255, [side, side, 3], DType.UInt8)) };
        if (depth) entries.Add(new("depth", new BoxSpace(0, double.PositiveInfinity, [side, side, 1], DType.Float32)));
        entries.Add(new("pose", new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [7], DType.Float32)));
        if (goal) entries.Add(new("goal", new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [2], DType.Float32)));
        return new DictSpace(entries);
    }

    [Test]
    public void Write_RgbDepthGoal_ChannelsFirstAndEncoded()
    {
        PolicyInputs inputs = PolicyInputs.For(Space(depth: true, goal: true));
        Assert.That((inputs.Channels, inputs.VectorValues), Is.EqualTo((4, 3)));
        int px = 32 * 32;
        var rgb = new byte[px * 3];
        rgb[5 * 3 + 1] = 255; // pixel 5, green
        var depth = new float[px];
        depth[7] = 2f;
        depth[8] = float.PositiveInfinity;
        var obs = new Dictionary<string, object>
        {
            ["rgb"] = new NDArray(DType.UInt8, [32, 32, 3], rgb),
            ["depth"] = NDArray.From<float>(depth, 32, 32, 1),
            ["pose"] = NDArray.From<float>(new float[7], 7),
            ["goal"] = NDArray.Vector(5f, MathF.PI / 2),
        };
        var image = new float[inputs.ImageValues];
        var vector = new float[3];
        inputs.Write(obs, image, vector);
        Assert.That(image[px + 5], Is.EqualTo(1f), "green plane, pixel 5");
        Assert.That(image[5], Is.Zero);
        Assert.That(image[3 * px + 7], Is.EqualTo(1 - MathF.Exp(-1)).Within(1e-6), "2 m at a 2 m scale");
        Assert.That(image[3 * px + 8], Is.EqualTo(1f), "no hit reads as far");
        Assert.That(vector, Is.EqualTo(new[] { 0.5f, 0f, 1f }).Within(1e-6));
    }

    [Test]
    public void For_NoDepthNoGoal_ColourOnly()
    {
        PolicyInputs inputs = PolicyInputs.For(Space(depth: false, goal: false));
        Assert.That((inputs.Channels, inputs.VectorValues), Is.EqualTo((3, 0)));
    }

    private static IEnumerable<TestCaseData> BadSpaces()
    {
        yield return new TestCaseData(new DiscreteSpace(3), "rgb").SetName("For_NotADict_AsksForRgb");
        yield return new TestCaseData(new DictSpace([new("depth", new BoxSpace(0, 1, [32, 32, 1], DType.Float32))]), "rgb").SetName("For_NoRgb_AsksForRgb");
        yield return new TestCaseData(Space(false, false, side: 16), "at least 24").SetName("For_TinyImage_SaysTheSmallest");
    }

    [TestCaseSource(nameof(BadSpaces))]
    public void For_BadSpace_ClearError(Space space, string expected)
    {
        var e = Assert.Throws<RtfmGymException>(() => PolicyInputs.For(space));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void Write_ObservationOfOtherSize_ClearError()
    {
        PolicyInputs inputs = PolicyInputs.For(Space(depth: false, goal: false));
        var obs = new Dictionary<string, object> { ["rgb"] = new NDArray(DType.UInt8, [24, 24, 3], new byte[24 * 24 * 3]) };
        var e = Assert.Throws<RtfmGymException>(() => inputs.Write(obs, new float[inputs.ImageValues], []));
        Assert.That(e!.Message, Does.Contain("camera size"));
    }
}
