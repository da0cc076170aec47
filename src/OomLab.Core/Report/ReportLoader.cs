using System.Text.Json;

namespace OomLab.Report;

/// <summary>
/// Builds a <see cref="ReportModel"/> from a bundle or a telemetry store: the series and markers come from
/// the store through the KQL engine, the phases, verdict, queries and diagnosis from the bundle's JSON files.
/// A file that is present but unreadable becomes a problem shown in the report, not a failure.
/// </summary>
internal static partial class ReportLoader
{
    /// <summary>
    /// Loads what <paramref name="source"/> holds; throws <see cref="ReportException"/> when it holds nothing to report on.
    /// Its stores are queried through <paramref name="telemetry"/> when that is the same stores, already open.
    /// </summary>
    public static ReportModel Load(ReportSource source, ReportOptions? options = null, Telemetry.TelemetryTableSource? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ReportOptions.Default;
        var problems = new List<string>();
        var settings = ReadBundle(source.Settings, problems);
        var scenario = ReadBundle(source.Scenario, problems);
        var model = new ReportModel { Title = "oomlab report", Source = source.Path };
        model = WithRun(model, settings, scenario);
        if (source.Telemetry.Count > 0)
        {
            try
            {
                model = WithTelemetry(model, source.Telemetry, options, telemetry);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                throw new ReportException(string.Join(", ", source.Telemetry), ReportMessages.NotATelemetryStore(e.Message));
            }
        }

        if (ReadJson(source.Verdict, problems) is { } verdict)
        {
            model = model with { Verdict = Verdict(verdict) };
        }

        if (ReadJson(source.Session, problems) is { } session)
        {
            model = model with { Queries = Queries(session, options) };
        }

        if (ReadJson(source.Diagnosis, problems) is { } diagnosis)
        {
            model = model with { Diagnosis = DiagnosisReader.Read(diagnosis) };
        }

        return model with { Problems = problems };
    }

    private static Lab.Bundle.RunBundle? ReadBundle(string? path, List<string> problems) =>
        Read(path, problems, Lab.Bundle.RunBundle.Read);

    private static JsonElement? ReadJson(string? path, List<string> problems) =>
        Read<JsonElement?>(path, problems, file =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.Clone();
        });

    private static T? Read<T>(string? path, List<string> problems, Func<string, T?> read)
    {
        if (path is null)
        {
            return default;
        }

        try
        {
            return read(path);
        }
        catch (JsonException e)
        {
            problems.Add(ReportMessages.Unreadable(Path.GetFileName(path), $"line {e.LineNumber + 1}: {e.Message}"));
        }
        catch (IOException e)
        {
            problems.Add(ReportMessages.Unreadable(Path.GetFileName(path), e.Message));
        }

        return default;
    }
}
