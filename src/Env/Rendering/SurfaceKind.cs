namespace RtfmGym.Env.Rendering;

/// <summary>What a traced ray hit.</summary>
internal enum SurfaceKind : byte
{
    None,
    Wall,
    Floor,
    Ceiling,
    Prop,
}
