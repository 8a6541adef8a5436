using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tasks;

/// <summary>What a task sees of its episode: the world, the scenario, whether the action kind can stop, and the episode's task generator.</summary>
public sealed record TaskContext(World World, Scenario Scenario, bool HasStop, Rng Rng);
