using System;
using System.Collections.Concurrent;

namespace CmdletBridge
{
    /// <summary>
    /// Recognises the AWS SDK for .NET's model types by their names: the module's own
    /// (&lt;Module&gt;.Model.dll) and, in a session that also loaded AWS Tools, the SDK's. The
    /// runtime does not reference either assembly: it reads such objects' properties.
    /// </summary>
    public static class ModelTypes
    {
        private const string ConstantClassName = "Amazon.Runtime.ConstantClass";
        private static readonly ConcurrentDictionary<Type, bool> Constants = new ConcurrentDictionary<Type, bool>();

        /// <summary>A service enum (ConstantClass): its ToString() is the value the service takes.</summary>
        public static bool IsConstant(Type type) => Constants.GetOrAdd(type, t =>
        {
            for (Type? current = t; current is not null; current = current.BaseType)
            {
                if (current.FullName == ConstantClassName) return true;
            }
            return false;
        });

        /// <summary>A model structure (Amazon.&lt;Service&gt;.Model.&lt;Shape&gt;): its properties are its members.</summary>
        public static bool IsStructure(Type type) =>
            type.IsClass && !type.IsArray && type.Namespace is string ns && ns.StartsWith("Amazon.", StringComparison.Ordinal) && ns.EndsWith(".Model", StringComparison.Ordinal);
    }
}
