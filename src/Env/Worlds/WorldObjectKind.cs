namespace RtfmGym.Env.Worlds;

/// <summary>What an object id in a frame's id image refers to.</summary>
public enum WorldObjectKind
{
    /// <summary>A wall cell's face.</summary>
    Wall,
    /// <summary>The floor plane.</summary>
    Floor,
    /// <summary>The ceiling plane.</summary>
    Ceiling,
    /// <summary>A prop.</summary>
    Prop,
}
