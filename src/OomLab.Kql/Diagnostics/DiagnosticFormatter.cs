using System.Text;

namespace OomLab.Kql;

internal static class DiagnosticFormatter
{
    public static string Format(KqlDiagnostic diagnostic, string query, string sourceName)
    {
        var builder = new StringBuilder();
        builder.Append(sourceName).Append(':').Append(diagnostic.Line).Append(':').Append(diagnostic.Column)
            .Append(": error ").Append(diagnostic.Code).Append(": ").Append(diagnostic.Message).Append('\n');
        var line = LineOf(query, diagnostic.Line);
        // Tabs are kept so that the caret line, which copies them, stays aligned in any terminal.
        builder.Append(line).Append('\n');
        var column = Math.Clamp(diagnostic.Column - 1, 0, line.Length);
        for (var i = 0; i < column; i++)
        {
            builder.Append(line[i] == '\t' ? '\t' : ' ');
        }

        var width = Math.Max(1, Math.Min(diagnostic.Length, Math.Max(1, line.Length - column)));
        builder.Append('^').Append('~', width - 1);
        return builder.ToString();
    }

    private static string LineOf(string query, int lineNumber)
    {
        var lines = query.Split('\n');
        return lineNumber >= 1 && lineNumber <= lines.Length ? lines[lineNumber - 1].TrimEnd('\r') : string.Empty;
    }
}
