using System.Text;
using System.Text.RegularExpressions;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// <c>parse</c> becomes one regex (parse-operator.md, "Regex mode"): <c>*</c> is <c>.*?</c>, a string constant matches
    /// itself (in regex kind it is a regex), each column a named group converted to its type after the match.
    /// </summary>
    private QueryPlan BindParse(QueryPlan input, ParseSyntax syntax)
    {
        var source = BindScalar(syntax.Source, new Scope(input.Schema));
        if (syntax.Kind is not ("simple" or "regex" or "relaxed"))
        {
            Report(syntax.Span, Messages.InvalidArgument("parse", $"kind must be simple, regex or relaxed, not '{syntax.Kind}'"));
            return input;
        }

        var pattern = new StringBuilder("^");
        var outputs = new List<(string Name, KqlType Type)>();
        for (var i = 0; i < syntax.Elements.Count; i++)
        {
            var element = syntax.Elements[i];
            if (element.IsStar)
            {
                pattern.Append(".*?");
            }
            else if (element.Text is { } text)
            {
                pattern.Append(syntax.Kind == "regex" ? "(?:" + text + ")" : Regex.Escape(text));
            }
            else
            {
                var type = KqlType.String;
                if (element.TypeName is not null && !KqlTypes.TryParse(element.TypeName, out type))
                {
                    Report(element.Span, Messages.Expected("a type name", $"'{element.TypeName}'"));
                }

                // A typed column matches its type's pattern; in relaxed kind, failing that, any text (which converts to null).
                // A string column matches lazily (the last one greedily) in simple and relaxed kinds, greedily in regex kind
                // unless the U flag is given.
                var last = i == syntax.Elements.Count - 1;
                var typed = type switch
                {
                    KqlType.Int or KqlType.Long => @"[\-\+]?\d+",
                    KqlType.Real => @"[\-\+]?(?:\d+\.?\d*|\.\d+)(?:[eE][\-\+]?\d+)?",
                    KqlType.Bool => "true|false|True|False|TRUE|FALSE|1|0",
                    _ => null,
                };
                var any = syntax.Kind == "regex" ? (syntax.Flags?.Contains('U', StringComparison.Ordinal) == true ? ".*?" : ".*") : last ? ".*" : ".*?";
                var group = "(?<p" + outputs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ">";
                pattern.Append(group + (typed is null ? any : syntax.Kind == "relaxed" ? typed + "|" + any : typed) + ")");
                outputs.Add((element.Column!, type));
            }
        }

        var options = RegexOptions.None;
        foreach (var flag in syntax.Flags ?? string.Empty)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => RegexOptions.None,
            };
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern.ToString().Replace("(?P<", "(?<", StringComparison.Ordinal), options, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            Report(syntax.Span, Messages.InvalidArgument("parse", e.Message));
            return input;
        }

        var columns = input.Schema.Columns.ToList();
        var ordinals = new List<int>();
        foreach (var (name, type) in outputs)
        {
            var existing = columns.FindIndex(c => c.Name == name);
            if (existing >= 0)
            {
                columns[existing] = (name, type);
                ordinals.Add(existing);
            }
            else
            {
                ordinals.Add(columns.Count);
                columns.Add((name, type));
            }
        }

        return new ParsePlan(input, source, regex, ordinals.Select((o, i) => (o, outputs[i].Type)).ToList(), syntax.Kind == "relaxed", new Schema(columns), syntax.Span) { DropsUnmatched = syntax.DropsUnmatched };
    }
}
