using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>A prop's shape in the form ray intersection wants it, with exact ray tests.</summary>
internal readonly struct PropGeometry
{
    public readonly Vector3 Min, Max, Center;
    public readonly float Radius;
    public readonly PropShape Shape;

    public PropGeometry(Prop prop)
    {
        Shape = prop.Shape;
        Center = prop.Center;
        Vector3 h = Vector3.Abs(prop.HalfExtents);
        Radius = h.X;
        if (prop.Shape == PropShape.Sphere) h = new Vector3(h.X);
        else if (prop.Shape == PropShape.Cylinder) h = new Vector3(h.X, h.Y, h.X);
        Min = Center - h;
        Max = Center + h;
    }

    /// <summary>Whether <paramref name="p"/> lies inside the bounding box grown by <paramref name="margin"/> metres.</summary>
    public bool BoundsContain(Vector3 p, float margin) =>
        p.X >= Min.X - margin && p.Y >= Min.Y - margin && p.Z >= Min.Z - margin &&
        p.X <= Max.X + margin && p.Y <= Max.Y + margin && p.Z <= Max.Z + margin;

    /// <summary>
    /// The first entry of ray o + t d into the shape with t in [0, <paramref name="tMax"/>); rays
    /// starting inside the shape do not hit it (surface points are offset outwards instead).
    /// </summary>
    public bool Intersect(Vector3 o, Vector3 d, Vector3 invD, float tMax, out float t, out Vector3 normal)
    {
        switch (Shape)
        {
            case PropShape.Box: return IntersectBox(o, invD, tMax, out t, out normal);
            case PropShape.Cylinder: return IntersectCylinder(o, d, tMax, out t, out normal);
            default: return IntersectSphere(o, d, tMax, out t, out normal);
        }
    }

    private bool IntersectBox(Vector3 o, Vector3 invD, float tMax, out float t, out Vector3 normal)
    {
        Vector3 t0 = (Min - o) * invD, t1 = (Max - o) * invD;
        Vector3 near = Vector3.Min(t0, t1), far = Vector3.Max(t0, t1);
        float tNear = MathF.Max(MathF.Max(near.X, near.Y), near.Z);
        float tFar = MathF.Min(MathF.Min(far.X, far.Y), far.Z);
        t = tNear;
        normal = default;
        if (!(tNear <= tFar) || tNear < 0 || tNear >= tMax) return false;
        if (tNear == near.X) normal = new Vector3(invD.X < 0 ? 1 : -1, 0, 0);
        else if (tNear == near.Y) normal = new Vector3(0, invD.Y < 0 ? 1 : -1, 0);
        else normal = new Vector3(0, 0, invD.Z < 0 ? 1 : -1);
        return true;
    }

    private bool IntersectCylinder(Vector3 o, Vector3 d, float tMax, out float t, out Vector3 normal)
    {
        t = float.PositiveInfinity;
        normal = default;
        float ox = o.X - Center.X, oz = o.Z - Center.Z;
        float a = d.X * d.X + d.Z * d.Z;
        if (a > 1e-12f)
        {
            float b = ox * d.X + oz * d.Z;
            float c = ox * ox + oz * oz - Radius * Radius;
            float disc = b * b - a * c;
            if (disc < 0) return false;
            float ts = (-b - MathF.Sqrt(disc)) / a;
            if (ts >= 0 && ts < tMax)
            {
                float y = o.Y + ts * d.Y;
                if (y >= Min.Y && y <= Max.Y)
                {
                    t = ts;
                    normal = new Vector3((ox + ts * d.X) / Radius, 0, (oz + ts * d.Z) / Radius);
                    return true;
                }
            }
        }
        // The caps: only the one facing the ray origin can be entered first.
        if (d.Y == 0) return false;
        float capY = d.Y < 0 ? Max.Y : Min.Y;
        if (d.Y < 0 ? o.Y < capY : o.Y > capY) return false;
        float tc = (capY - o.Y) / d.Y;
        if (tc < 0 || tc >= tMax) return false;
        float px = ox + tc * d.X, pz = oz + tc * d.Z;
        if (px * px + pz * pz > Radius * Radius) return false;
        t = tc;
        normal = new Vector3(0, d.Y < 0 ? 1 : -1, 0);
        return true;
    }

    private bool IntersectSphere(Vector3 o, Vector3 d, float tMax, out float t, out Vector3 normal)
    {
        Vector3 oc = o - Center;
        float a = d.LengthSquared();
        float b = Vector3.Dot(oc, d);
        float c = oc.LengthSquared() - Radius * Radius;
        float disc = b * b - a * c;
        t = 0;
        normal = default;
        if (disc < 0 || c < 0) return false;
        t = (-b - MathF.Sqrt(disc)) / a;
        if (t < 0 || t >= tMax) return false;
        normal = (oc + t * d) / Radius;
        return true;
    }

    /// <summary>Texture coordinates in metres on the surface at world point <paramref name="p"/> with unit normal <paramref name="n"/>.</summary>
    public (float U, float V) SurfaceCoordinates(Vector3 p, Vector3 n)
    {
        Vector3 q = p - Center;
        switch (Shape)
        {
            case PropShape.Box:
                if (MathF.Abs(n.X) > 0.5f) return (p.Z, p.Y);
                if (MathF.Abs(n.Y) > 0.5f) return (p.X, p.Z);
                return (p.X, p.Y);
            case PropShape.Cylinder:
                if (MathF.Abs(n.Y) > 0.5f) return (p.X, p.Z);
                return (MathF.Atan2(q.Z, q.X) * Radius, p.Y);
            default:
                return (MathF.Atan2(q.Z, q.X) * Radius, MathF.Asin(Math.Clamp(q.Y / Radius, -1f, 1f)) * Radius);
        }
    }
}
