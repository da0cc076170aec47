using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OomLab.Playbook;

/// <summary>A YAML mapping read with its key path, so that every problem names the file, the line and the key.</summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode node;
    private readonly HashSet<string> allowed;

    public YamlMap(YamlNode node, string path, string source, params string[] allowedKeys)
    {
        Path = path;
        Source = source;
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, "expected a mapping (key: value lines)");
        }

        this.node = mapping;
        allowed = new HashSet<string>(allowedKeys, StringComparer.Ordinal);
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (allowed.Count > 0 && !allowed.Contains(name))
            {
                throw Error(key, Join(name), $"unknown key; expected one of {string.Join(", ", allowedKeys)}");
            }
        }
    }

    public string Path { get; }

    public string Source { get; }

    public YamlMappingNode Node => node;

    public string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Find(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string RequiredString(string key) => Text(key, required: true)!.Value;

    public string OptionalString(string key, string fallback = "") => Text(key, required: false)?.Value ?? fallback;

    public PlaybookText Required(string key) => Text(key, required: true)!;

    public PlaybookText? Optional(string key) => Text(key, required: false);

    public PlaybookText? Text(string key, bool required)
    {
        var value = Find(key);
        if (value is null)
        {
            return required ? throw Error(node, Path, $"missing required key '{key}'") : null;
        }

        if (value is not YamlScalarNode scalar || scalar.Value is null || (required && scalar.Value.Trim().Length == 0))
        {
            throw Error(value, Join(key), "expected a non-empty text value");
        }

        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;

        // A block scalar (| or >) starts on the line after its indicator.
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            line++;
        }

        return new PlaybookText(scalar.Value.TrimEnd(), Join(key), line, column);
    }

    public bool? OptionalBool(string key)
    {
        var text = Text(key, required: false);
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text.Value, out var value)
            ? value
            : throw new PlaybookException(Source, text.Line, text.Column, text.Key, $"expected true or false, found '{text.Value}'");
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            throw Error(value, Join(key), "expected a list, e.g. [traces, requests]");
        }

        return sequence.Children.Select((item, i) => item is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw Error(item, $"{Join(key)}[{i}]", "expected a name")).ToList();
    }

    public IReadOnlyList<YamlNode> Sequence(string key, bool required)
    {
        var value = Find(key);
        if (value is null)
        {
            return required ? throw Error(node, Path, $"missing required key '{key}'") : [];
        }

        return value is YamlSequenceNode sequence ? sequence.Children.ToList() : throw Error(value, Join(key), "expected a list of entries (- ...)");
    }

    public PlaybookException Error(YamlNode at, string key, string problem) =>
        new(Source, (int)at.Start.Line, (int)at.Start.Column, key, problem);
}
