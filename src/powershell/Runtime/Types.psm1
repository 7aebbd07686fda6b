# Types the generated root module needs when it is parsed (it loads this file with
# `using module`): parameter attributes cannot refer to classes defined later.

# Refuses collections, dictionaries, script blocks and other objects where a string
# parameter goes, instead of letting PowerShell turn them into text such as
# "System.Collections.Hashtable" and send that. Scalars (numbers, say) still convert.
class StrictStringAttribute : System.Management.Automation.ArgumentTransformationAttribute {
    [object] Transform([System.Management.Automation.EngineIntrinsics] $engineIntrinsics, [object] $inputData) {
        # .psobject.BaseObject, not .BaseObject: on a wrapped object the latter looks up a
        # property of that name (and enumerates a list's items for it).
        $value = if ($inputData -is [psobject]) { $inputData.psobject.BaseObject } else { $inputData }
        if ($null -eq $value -or $value -is [string] -or $value -is [ValueType]) { return $inputData }
        # (Not `switch ($value)`: switch would walk through an array's items.)
        $kind = if ($value -is [System.Collections.IDictionary]) { 'a hashtable' }
        elseif ($value -is [scriptblock]) { 'a script block' }
        elseif ($value -is [System.Collections.IEnumerable]) { 'an array' }
        else { "an object of type $($value.GetType().FullName)" }
        throw [System.ArgumentException]::new("A string is expected, but the value given was $kind.")
    }
}
