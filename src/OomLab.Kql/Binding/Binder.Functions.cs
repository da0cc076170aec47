using System.Text;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    private readonly Dictionary<string, (FunctionSyntax Syntax, string Text)> _functions = new(StringComparer.Ordinal);
    private string _text = string.Empty;
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);

    private string Text => _text.Length > 0 ? _text : _source.Text;

    private bool IsFunction(string name) => _functions.ContainsKey(name);

    private void DefineFunction(string name, FunctionSyntax syntax) => _functions[name] = (syntax, Text);

    /// <summary>Whether a call of a user-defined function gives a table: its body's last statement is tabular.</summary>
    private bool IsTabularFunction(string name)
    {
        var (syntax, text) = _functions[name];
        var body = new Parser(text.Substring(syntax.Body.Start, syntax.Body.Length), new DiagnosticBag(new SourceText(text))).ParseQuery();
        return body.Statements.LastOrDefault() is ExpressionStatementSyntax { Expression: var last }
            && (IsTabularSyntax(last) || (last is NameSyntax n && syntax.Parameters.Any(p => p.IsTabular && p.Name == n.Name)) || last is CallSyntax c && IsFunction(c.Name) && IsTabularFunction(c.Name));
    }

    /// <summary>
    /// A call of a user-defined function: its body with each parameter replaced by the text of its argument (or default),
    /// parsed and bound where the call is, so an argument may refer to the caller's columns. The body's let statements are
    /// visible only inside it. A problem inside the body is reported at the call.
    /// </summary>
    private T? Expand<T>(CallSyntax call, Func<ExpressionSyntax, T?> bind)
        where T : class
    {
        var (function, definitionText) = _functions[call.Name];
        if (call.Arguments.Count > function.Parameters.Count || call.Arguments.Count < function.Parameters.Count(p => p.Default is null))
        {
            Report(call.Span, Messages.ArgumentCount(call.Name, function.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Arguments.Count));
            return null;
        }

        if (!_expanding.Add(call.Name))
        {
            // functions/user-defined-functions.md: a function may not call itself, directly or through another.
            Report(call.Span, Messages.InvalidArgument(call.Name, "a user-defined function cannot call itself"));
            return null;
        }

        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < function.Parameters.Count; i++)
        {
            var parameter = function.Parameters[i];
            var argument = i < call.Arguments.Count
                ? Text.Substring(call.Arguments[i].Span.Start, call.Arguments[i].Span.Length)
                : definitionText.Substring(parameter.Default!.Value.Start, parameter.Default.Value.Length);
            replacements[parameter.Name] = parameter.IsTabular ? argument : "(" + argument + ")";
        }

        var expanded = Substitute(definitionText.Substring(function.Body.Start, function.Body.Length), replacements);
        var outerText = _text;
        var outerDiagnostics = _diagnostics;
        var outerLets = new Dictionary<string, LetValue>(_lets, StringComparer.Ordinal);
        var outerFunctions = new Dictionary<string, (FunctionSyntax, string)>(_functions, StringComparer.Ordinal);
        var inner = new DiagnosticBag(new SourceText(expanded));
        _text = expanded;
        _diagnostics = inner;
        T? result = null;
        try
        {
            var body = new Parser(expanded, inner).ParseQuery();
            foreach (var statement in body.Statements)
            {
                if (statement is LetSyntax let)
                {
                    BindLet(let);
                }
                else if (statement is ExpressionStatementSyntax expression)
                {
                    result = bind(expression.Expression);
                }
            }
        }
        finally
        {
            _text = outerText;
            _diagnostics = outerDiagnostics;
            _expanding.Remove(call.Name);
            RestoreDictionary(_lets, outerLets);
            RestoreDictionary(_functions, outerFunctions);
        }

        if (inner.HasErrors)
        {
            // A problem in a function the body calls is already told as such: pass it on as it is.
            var first = inner.Items[0];
            Report(call.Span, first.Message.StartsWith("in the body of ", StringComparison.Ordinal) || first.Message.EndsWith("cannot call itself", StringComparison.Ordinal)
                ? new DiagnosticMessage(first.Code, first.Message)
                : Messages.InFunction(call.Name, first.Message));
            return null;
        }

        return result;
    }

    private static void RestoreDictionary<TValue>(Dictionary<string, TValue> target, Dictionary<string, TValue> saved)
    {
        target.Clear();
        foreach (var (key, value) in saved)
        {
            target[key] = value;
        }
    }

    // Replaces whole identifier tokens (not members after '.', not the text of strings) by their arguments' text.
    private static string Substitute(string body, Dictionary<string, string> replacements)
    {
        var tokens = new Lexer(body, new DiagnosticBag(new SourceText(body))).Tokenize();
        var builder = new StringBuilder();
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var isMember = i > 0 && tokens[i - 1].Kind == TokenKind.Dot;
            if (token.Kind == TokenKind.Identifier && !isMember && replacements.TryGetValue(token.Text, out var argument)
                && token.Start + token.Length <= body.Length && body.AsSpan(token.Start, token.Length).SequenceEqual(token.Text))
            {
                builder.Append(body, at, token.Start - at).Append(argument);
                at = token.End;
            }
        }

        return builder.Append(body, at, body.Length - at).ToString();
    }
}
