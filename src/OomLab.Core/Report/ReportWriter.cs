using System.Diagnostics;
using System.Text;

namespace OomLab.Report;

/// <summary>Loads, renders and writes a report; what <c>oomlab report</c> and <c>oomlab lab</c> call.</summary>
internal static class ReportWriter
{
    /// <summary>
    /// Writes the report of <paramref name="source"/> (a bundle folder or a telemetry file) to
    /// <paramref name="output"/> (default: <c>report.html</c> in the bundle, or beside the telemetry file).
    /// <paramref name="telemetry"/>, when it is the source's store already open (a diagnosis' tables), is queried
    /// instead of opening the store again, so the columns it has loaded are not read twice.
    /// </summary>
    public static ReportWritten Write(string source, string? output = null, ReportOptions? options = null, Telemetry.TelemetryTableSource? telemetry = null) =>
        Write([source], output, options, telemetry);

    /// <summary>
    /// Writes the report of <paramref name="sources"/>: the first as <see cref="Write(string, string?, ReportOptions?, Telemetry.TelemetryTableSource?)"/>
    /// takes it, the telemetry stores of the others read with its own as one (<see cref="ReportSource.Resolve(IReadOnlyList{string})"/>).
    /// </summary>
    public static ReportWritten Write(IReadOnlyList<string> sources, string? output = null, ReportOptions? options = null, Telemetry.TelemetryTableSource? telemetry = null)
    {
        var started = Stopwatch.GetTimestamp();
        var resolved = ReportSource.Resolve(sources);
        var model = ReportLoader.Load(resolved, options, telemetry);
        var html = ReportRenderer.Render(model, options);
        var path = Path.GetFullPath(output ?? resolved.DefaultOutput);
        try
        {
            var directory = Path.GetDirectoryName(path);
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException(path, ReportMessages.CannotWrite(e.Message));
        }

        return new ReportWritten(path, new FileInfo(path).Length, Stopwatch.GetElapsedTime(started), model);
    }
}
