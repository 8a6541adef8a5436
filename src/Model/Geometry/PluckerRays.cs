using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Model.Geometry;

/// <summary>
/// Per-pixel Plücker ray embeddings: for the ray through each pixel centre, its unit direction d
/// in world coordinates and its moment o × d, where o is the camera centre divided by the
/// position scale. This is how pose reaches the network: as geometry (which world line each
/// pixel sees), not as an ID, so that the model can learn that the world is a 3D Euclidean
/// space without ever predicting that geometry. World frame: metres, right-handed, y up.
/// </summary>
public static class PluckerRays
{
    /// <summary>
    /// Writes the six ray channels of every pixel into <paramref name="tokens"/> (token layout,
    /// see <see cref="TokenLayout"/>), starting at channel <paramref name="firstChannel"/> of
    /// tokens with <paramref name="channels"/> channels each.
    /// </summary>
    /// <param name="pose">Camera pose (camera looks along its -Z, +Y up).</param>
    /// <param name="camera">Intrinsics; the image side must be a multiple of <paramref name="patch"/>.</param>
    /// <param name="positionScale">Metres per unit of ray origin.</param>
    /// <param name="patch">Patch side, pixels.</param>
    /// <param name="tokens">Destination, at least tokens × channels × patch² values.</param>
    /// <param name="channels">Channels per token pixel.</param>
    /// <param name="firstChannel">Where the six ray channels start.</param>
    public static void Write(Pose pose, CameraIntrinsics camera, float positionScale, int patch, Span<float> tokens, int channels, int firstChannel)
    {
        var layout = new TokenLayout(camera.Width, camera.Height, patch, channels);
        Vector3 origin = pose.Position / positionScale;
        Span<float> ray = stackalloc float[6];
        for (int v = 0; v < camera.Height; v++)
        {
            for (int u = 0; u < camera.Width; u++)
            {
                Vector3 d = Vector3.Normalize(Vector3.Transform(camera.RayDirection(u + 0.5f, v + 0.5f), pose.Orientation));
                Vector3 m = Vector3.Cross(origin, d);
                (ray[0], ray[1], ray[2], ray[3], ray[4], ray[5]) = (d.X, d.Y, d.Z, m.X, m.Y, m.Z);
                for (int c = 0; c < 6; c++) tokens[layout.Index(u, v, firstChannel + c)] = ray[c];
            }
        }
    }
}
