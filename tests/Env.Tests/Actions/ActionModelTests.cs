using RtfmGym.Env.Actions;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests.Actions;

public class ActionModelTests
{
    [Test]
    public void Interpret_DiscreteForward_MovesForwardStep()
    {
        var m = ActionModel.Create(new ActionSettings { ForwardStep = 0.3f });
        Assert.That(m.Interpret(1L).Forward, Is.EqualTo(0.3f));
        Assert.That(m.Interpret(7).Stop, Is.True);
        Assert.That(m.Interpret(5L).Yaw, Is.EqualTo(10 * MathF.PI / 180).Within(1e-6f));
    }

    [TestCase(8L)]
    [TestCase(-1L)]
    public void Interpret_DiscreteOutside_ThrowsWithSpace(long action)
    {
        var m = ActionModel.Create(new ActionSettings());
        var e = Assert.Throws<ActionOutOfSpaceException>(() => m.Interpret(action));
        Assert.That(e!.Message, Does.Contain("Discrete(8)").And.Contain(action.ToString()));
    }

    [Test]
    public void Interpret_ContinuousOutsideWithClip_Clipped()
    {
        var m = ActionModel.Create(new ActionSettings { Kind = ActionKind.Continuous, ClipActions = true, Dt = 0.5f });
        BodyMotion b = m.Interpret(new[] { 10.0, 0, 0 });
        Assert.That(b.Forward, Is.EqualTo(0.5f).Within(1e-6f), "1 m/s limit for 0.5 s");
    }

    [Test]
    public void Interpret_ContinuousOutsideWithoutClip_Throws()
    {
        var m = ActionModel.Create(new ActionSettings { Kind = ActionKind.Continuous });
        Assert.Throws<ActionOutOfSpaceException>(() => m.Interpret(new[] { 10.0, 0, 0 }));
        Assert.Throws<ActionOutOfSpaceException>(() => m.Interpret(NDArray.Vector(0f, 0f)));
    }

    [Test]
    public void Space_Free6Dof_HasSixBoundedDimensions()
    {
        var m = ActionModel.Create(new ActionSettings { Kind = ActionKind.Free6Dof });
        Assert.That(((BoxSpace)m.Space).Count, Is.EqualTo(6));
        Assert.That(m.HasStop, Is.False);
    }

    [Test]
    public void Validate_NonPositiveStep_Throws() =>
        Assert.Throws<ArgumentException>(() => ActionModel.Create(new ActionSettings { ForwardStep = 0 }));
}
