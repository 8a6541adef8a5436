namespace RtfmGym.Env.Worlds;

/// <summary>
/// An entry of <see cref="World.Objects"/>, indexed by the ids in a frame's object-id image.
/// Walls, floor and ceiling get one object per room (<see cref="RoomId"/>); each prop gets its own.
/// </summary>
public sealed record WorldObject(int Id, WorldObjectKind Kind, int RoomId, int PropId, int Material, string Name);
