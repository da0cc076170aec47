namespace OomLab.Report;

/// <summary>A mitigation: what to do, and optionally a snippet to paste (host.json, app settings, code).</summary>
/// <param name="Language">The snippet's language for its caption (<c>json</c>, <c>bash</c>, <c>csharp</c>), or empty.</param>
internal sealed record DiagnosisMitigation(string Title, string Text, string Snippet, string Language);
