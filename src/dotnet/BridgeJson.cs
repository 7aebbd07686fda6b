using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CmdletBridge
{
    /// <summary>
    /// The JSON of the bridge protocol, both ways, without the cost of ConvertTo-Json,
    /// ConvertFrom-Json and a script walk over the result on every call. System.Text.Json's
    /// Utf8JsonWriter and Utf8JsonReader do the escaping and the parsing; what is ours is
    /// which .NET values become which JSON, and which objects the reply builds.
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

        /// <summary>
        /// ASCII out: everything outside Basic Latin is escaped (and, as the encoder always
        /// does, the characters HTML gives a meaning to, which JSON readers take as they are).
        /// Validation is off: the walk below writes only well-formed JSON.
        /// </summary>
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin),
            SkipValidation = true,
        };

        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions { MaxDepth = MaxDepth + 2 };

        /// <summary>One buffer and writer per thread, reused: a request allocates only its text.</summary>
        [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
        [ThreadStatic] private static Utf8JsonWriter? _writer;
        [ThreadStatic] private static bool _writing;

        public static string Write(object? value)
        {
            // A script property or ToString() met on the way may itself call a cmdlet on this
            // thread: that call gets a writer of its own rather than resetting this one.
            bool nested = _writing;
            ArrayBufferWriter<byte> buffer = nested ? new ArrayBufferWriter<byte>(1024) : _buffer ??= new ArrayBufferWriter<byte>(1024);
            buffer.ResetWrittenCount();
            Utf8JsonWriter writer = nested ? new Utf8JsonWriter(buffer, WriterOptions) : _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
            writer.Reset(buffer);
            _writing = true;
            try
            {
                WriteValue(writer, value, 0);
                writer.Flush();
                return Encoding.ASCII.GetString(buffer.WrittenSpan);
            }
            finally
            {
                _writing = nested;
                // A large request's buffer is not kept for the thread's lifetime (the writer holds it too).
                if (!nested && buffer.Capacity > 1 << 20)
                {
                    _buffer = null;
                    _writer = null;
                }
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException($"A value nested more than {MaxDepth} levels deep cannot be sent.");
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    writer.WriteStartObject();
                    foreach (PSPropertyInfo property in wrapped.Properties)
                    {
                        WriteName(writer, property.Name);
                        WriteValue(writer, property.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                }
                value = wrapped.BaseObject;
            }
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string s:
                    WriteString(writer, s);
                    return;
                case char c:
                    WriteString(writer, c.ToString());
                    return;
                case bool b:
                    writer.WriteBooleanValue(b);
                    return;
                case SwitchParameter sw:
                    writer.WriteBooleanValue(sw.IsPresent);
                    return;
                case ulong u:
                    writer.WriteNumberValue(u);
                    return;
                case int or long or short or byte or sbyte or uint or ushort:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    return;
                case double d:
                    WriteNumber(writer, d);
                    return;
                case float f:
                    // As the float's own shortest text, not the double's digits of it.
                    if (float.IsNaN(f) || float.IsInfinity(f)) throw new ArgumentException("NaN and infinite numbers cannot be sent.");
                    writer.WriteNumberValue(f);
                    return;
                case decimal m:
                    writer.WriteNumberValue(m);
                    return;
                case DateTime dt:
                    writer.WriteStringValue(dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case Enum e:
                    WriteString(writer, e.ToString());
                    return;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        WriteName(writer, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        WriteValue(writer, entry.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (object? item in items) WriteValue(writer, item, depth + 1);
                    writer.WriteEndArray();
                    return;
                default:
                    WriteString(writer, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                    return;
            }
        }

        private static void WriteNumber(Utf8JsonWriter writer, double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d)) throw new ArgumentException("NaN and infinite numbers cannot be sent.");
            writer.WriteNumberValue(d);
        }

        /// <summary>
        /// A string value. Utf8JsonWriter refuses text that is not valid UTF-16, but a
        /// lone surrogate is a valid .NET string and JSON carries it as \uD800: those few
        /// strings are escaped here, every character outside printable ASCII as \uXXXX.
        /// </summary>
        private static void WriteString(Utf8JsonWriter writer, string s)
        {
            if (!HasLoneSurrogate(s))
            {
                writer.WriteStringValue(s);
                return;
            }
            var text = new StringBuilder(s.Length * 2 + 2).Append('"');
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') text.Append('\\').Append(c);
                else if (c < 0x20 || c > 0x7e) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else text.Append(c);
            }
            writer.WriteRawValue(text.Append('"').ToString(), skipInputValidation: true);
        }

        private static void WriteName(Utf8JsonWriter writer, string name)
        {
            // A name has no raw form in Utf8JsonWriter; the AWS SDKs cannot send such a key either.
            if (HasLoneSurrogate(name)) throw new ArgumentException($"The key '{name}' holds a lone surrogate (invalid UTF-16), which cannot be sent as a name.");
            writer.WritePropertyName(name);
        }

        private static bool HasLoneSurrogate(string s)
        {
            int at = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
            if (at < 0) return false;
            for (int i = at; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return true;
                    i++;
                }
                else if (char.IsLowSurrogate(c))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Parses one line from the bridge into PSCustomObjects, arrays and scalars.</summary>
        public static object? Read(string json) => Parse(json, static (ref Utf8JsonReader r) => ReadValue(ref r, 0));

        /// <summary>
        /// Parses a reply line: only the response becomes PSCustomObjects. The envelope, its
        /// metadata and its error are plain dictionaries, because every member added to a
        /// PSObject takes a process-wide lock in PowerShell's member binder, and the
        /// envelope's would be thrown away at once.
        /// </summary>
        public static BridgeReply ReadReply(string json) => Parse(json, static (ref Utf8JsonReader r) => ReadEnvelope(ref r));

        private delegate T ReadRoot<T>(ref Utf8JsonReader reader);

        /// <summary>One value, and nothing after it, from a line's UTF-8; System.Text.Json's errors said as ours.</summary>
        private static T Parse<T>(string json, ReadRoot<T> readRoot)
        {
            // The exact size: the pool keeps what it lends, and a reply of several MiB would
            // otherwise hold three times its size there.
            int length = Encoding.UTF8.GetByteCount(json);
            byte[] utf8 = ArrayPool<byte>.Shared.Rent(length);
            Encoding.UTF8.GetBytes(json, utf8);
            var reader = new Utf8JsonReader(utf8.AsSpan(0, length), ReaderOptions);
            try
            {
                Advance(ref reader);
                T value = readRoot(ref reader);
                if (reader.Read()) throw Error(ref reader, "text after the value");
                return value;
            }
            catch (InvalidOperationException e)
            {
                // A name or string the reader cannot decode where no fallback reads it.
                throw new FormatException($"The bridge's reply is not valid JSON ({e.Message.TrimEnd('.')}).", e);
            }
            catch (JsonException e)
            {
                // Its first sentence says what is wrong; the rest is about the reader's options.
                string what = e.Message;
                int end = what.IndexOf(". ", StringComparison.Ordinal);
                if (end > 0) what = what.Substring(0, end);
                throw new FormatException($"The bridge's reply is not valid JSON ({what.TrimEnd('.')}, at byte {e.BytePositionInLine}).", e);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }

        private static FormatException Error(ref Utf8JsonReader reader, string what) =>
            new FormatException($"The bridge's reply is not valid JSON ({what} at byte {reader.TokenStartIndex}).");

        private static void Advance(ref Utf8JsonReader reader)
        {
            if (!reader.Read()) throw Error(ref reader, "end of text");
        }

        private static BridgeReply ReadEnvelope(ref Utf8JsonReader reader)
        {
            var reply = new BridgeReply();
            if (reader.TokenType != JsonTokenType.StartObject) throw Error(ref reader, "expected an object");
            while (true)
            {
                Advance(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) return reply;
                string name = reader.GetString()!;
                Advance(ref reader);
                switch (name)
                {
                    case "response": reply.Response = ReadValue(ref reader, 1); break;
                    case "ok": reply.Ok = reader.TokenType == JsonTokenType.True; reader.Skip(); break;
                    case "path": reply.Path = ReadValue(ref reader, 1) as object?[]; break;
                    case "meta": reply.Meta = ReadPlain(ref reader, 1) as Dictionary<string, object?> ?? reply.Meta; break;
                    case "error": reply.Error = ReadPlain(ref reader, 1) as Dictionary<string, object?>; break;
                    default: reader.Skip(); break;
                }
            }
        }

        /// <summary>A value with objects as dictionaries (no type tags): for the envelope only.</summary>
        private static object? ReadPlain(ref Utf8JsonReader reader, int depth)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                {
                    var items = new List<object?>();
                    while (true)
                    {
                        Advance(ref reader);
                        if (reader.TokenType == JsonTokenType.EndArray) return items.ToArray();
                        items.Add(ReadPlain(ref reader, depth + 1));
                    }
                }
                case JsonTokenType.StartObject:
                {
                    var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                    while (true)
                    {
                        Advance(ref reader);
                        if (reader.TokenType == JsonTokenType.EndObject) return members;
                        string name = ReadText(ref reader);
                        Advance(ref reader);
                        members[name] = ReadPlain(ref reader, depth + 1);
                    }
                }
                default:
                    return ReadValue(ref reader, depth);
            }
        }

        private static object? ReadValue(ref Utf8JsonReader reader, int depth)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: return ReadObject(ref reader, depth);
                case JsonTokenType.StartArray: return ReadArray(ref reader, depth);
                case JsonTokenType.String: return ReadText(ref reader);
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number:
                    // As ConvertFrom-Json: Int32 when it fits, else Int64, else a double.
                    if (reader.TryGetInt32(out int i)) return i;
                    if (reader.TryGetInt64(out long l)) return l;
                    return reader.GetDouble();
                default:
                    throw Error(ref reader, $"unexpected {reader.TokenType}");
            }
        }

        private static object? ReadObject(ref Utf8JsonReader reader, int depth)
        {
            var result = new PSObject();
            string? typeName = null;
            object?[]? mapPairs = null;
            object? tagged = null;
            bool hasValue = false;
            bool first = true;
            while (true)
            {
                Advance(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                bool isType = reader.ValueTextEquals("@t"u8);
                string name = isType ? TypeKey : ReadName(ref reader);
                Advance(ref reader);
                // The bridge puts an object's type first: one the model has is built as that type.
                if (first && isType && reader.TokenType == JsonTokenType.String)
                {
                    string type = ReadName(ref reader);
                    if (ModelCatalog.Find(type) is ModelClass model) return ReadModel(ref reader, model, depth);
                    typeName = type;
                    first = false;
                    continue;
                }
                first = false;
                object? value = ReadValue(ref reader, depth + 1);
                if (name == MapKey && value is object?[] pairs) mapPairs = pairs;
                else if (isType && value is string t) typeName = t;
                else if (name == ValueKey) { tagged = value; hasValue = true; }
                else result.Properties.Add(new PSNoteProperty(name, value));
            }
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

        /// <summary>The rest of an object whose type the model has: a constant ("@v") or a structure's members.</summary>
        private static object? ReadModel(ref Utf8JsonReader reader, ModelClass model, int depth)
        {
            object? instance = model.IsConstant ? null : model.NewInstance();
            object? constant = null;
            while (true)
            {
                Advance(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                string name = ReadName(ref reader);
                Advance(ref reader);
                object? value = ReadValue(ref reader, depth + 1);
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
        private static Dictionary<string, object?> ToDictionary(object?[] pairs)
        {
            var map = new Dictionary<string, object?>(pairs.Length, StringComparer.Ordinal);
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

        private static object?[] ReadArray(ref Utf8JsonReader reader, int depth)
        {
            var items = new List<object?>();
            while (true)
            {
                Advance(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) return items.ToArray();
                items.Add(ReadValue(ref reader, depth + 1));
            }
        }

        /// <summary>Names seen lately, by a hash of their UTF-8 text (one table per thread).</summary>
        [ThreadStatic] private static string?[]? _names;

        /// <summary>
        /// A member name or type tag: these repeat on every item of a listing, so a short
        /// ASCII one is taken from a small cache rather than decoded again.
        /// </summary>
        private static string ReadName(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 64) return ReadText(ref reader);
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            uint hash = 2166136261;
            foreach (byte b in utf8) hash = (hash ^ b) * 16777619;
            string?[] names = _names ??= new string?[256];
            int slot = (int)(hash & 255);
            string? cached = names[slot];
            if (cached is not null && cached.Length == utf8.Length)
            {
                // A cached name is ASCII, so equal code units mean equal text.
                int i = 0;
                while (i < utf8.Length && cached[i] == utf8[i]) i++;
                if (i == utf8.Length) return cached;
            }
            string name = Encoding.UTF8.GetString(utf8);
            if (utf8.IndexOfAnyInRange((byte)0x80, (byte)0xff) < 0) names[slot] = name;
            return name;
        }

        /// <summary>
        /// A string or member name. Utf8JsonReader refuses a \uD800 escape that is not half
        /// of a pair; the bridge writes one for a lone surrogate, which a .NET string holds,
        /// so those few strings are unescaped here.
        /// </summary>
        private static string ReadText(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped) return reader.GetString()!;
            return ReadEscaped(ref reader);
        }

        private static string ReadEscaped(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return Unescape(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            }
        }

        private static string Unescape(ReadOnlySpan<byte> escaped)
        {
            // The reader has checked the escapes' form; only their values are left to read.
            string raw = Encoding.UTF8.GetString(escaped);
            var text = new StringBuilder(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }
                char e = raw[++i];
                switch (e)
                {
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        text.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: text.Append(e); break;
                }
            }
            return text.ToString();
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
