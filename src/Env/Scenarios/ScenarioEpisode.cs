using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Scenarios;

/// <summary>One episode of a suite: its seed and, optionally, its own world seed, start and goal (overriding the scenario's).</summary>
public sealed record ScenarioEpisode(long Seed, ulong? WorldSeed, FloorPose? Start, Vector2? Goal, int Line);
