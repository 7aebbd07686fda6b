using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CmdletBridge
{
    /// <summary>
    /// One cmdlet call: settle the region and endpoint, check and shape the input, send the
    /// request to the bridge, and turn the reply into output objects (or an ErrorRecord),
    /// page after page for list operations.
    /// </summary>
    public static class OperationRunner
    {
        /// <summary>Set-AWSAutoIterationMode's variable: "v4" makes list cmdlets fetch one page.</summary>
        public const string AutoIterationVariable = "AWSPowerShell_AutoIteration_Mode";

        /// <summary>Endpoint URLs already found well-formed (a loop passes the same one every time).</summary>
        private static readonly ConcurrentDictionary<string, bool> CheckedEndpoints = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public static void Invoke(PSCmdlet cmdlet, IDictionary<string, object?> bound, OperationInfo operation, Invocation invocation)
        {
            AWSCmdletHistory? history = invocation.History;
            bool selectGiven = bound.TryGetValue("Select", out object? selectValue);
            string select = selectGiven ? Text(selectValue) : operation.DefaultSelect;
            string? selectParameter = null;
            bool writeNothing = select == "(none)" && !selectGiven;
            if (writeNothing) select = "*";
            if (select.StartsWith('^'))
            {
                selectParameter = ResolveSelectParameter(cmdlet, select.Substring(1));
                select = "*";
            }

            ClientConfig config = bound.TryGetValue("ClientConfig", out object? configValue) && configValue is not null
                ? ClientConfig.Parse(cmdlet, (IDictionary)Unwrap(configValue)!)
                : ClientConfig.None;
            ExplicitRegion? region = bound.TryGetValue("Region", out object? regionValue) && Unwrap(regionValue) is string regionName && RegionNames.IsWellFormed(regionName)
                ? new ExplicitRegion(regionName, "-Region")
                : RegionNames.ResolveExplicit(cmdlet, bound, config.Region);
            string endpoint = bound.TryGetValue("EndpointUrl", out object? endpointValue) ? Text(endpointValue) : "";
            if (endpoint.Length > 0)
            {
                if (!CheckedEndpoints.ContainsKey(endpoint))
                {
                    ClientConfig.CheckEndpointUrl(cmdlet, endpoint, "-EndpointUrl");
                    CheckedEndpoints.TryAdd(endpoint, true);
                }
            }
            else
            {
                endpoint = config.Endpoint ?? "";
            }

            var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            // $null is not set, as in AWS Tools' requests (-Precedence $null sends no Precedence).
            foreach (string name in operation.InputParameters)
            {
                if (bound.TryGetValue(name, out object? value) && value is not null) parameters[name] = value;
            }
            // As AWS Tools does: an unset page size is sent as its default (so that a page size the
            // service requires, such as ListUserPools' MaxResults, need not be given).
            if (operation.PageSizeParameter is string pageSize && !parameters.ContainsKey(pageSize))
            {
                parameters[pageSize] = operation.DefaultPageSize;
                if (invocation.Verbose) cmdlet.WriteVerbose($"{pageSize} parameter unset, using default value of '{operation.DefaultPageSize}'");
            }
            CheckInput(cmdlet, operation, parameters);
            foreach (string name in operation.Nested)
            {
                if (parameters.TryGetValue(name, out object? value)) parameters[name] = PlainData.Convert(cmdlet, name, value, "-" + name);
            }
            foreach (string name in operation.Blobs)
            {
                if (parameters.TryGetValue(name, out object? value) && Unwrap(value) is byte[] bytes) parameters[name] = System.Convert.ToBase64String(bytes);
            }

            var request = new Dictionary<string, object?>
            {
                ["id"] = null,
                ["op"] = operation.Name,
                ["params"] = parameters,
                ["select"] = select,
            };
            if (region is not null)
            {
                request["region"] = region.Region;
                request["regionSource"] = region.Source;
            }
            else if (Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } envRegion)
            {
                // The bridge goes on down the chain: the profile, then AWS_REGION.
                request["envRegion"] = envRegion;
            }
            if (bound.TryGetValue("ProfileLocation", out object? location) && Text(location) is { Length: > 0 } profileLocation)
            {
                request["profileLocation"] = ProfilePaths.Resolve(cmdlet, profileLocation);
            }
            if (operation.Signed) Credentials.AddTo(request, cmdlet, bound, invocation.Debug);
            else if (operation.CredentialParameters) Credentials.AddProfileTo(request, cmdlet, bound);
            if (Amazon.PowerShell.Common.ProxyCommands.ForRequest(cmdlet) is Dictionary<string, object?> proxy) request["proxy"] = proxy;
            if (endpoint.Length > 0) request["endpoint"] = endpoint;
            if (config.Settings is not null) request["config"] = config.Settings;

            if (operation.ShouldProcess)
            {
                // As AWS Tools: -Force skips the prompt, but -WhatIf still only describes the call.
                bool force = bound.TryGetValue("Force", out object? forceValue) && LanguagePrimitives.IsTrue(forceValue);
                bool whatIf = bound.TryGetValue("WhatIf", out object? whatIfValue)
                    ? LanguagePrimitives.IsTrue(whatIfValue)
                    : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
                string target = ShouldProcessTarget(bound, operation.ShouldProcessTarget);
                if (!((force && !whatIf) || cmdlet.ShouldProcess(target, $"{operation.Cmdlet} ({operation.Name})"))) return;
            }

            // Paginated operations fetch every page unless the caller steers the paging (AWS
            // Tools: -NoAutoIteration, or the token parameter given, even as $null).
            string? tokenParameter = operation.PageTokenParameter;
            bool autoIterate = tokenParameter is not null
                && !(bound.TryGetValue("NoAutoIteration", out object? noAuto) && LanguagePrimitives.IsTrue(noAuto))
                && !bound.ContainsKey(tokenParameter)
                && !(cmdlet.SessionState.PSVariable.GetValue(AutoIterationVariable) is string mode && mode == "v4");
            TimeSpan timeout = ClientConfig.BridgeCallTimeout(config.Settings);
            HistorySettings historySettings = HistoryRecorder.Settings;
            BridgeConnection bridge = BridgeConnection.Default;
            // The format views load while the bridge works on the first request.
            Action? loadViews = FormatViews.IsLoaded ? null : () => FormatViews.EnsureLoaded(cmdlet, invocation.Debug);

            while (true)
            {
                if (invocation.Verbose)
                {
                    string where = region is not null ? "in region " + region.Region : "in the default region";
                    cmdlet.WriteVerbose($"Calling {operation.Name} {where}{(endpoint.Length > 0 ? " at " + endpoint : "")}.");
                }
                if (history is not null && historySettings.RecordServiceRequests)
                {
                    HistoryRecorder.AddRequest(invocation.Store, history, operation.RequestType, parameters, operation.Sensitive);
                }

                BridgeReply reply = bridge.Invoke(cmdlet, request, timeout, loadViews);
                loadViews = null;
                if (!reply.Ok)
                {
                    ErrorRecord record = CmdletErrors.FromReply(cmdlet, reply.Error);
                    // As in AWS Tools, a failed call keeps its error as the response.
                    HistoryRecorder.AddResponse(invocation.Store, history, record);
                    HistoryRecorder.Complete(history);
                    cmdlet.ThrowTerminatingError(record);
                }

                Dictionary<string, object?> meta = reply.Meta;
                if (invocation.Debug) cmdlet.WriteDebug($"Region: {Member(meta, "region")} (from {Member(meta, "regionSource")}).");
                if (invocation.Verbose)
                {
                    cmdlet.WriteVerbose($"{operation.Name} answered by {Member(meta, "endpoint")} in region {Member(meta, "region")}: " +
                        $"HTTP {Member(meta, "status")}, request id {Member(meta, "requestId") ?? "none"}.");
                }

                object? response = reply.Response;
                HistoryRecorder.AddResponse(invocation.Store, history, response);
                if (selectParameter is null && !writeNothing) WriteSelected(cmdlet, response, reply.Path, history);

                if (!autoIterate) break;
                object? next = response is null ? null : PSObject.AsPSObject(response).Properties[operation.NextPageToken!]?.Value;
                string nextToken = Text(next);
                // A token the service repeats would loop for ever.
                if (nextToken.Length == 0 || (parameters.TryGetValue(tokenParameter!, out object? previous) && nextToken == Text(previous))) break;
                parameters[tokenParameter!] = nextToken;
            }

            if (selectParameter is not null && bound.TryGetValue(selectParameter, out object? passThru))
            {
                cmdlet.WriteObject(passThru, true);
                if (history is not null) history.EmittedObjectsCount++;
            }
        }

        /// <summary>-Select '^Name': Name must be a parameter of the cmdlet or one of its aliases.</summary>
        private static string ResolveSelectParameter(PSCmdlet cmdlet, string name)
        {
            if (name.Length > 0)
            {
                foreach (ParameterMetadata parameter in cmdlet.MyInvocation.MyCommand.Parameters.Values)
                {
                    if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)) return parameter.Name;
                    foreach (string alias in parameter.Aliases)
                    {
                        if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) return parameter.Name;
                    }
                }
            }
            CmdletErrors.ThrowArgument(cmdlet, "Select", "Invalid value for -Select parameter.");
            return "";
        }

        /// <summary>
        /// What the service would refuse anyway, refused before any request: a required value
        /// that is empty or $null (PowerShell lets them through, as AWS Tools does, so that
        /// pipeline binding works), and a map of strings with a key or value that is not a
        /// string (as AWS Tools' cast to string would). Checking values here also keeps
        /// arbitrary objects, whose JSON could be huge, out of the request. (The bridge checks
        /// value types again, for any other client of the protocol.)
        /// </summary>
        private static void CheckInput(PSCmdlet cmdlet, OperationInfo operation, Dictionary<string, object?> parameters)
        {
            foreach (string name in operation.Mandatory)
            {
                parameters.TryGetValue(name, out object? value);
                value = Unwrap(value);
                if (value is null || value is string { Length: 0 })
                {
                    CmdletErrors.ThrowArgument(cmdlet, name, $"-{name} is required, and the value given was {(value is null ? "$null" : "empty")}.");
                }
            }
            foreach (string name in operation.StringMaps)
            {
                if (!parameters.TryGetValue(name, out object? mapValue) || Unwrap(mapValue) is not IDictionary map) continue;
                foreach (DictionaryEntry entry in map)
                {
                    object key = Unwrap(entry.Key)!;
                    if (key is not string)
                    {
                        CmdletErrors.ThrowArgument(cmdlet, name, $"-{name} takes string keys only, but key '{Text(key)}' is a {key.GetType().Name}. Quote it to make it a string.");
                    }
                    if (Unwrap(entry.Value) is not string)
                    {
                        CmdletErrors.ThrowArgument(cmdlet, name,
                            $"-{name} takes string values only, but the value for key '{Text(key)}' is {PlainData.Kind(entry.Value)}. Convert it to a string first.");
                    }
                }
            }
        }

        /// <summary>
        /// The value -WhatIf and -Confirm name: the target parameter's value, lists joined (at
        /// most 10 shown), as AWS Tools shows it.
        /// </summary>
        private static string ShouldProcessTarget(IDictionary<string, object?> bound, string? name)
        {
            if (string.IsNullOrEmpty(name) || !bound.TryGetValue(name, out object? value) || value is null) return "";
            object baseValue = Unwrap(value)!;
            if (baseValue is string || baseValue is not IEnumerable items) return Text(value);
            var shown = new List<string>();
            int count = 0;
            foreach (object? item in items)
            {
                if (count < 10) shown.Add(Text(item));
                count++;
            }
            string text = string.Join(", ", shown);
            return count > 10 ? $"{text} (plus {count - 10} more)" : text;
        }

        /// <summary>
        /// Writes the response, or the values at the -Select path: collections on the way (and
        /// at the end) are flattened and nulls dropped, so each item reaches the pipeline on its own.
        /// </summary>
        private static void WriteSelected(PSCmdlet cmdlet, object? response, object?[]? path, AWSCmdletHistory? history)
        {
            if (path is null)
            {
                cmdlet.WriteObject(response);
                if (history is not null) history.EmittedObjectsCount++;
                return;
            }
            var values = new List<object> { response! };
            foreach (object? segmentValue in path)
            {
                string segment = Text(segmentValue);
                var next = new List<object>();
                foreach (object value in values)
                {
                    object? member = value is null ? null : PSObject.AsPSObject(value).Properties[segment]?.Value;
                    if (member is null) continue;
                    if (member is IList items)
                    {
                        foreach (object? item in items) if (item is not null) next.Add(item);
                    }
                    else next.Add(member);
                }
                values = next;
            }
            foreach (object item in values)
            {
                cmdlet.WriteObject(item);
                if (history is not null) history.EmittedObjectsCount++;
            }
        }

        private static object? Member(Dictionary<string, object?> map, string name) => map.TryGetValue(name, out object? value) ? value : null;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Text(object? value) => value is null ? "" : LanguagePrimitives.ConvertTo<string>(value) ?? "";
    }
}
