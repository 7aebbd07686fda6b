using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace CmdletBridge
{
    /// <summary>Completion results for the values that start with the word typed, quoted where needed.</summary>
    internal static class CompletionResults
    {
        private static readonly Regex Bare = new Regex(@"^[\w.^-]+$", RegexOptions.CultureInvariant);

        public static IEnumerable<CompletionResult> For(IEnumerable<string> values, string wordToComplete, Func<string, string?>? toolTip = null)
        {
            string word = (wordToComplete ?? "").Trim('\'', '"');
            foreach (string value in values)
            {
                if (!value.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
                string text = Bare.IsMatch(value) ? value : "'" + value.Replace("'", "''") + "'";
                yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, toolTip?.Invoke(value) ?? value);
            }
        }
    }

    /// <summary>-Select: '*', the response's paths, and '^Parameter' for each of the cmdlet's parameters.</summary>
    public sealed class SelectCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var values = new List<string> { "*" };
            values.AddRange(ModuleData.SelectPaths(commandName));
            foreach (string parameter in ModuleData.ParameterNames(commandName)) values.Add("^" + parameter);
            return CompletionResults.For(values, wordToComplete);
        }
    }

    /// <summary>-Region: the regions the AWS SDK for JavaScript knows, with their descriptions.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            return CompletionResults.For(ModuleData.KnownRegions.Keys, wordToComplete, RegionNames.Describe);
        }
    }

    /// <summary>
    /// Parameters whose spec lists values (enums): those values, while any other value is
    /// still accepted, as ArgumentCompletions does in PowerShell 7 (quoted where needed).
    /// </summary>
    public sealed class ListedValuesCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            return CompletionResults.For(ModuleData.ListedValues(commandName, parameterName), wordToComplete);
        }
    }
}
