using System;
using System.Collections;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// Refuses collections, dictionaries, script blocks and other objects where a string
    /// parameter goes, instead of letting PowerShell turn them into text such as
    /// "System.Collections.Hashtable" and send that. Scalars (numbers, say) still convert.
    /// </summary>
    /// <remarks>
    /// $null stays $null: a function's [string] parameter would otherwise turn it into an
    /// empty string, which a compiled cmdlet's does not (and -NextToken $null must send no token).
    /// A parameter that takes pipeline input by value names itself (and its aliases):
    /// PowerShell offers it each piped object first, and an error here would end binding
    /// before it tried the object's properties (ByPropertyName). An object with a property
    /// of that name gives that property's value instead, as property binding would.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class StrictStringAttribute : ArgumentTransformationAttribute
    {
        private readonly string[] _propertyNames;

        public StrictStringAttribute(params string[] propertyNames)
        {
            _propertyNames = propertyNames;
        }

        /// <summary>
        /// On a parameter typed as a constant class (an enum): $null stays a plain $null, which
        /// such a parameter keeps as it is, and which it could not convert from NullString.
        /// </summary>
        public bool Enum { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null) return Enum ? null : System.Management.Automation.Language.NullString.Value;
            if (value is string || value is ValueType) return inputData;
            // A service enum ([Amazon.CognitoIdentityProvider.MessageActionType]::SUPPRESS) is its value.
            if (ModelTypes.IsConstant(value.GetType())) return value.ToString();
            if (_propertyNames.Length > 0 && value is not IDictionary && value is not IEnumerable && value is not ScriptBlock)
            {
                PSObject item = PSObject.AsPSObject(inputData!);
                foreach (string name in _propertyNames)
                {
                    PSPropertyInfo? property = item.Properties[name];
                    if (property is not null) return Transform(engineIntrinsics, property.Value);
                }
            }
            string kind = value switch
            {
                IDictionary => "a hashtable",
                ScriptBlock => "a script block",
                IEnumerable => "an array",
                _ => "an object of type " + value.GetType().FullName,
            };
            throw new ArgumentException("A string is expected, but the value given was " + kind + ".");
        }
    }
}
