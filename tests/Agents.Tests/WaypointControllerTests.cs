using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents.Tests;

public class WaypointControllerTests
{
    private static WaypointController Discrete(params Vector2[] route)
    {
        var c = new WaypointController(new DiscreteSpace(8), new ActionSettings(), goalTolerance: 0.15f);
        c.SetRoute(route);
        return c;
    }

    [Test]
    public void Act_WaypointOvershotByHalfAStep_MovesOnInsteadOfTurningBack()
    {
        // Facing -z at z = -1.125: the waypoint at z = -1 lies 0.125 m behind, the next one ahead.
        var c = Discrete(new Vector2(0, -1f), new Vector2(0, -3f));
        Assert.That(c.Act(new FloorPose(new Vector2(0, -1.125f), 0f)), Is.EqualTo((long)DiscreteAction.Forward));
    }

    [Test]
    public void Act_GoalWithinTolerance_Stops()
    {
        var c = Discrete(new Vector2(0, -1f));
        Assert.That(c.Act(new FloorPose(new Vector2(0.1f, -1f), 0f)), Is.EqualTo((long)DiscreteAction.Stop));
        Assert.That(c.Finished, Is.True);
    }

    [TestCase(1f, (long)DiscreteAction.TurnRight)]
    [TestCase(-1f, (long)DiscreteAction.TurnLeft)]
    public void Act_WaypointToTheSide_TurnsTowardIt(float x, long expected)
    {
        // Facing -z; +x is to the right.
        var c = Discrete(new Vector2(x, -0.2f));
        Assert.That(c.Act(new FloorPose(Vector2.Zero, 0f)), Is.EqualTo(expected));
    }
}
