using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Text;

namespace CmdletBridge
{
    /// <summary>
    /// The JSON of the bridge protocol, both ways, without the cost of ConvertTo-Json,
    /// ConvertFrom-Json and a script walk over the result on every call.
    /// Requests: hashtables, PSCustomObjects, arrays and scalars become JSON, with every
    /// non-ASCII character escaped (\uXXXX), so the stream stays ASCII and even a lone
    /// surrogate reaches the bridge exactly.
    /// Replies: an object whose "@t" member names a model type (ModelCatalog) becomes an
    /// instance of it; other objects become PSCustomObjects with "@t" as their type name, and
    /// "@t" with "@v" marks a .NET value (DateTime, HttpStatusCode) or a constant class.
    /// </summary>
    public static class BridgeJson
    {
        public const string TypeKey = "@t";
        public const string ValueKey = "@v";
        public const string MapKey = "@m";
        private const int MaxDepth = 64;

        public static string Write(object? value)
        {
            var text = new StringBuilder(256);
            WriteValue(text, value, 0);
            return text.ToString();
        }

        private static void WriteValue(StringBuilder text, object? value, int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException($"A value nested more than {MaxDepth} levels deep cannot be sent.");
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    text.Append('{');
                    bool first = true;
                    foreach (PSPropertyInfo property in wrapped.Properties)
                    {
                        if (!first) text.Append(',');
                        first = false;
                        WriteString(text, property.Name);
                        text.Append(':');
                        WriteValue(text, property.Value, depth + 1);
                    }
                    text.Append('}');
                    return;
                }
                value = wrapped.BaseObject;
            }
            switch (value)
            {
                case null:
                    text.Append("null");
                    return;
                case string s:
                    WriteString(text, s);
                    return;
                case char c:
                    WriteString(text, c.ToString());
                    return;
                case bool b:
                    text.Append(b ? "true" : "false");
                    return;
                case SwitchParameter sw:
                    text.Append(sw.IsPresent ? "true" : "false");
                    return;
                case int or long or short or byte or sbyte or uint or ulong or ushort:
                    text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    return;
                case double d:
                    WriteNumber(text, d);
                    return;
                case float f:
                    WriteNumber(text, f);
                    return;
                case decimal m:
                    text.Append(m.ToString(CultureInfo.InvariantCulture));
                    return;
                case DateTime dt:
                    WriteString(text, dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset dto:
                    WriteString(text, dto.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case Enum e:
                    WriteString(text, e.ToString());
                    return;
                case IDictionary dictionary:
                {
                    text.Append('{');
                    bool first = true;
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (!first) text.Append(',');
                        first = false;
                        WriteString(text, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        text.Append(':');
                        WriteValue(text, entry.Value, depth + 1);
                    }
                    text.Append('}');
                    return;
                }
                case IEnumerable items:
                {
                    text.Append('[');
                    bool first = true;
                    foreach (object? item in items)
                    {
                        if (!first) text.Append(',');
                        first = false;
                        WriteValue(text, item, depth + 1);
                    }
                    text.Append(']');
                    return;
                }
                default:
                    WriteString(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                    return;
            }
        }

        private static void WriteNumber(StringBuilder text, double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d)) throw new ArgumentException("NaN and infinite numbers cannot be sent.");
            text.Append(d.ToString("R", CultureInfo.InvariantCulture));
        }

        private static void WriteString(StringBuilder text, string s)
        {
            text.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }
                        break;
                }
            }
            text.Append('"');
        }

        /// <summary>Parses one reply line into PSCustomObjects, arrays and scalars.</summary>
        public static object? Read(string json)
        {
            var reader = new Reader(json);
            reader.SkipWhitespace();
            object? value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd) throw reader.Error("text after the value");
            return value;
        }

        /// <summary>
        /// Parses a reply line: only the response becomes PSCustomObjects. The envelope, its
        /// metadata and its error are plain dictionaries, because every member added to a
        /// PSObject takes a process-wide lock in PowerShell's member binder, and the
        /// envelope's would be thrown away at once.
        /// </summary>
        public static BridgeReply ReadReply(string json)
        {
            var reader = new Reader(json);
            reader.SkipWhitespace();
            BridgeReply reply = reader.ReadEnvelope();
            reader.SkipWhitespace();
            if (!reader.AtEnd) throw reader.Error("text after the value");
            return reply;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _at;

            public Reader(string text) => _text = text;

            public bool AtEnd => _at >= _text.Length;

            public FormatException Error(string what) =>
                new FormatException($"The bridge's reply is not valid JSON ({what} at character {_at}).");

            public void SkipWhitespace()
            {
                while (_at < _text.Length && (_text[_at] == ' ' || _text[_at] == '\t' || _text[_at] == '\n' || _text[_at] == '\r')) _at++;
            }

            public object? ReadValue(int depth)
            {
                if (depth > MaxDepth) throw Error("nesting too deep");
                if (AtEnd) throw Error("end of text");
                char c = _text[_at];
                switch (c)
                {
                    case '{': return ReadObject(depth);
                    case '[': return ReadArray(depth);
                    case '"': return ReadString();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                        throw Error($"unexpected '{c}'");
                }
            }

            public BridgeReply ReadEnvelope()
            {
                var reply = new BridgeReply();
                if (AtEnd || _text[_at] != '{') throw Error("expected an object");
                if (!Open('}')) return reply;
                do
                {
                    switch (ReadMemberName())
                    {
                        case "response": reply.Response = ReadValue(1); break;
                        case "ok": reply.Ok = ReadValue(1) is true; break;
                        case "path": reply.Path = ReadValue(1) as object?[]; break;
                        case "meta": reply.Meta = ReadPlain(1) as Dictionary<string, object?> ?? reply.Meta; break;
                        case "error": reply.Error = ReadPlain(1) as Dictionary<string, object?>; break;
                        default: ReadPlain(1); break;
                    }
                }
                while (Next('}'));
                return reply;
            }

            /// <summary>A value with objects as dictionaries (no type tags): for the envelope only.</summary>
            private object? ReadPlain(int depth)
            {
                if (depth > MaxDepth) throw Error("nesting too deep");
                if (AtEnd) throw Error("end of text");
                if (_text[_at] == '[')
                {
                    var items = new List<object?>();
                    if (Open(']'))
                    {
                        do
                        {
                            SkipWhitespace();
                            items.Add(ReadPlain(depth + 1));
                        }
                        while (Next(']'));
                    }
                    return items.ToArray();
                }
                if (_text[_at] != '{') return ReadValue(depth);
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (Open('}'))
                {
                    do
                    {
                        string name = ReadMemberName();
                        members[name] = ReadPlain(depth + 1);
                    }
                    while (Next('}'));
                }
                return members;
            }

            private void Expect(string word)
            {
                if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) throw Error($"expected {word}");
                _at += word.Length;
            }

            private object? ReadObject(int depth)
            {
                var result = new PSObject();
                string? typeName = null;
                object?[]? mapPairs = null;
                object? tagged = null;
                bool hasValue = false;
                if (!Open('}')) return result;
                bool first = true;
                do
                {
                    string name = ReadMemberName();
                    // The bridge puts an object's type first: one the model has is built as that type.
                    if (first && name == TypeKey && Peek() == '"')
                    {
                        string type = ReadString();
                        if (ModelCatalog.Find(type) is ModelClass model) return ReadModel(model, depth);
                        typeName = type;
                        first = false;
                        continue;
                    }
                    first = false;
                    object? value = ReadValue(depth + 1);
                    if (name == MapKey && value is object?[] pairs) mapPairs = pairs;
                    else if (name == TypeKey && value is string t) typeName = t;
                    else if (name == ValueKey) { tagged = value; hasValue = true; }
                    else result.Properties.Add(new PSNoteProperty(name, value));
                }
                while (Next('}'));
                if (mapPairs is not null) return ToDictionary(mapPairs);
                if (typeName is null)
                {
                    if (hasValue) result.Properties.Add(new PSNoteProperty(ValueKey, tagged));
                    return result;
                }
                if (hasValue) return TypedValue(typeName, tagged);
                result.TypeNames.Insert(0, typeName);
                return result;
            }

            private char Peek() => AtEnd ? '\0' : _text[_at];

            /// <summary>The rest of an object whose type the model has: a constant ("@v") or a structure's members.</summary>
            private object? ReadModel(ModelClass model, int depth)
            {
                object? instance = model.IsConstant ? null : model.NewInstance();
                object? constant = null;
                while (Next('}'))
                {
                    string name = ReadMemberName();
                    object? value = ReadValue(depth + 1);
                    if (model.IsConstant)
                    {
                        if (name == ValueKey && value is string text) constant = model.Constant(text);
                    }
                    else
                    {
                        model.Set(instance!, name, value);
                    }
                }
                return model.IsConstant ? constant : instance;
            }

            /// <summary>A map, as the AWS SDK for .NET gives it: keys compared exactly.</summary>
            private static System.Collections.Generic.Dictionary<string, object?> ToDictionary(object?[] pairs)
            {
                var map = new System.Collections.Generic.Dictionary<string, object?>(pairs.Length, StringComparer.Ordinal);
                foreach (object? pair in pairs)
                {
                    if (pair is object?[] entry && entry.Length == 2 && entry[0] is string key) map[key] = entry[1];
                }
                return map;
            }

            private static object? TypedValue(string typeName, object? value)
            {
                switch (typeName)
                {
                    case "System.DateTime":
                        return value is string s
                            ? DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                            : value;
                    case "System.Net.HttpStatusCode":
                        return value is int code ? (HttpStatusCode)code : value;
                    default:
                        return value;
                }
            }

            private object?[] ReadArray(int depth)
            {
                var items = new System.Collections.Generic.List<object?>();
                if (Open(']'))
                {
                    do
                    {
                        SkipWhitespace();
                        items.Add(ReadValue(depth + 1));
                    }
                    while (Next(']'));
                }
                return items.ToArray();
            }

            /// <summary>
            /// Steps past the opening bracket of an object or array; false when it is empty
            /// (its closing bracket is read too).
            /// </summary>
            private bool Open(char close)
            {
                _at++;
                SkipWhitespace();
                if (AtEnd || _text[_at] != close) return true;
                _at++;
                return false;
            }

            /// <summary>Reads a member's name and colon, leaving the reader at its value.</summary>
            private string ReadMemberName()
            {
                SkipWhitespace();
                if (AtEnd || _text[_at] != '"') throw Error("expected a member name");
                string name = ReadString();
                SkipWhitespace();
                if (AtEnd || _text[_at] != ':') throw Error("expected ':'");
                _at++;
                SkipWhitespace();
                return name;
            }

            /// <summary>After a member or item: true at a comma (another follows), false at the closing bracket.</summary>
            private bool Next(char close)
            {
                SkipWhitespace();
                if (AtEnd) throw Error(close == '}' ? "end of text in an object" : "end of text in an array");
                if (_text[_at] == ',')
                {
                    _at++;
                    return true;
                }
                if (_text[_at] == close)
                {
                    _at++;
                    return false;
                }
                throw Error($"expected ',' or '{close}'");
            }

            private string ReadString()
            {
                _at++; // opening quote
                int start = _at;
                // Fast path: no escapes.
                while (_at < _text.Length && _text[_at] != '"' && _text[_at] != '\\') _at++;
                if (_at < _text.Length && _text[_at] == '"')
                {
                    string plain = _text.Substring(start, _at - start);
                    _at++;
                    return plain;
                }
                var result = new StringBuilder(_text, start, _at - start, Math.Max(16, (_at - start) * 2));
                while (true)
                {
                    if (AtEnd) throw Error("end of text in a string");
                    char c = _text[_at++];
                    if (c == '"') return result.ToString();
                    if (c != '\\')
                    {
                        result.Append(c);
                        continue;
                    }
                    if (AtEnd) throw Error("end of text in an escape");
                    char e = _text[_at++];
                    switch (e)
                    {
                        case '"': result.Append('"'); break;
                        case '\\': result.Append('\\'); break;
                        case '/': result.Append('/'); break;
                        case 'b': result.Append('\b'); break;
                        case 'f': result.Append('\f'); break;
                        case 'n': result.Append('\n'); break;
                        case 'r': result.Append('\r'); break;
                        case 't': result.Append('\t'); break;
                        case 'u':
                            if (_at + 4 > _text.Length) throw Error("a short \\u escape");
                            // Lone surrogates are kept as they are: strings round-trip exactly.
                            result.Append((char)int.Parse(_text.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            _at += 4;
                            break;
                        default:
                            throw Error($"an unknown escape \\{e}");
                    }
                }
            }

            private object ReadNumber()
            {
                int start = _at;
                if (_text[_at] == '-') _at++;
                bool integral = true;
                while (_at < _text.Length)
                {
                    char c = _text[_at];
                    if (c >= '0' && c <= '9') { _at++; continue; }
                    if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && _at > start)) { integral = false; _at++; continue; }
                    break;
                }
                var span = _text.AsSpan(start, _at - start);
                if (integral)
                {
                    // As ConvertFrom-Json: Int32 when it fits, else Int64, else a double.
                    if (int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i)) return i;
                    if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
                }
                if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
                throw Error("a malformed number");
            }
        }
    }

    /// <summary>One reply from the bridge: the response (PSCustomObjects), and the rest as plain data.</summary>
    public sealed class BridgeReply
    {
        public bool Ok { get; set; }
        public object? Response { get; set; }
        /// <summary>The -Select path to apply to the response, or null for the whole response.</summary>
        public object?[]? Path { get; set; }
        public Dictionary<string, object?> Meta { get; set; } = new Dictionary<string, object?>();
        public Dictionary<string, object?>? Error { get; set; }
    }
}
