using RtfmGym.Env.Actions;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Test]
    public void Load_EveryShippedScenario_IsValid()
    {
        var files = TestScenarios.ShippedFiles().ToArray();
        Assert.That(files, Has.Length.GreaterThanOrEqualTo(5));
        foreach (string f in files) Assert.DoesNotThrow(() => ScenarioLoader.Load(f), f);
    }

    [Test]
    public void Load_PointNavSuite_HasAtLeast20EpisodesOverSeveralWorlds()
    {
        Scenario s = ScenarioLoader.Load(Path.Combine(TestScenarios.ScenariosDir, "pointnav-suite.yaml"));
        Assert.That(s.Episodes, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(s.Episodes.Select(e => e.WorldSeed).Distinct().Count(), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void Parse_FullScenario_ReadsEveryField()
    {
        Scenario s = ScenarioLoader.Parse("""
            name: full
            description: all fields
            seed: 9
            max_steps: 77
            frames: constant
            world: { seed: 5, rooms: 2, min_room_size: 3, max_room_size: 4, ceiling_height: 3, max_props_per_room: 1, corridor_width: 1.25 }
            camera: { width: 48, height: 40, fov_degrees: 60, mount_height: 1.0, pitch_degrees: -10 }
            observations: [rgb, pose]
            action: { kind: continuous, dt: 0.5, max_speed: 0.8, max_turn_rate_degrees: 45, clip: true }
            agent: { radius: 0.2 }
            task: { kind: explore, view_range: 3, area_reward: 0.5, step_cost: 0.02 }
            """, "full.yaml");
        Assert.That(s.Name, Is.EqualTo("full"));
        Assert.That(s.MaxSteps, Is.EqualTo(77));
        Assert.That(s.World.Rooms, Is.EqualTo(2));
        Assert.That(s.World.CorridorWidth, Is.EqualTo(1.25f));
        Assert.That(s.Camera.Width, Is.EqualTo(48));
        Assert.That(s.Camera.Pitch, Is.EqualTo(-10 * MathF.PI / 180).Within(1e-6f));
        Assert.That(s.Action.Kind, Is.EqualTo(ActionKind.Continuous));
        Assert.That(s.Action.ClipActions, Is.True);
        Assert.That(s.AgentRadius, Is.EqualTo(0.2f));
        Assert.That(s.Task.Kind, Is.EqualTo(TaskKind.Explore));
        Assert.That(s.Task.AreaReward, Is.EqualTo(0.5f));
    }

    // Each bad file: its text, the line and the field the error must name.
    private static IEnumerable<TestCaseData> BadFiles()
    {
        yield return Case("unknown top field", "name: a\nsed: 3\n", 2, "sed");
        yield return Case("unknown nested field", "name: a\nworld:\n  seed: 1\n  roms: 3\n", 4, "world.roms");
        yield return Case("missing name", "seed: 1\n", 1, "name");
        yield return Case("not yaml", "name: a\nworld: [1, 2\n", 0, "(syntax)");
        yield return Case("number expected", "name: a\nmax_steps: many\n", 2, "max_steps");
        yield return Case("out of range", "name: a\ncamera:\n  width: 1000\n", 3, "camera.width");
        yield return Case("bad action kind", "name: a\naction: { kind: teleport }\n", 2, "action.kind");
        yield return Case("bad observation", "name: a\nobservations: [rgb, smell]\n", 2, "observations[1]");
        yield return Case("observations without rgb", "name: a\nobservations: [depth]\n", 2, "observations");
        yield return Case("start inside wall", "name: a\nworld: { seed: 7 }\nstart:\n  position: [0.1, 0.1]\n", 4, "start");
        yield return Case("goal off the floor", "name: a\nworld: { seed: 7 }\ntask:\n  kind: pointnav\n  goal: [0.1, 0.1]\n", 5, "task.goal");
        yield return Case("goal distance range inverted", "name: a\ntask: { min_goal_distance: 5, max_goal_distance: 2 }\n", 2, "task.max_goal_distance");
        yield return Case("episode start inside wall", "name: a\nepisodes:\n  - { seed: 1, world_seed: 7, start: { position: [0.1, 0.1] } }\n", 3, "episodes[0].start");
        yield return Case("recorded action outside space", "name: a\nrecord:\n  actions: [1, 2, 9]\n", 3, "record.actions[2]");
        yield return Case("negative seed", "name: a\nseed: -4\n", 2, "seed");
        yield return Case("world pool zero", "name: a\nworld:\n  seed: 7\n  pool: 0\n", 4, "world.pool");
        yield return Case("world pool fraction", "name: a\nworld: { pool: 2.5 }\n", 2, "world.pool");
        yield return Case("world pool with fixed start", "name: a\nworld: { seed: 7, pool: 10 }\nstart:\n  position: [3, 3]\n", 4, "start");
        yield return Case("capture spacing too small", "name: a\ncapture:\n  spacing: 0.1\n", 3, "capture.spacing");
        yield return Case("capture headings zero", "name: a\ncapture: { headings: 0 }\n", 2, "capture.headings");
        yield return Case("capture headings fraction", "name: a\ncapture: { headings: 2.5 }\n", 2, "capture.headings");
        yield return Case("capture unknown field", "name: a\ncapture:\n  every: 1\n", 3, "capture.every");
        yield return Case("capture not a map", "name: a\ncapture: 0.5\n", 2, "capture");
        yield return Case("world pool with fixed goal", "name: a\nworld: { seed: 7, pool: 10 }\ntask:\n  kind: pointnav\n  goal: [3, 3]\n", 5, "task.goal");
    }

    private static TestCaseData Case(string name, string yaml, int line, string field) =>
        new TestCaseData(yaml, line, field).SetName($"Parse_{name.Replace(' ', '_')}_NamesLineAndField");

    [TestCaseSource(nameof(BadFiles))]
    public void Parse_BadFile_NamesLineAndField(string yaml, int line, string field)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "bad.yaml"));
        Assert.That(e!.File, Is.EqualTo("bad.yaml"));
        Assert.That(e.Field, Is.EqualTo(field), e.Message);
        if (line > 0) Assert.That(e.Line, Is.EqualTo(line), e.Message);
        Assert.That(e.Message, Does.StartWith("bad.yaml:"));
    }

    [Test]
    public void Parse_Capture_ReadsSpacingAndHeadingsWithDefaults()
    {
        Assert.That(ScenarioLoader.Parse("name: a\ncapture: { spacing: 1.5, headings: 8 }\n", "a.yaml").Capture, Is.EqualTo(new CaptureSettings(1.5f, 8)));
        Assert.That(ScenarioLoader.Parse("name: a\ncapture: {}\n", "a.yaml").Capture, Is.EqualTo(new CaptureSettings(0.5f, 6)));
        Assert.That(ScenarioLoader.Parse("name: a\n", "a.yaml").Capture, Is.Null);
    }

    [Test]
    public void Parse_WorldPool_ReadBesideTheWorldOptions()
    {
        Scenario s = ScenarioLoader.Parse("name: a\nworld: { seed: 40, pool: 25, rooms: 3 }\n", "a.yaml");
        Assert.That((s.WorldPool, s.World.Seed, s.World.Rooms), Is.EqualTo((25, 40UL, 3)));
        Assert.That(ScenarioLoader.Parse("name: a\n", "a.yaml").WorldPool, Is.EqualTo(1));
    }

    [Test]
    public void Parse_UnreachableGoal_RejectedAtGoalLine()
    {
        // Corridors 0.75 m wide do not let an agent of radius 0.45 m through, so two rooms are cut off from each other.
        var world = RtfmGym.Env.Worlds.WorldGenerator.Generate(new RtfmGym.Env.Worlds.WorldOptions { Seed = 7, CorridorWidth = 0.75f });
        var rooms = world.Rooms.Where(r => r.Kind == RtfmGym.Env.Worlds.RoomKind.Room).ToArray();
        System.Numerics.Vector2 Centre(RtfmGym.Env.Worlds.Room r)
        {
            var rng = new RtfmGym.Env.Randomness.Rng(1);
            for (int k = 0; k < 10000; k++)
            {
                var p = new System.Numerics.Vector2((float)rng.Uniform(r.MinI, r.MaxI) * world.CellSize, (float)rng.Uniform(r.MinJ, r.MaxJ) * world.CellSize);
                if (world.Navigation.Clearance(p) > 0.6f) return p;
            }
            throw new AssertionException("no free point");
        }
        var a = Centre(rooms[0]);
        var b = Centre(rooms[1]);
        string F(float v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse($$"""
            name: fat
            world: { seed: 7, corridor_width: 0.75 }
            agent: { radius: 0.45 }
            start: { position: [{{F(a.X)}}, {{F(a.Y)}}] }
            task:
              kind: pointnav
              goal: [{{F(b.X)}}, {{F(b.Y)}}]
            """, "fat.yaml"));
        Assert.That(e!.Field, Is.EqualTo("task.goal"));
        Assert.That(e.Line, Is.EqualTo(7));
        Assert.That(e.Problem, Does.Contain("cannot be reached"));
    }

    [Test]
    public void Load_MissingFile_SaysHowToFindScenarios()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("/no/such/file.yaml"));
        Assert.That(e!.Message, Does.Contain("rtfmgym scenarios"));
    }
}
