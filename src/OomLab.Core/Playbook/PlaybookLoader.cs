using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OomLab.Playbook;

/// <summary>
/// Reads a playbook file (YAML; see docs/PLAYBOOK.md) and checks it whole: every key, every flow link, and
/// every query and rule compiled by the KQL engine against the telemetry tables and the signal names. A
/// problem throws <see cref="PlaybookException"/> naming the file, the line and column, and the key.
/// </summary>
internal static partial class PlaybookLoader
{
    /// <summary>The name shown for the playbook embedded in the tool.</summary>
    public const string BuiltInSource = "playbook.yaml (built in)";

    private const string ResourceName = "OomLab.Playbook.playbook.yaml";

    /// <summary>
    /// The playbook embedded in the tool. Its queries and rules are not compiled here: its tests check it whole
    /// (PlaybookLoaderTests), and compiling its hundred queries and rules on every run costs a diagnosis of a small
    /// run a fifth of its time. A problem would still be reported at its line when the query runs.
    /// </summary>
    public static PlaybookDefinition BuiltIn() => Parse(BuiltInText(), BuiltInSource, check: false);

    /// <summary>The embedded playbook's text (to start a custom one from).</summary>
    public static string BuiltInText()
    {
        using var stream = typeof(PlaybookLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads the playbook at <paramref name="path"/>.</summary>
    public static PlaybookDefinition LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new OomLabException($"--playbook \"{path}\": file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and checks playbook text; <paramref name="source"/> names it in errors.</summary>
    public static PlaybookDefinition Parse(string text, string source) => Parse(text, source, check: true);

    private static PlaybookDefinition Parse(string text, string source, bool check)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new PlaybookException(source, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty, $"not valid YAML: {Inner(ex).Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new PlaybookException(source, 1, 1, string.Empty, "the file is empty");
        }

        var root = new YamlMap(stream.Documents[0].RootNode, string.Empty, source,
            "name", "prelude", "signals", "decisionFlow", "severity", "hypotheses", "misreadings", "mitigations");
        var signals = Signals(root);
        var (start, flow) = Flow(root);
        var playbook = new PlaybookDefinition(
            root.RequiredString("name"),
            source,
            root.OptionalString("prelude"),
            signals,
            start,
            flow,
            root.Sequence("severity", required: true).Select((n, i) => Severity(new YamlMap(n, $"severity[{i}]", source, "level", "condition", "action", "when"))).ToList(),
            Hypotheses(root),
            root.Sequence("misreadings", required: false).Select((n, i) => Misreading(new YamlMap(n, $"misreadings[{i}]", source, "id", "misreading", "whyIncorrect", "correct", "when"))).ToList(),
            root.Sequence("mitigations", required: false).Select((n, i) => Mitigation(new YamlMap(n, $"mitigations[{i}]", source, "id", "title", "when", "text"))).ToList());
        if (check)
        {
            PlaybookChecker.Check(playbook);
        }

        return playbook;
    }

    private static Exception Inner(Exception ex) => ex.InnerException is { } inner && ex.Message.StartsWith("(Line", StringComparison.Ordinal) ? inner : ex;

    private static List<SignalDefinition> Signals(YamlMap root)
    {
        var node = root.Find("signals") ?? throw root.Error(root.Node, string.Empty, "missing required key 'signals'");
        var map = new YamlMap(node, "signals", root.Source);
        var signals = new List<SignalDefinition>();
        foreach (var (key, value) in map.Node.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!Identifier().IsMatch(name))
            {
                throw map.Error(key, $"signals.{name}", "a signal name must be a KQL identifier (letters, digits, underscore; not starting with a digit)");
            }

            var signal = new YamlMap(value, $"signals.{name}", root.Source, "description", "query");
            signals.Add(new SignalDefinition(name, signal.OptionalString("description"), signal.Required("query")));
        }

        return signals;
    }

    private static (string Start, List<FlowNode> Nodes) Flow(YamlMap root)
    {
        var node = root.Find("decisionFlow") ?? throw root.Error(root.Node, string.Empty, "missing required key 'decisionFlow'");
        var flow = new YamlMap(node, "decisionFlow", root.Source, "start", "nodes");
        var nodes = flow.Sequence("nodes", required: true).Select((n, i) =>
        {
            var map = new YamlMap(n, $"decisionFlow.nodes[{i}]", root.Source, "id", "text", "when", "yes", "no", "next", "memoryIsCause");
            return new FlowNode(map.RequiredString("id"), map.RequiredString("text"), map.Optional("when"), Nullable(map, "yes"), Nullable(map, "no"), Nullable(map, "next"), map.OptionalBool("memoryIsCause"));
        }).ToList();
        return (flow.RequiredString("start"), nodes);
    }

    private static string? Nullable(YamlMap map, string key) => map.Optional(key)?.Value;

    private static SeverityRule Severity(YamlMap map) =>
        new(map.RequiredString("level"), map.RequiredString("condition"), map.OptionalString("action"), map.Required("when"));

    private static List<HypothesisDefinition> Hypotheses(YamlMap root) =>
        root.Sequence("hypotheses", required: true).Select((n, i) =>
        {
            var map = new YamlMap(n, $"hypotheses[{i}]", root.Source,
                "id", "title", "confirmingSignal", "disprovingSignal", "disproofCheck", "tables", "requires", "confirm", "disprove", "score", "query");
            return new HypothesisDefinition(
                map.RequiredString("id"), map.RequiredString("title"), map.OptionalString("confirmingSignal"), map.OptionalString("disprovingSignal"),
                map.OptionalString("disproofCheck"), map.StringList("tables"), map.Optional("requires"), map.Required("confirm"), map.Required("disprove"),
                map.Optional("score"), map.Required("query"));
        }).ToList();

    private static MisreadingDefinition Misreading(YamlMap map) =>
        new(map.RequiredString("id"), map.RequiredString("misreading"), map.OptionalString("whyIncorrect"), map.OptionalString("correct"), map.Required("when"));

    private static MitigationDefinition Mitigation(YamlMap map) =>
        new(map.RequiredString("id"), map.RequiredString("title"), map.Required("when"), map.OptionalString("text"));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex Identifier();
}
