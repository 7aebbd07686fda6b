using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// Nested parameter values (structures, lists of them, documents) reduced to plain data
    /// before they become JSON: hashtables, objects' properties, arrays, strings, numbers,
    /// booleans and dates. Anything else (a FileInfo, a script block) is refused here, so the
    /// request never carries a serialised .NET object graph; the bridge then checks the keys
    /// and types against the SDK's schema of the request.
    /// </summary>
    public static class PlainData
    {
        private const int MaxDepth = 20;

        public static object? Convert(PSCmdlet cmdlet, string parameter, object? value, string where, int depth = 0)
        {
            if (value is null) return null;
            if (depth > MaxDepth) CmdletErrors.ThrowArgument(cmdlet, parameter, $"{where} is nested more than {MaxDepth} levels deep.");
            object baseValue = value is PSObject wrapped ? wrapped.BaseObject : value;
            // A model object made from a hashtable or object for a typed parameter: what was given.
            if (ModelInputAttribute.TryTakeGiven(baseValue, out object? given)) return Convert(cmdlet, parameter, given, where, depth);
            switch (baseValue)
            {
                case string or bool:
                    return baseValue;
                case char c:
                    return c.ToString();
                case Enum e:
                    return e.ToString();
                case DateTime date:
                    return date.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset offset:
                    return offset.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
                case ValueType:
                    return baseValue;
                case IDictionary map:
                {
                    var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in map)
                    {
                        // As PowerShell's [string]: culture-invariant (a [double] key is "1.5" everywhere).
                        string key = LanguagePrimitives.ConvertTo<string>(entry.Key) ?? "";
                        result[key] = Convert(cmdlet, parameter, entry.Value, $"{where}.{key}", depth + 1);
                    }
                    return result;
                }
                case object constant when ModelTypes.IsConstant(constant.GetType()):
                    return constant.ToString();
                case System.IO.MemoryStream stream:
                    // A blob, as the AWS SDK for .NET holds one: base64, as a byte[] is sent.
                    return System.Convert.ToBase64String(stream.ToArray());
                case PSCustomObject:
                case object when ModelTypes.IsStructure(baseValue.GetType()):
                {
                    var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (PSPropertyInfo property in PSObject.AsPSObject(value).Properties)
                    {
                        result[property.Name] = Convert(cmdlet, parameter, property.Value, $"{where}.{property.Name}", depth + 1);
                    }
                    return result;
                }
                case IEnumerable items when baseValue is not ScriptBlock:
                {
                    var result = new List<object?>();
                    int i = 0;
                    foreach (object? item in items)
                    {
                        result.Add(Convert(cmdlet, parameter, item, $"{where}[{i}]", depth + 1));
                        i++;
                    }
                    return result.ToArray();
                }
            }
            CmdletErrors.ThrowArgument(cmdlet, parameter,
                $"{where} is {Kind(value)}; give hashtables, objects with properties, arrays, strings, numbers, booleans or dates.");
            return null;
        }

        /// <summary>"a number", "a hashtable"...: how a value is named in messages (never the value itself).</summary>
        public static string Kind(object? value)
        {
            object? baseValue = value is PSObject wrapped ? wrapped.BaseObject : value;
            return baseValue switch
            {
                null => "null",
                bool => "a boolean",
                DateTime or DateTimeOffset => "a date",
                ValueType => "a number",
                IDictionary or PSCustomObject => "an object",
                ScriptBlock => "a script block",
                IEnumerable => "an array",
                _ => "an object of type " + baseValue.GetType().FullName,
            };
        }
    }
}
