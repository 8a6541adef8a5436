using RtfmGym.Env;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents;

/// <summary>
/// What an agent learns at the start of an episode: the spaces, the episode seed, and, for
/// privileged agents such as the oracle, the local environment's world (null when the
/// environment is remote or the agent must not cheat).
/// </summary>
public sealed record AgentContext(Space ActionSpace, Space ObservationSpace, long Seed, IWorldEnvironment? Privileged = null);
