using System.Buffers.Binary;
using RtfmGym.Env.Frames;
using RtfmGym.Env.IO;

namespace RtfmGym.Env.Tests.IO;

public class PngReaderTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Decode_Rgb8WithEachFilter_GivesThePixels(int filter)
    {
        var (png, rgb) = TestPng.Rgb(7, 5, seed: filter, filter: filter);
        Frame f = PngReader.Decode(png);
        Assert.That((f.Width, f.Height), Is.EqualTo((7, 5)));
        Assert.That(f.Rgb, Is.EqualTo(rgb));
        Assert.That(f.Depth, Is.Null);
    }

    [Test]
    public void Decode_Rgba16_KeepsTheHighBytesAndDropsAlpha()
    {
        // One pixel: R 0x1234, G 0xABCD, B 0x00FF, A 0x0000.
        byte[] png = TestPng.Encode(1, 1, [0x12, 0x34, 0xAB, 0xCD, 0x00, 0xFF, 0, 0], colour: 6, depth: 16, filter: 1);
        Assert.That(PngReader.Decode(png).Rgb, Is.EqualTo(new byte[] { 0x12, 0xAB, 0x00 }));
    }

    [Test]
    public void Decode_Grey1Bit_ScalesToFullRange()
    {
        byte[] png = TestPng.Encode(3, 1, [0b1010_0000], colour: 0, depth: 1);
        Assert.That(PngReader.Decode(png).Rgb, Is.EqualTo(new byte[] { 255, 255, 255, 0, 0, 0, 255, 255, 255 }));
    }

    [Test]
    public void Decode_Palette4Bit_LooksUpColours()
    {
        byte[] png = TestPng.Encode(2, 1, [0x10], colour: 3, depth: 4, palette: [1, 2, 3, 4, 5, 6]);
        Assert.That(PngReader.Decode(png).Rgb, Is.EqualTo(new byte[] { 4, 5, 6, 1, 2, 3 }));
    }

    [Test]
    public void Decode_GreyAlpha8_CopiesGreyToEachChannel()
    {
        byte[] png = TestPng.Encode(1, 1, [77, 9], colour: 4, depth: 8, filter: 4);
        Assert.That(PngReader.Decode(png).Rgb, Is.EqualTo(new byte[] { 77, 77, 77 }));
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        byte[] good = TestPng.Rgb(4, 4).Png;
        yield return new TestCaseData(System.Text.Encoding.ASCII.GetBytes("GIF89a not a png"), "not a PNG").SetName("Decode_NotPng_SaysSo");
        yield return new TestCaseData(good[..40], "cut short").SetName("Decode_CutShort_SaysSo");
        byte[] badCrc = (byte[])good.Clone();
        badCrc[20] ^= 0xFF; // inside IHDR's data
        yield return new TestCaseData(badCrc, "CRC").SetName("Decode_BadCrc_SaysCorrupt");
        yield return new TestCaseData(TestPng.Encode(1, 1, [0, 0, 0], interlace: 1), "interlaced").SetName("Decode_Interlaced_SaysSo");
        yield return new TestCaseData(TestPng.Encode(1, 1, [0, 0, 0], depth: 4), "not a valid combination").SetName("Decode_BadDepthForColour_SaysSo");
        yield return new TestCaseData(TestPng.Encode(1, 1, [0], colour: 3), "no palette").SetName("Decode_PaletteWithoutPlte_SaysSo");
        yield return new TestCaseData(TestPng.Encode(1, 1, [0, 0, 0], filter: 9), "unknown filter").SetName("Decode_UnknownFilter_SaysSo");
        yield return new TestCaseData(Huge(), "at most 4096x4096").SetName("Decode_HugeHeader_RefusedBeforeInflating");
    }

    /// <summary>A header claiming 100000x100000 pixels (the data is one pixel): refused from the header alone.</summary>
    private static byte[] Huge()
    {
        byte[] png = TestPng.Encode(1, 1, [0, 0, 0]);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.Of(png.AsSpan(12, 17)));
        return png;
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Decode_BadFile_ThrowsWithReason(byte[] bytes, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => PngReader.Decode(bytes));
        Assert.That(e!.Message, Does.Contain(reason));
    }

    [Test]
    public void Crc32_OfCheckString_IsTheStandardValue() => Assert.That(Crc32.Of("123456789"u8), Is.EqualTo(0xCBF43926u));
}
