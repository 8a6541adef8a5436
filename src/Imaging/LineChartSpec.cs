namespace RtfmGym.Imaging;

/// <summary>
/// What <see cref="LineChart.Render"/> draws: a titled chart of one or more series with a linear x axis
/// and a linear or log10 y axis. Sizes are pixels; every property is checked when set.
/// </summary>
public sealed record LineChartSpec
{
    /// <summary>Smallest accepted <see cref="Width"/> and <see cref="Height"/>, in pixels.</summary>
    public const int MinSize = 160;

    /// <summary>Largest accepted <see cref="Width"/> and <see cref="Height"/>, in pixels.</summary>
    public const int MaxSize = 4096;

    private readonly string _title = "", _xLabel = "", _yLabel = "";
    private readonly int _width = 640, _height = 400, _textScale;
    private readonly IReadOnlyList<ChartSeries> _series = [];

    /// <summary>Drawn centred above the plot at twice the text scale; empty for none.</summary>
    public string Title { get => _title; init => _title = value ?? throw new ArgumentNullException(nameof(Title)); }

    /// <summary>Drawn centred below the x tick labels; empty for none.</summary>
    public string XLabel { get => _xLabel; init => _xLabel = value ?? throw new ArgumentNullException(nameof(XLabel)); }

    /// <summary>Drawn above the y axis (the font has no rotated text); empty for none.</summary>
    public string YLabel { get => _yLabel; init => _yLabel = value ?? throw new ArgumentNullException(nameof(YLabel)); }

    /// <summary>Whether the y axis is log10; points with y &lt;= 0 are then skipped.</summary>
    public bool LogY { get; init; }

    /// <summary>
    /// Whether the legend goes to the right of the plot (which narrows to make room) instead of inside its
    /// top-right corner, where it could hide points (a scatter of figures in [0, 1] crowds that corner). Default false.
    /// </summary>
    public bool LegendOutside { get; init; }

    /// <summary>Image width in pixels, <see cref="MinSize"/>..<see cref="MaxSize"/> (default 640).</summary>
    public int Width { get => _width; init => _width = InRange(value, MinSize, MaxSize, nameof(Width)); }

    /// <summary>Image height in pixels, <see cref="MinSize"/>..<see cref="MaxSize"/> (default 400).</summary>
    public int Height { get => _height; init => _height = InRange(value, MinSize, MaxSize, nameof(Height)); }

    /// <summary>
    /// Font scale for tick labels, axis labels and legend (1..8); 0, the default, picks the smaller of
    /// Width / 640 and Height / 400 rounded down (at least 1), so text keeps its share of a large picture.
    /// </summary>
    public int TextScale { get => _textScale; init => _textScale = InRange(value, 0, 8, nameof(TextScale)); }

    /// <summary>The series, drawn in this order (later ones on top) and listed in the legend.</summary>
    public IReadOnlyList<ChartSeries> Series
    {
        get => _series;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Series));
            if (value.Any(s => s is null)) throw new ArgumentException("Series entries must not be null.", nameof(Series));
            _series = value.ToArray();
        }
    }

    /// <summary>The text scale used: <see cref="TextScale"/>, or the automatic choice when it is 0.</summary>
    public int EffectiveTextScale => _textScale > 0 ? _textScale : Math.Clamp(Math.Min(_width / 640, _height / 400), 1, 8);

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
}
