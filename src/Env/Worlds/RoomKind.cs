namespace RtfmGym.Env.Worlds;

/// <summary>Whether a floor region is a room or a corridor joining rooms.</summary>
public enum RoomKind
{
    Room,
    Corridor,
}
