using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace CmdletBridge
{
    /// <summary>
    /// On a parameter typed as a model structure (or an array of them): turns a hashtable or
    /// PSCustomObject into that type, and keeps what was given, which the request carries
    /// instead. The bridge then checks it against the SDK's schema, as for any nested value,
    /// with the same messages (a key the shape does not have, a hashtable where a string
    /// belongs): PowerShell's own conversion would refuse the first with its own words and
    /// turn the second into the text "System.Collections.Hashtable". Model objects (from
    /// New-Object, a cast, or another cmdlet's output) pass through as they are.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class ModelInputAttribute : ArgumentTransformationAttribute
    {
        private static readonly ConditionalWeakTable<object, object> Given = new ConditionalWeakTable<object, object>();
        private readonly string _typeName;

        public ModelInputAttribute(string typeName)
        {
            _typeName = typeName;
        }

        /// <summary>
        /// What a user gave for a model object this attribute made, once: the request that first
        /// carries the object sends what was given (for the bridge's checks), and from then on
        /// the object is what it is, so that a script that gets it back (-Select '^Parameter')
        /// and changes it sends its changes. When the first request succeeded, what was given
        /// converted whole, so the object holds the same values.
        /// </summary>
        public static bool TryTakeGiven(object modelObject, out object? given)
        {
            if (!Given.TryGetValue(modelObject, out given)) return false;
            Given.Remove(modelObject);
            return true;
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (ModelCatalog.Find(_typeName) is not ModelClass model || model.IsConstant) return inputData;
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || model.Type.IsInstanceOfType(value)) return inputData;
            if (IsPlainObject(value)) return Carrier(model, inputData!);
            if (value is IEnumerable items && value is not string && value is not IDictionary)
            {
                var result = new List<object?>();
                foreach (object? item in items)
                {
                    object? itemValue = item is PSObject w ? w.BaseObject : item;
                    result.Add(itemValue is not null && !model.Type.IsInstanceOfType(itemValue) && IsPlainObject(itemValue) ? Carrier(model, item!) : item);
                }
                return result.ToArray();
            }
            // Anything else meets PowerShell's conversion, and its message.
            return inputData;
        }

        private static bool IsPlainObject(object value) => value is IDictionary || value is PSCustomObject;

        /// <summary>An instance with the members that convert, standing for what was given.</summary>
        private static object Carrier(ModelClass model, object given)
        {
            object instance = model.NewInstance();
            foreach (PSPropertyInfo property in Members(given))
            {
                model.TrySetLoosely(instance, property.Name, property.Value);
            }
            Given.AddOrUpdate(instance, given);
            return instance;
        }

        private static IEnumerable<PSPropertyInfo> Members(object given)
        {
            object value = given is PSObject wrapped ? wrapped.BaseObject : given;
            if (value is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                {
                    yield return new PSNoteProperty(LanguagePrimitives.ConvertTo<string>(entry.Key) ?? "", entry.Value);
                }
                yield break;
            }
            foreach (PSPropertyInfo property in PSObject.AsPSObject(given).Properties) yield return property;
        }
    }
}
