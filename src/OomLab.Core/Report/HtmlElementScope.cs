namespace OomLab.Report;

/// <summary>Closes the element <see cref="HtmlWriter.Open"/> opened, at the end of a <c>using</c> block.</summary>
internal readonly struct HtmlElementScope(HtmlWriter writer) : IDisposable
{
    public void Dispose() => writer.Close();
}
