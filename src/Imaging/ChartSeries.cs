namespace RtfmGym.Imaging;

/// <summary>
/// One named line of a <see cref="LineChart"/>: (x, y) points joined in the order given, drawn in
/// <see cref="Colour"/>. Points with a non-finite coordinate (or y &lt;= 0 on a log axis) are skipped and
/// their neighbours joined. The points are copied, so later changes to the caller's list do not show.
/// </summary>
public sealed record ChartSeries
{
    private readonly string _name = "";
    private readonly IReadOnlyList<(double X, double Y)> _points = [];

    /// <summary>A series named <paramref name="name"/> (shown in the legend unless empty).</summary>
    public ChartSeries(string name, IReadOnlyList<(double X, double Y)> points, Rgb8 colour)
    {
        Name = name;
        Points = points;
        Colour = colour;
    }

    /// <summary>A series of <paramref name="values"/> at x = <paramref name="x0"/>, x0 + <paramref name="dx"/>, ... (e.g. a loss a step).</summary>
    public static ChartSeries FromValues(string name, IReadOnlyList<double> values, Rgb8 colour, double x0 = 0, double dx = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        var points = new (double X, double Y)[values.Count];
        for (int i = 0; i < points.Length; i++) points[i] = (x0 + i * dx, values[i]);
        return new ChartSeries(name, points, colour);
    }

    /// <summary>Legend text; empty leaves the series out of the legend.</summary>
    public string Name
    {
        get => _name;
        init => _name = value ?? throw new ArgumentNullException(nameof(Name));
    }

    /// <summary>The points in data units, joined in this order.</summary>
    public IReadOnlyList<(double X, double Y)> Points
    {
        get => _points;
        init => _points = value?.ToArray() ?? throw new ArgumentNullException(nameof(Points));
    }

    /// <summary>Line and legend colour.</summary>
    public Rgb8 Colour { get; init; }
}
