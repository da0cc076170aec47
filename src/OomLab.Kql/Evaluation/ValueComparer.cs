using System.Text.Json.Nodes;

namespace OomLab.Kql.Evaluation;

/// <summary>Orders two non-null scalars: numbers numerically, strings ordinally, others by ticks or JSON text.</summary>
internal static class ValueComparer
{
    public static int Compare(in KqlValue a, in KqlValue b)
    {
        if (a.Type == KqlType.String || b.Type == KqlType.String)
        {
            return string.CompareOrdinal(a.ToText(), b.ToText());
        }

        if (a.Type == KqlType.Dynamic || b.Type == KqlType.Dynamic)
        {
            return string.CompareOrdinal(a.Dynamic?.ToJsonString() ?? a.ToText(), b.Dynamic?.ToJsonString() ?? b.ToText());
        }

        if (a.Type == KqlType.Real || b.Type == KqlType.Real)
        {
            return (a.AsReal() ?? 0).CompareTo(b.AsReal() ?? 0);
        }

        return a.Long.CompareTo(b.Long);
    }

    public static bool Equal(in KqlValue a, in KqlValue b) =>
        a.IsNull || b.IsNull ? a.IsNull && b.IsNull : a.Type == KqlType.Dynamic && b.Type == KqlType.Dynamic
            ? JsonNode.DeepEquals(a.Dynamic, b.Dynamic)
            : Compare(a, b) == 0;
}
