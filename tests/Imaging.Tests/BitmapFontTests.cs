using RtfmGym.Imaging;

namespace RtfmGym.Imaging.Tests;

public class BitmapFontTests
{
    private static IEnumerable<char> Printable => Enumerable.Range(32, 95).Select(i => (char)i);

    private static string Key(char c) => Convert.ToHexString(BitmapFont.GlyphRows(c));

    [Test]
    public void GlyphRows_EveryPrintableAscii_DiffersFromTheUnknownBox()
    {
        string box = Key('\u00e9');
        Assert.That(Printable.Where(c => Key(c) == box), Is.Empty);
        Assert.That(Printable.All(BitmapFont.HasGlyph), Is.True);
        Assert.That(BitmapFont.HasGlyph('\t') || BitmapFont.HasGlyph('\u007f'), Is.False);
    }

    [Test]
    public void GlyphRows_PrintableAscii_AreAllDistinct()
    {
        var clashes = Printable.GroupBy(Key).Where(g => g.Count() > 1).Select(g => new string(g.ToArray()));
        Assert.That(clashes, Is.Empty);
    }

    [Test]
    public void GlyphRows_EveryPrintableButSpace_HasInkWithinFiveColumns()
    {
        foreach (char c in Printable)
        {
            ReadOnlySpan<byte> rows = BitmapFont.GlyphRows(c);
            Assert.That(rows.Length, Is.EqualTo(BitmapFont.GlyphHeight), $"'{c}'");
            int ink = 0;
            foreach (byte r in rows)
            {
                Assert.That(r, Is.LessThan(1 << BitmapFont.GlyphWidth), $"'{c}' uses a sixth column");
                ink |= r;
            }
            Assert.That(ink != 0, Is.EqualTo(c != ' '), $"'{c}'");
        }
    }

    [Test]
    public void GlyphRows_DescenderRow_IsUsedOnlyByDescenders()
    {
        string users = new(Printable.Where(c => BitmapFont.GlyphRows(c)[BitmapFont.GlyphHeight - 1] != 0).ToArray());
        Assert.That(users, Is.EqualTo(",;_gjpqy|"));
    }

    [Test]
    public void IsInk_OutsideTheGlyph_IsFalse()
    {
        Assert.That(BitmapFont.IsInk('M', 0, 0), Is.True);
        Assert.That(BitmapFont.IsInk('M', -1, 0) || BitmapFont.IsInk('M', 5, 0) || BitmapFont.IsInk('M', 0, 8), Is.False);
    }

    [Test]
    public void Measure_BadScale_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BitmapFont.Measure("x", 0));
        Assert.That(e!.ParamName, Is.EqualTo("scale"));
    }
}
