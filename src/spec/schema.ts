// JSON Schemas for the two kinds of spec file. Kept as TypeScript objects so that the
// loader, the generator and the tests share one definition; `additionalProperties:
// false` everywhere so a misspelt key is an error rather than silently ignored.

const identifier = { type: "string", pattern: "^[A-Za-z][A-Za-z0-9]*$" } as const;
const text = { type: "string", minLength: 1 } as const;
const parameterName = { type: "string", pattern: "^[A-Z][A-Za-z0-9_]*$" } as const;

export const PARAMETER_TYPES = [
  "string",
  "integer",
  "long",
  "double",
  "boolean",
  "timestamp",
  "stringList",
  "stringMap",
  // Nested values, converted against the SDK's schema by the bridge.
  "structure",
  "structureList",
  "structureMap",
  "document",
  "blob",
] as const;

/** Parameter types that take a hashtable or object of the named SDK shape. */
export const SHAPED_TYPES = ["structure", "structureList", "structureMap"] as const;

export const serviceSchema = {
  $id: "service.schema.json",
  type: "object",
  additionalProperties: false,
  required: ["service", "displayName", "nounPrefix", "sdk", "typeNamespace", "module"],
  properties: {
    service: identifier,
    displayName: text,
    nounPrefix: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" },
    sdk: {
      type: "object",
      additionalProperties: false,
      required: ["package", "client", "serviceId"],
      properties: {
        package: { type: "string", pattern: "^@?[a-z0-9][a-z0-9._/-]*$" },
        client: identifier,
        // The SDK's service id: AWS_ENDPOINT_URL_<ID> and the config file's services key are named after it.
        serviceId: { type: "string", pattern: "^[A-Za-z0-9]+( [A-Za-z0-9]+)*$" },
        // The AWS CLI's command for the service, which Get-AWSCmdletName -AwsCliCommand recognises.
        cliCommand: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
      },
    },
    typeNamespace: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$" },
    // Table views for the output types people list most: type name -> its columns, in order.
    tableViews: {
      type: "object",
      propertyNames: { pattern: "^[A-Z][A-Za-z0-9]*$" },
      additionalProperties: { type: "array", minItems: 1, items: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" }, uniqueItems: true },
    },
    // What the SDK for JavaScript's model does not say of the .NET model types.
    model: {
      type: "object",
      additionalProperties: false,
      properties: {
        // "Shape.Member": numbers that are long in .NET (JavaScript has one number type; int otherwise).
        longMembers: { type: "array", items: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*\\.[A-Za-z][A-Za-z0-9]*$" }, uniqueItems: true },
      },
    },
    module: {
      type: "object",
      additionalProperties: false,
      required: ["name", "version", "guid", "author", "description"],
      properties: {
        name: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9.]*$" },
        version: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+(\\.\\d+)?$" },
        guid: {
          type: "string",
          pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        },
        author: text,
        description: text,
        projectUri: { type: "string", pattern: "^https://" },
        licenseUri: { type: "string", pattern: "^https://" },
        releaseNotes: text,
        tags: { type: "array", items: { type: "string", pattern: "^[A-Za-z0-9.-]+$" }, uniqueItems: true },
      },
    },
  },
} as const;

const memberType = {
  type: "string",
  // A scalar, a shape name, or list<...> / map<...> of either.
  pattern: "^(list<|map<)*[A-Za-z][A-Za-z0-9]*>*$",
} as const;

export const cmdletSchema = {
  $id: "cmdlet.schema.json",
  type: "object",
  additionalProperties: false,
  required: ["verb", "noun", "operation", "auth", "synopsis", "description", "parameters", "select", "output"],
  properties: {
    verb: { type: "string", pattern: "^[A-Z][A-Za-z]+$" },
    noun: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" },
    operation: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" },
    auth: { enum: ["anonymous", "signed"] },
    // An anonymous cmdlet that still takes -AccessKey, -ProfileName and the other credential
    // parameters, as AWS Tools' credentialed base class gives them: a profile's region is
    // used, and the request is still sent unsigned. Signed cmdlets always take them.
    credentialParameters: { type: "boolean" },
    synopsis: text,
    description: text,
    parameters: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "type", "help"],
        properties: {
          // Underscores join the parts of a flattened member (PasswordPolicy_MinimumLength).
          name: parameterName,
          // The SDK input member this parameter fills; defaults to the parameter name. A dotted
          // path fills a member of a nested structure (Policies.PasswordPolicy.MinimumLength).
          member: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*(\\.[A-Z][A-Za-z0-9]*)*$" },
          type: { enum: PARAMETER_TYPES },
          // The SDK shape a structure parameter takes, e.g. AttributeType (help shows it).
          shape: identifier,
          mandatory: { type: "boolean" },
          pipeline: {
            type: "array",
            items: { enum: ["byValue", "byPropertyName"] },
            uniqueItems: true,
          },
          position: { type: "integer", minimum: 0, maximum: 1000 },
          aliases: { type: "array", items: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]*$" }, uniqueItems: true },
          sensitive: { type: "boolean" },
          // Values offered by tab completion (other values are still accepted).
          completions: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, minItems: 1 },
          help: text,
        },
      },
    },
    // The -Select default: '*' for the whole response, '(none)' for no output, or a
    // property path of it.
    select: { type: "string", minLength: 1 },
    // A paginated operation: by default the cmdlet fetches every page.
    pagination: {
      type: "object",
      additionalProperties: false,
      required: ["tokenParameter", "nextToken"],
      properties: {
        // The parameter that carries the token of the page to fetch.
        tokenParameter: parameterName,
        // The response member with the next page's token.
        nextToken: identifier,
        // The parameter that sets a page's size, if any.
        pageSizeParameter: parameterName,
        // The page size sent when pageSizeParameter is not given (AWS Tools' default).
        defaultPageSize: { type: "integer", minimum: 1, maximum: 1000 },
      },
    },
    // Mutating cmdlets: -WhatIf, -Confirm and -Force, and how much a call matters.
    shouldProcess: {
      type: "object",
      additionalProperties: false,
      required: ["impact"],
      properties: {
        impact: { enum: ["Low", "Medium", "High"] },
        // The parameter whose value prompts name.
        target: parameterName,
      },
    },
    output: {
      type: "object",
      additionalProperties: false,
      required: ["type", "shapes"],
      properties: {
        type: identifier,
        shapes: {
          type: "object",
          minProperties: 1,
          propertyNames: { pattern: "^[A-Za-z][A-Za-z0-9]*$" },
          additionalProperties: {
            type: "object",
            propertyNames: { pattern: "^[A-Za-z][A-Za-z0-9]*$" },
            additionalProperties: memberType,
          },
        },
      },
    },
    examples: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["title", "code"],
        properties: { title: text, code: text, remarks: text },
      },
    },
  },
} as const;
