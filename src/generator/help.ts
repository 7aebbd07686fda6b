// Emits MAML help (en-US/<Module>.dll-Help.xml) for the generated cmdlets, so that
// Get-Help shows synopsis, description, every parameter with its attributes (required,
// position, pipeline input, aliases), examples and the output type.
import type { ServiceModel } from "../sdk-schema/model.js";
import type { LoadedCmdlet, LoadedSpecs } from "../spec/types.js";
import { cmdletParameters, defaultOutputType, SHARED_COMMANDS, type EmittedParameter } from "./powershell.js";
import { SESSION_COMMANDS as SHELL_COMMANDS, type SessionCommand as ShellCommand } from "./session-help.js";
import { xml } from "./text.js";

const NET_TYPES: Record<string, string> = {
  string: "System.String",
  int: "System.Int32",
  long: "System.Int64",
  double: "System.Double",
  bool: "System.Boolean",
  datetime: "System.DateTime",
  "string[]": "System.String[]",
  hashtable: "System.Collections.Hashtable",
  object: "System.Object",
  psobject: "System.Management.Automation.PSObject",
  "object[]": "System.Object[]",
  "byte[]": "System.Byte[]",
  switch: "System.Management.Automation.SwitchParameter",
};

function paras(text: string, indent: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((p) => `${indent}<maml:para>${xml(p)}</maml:para>`);
}

function pipelineInput(p: EmittedParameter): string {
  const kinds = [p.byValue ? "ByValue" : "", p.byPropertyName ? "ByPropertyName" : ""].filter(Boolean);
  return kinds.length ? `True (${kinds.join(", ")})` : "False";
}

function attributes(p: EmittedParameter): string {
  // Help counts positions from 1, as Get-Help does for commands without MAML.
  const position = p.position === undefined ? "named" : String(p.position + 1);
  const aliases = p.aliases?.length ? p.aliases.join(", ") : "none";
  return `required="${p.mandatory ? "true" : "false"}" variableLength="${p.psType.endsWith("[]")}" globbing="false" pipelineInput="${pipelineInput(p)}" position="${position}" aliases="${xml(aliases)}"`;
}

function parameter(p: EmittedParameter, indent: string, withDescription: boolean): string[] {
  const type = p.helpType ?? NET_TYPES[p.psType] ?? p.psType;
  const lines = [`${indent}<command:parameter ${attributes(p)}>`, `${indent}  <maml:name>${p.name}</maml:name>`];
  if (withDescription) lines.push(`${indent}  <maml:description>`, ...paras(p.help, `${indent}    `), `${indent}  </maml:description>`);
  lines.push(
    `${indent}  <command:parameterValue required="${p.psType === "switch" ? "false" : "true"}" variableLength="false">${xml(type.replace(/^System\./, ""))}</command:parameterValue>`,
    `${indent}  <dev:type><maml:name>${xml(type)}</maml:name><maml:uri /></dev:type>`,
  );
  if (withDescription) lines.push(`${indent}  <dev:defaultValue>${xml(p.defaultValue ?? "None")}</dev:defaultValue>`);
  lines.push(`${indent}</command:parameter>`);
  return lines;
}

function command(specs: LoadedSpecs, cmdlet: LoadedCmdlet, model?: ServiceModel): string[] {
  const { spec } = cmdlet;
  const ns = specs.service.typeNamespace;
  const parameters = cmdletParameters(specs, cmdlet, model);
  const output = defaultOutputType(cmdlet);
  const i = "    ";
  const lines = [
    "  <command:command>",
    `${i}<command:details>`,
    `${i}  <command:name>${cmdlet.name}</command:name>`,
    `${i}  <command:verb>${spec.verb}</command:verb>`,
    `${i}  <command:noun>${specs.service.nounPrefix}${spec.noun}</command:noun>`,
    `${i}  <maml:description>`,
    ...paras(spec.synopsis, `${i}    `),
    `${i}  </maml:description>`,
    `${i}</command:details>`,
    `${i}<maml:description>`,
    ...paras(spec.description, `${i}  `),
    ...paras(
      `Calls the ${specs.service.displayName} ${spec.operation} operation through the AWS SDK for JavaScript. ` +
        (spec.auth === "anonymous" ? "The operation is anonymous: no AWS credentials are looked up or sent." : ""),
      `${i}  `,
    ),
    `${i}</maml:description>`,
    `${i}<command:syntax>`,
    `${i}  <command:syntaxItem>`,
    `${i}    <maml:name>${cmdlet.name}</maml:name>`,
    ...parameters.flatMap((p) => parameter(p, `${i}    `, false)),
    `${i}  </command:syntaxItem>`,
    `${i}</command:syntax>`,
    `${i}<command:parameters>`,
    ...parameters.flatMap((p) => parameter(p, `${i}  `, true)),
    `${i}</command:parameters>`,
    `${i}<command:inputTypes>`,
    `${i}  <command:inputType>`,
    `${i}    <dev:type><maml:name>System.Object</maml:name></dev:type>`,
    `${i}    <maml:description>`,
    ...paras("Objects with properties named like the parameters (pipeline input by property name), or region names (by value).", `${i}      `),
    `${i}    </maml:description>`,
    `${i}  </command:inputType>`,
    `${i}</command:inputTypes>`,
    `${i}<command:returnValues>`,
    `${i}  <command:returnValue>`,
    `${i}    <dev:type><maml:name>${xml(output ? `${ns}.${output}` : "None")}</maml:name></dev:type>`,
    `${i}    <maml:description>`,
    ...paras(
      `By default, the ${spec.select === "*" ? "whole response" : `${spec.select} property of the response`}. ` +
        `With -Select '*', the whole response (${ns}.${spec.output.type}).`,
      `${i}      `,
    ),
    `${i}    </maml:description>`,
    `${i}  </command:returnValue>`,
    `${i}</command:returnValues>`,
    `${i}<command:examples>`,
  ];
  (spec.examples ?? []).forEach((example, n) => {
    lines.push(
      `${i}  <command:example>`,
      `${i}    <maml:title>-------------------------- Example ${n + 1}: ${xml(example.title)} --------------------------</maml:title>`,
      `${i}    <dev:code>${xml(example.code)}</dev:code>`,
      `${i}    <dev:remarks>`,
      ...paras(example.remarks ?? "", `${i}      `),
      `${i}    </dev:remarks>`,
      `${i}  </command:example>`,
    );
  });
  lines.push(
    `${i}</command:examples>`,
    `${i}<command:relatedLinks>`,
    `${i}  <maml:navigationLink>`,
    `${i}    <maml:linkText>${spec.operation} in the Amazon Cognito API reference</maml:linkText>`,
    `${i}    <maml:uri>https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_${spec.operation}.html</maml:uri>`,
    `${i}  </maml:navigationLink>`,
    `${i}</command:relatedLinks>`,
    "  </command:command>",
  );
  return lines;
}

function shellCommand(command: ShellCommand): string[] {
  const [verb, noun] = command.name.split("-") as [string, string];
  const i = "    ";
  const lines = [
    "  <command:command>",
    `${i}<command:details>`,
    `${i}  <command:name>${command.name}</command:name>`,
    `${i}  <command:verb>${verb}</command:verb>`,
    `${i}  <command:noun>${noun}</command:noun>`,
    `${i}  <maml:description>`,
    ...paras(command.synopsis, `${i}    `),
    `${i}  </maml:description>`,
    `${i}</command:details>`,
    `${i}<maml:description>`,
    ...paras(command.description, `${i}  `),
    `${i}</maml:description>`,
    `${i}<command:syntax>`,
    `${i}  <command:syntaxItem>`,
    `${i}    <maml:name>${command.name}</maml:name>`,
    ...command.parameters.flatMap((p) => parameter(p, `${i}    `, false)),
    `${i}  </command:syntaxItem>`,
    `${i}</command:syntax>`,
    `${i}<command:parameters>`,
    ...command.parameters.flatMap((p) => parameter(p, `${i}  `, true)),
    `${i}</command:parameters>`,
    `${i}<command:returnValues>`,
    `${i}  <command:returnValue>`,
    `${i}    <dev:type><maml:name>${xml(command.output ?? "None")}</maml:name></dev:type>`,
    `${i}  </command:returnValue>`,
    `${i}</command:returnValues>`,
    `${i}<command:examples>`,
  ];
  command.examples.forEach((example, n) => {
    lines.push(
      `${i}  <command:example>`,
      `${i}    <maml:title>-------------------------- Example ${n + 1} --------------------------</maml:title>`,
      `${i}    <dev:code>${xml(example.code)}</dev:code>`,
      `${i}    <dev:remarks>`,
      ...paras(example.remarks, `${i}      `),
      `${i}    </dev:remarks>`,
      `${i}  </command:example>`,
    );
  });
  lines.push(`${i}</command:examples>`, "  </command:command>");
  return lines;
}

export function helpFileName(specs: LoadedSpecs): string {
  // PowerShell looks for a compiled cmdlet's help (the session commands') beside its assembly, as
  // <assembly file>-Help.xml; the generated functions name the same file with .ExternalHelp.
  return `en-US/${specs.service.module.name}.dll-Help.xml`;
}

export function emitHelp(specs: LoadedSpecs, model?: ServiceModel): string {
  const documented = SHELL_COMMANDS.map((c) => c.name).sort();
  if (documented.join() !== [...SHARED_COMMANDS].sort().join()) throw new Error("help.ts must document every shell command the runtime exports");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    "<!-- Generated by `npm run generate` from specs/. Do not edit. -->",
    '<helpItems schema="maml" xmlns="http://msh" xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">',
    ...specs.cmdlets.flatMap((c) => command(specs, c, model)),
    ...SHELL_COMMANDS.flatMap(shellCommand),
    "</helpItems>",
    "",
  ].join("\n");
}
