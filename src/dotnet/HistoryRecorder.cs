using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CmdletBridge
{
    /// <summary>What $AWSHistory keeps (Set-AWSHistoryConfiguration), per runspace.</summary>
    public sealed class HistorySettings
    {
        public int MaxCmdletHistory { get; set; } = 5;
        public int MaxServiceCallHistory { get; set; } = 5;
        public bool RecordServiceRequests { get; set; }
        public bool IncludeSensitiveData { get; set; }
    }

    /// <summary>
    /// Keeps $AWSHistory as AWS Tools for PowerShell does: the last few cmdlet invocations,
    /// newest first, each with the responses (and, when asked, the requests) of its service
    /// calls. Sensitive request members are redacted unless sensitive data is asked for.
    /// </summary>
    public static class HistoryRecorder
    {
        private const string RedactedValue = "*****";
        private static readonly ConditionalWeakTable<Runspace, HistorySettings> SettingsByRunspace = new ConditionalWeakTable<Runspace, HistorySettings>();
        private static readonly HistorySettings NoRunspaceSettings = new HistorySettings();

        /// <summary>The settings of the runspace this thread runs.</summary>
        public static HistorySettings Settings
        {
            get
            {
                Runspace? runspace = Runspace.DefaultRunspace;
                return runspace is null ? NoRunspaceSettings : SettingsByRunspace.GetValue(runspace, _ => new HistorySettings());
            }
        }

        /// <summary>Ours, created when missing, or null when $AWSHistory belongs to someone else (AWS.Tools.Common, say).</summary>
        public static AWSHistory? GetStore(PSCmdlet cmdlet)
        {
            object? current = cmdlet.SessionState.PSVariable.GetValue("global:AWSHistory");
            if (current is PSObject wrapped) current = wrapped.BaseObject;
            if (current is null)
            {
                var created = new AWSHistory();
                cmdlet.SessionState.PSVariable.Set("global:AWSHistory", created);
                return created;
            }
            return current as AWSHistory;
        }

        /// <summary>
        /// Starts the invocation's entry. The store is looked up once per invocation and kept
        /// (a variable lookup on every pipeline object costs more than the bookkeeping).
        /// </summary>
        public static AWSCmdletHistory? Start(PSCmdlet cmdlet, string cmdletName, out AWSHistory? store)
        {
            HistorySettings settings = Settings;
            store = null;
            if (settings.MaxCmdletHistory <= 0) return null;
            store = GetStore(cmdlet);
            if (store is null) return null;
            var entry = new AWSCmdletHistory { CmdletName = cmdletName, CmdletStart = DateTime.Now };
            store.Commands.Insert(0, entry);
            while (store.Commands.Count > settings.MaxCmdletHistory) store.Commands.RemoveAt(store.Commands.Count - 1);
            store.LastCommand = entry;
            return entry;
        }

        public static void Complete(AWSCmdletHistory? entry)
        {
            if (entry is not null) entry.CmdletEnd = DateTime.Now;
        }

        public static void AddResponse(AWSHistory? store, AWSCmdletHistory? entry, object? response)
        {
            if (entry is null) return;
            AddBounded(entry.Responses, response!, Settings.MaxServiceCallHistory);
            entry.LastServiceResponse = response;
            if (store is not null) store.LastServiceResponse = response;
        }

        /// <summary>
        /// Records the request, when requests are recorded, with sensitive members redacted
        /// unless sensitive data is asked for.
        /// </summary>
        public static void AddRequest(AWSHistory? store, AWSCmdletHistory? entry, string typeName, IDictionary parameters, string[] sensitive)
        {
            HistorySettings settings = Settings;
            if (entry is null || !settings.RecordServiceRequests) return;
            var request = new PSObject();
            request.TypeNames.Insert(0, typeName);
            foreach (DictionaryEntry item in parameters)
            {
                string key = (string)item.Key;
                bool redact = !settings.IncludeSensitiveData && Array.IndexOf(sensitive, key) >= 0 && item.Value is not null;
                request.Properties.Add(new PSNoteProperty(key, redact ? RedactedValue : item.Value));
            }
            AddBounded(entry.Requests, request, settings.MaxServiceCallHistory);
            entry.LastServiceRequest = request;
            if (store is not null) store.LastServiceRequest = request;
        }

        private static void AddBounded(List<object> list, object item, int max)
        {
            list.Add(item);
            while (list.Count > max) list.RemoveAt(0);
        }
    }
}
