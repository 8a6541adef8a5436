namespace RtfmGym.Imaging;

/// <summary>Liang-Barsky clipping of a line segment to an axis-aligned rectangle.</summary>
internal static class SegmentClipper
{
    /// <summary>
    /// Shortens the segment to the part inside [<paramref name="xMin"/>, <paramref name="xMax"/>] x
    /// [<paramref name="yMin"/>, <paramref name="yMax"/>]; false when no part lies inside.
    /// </summary>
    public static bool Clip(ref double x0, ref double y0, ref double x1, ref double y1,
        double xMin, double yMin, double xMax, double yMax)
    {
        double dx = x1 - x0, dy = y1 - y0, tEnter = 0, tExit = 1;
        if (!Edge(-dx, x0 - xMin, ref tEnter, ref tExit) || !Edge(dx, xMax - x0, ref tEnter, ref tExit)
            || !Edge(-dy, y0 - yMin, ref tEnter, ref tExit) || !Edge(dy, yMax - y0, ref tEnter, ref tExit))
            return false;
        double sx = x0, sy = y0;
        x0 = sx + tEnter * dx; y0 = sy + tEnter * dy;
        x1 = sx + tExit * dx; y1 = sy + tExit * dy;
        return true;
    }

    // p: how the segment moves against this edge; q: distance inside it at the start.
    private static bool Edge(double p, double q, ref double tEnter, ref double tExit)
    {
        if (p == 0) return q >= 0; // parallel: wholly in or out
        double t = q / p;
        if (p < 0)
        {
            if (t > tExit) return false;
            if (t > tEnter) tEnter = t;
        }
        else
        {
            if (t < tEnter) return false;
            if (t < tExit) tExit = t;
        }
        return true;
    }
}
