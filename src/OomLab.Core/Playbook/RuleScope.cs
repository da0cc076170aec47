using System.Text;

namespace OomLab.Playbook;

/// <summary>The names a rule or query can use, with their values, written as KQL <c>let</c> statements.</summary>
internal sealed class RuleScope
{
    private readonly List<KeyValuePair<string, object?>> values = [];

    public RuleScope()
    {
    }

    private RuleScope(IEnumerable<KeyValuePair<string, object?>> values) => this.values.AddRange(values);

    public RuleScope Set(string name, object? value)
    {
        var index = values.FindIndex(p => p.Key == name);
        if (index >= 0)
        {
            values[index] = KeyValuePair.Create(name, value);
        }
        else
        {
            values.Add(KeyValuePair.Create(name, value));
        }

        return this;
    }

    public object? Get(string name) => values.FirstOrDefault(p => p.Key == name).Value;

    public IEnumerable<KeyValuePair<string, object?>> Values => values;

    public RuleScope Copy() => new(values);

    /// <summary>The <c>let</c> statements, one a line, with <paramref name="extra"/> (more statements) after them.</summary>
    public string Preamble(string extra = "")
    {
        var text = new StringBuilder();
        foreach (var (name, value) in values)
        {
            text.Append("let ").Append(name).Append(" = ").Append(KqlLiteral.Format(value)).Append(";\n");
        }

        if (extra.Length > 0)
        {
            text.Append(extra.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
