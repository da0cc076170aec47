using System.Text;
using System.Text.RegularExpressions;

namespace OomLab.Workers.Rpc;

/// <summary>
/// A blob binding's path, <c>container/pattern</c>, as the blob trigger reads it: <c>uploads/{name}</c> matches every
/// blob of <c>uploads</c> and binds <c>name</c>; <c>scanned/{name}.sha256</c> names an output from those values.
/// </summary>
internal sealed partial class BlobPath
{
    private readonly Regex matcher;
    private readonly string[] tokens;

    private BlobPath(string container, string pattern)
    {
        Container = container;
        Pattern = pattern;
        var regex = new StringBuilder("^");
        var names = new List<string>();
        var last = 0;
        foreach (Match token in TokenPattern().Matches(pattern))
        {
            regex.Append(Regex.Escape(pattern[last..token.Index]));
            var name = token.Groups[1].Value;
            // A token matches across '/' only when it is the last thing in the pattern, as the blob trigger's does.
            regex.Append(token.Index + token.Length == pattern.Length ? $"(?<t{names.Count}>.+)" : $"(?<t{names.Count}>[^/]+?)");
            names.Add(name);
            last = token.Index + token.Length;
        }

        regex.Append(Regex.Escape(pattern[last..])).Append('$');
        matcher = new Regex(regex.ToString(), RegexOptions.CultureInvariant);
        tokens = [.. names];
    }

    public string Container { get; }

    public string Pattern { get; }

    /// <summary>The names of the pattern's <c>{tokens}</c>.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>True when the path has any <c>{expression}</c>: such an output path cancels deferred binding.</summary>
    public bool HasExpression => tokens.Length > 0;

    /// <summary>Parses <c>container/pattern</c>; null when it is not of that shape.</summary>
    public static BlobPath? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text[..slash].Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        return new BlobPath(text[..slash], text[(slash + 1)..]);
    }

    /// <summary>The token values a blob name binds, or null when the name does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = matcher.Match(blobName);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tokens.Length; i++)
        {
            values[tokens[i]] = match.Groups[$"t{i}"].Value;
        }

        return values;
    }

    /// <summary>The blob name within <see cref="Container"/> for these token values; a token with no value stays as written.</summary>
    public string Expand(IReadOnlyDictionary<string, string> values) =>
        TokenPattern().Replace(Pattern, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    public override string ToString() => $"{Container}/{Pattern}";

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_\-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
