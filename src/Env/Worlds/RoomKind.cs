namespace RtfmGym.Env.Worlds;

/// <summary>Whether a floor region is a room or a corridor joining rooms.</summary>
public enum RoomKind
{
    /// <summary>A room: an open area with props and lights.</summary>
    Room,
    /// <summary>A narrow passage joining rooms.</summary>
    Corridor,
}
