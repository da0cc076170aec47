using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Binding;

internal static partial class ScalarFunctions
{
    private static void AddDynamic(List<ScalarFunction> all)
    {
        all.Add(new("parse_json", 1, 1, Returns(KqlType.Dynamic), (a, _) => ParseJson(a[0])));
        all.Add(all[^1] with { Name = "todynamic" });
        all.Add(all[^1] with { Name = "toobject" });
        all.Add(new("array_length", 1, 1, Returns(KqlType.Long), (a, _) => a[0].Dynamic is JsonArray array ? KqlValue.FromLong(array.Count) : KqlValue.Null(KqlType.Long)));
        all.Add(new("bag_keys", 1, 1, Returns(KqlType.Dynamic), (a, _) => a[0].Dynamic is JsonObject obj ? KqlValue.FromDynamic(new JsonArray(obj.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray())) : KqlValue.Null(KqlType.Dynamic)));
        all.Add(new("pack_array", 1, 64, Returns(KqlType.Dynamic), (a, _) => KqlValue.FromDynamic(new JsonArray(a.ToArray().Select(v => DynamicValues.From(v)).ToArray()))));
        all.Add(new("bag_pack", 2, 64, Returns(KqlType.Dynamic), (a, _) => Pack(a)));
        all.Add(all[^1] with { Name = "pack" });

        // pack_all(true): bound by the binder over the row's columns; not a name a query can call.
        all.Add(new("\0pack_nonempty", 2, 4096, Returns(KqlType.Dynamic), (a, _) => Pack(a, skipEmpty: true)));
    }

    public static KqlValue ParseJsonText(string text) => ParseJson(KqlValue.FromString(text));

    private static KqlValue ParseJson(in KqlValue value)
    {
        if (value.Type == KqlType.Dynamic)
        {
            // A dynamic string holding JSON is parsed again, as parse_json does in KQL.
            return value.Dynamic is JsonValue v && v.TryGetValue<string>(out var text) ? KqlValue.FromDynamic(DynamicColumn.Parse(text)) : value;
        }

        return value.Type == KqlType.String ? KqlValue.FromDynamic(DynamicColumn.Parse(value.String)) : KqlValue.FromDynamic(DynamicValues.From(value));
    }

    private static KqlValue Pack(ReadOnlySpan<KqlValue> a, bool skipEmpty = false)
    {
        var obj = new JsonObject();
        for (var i = 0; i + 1 < a.Length; i += 2)
        {
            if (skipEmpty && (a[i + 1].IsNull || (a[i + 1].Type == KqlType.String && a[i + 1].String.Length == 0)))
            {
                continue;
            }

            obj[a[i].ToText()] = DynamicValues.From(a[i + 1]);
        }

        return KqlValue.FromDynamic(obj);
    }
}
