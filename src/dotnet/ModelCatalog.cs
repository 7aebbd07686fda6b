using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CmdletBridge
{
    /// <summary>
    /// The module's model types (&lt;Module&gt;.Model.dll, generated from the SDK's model), found
    /// by the type names the bridge puts on reply objects, and how to fill each one. The
    /// runtime does not reference the assembly: a reply object whose type it does not have
    /// stays a PSCustomObject with that type name.
    /// </summary>
    public static class ModelCatalog
    {
        private static readonly Lazy<Assembly?> ModelAssembly = new Lazy<Assembly?>(FindModelAssembly);
        private static readonly ConcurrentDictionary<string, ModelClass?> Classes = new ConcurrentDictionary<string, ModelClass?>(StringComparer.Ordinal);

        /// <summary>The model class of this name, or null when the model has none.</summary>
        public static ModelClass? Find(string typeName) => Classes.GetOrAdd(typeName, name =>
        {
            Type? type = ModelAssembly.Value?.GetType(name, throwOnError: false, ignoreCase: false);
            return type is null || !type.IsClass || type.IsAbstract ? null : new ModelClass(type);
        });

        private static Assembly? FindModelAssembly()
        {
            string name = typeof(ModelCatalog).Assembly.GetName().Name + ".Model";
            Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
            if (loaded is not null) return loaded;
            // Loaded by the manifest; beside this assembly when the runtime is loaded some other way.
            string path = Path.Combine(Path.GetDirectoryName(typeof(ModelCatalog).Assembly.Location) ?? "", name + ".dll");
            try
            {
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>One model class: a structure to fill member by member, or a constant class.</summary>
    public sealed class ModelClass
    {
        private readonly Func<string, object?>? _findConstant;
        private readonly Dictionary<string, ModelProperty> _properties;

        public ModelClass(Type type)
        {
            Type = type;
            if (ModelTypes.IsConstant(type))
            {
                MethodInfo? find = type.GetMethod("FindValue", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
                _findConstant = find is not null
                    ? value => find.Invoke(null, new object?[] { value })
                    : value => Activator.CreateInstance(type, value);
                _properties = new Dictionary<string, ModelProperty>(StringComparer.Ordinal);
                return;
            }
            _properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .ToDictionary(p => p.Name, p => new ModelProperty(p), StringComparer.Ordinal);
        }

        public Type Type { get; }

        public bool IsConstant => _findConstant is not null;

        /// <summary>The constant of this value (the known instance, or a new one).</summary>
        public object? Constant(string value) => _findConstant!(value);

        public object NewInstance() => Activator.CreateInstance(Type)!;

        /// <summary>
        /// Sets a member (named in any case) from a user's value as PowerShell would convert it,
        /// and leaves it unset when the class has no such member or the value does not convert.
        /// </summary>
        public void TrySetLoosely(object instance, string member, object? value)
        {
            if (value is null) return;
            ModelProperty? property = _properties.TryGetValue(member, out ModelProperty? exact)
                ? exact
                : _properties.Values.FirstOrDefault(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase));
            property?.TrySetLoosely(instance, value);
        }

        /// <summary>Sets a member from a reply value; a member the class does not have is left out.</summary>
        public void Set(object instance, string member, object? value)
        {
            if (value is null || !_properties.TryGetValue(member, out ModelProperty? property)) return;
            property.Set(instance, value);
        }
    }

    /// <summary>A model property and how a reply value becomes its type.</summary>
    public sealed class ModelProperty
    {
        private readonly PropertyInfo _property;
        private readonly Type _target;

        public ModelProperty(PropertyInfo property)
        {
            _property = property;
            _target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        public string Name => _property.Name;

        public void TrySetLoosely(object instance, object value)
        {
            if (!_property.CanWrite) return;
            try
            {
                _property.SetValue(instance, System.Management.Automation.LanguagePrimitives.ConvertTo(value, _property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is System.Management.Automation.PSInvalidCastException || e is ArgumentException || e is InvalidCastException || e is TargetInvocationException)
            {
                // Left unset: the request carries the value as given, and the bridge says what is wrong with it.
            }
        }

        public void Set(object instance, object value)
        {
            if (_property.CanWrite)
            {
                _property.SetValue(instance, Coerce(value, _target, _property));
                return;
            }
            // A get-only map the class creates itself (ResponseMetadata.Metadata): filled in place.
            if (_property.GetValue(instance) is IDictionary map && value is IDictionary entries)
            {
                Type valueType = ValueTypeOf(map.GetType());
                foreach (DictionaryEntry entry in entries) map[entry.Key] = entry.Value is null ? null : Coerce(entry.Value, valueType, _property);
            }
        }

        /// <summary>A reply value (string, number, boolean, DateTime, object?[], map, model object) as `target`.</summary>
        public static object Coerce(object value, Type target, PropertyInfo where)
        {
            Type actual = value.GetType();
            if (target.IsAssignableFrom(actual)) return value;
            Type plain = Nullable.GetUnderlyingType(target) ?? target;
            if (plain != target && plain.IsAssignableFrom(actual)) return value;
            switch (value)
            {
                case int or long when plain == typeof(int) || plain == typeof(long) || plain == typeof(double):
                case double when plain == typeof(double):
                    try
                    {
                        return Convert.ChangeType(value, plain, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (OverflowException)
                    {
                        throw new FormatException($"The reply gave {where.DeclaringType?.Name}.{where.Name} the number {value}, which does not fit the model's {plain.Name}.");
                    }
                case int code when plain.IsEnum:
                    return Enum.ToObject(plain, code);
                case string text when plain == typeof(DateTime):
                    return DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
                case System.Management.Automation.PSObject untyped when ModelCatalog.Find(plain.FullName!) is ModelClass structure && !structure.IsConstant:
                {
                    // A member the specs' shapes do not describe yet reaches here untyped.
                    object instance = structure.NewInstance();
                    foreach (System.Management.Automation.PSPropertyInfo member in untyped.Properties) structure.Set(instance, member.Name, member.Value);
                    return instance;
                }
                case string text when plain == typeof(MemoryStream):
                    return new MemoryStream(Convert.FromBase64String(text), writable: false);
                case string text when ModelTypes.IsConstant(plain) && ModelCatalog.Find(plain.FullName!) is ModelClass constant:
                    return constant.Constant(text)!;
                case object?[] items when plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(List<>):
                {
                    Type itemType = plain.GetGenericArguments()[0];
                    var list = (IList)Activator.CreateInstance(plain, items.Length)!;
                    foreach (object? item in items) list.Add(item is null ? null : Coerce(item, itemType, where));
                    return list;
                }
                case IDictionary entries when plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(Dictionary<,>):
                {
                    Type valueType = plain.GetGenericArguments()[1];
                    var map = (IDictionary)Activator.CreateInstance(plain)!;
                    foreach (DictionaryEntry entry in entries) map[entry.Key] = entry.Value is null ? null : Coerce(entry.Value, valueType, where);
                    return map;
                }
            }
            throw new FormatException(
                $"The reply gave {where.DeclaringType?.Name}.{where.Name} a value of type {actual.Name}, where the model has {plain.Name}.");
        }

        private static Type ValueTypeOf(Type mapType)
        {
            Type? generic = mapType.GetInterfaces().Append(mapType)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
            return generic?.GetGenericArguments()[1] ?? typeof(object);
        }
    }
}
