namespace OomLab.Telemetry.Import;

/// <summary>How an export file is written, as its first bytes tell: JSON (any of its shapes) or CSV.</summary>
internal enum ExportShape
{
    Json,
    Csv,
}
