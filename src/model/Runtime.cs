#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Reflection;

// The AWS SDK for .NET's base types that the service's model types (generated/dotnet)
// derive from, under the SDK's names, so that scripts written against AWS Tools'
// objects find the same types and members. Only what those scripts see: no service calls.
namespace Amazon.Runtime
{
    /// <summary>
    /// A service enum: one class per enum, with a static field for each known value. A value
    /// the SDK does not know yet is still a valid instance (services add values).
    /// </summary>
    /// <remarks>
    /// As in the AWS SDK for .NET: values compare without regard to case, with each other and
    /// with strings; a string converts to the class (so a [UserStatusType] parameter takes
    /// 'confirmed'), and the class converts back to its string.
    /// </remarks>
    public class ConstantClass : IEquatable<ConstantClass>
    {
        private static readonly ConcurrentDictionary<Type, Dictionary<string, ConstantClass>> Known = new ConcurrentDictionary<Type, Dictionary<string, ConstantClass>>();

        protected ConstantClass(string value)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>The value the service sends and receives.</summary>
        public string Value { get; }

        /// <summary>The value, spelt as the known constant spells it.</summary>
        public override string ToString() => Canonical().Value;

        public string ToString(IFormatProvider? provider) => ToString();

        public static implicit operator string?(ConstantClass? value) => value?.ToString();

        /// <summary>The known constant of T with this value (in any case), else a new T for it.</summary>
        protected static T? FindValue<T>(string? value) where T : ConstantClass
        {
            if (value is null) return null;
            if (ConstantsOf(typeof(T)).TryGetValue(value, out ConstantClass? known)) return (T)known;
            return (T)Activator.CreateInstance(typeof(T), value)!;
        }

        private ConstantClass Canonical() => ConstantsOf(GetType()).TryGetValue(Value, out ConstantClass? known) ? known : this;

        private static Dictionary<string, ConstantClass> ConstantsOf(Type type) => Known.GetOrAdd(type, t =>
        {
            var constants = new Dictionary<string, ConstantClass>(StringComparer.OrdinalIgnoreCase);
            foreach (FieldInfo field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.FieldType == t && field.GetValue(null) is ConstantClass constant) constants[constant.Value] = constant;
            }
            return constants;
        });

        public bool Equals(ConstantClass? other) => other is not null && StringComparer.OrdinalIgnoreCase.Equals(Value, other.Value);

        public override bool Equals(object? obj) => obj switch
        {
            ConstantClass other => Equals(other),
            string text => StringComparer.OrdinalIgnoreCase.Equals(Value, text),
            _ => false,
        };

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

        public static bool operator ==(ConstantClass? a, ConstantClass? b) => a is null ? b is null : a.Equals(b);
        public static bool operator !=(ConstantClass? a, ConstantClass? b) => !(a == b);
        public static bool operator ==(ConstantClass? a, string? b) => a is null ? b is null : a.Equals(b);
        public static bool operator !=(ConstantClass? a, string? b) => !(a == b);
        public static bool operator ==(string? a, ConstantClass? b) => b == a;
        public static bool operator !=(string? a, ConstantClass? b) => !(b == a);
    }

    /// <summary>What every request is (AmazonWebServiceRequest in the AWS SDK for .NET).</summary>
    public class AmazonWebServiceRequest
    {
    }

    /// <summary>What every response is: the service's members plus these three.</summary>
    public class AmazonWebServiceResponse
    {
        public ResponseMetadata? ResponseMetadata { get; set; }
        public long ContentLength { get; set; }
        public HttpStatusCode HttpStatusCode { get; set; }
    }

    /// <summary>The request id the service gave a response, and other facts about it.</summary>
    public class ResponseMetadata
    {
        public string? RequestId { get; set; }
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
    }
}
