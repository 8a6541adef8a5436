namespace RtfmGym.Env.Worlds;

/// <summary>
/// A rectangular floor region of the layout grid, in cells: x cells [MinI, MaxI), z cells [MinJ, MaxJ).
/// Each region has its own wall, floor and ceiling materials (indices into <see cref="World.Materials"/>).
/// </summary>
public sealed record Room(int Id, string Name, RoomKind Kind, int MinI, int MinJ, int MaxI, int MaxJ, int WallMaterial, int FloorMaterial, int CeilingMaterial);
