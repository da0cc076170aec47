using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;

namespace OomLab.Kql.Tests;

/// <summary>
/// A member read by a constant key from a dimension's JSON text (<c>customDimensions.Key</c>) gives what a full
/// JSON parse gives, whether the flat-object fast path or the full reader answers.
/// </summary>
public sealed class DynamicMemberTests
{
    [Theory]
    [InlineData("""{"a":"1","b":"2"}""", "String:\"1\"")]
    [InlineData("""  {"b" : "2" , "a" : "v w" }  """, "String:\"v w\"")]
    [InlineData("""{"a":"1","a":"2"}""", "String:\"2\"")]
    [InlineData("""{"a":"1","a":null}""", "null")]
    [InlineData("""{"a":null,"a":"3"}""", "String:\"3\"")]
    [InlineData("""{"a":"x\"y"}""", "String:\"x\\u0022y\"")]
    [InlineData("""{"a":"\u00e9"}""", "String:\"\\u00E9\"")]
    [InlineData("""{"a":"é€"}""", "String:\"\\u00E9\\u20AC\"")]
    [InlineData("""{"a":12}""", "Number:12")]
    [InlineData("""{"a":1.50}""", "Number:1.50")]
    [InlineData("""{"a":true}""", "True:true")]
    [InlineData("""{"a":{"b":1}}""", "Object:{\"b\":1}")]
    [InlineData("""{"a":[1,"x"]}""", "Array:[1,\"x\"]")]
    [InlineData("""{"b":true,"c":false,"d":null,"e":-1.5e+3,"f":0,"a":"v"}""", "String:\"v\"")]
    [InlineData("""{"b":{"a":"inner"}}""", "null")]
    [InlineData("""{"a":"1",}""", "null")]
    [InlineData("""{"a":"1"} x""", "null")]
    [InlineData("{\"a\":\"1\"", "null")]
    [InlineData("""{"b":01,"a":"v"}""", "null")]
    [InlineData("""{"b":tru,"a":"v"}""", "null")]
    [InlineData("""{"b":1.,"a":"v"}""", "null")]
    [InlineData("{\"a\":\"x\ty\"}", "null")]
    [InlineData("""["a"]""", "null")]
    [InlineData("\"a\"", "null")]
    [InlineData("""{"ab":"1"}""", "null")]
    [InlineData("", "null")]
    public void Member_of_json_text_is_what_a_full_parse_gives(string text, string expected)
    {
        Describe(Member(text, "a")).ShouldBe(expected);
        Describe(Member(text, "a")).ShouldBe(Reference(text, "a"));
    }

    [Fact]
    public void Member_of_random_flat_and_broken_objects_is_what_a_full_parse_gives()
    {
        var random = new Random(20260405);
        for (var i = 0; i < 5000; i++)
        {
            var text = RandomObject(random);
            Describe(Member(text, "a")).ShouldBe(Reference(text, "a"), text);
        }
    }

    [Fact]
    public void Flat_objects_with_string_members_are_read_without_the_full_reader()
    {
        FlatJsonMember.TryRead("""{"ContentLengthBytes":"200000001","n":3}""", "ContentLengthBytes", out var member).ShouldBeTrue();
        member!.GetValue<string>().ShouldBe("200000001");
        FlatJsonMember.TryRead("""{"ContentLengthBytes":200000001}""", "ContentLengthBytes", out _).ShouldBeFalse();
    }

    [Fact]
    public void Members_are_read_per_row_through_views_and_repeated_texts()
    {
        var texts = new object?[] { """{"a":"1"}""", """{"a":"2","a":"5"}""", null, """{"a":"1"}""", "not json", """{"a":7}""" };
        var column = new DynamicColumn(texts);
        var rows = Enumerable.Range(0, texts.Length).Select(r => Describe(column.Member(r, "a"))).ToArray();
        rows.ShouldBe(["String:\"1\"", "String:\"5\"", "null", "String:\"1\"", "null", "Number:7"]);

        var view = (DynamicColumn)column.Gather([5, 3, -1, 1]);
        var into = new object?[4];
        view.ReadMembers("a", into);
        into.Select(m => Describe((JsonNode?)m)).ShouldBe(["Number:7", "String:\"1\"", "null", "String:\"5\""]);
    }

    private static JsonNode? Member(string text, string name) => new DynamicColumn([text]).Member(0, name);

    private static string Describe(JsonNode? node) => node is null ? "null" : $"{node.GetValueKind()}:{node.ToJsonString()}";

    // The full parse: the last of repeated names counts, invalid JSON has no members.
    private static string Reference(string text, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "null";
            }

            JsonElement? last = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == name)
                {
                    last = property.Value;
                }
            }

            return last is not { ValueKind: not JsonValueKind.Null } value ? "null"
                : Describe(value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? JsonNode.Parse(value.GetRawText()) : JsonValue.Create(value));
        }
        catch (JsonException)
        {
            return "null";
        }
    }

    private static string RandomObject(Random random)
    {
        string[] names = ["a", "a", "b", "ab", "\\u0062"];
        string[] values = ["\"1\"", "\"x y\"", "\"\"", "\"q\\\"\"", "\"é\"", "12", "-0.5e3", "true", "false", "null", "{\"a\":\"n\"}", "[1]", "01", "1.", "tru", "\"t\tb\""];
        var text = new StringBuilder(random.Next(3) == 0 ? " {" : "{");
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            text.Append(i > 0 ? (random.Next(8) == 0 ? " , " : ",") : string.Empty)
                .Append('"').Append(names[random.Next(names.Length)]).Append('"')
                .Append(random.Next(8) == 0 ? " : " : ":")
                .Append(values[random.Next(values.Length)]);
        }

        text.Append(random.Next(20) == 0 ? ",}" : "}");
        if (random.Next(20) == 0)
        {
            text.Append(random.Next(2) == 0 ? " " : "x");
        }

        if (random.Next(20) == 0)
        {
            text.Remove(random.Next(text.Length), 1);
        }

        return text.ToString();
    }
}
