namespace RtfmGym.Env.Worlds;

/// <summary>What an object id in a frame's id image refers to.</summary>
public enum WorldObjectKind
{
    Wall,
    Floor,
    Ceiling,
    Prop,
}
