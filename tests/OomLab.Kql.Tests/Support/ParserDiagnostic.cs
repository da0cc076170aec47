namespace OomLab.Kql.Tests.Support;

/// <summary>One diagnostic of Microsoft's KQL parser: its code (KS142), severity, offset and length in the query, message.</summary>
internal sealed record ParserDiagnostic(string Code, string Severity, int Start, int Length, string Message)
{
    public bool IsError => Severity == "Error";
}
