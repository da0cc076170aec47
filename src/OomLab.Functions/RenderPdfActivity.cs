using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// Renders a small PDF order document to a preview: each page is rasterised at <c>RENDER_DPI</c> (default 300)
/// into a full-page 32-bit bitmap buffer (US Letter: 2550 x 3300 pixels, about 32 MiB at 300 dpi), all pages
/// are kept until the preview is composed, then a thumbnail is written. The input is a few KiB, the temporary
/// raster buffers are tens of MiB per page: concurrent renders exhaust memory, which returns after each burst.
/// </summary>
[Function("RenderPdfActivity")]
public sealed class RenderPdfActivity : IBlobFunction
{
    /// <summary>The resolution when <c>RENDER_DPI</c> is not set: 300 dpi.</summary>
    public const int DefaultDpi = 300;

    /// <summary>Bytes of input per page of the document: a page for every 4 KiB, one to three pages.</summary>
    public const int BytesPerPage = 4096;

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] document;
        using (var memory = new MemoryStream())
        {
            await using (var input = context.OpenRead())
            {
                await input.CopyToAsync(memory, cancellationToken);
            }

            document = memory.ToArray();
        }

        var dpi = int.TryParse(context.GetSetting("RENDER_DPI"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : DefaultDpi;
        var pages = Math.Clamp(document.Length / BytesPerPage, 1, 3);
        var width = (int)(8.5 * dpi);
        var height = 11 * dpi;
        var bitmaps = new List<byte[]>(pages);
        for (var page = 1; page <= pages; page++)
        {
            var bytes = checked(width * height * 4);
            context.Logger.Log(LogLevel.Information, string.Create(CultureInfo.InvariantCulture,
                $"Rasterizing PDF page {page} of {context.BlobName} at {dpi} dpi: bitmap buffer {bytes} bytes"));
            bitmaps.Add(Rasterize(document, page, width, height));
        }

        var thumbnail = Thumbnail(bitmaps, width, height, scale: 16);
        await using var output = context.CreateOutput(context.BlobName + ".thumbnail.rgba");
        await output.WriteAsync(thumbnail, cancellationToken);
    }

    /// <summary>Paints a page: each scan line takes its colour from the document's bytes.</summary>
    private static byte[] Rasterize(byte[] document, int page, int width, int height)
    {
        var bitmap = GC.AllocateUninitializedArray<byte>(checked(width * height * 4));
        var stride = width * 4;
        for (var y = 0; y < height; y++)
        {
            var ink = document.Length == 0 ? (byte)255 : document[(y * 31 + page) % document.Length];
            bitmap.AsSpan(y * stride, stride).Fill(ink);
        }

        return bitmap;
    }

    /// <summary>Averages every <paramref name="scale"/>-th pixel of every page into one small preview.</summary>
    private static byte[] Thumbnail(List<byte[]> pages, int width, int height, int scale)
    {
        var thumbWidth = width / scale;
        var thumbHeight = height / scale;
        var thumbnail = new byte[thumbWidth * thumbHeight * 4];
        for (var y = 0; y < thumbHeight; y++)
        {
            for (var x = 0; x < thumbWidth; x++)
            {
                var sum = 0;
                foreach (var page in pages)
                {
                    sum += page[(y * scale * width + x * scale) * 4];
                }

                thumbnail.AsSpan((y * thumbWidth + x) * 4, 4).Fill((byte)(sum / pages.Count));
            }
        }

        return thumbnail;
    }
}
