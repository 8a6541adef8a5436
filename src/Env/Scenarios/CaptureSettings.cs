using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Scenarios;

/// <summary>
/// A capture of the world (<c>capture</c> in a scenario): ground-truth views taken at reset on a square grid over
/// the world's free floor, <see cref="Headings"/> views per point, put into the spatial memory like the start's
/// seed views. A learned frame source then draws every frame from true views near it (it reconstructs, as from a
/// set of photographs of a room) rather than from its own earlier frames (it generates, and a rollout of its own
/// frames fades). A source that does not draw from context (the ground truth) ignores it.
/// </summary>
/// <param name="Spacing">Metres between neighbouring capture points, along x and along z; 0.25 to 10.</param>
/// <param name="Headings">Views per point, evenly spaced in heading from heading 0; 1 to 36.</param>
public sealed record CaptureSettings(float Spacing = CaptureSettings.DefaultSpacing, int Headings = CaptureSettings.DefaultHeadings)
{
    /// <summary>Default spacing, metres: the spatial memory's cell size, so that each capture view has a slot of its own.</summary>
    public const float DefaultSpacing = 0.5f;

    /// <summary>Default views per point: six, 60 degrees apart, so that 90-degree views overlap by a third.</summary>
    public const int DefaultHeadings = 6;

    /// <summary>Smallest spacing, metres.</summary>
    public const float MinSpacing = 0.25f;

    /// <summary>Largest spacing, metres.</summary>
    public const float MaxSpacing = 10f;

    /// <summary>Most views per point.</summary>
    public const int MaxHeadings = 36;

    private readonly float _spacing = CheckSpacing(Spacing);
    private readonly int _headings = CheckHeadings(Headings);

    /// <summary>Metres between neighbouring capture points, checked to be <see cref="MinSpacing"/> to <see cref="MaxSpacing"/> (also in <c>with</c>).</summary>
    public float Spacing { get => _spacing; init => _spacing = CheckSpacing(value); }

    /// <summary>Views per point, checked to be 1 to <see cref="MaxHeadings"/> (also in <c>with</c>).</summary>
    public int Headings { get => _headings; init => _headings = CheckHeadings(value); }

    private static float CheckSpacing(float spacing) => spacing is >= MinSpacing and <= MaxSpacing
        ? spacing : throw new ArgumentOutOfRangeException(nameof(Spacing), spacing, $"The capture spacing must be {MinSpacing} to {MaxSpacing} metres.");

    private static int CheckHeadings(int headings) => headings is >= 1 and <= MaxHeadings
        ? headings : throw new ArgumentOutOfRangeException(nameof(Headings), headings, $"The capture headings must be 1 to {MaxHeadings}.");

    /// <summary>
    /// The capture's floor poses in <paramref name="world"/>: the points of a grid of <see cref="Spacing"/> (the first half a
    /// spacing in from the world's corner at the origin) where a body of <paramref name="agentRadius"/> metres stands free,
    /// row by row along x, each with <see cref="Headings"/> headings (radians, counter-clockwise about y) from 0.
    /// </summary>
    public IReadOnlyList<FloorPose> Poses(World world, float agentRadius)
    {
        ArgumentNullException.ThrowIfNull(world);
        var poses = new List<FloorPose>();
        // Points by index rather than by summing spacings, so that rounding does not add or drop a row.
        int columns = (int)MathF.Ceiling(world.SizeX / Spacing - 0.5f), rows = (int)MathF.Ceiling(world.SizeZ / Spacing - 0.5f);
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < columns; i++)
            {
                var xz = new Vector2((i + 0.5f) * Spacing, (j + 0.5f) * Spacing);
                if (!world.Navigation.IsFree(xz, agentRadius)) continue;
                for (int h = 0; h < Headings; h++) poses.Add(new FloorPose(xz, h * 2 * MathF.PI / Headings));
            }
        return poses;
    }
}
