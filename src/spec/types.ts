// The in-memory form of the specs, as the generator and tests use them.
import type { PARAMETER_TYPES } from "./schema.js";

export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface ServiceSpec {
  service: string;
  displayName: string;
  nounPrefix: string;
  sdk: { package: string; client: string; serviceId: string; cliCommand?: string };
  typeNamespace: string;
  /** Type name -> the columns of its table view. */
  tableViews?: Record<string, string[]>;
  model?: { longMembers?: string[] };
  module: {
    name: string;
    version: string;
    guid: string;
    author: string;
    description: string;
    projectUri?: string;
    licenseUri?: string;
    /** What this version brings, for the package (the manifest's PSData.ReleaseNotes). */
    releaseNotes?: string;
    tags?: string[];
  };
}

export interface ParameterSpec {
  name: string;
  member?: string;
  type: ParameterType;
  shape?: string;
  mandatory?: boolean;
  pipeline?: ("byValue" | "byPropertyName")[];
  position?: number;
  aliases?: string[];
  sensitive?: boolean;
  completions?: string[];
  help: string;
}

/** Shape name -> member name -> member type (scalar, shape name, list<..>, map<..>). */
export type ShapeTable = Record<string, Record<string, string>>;

export interface CmdletSpec {
  verb: string;
  noun: string;
  operation: string;
  auth: "anonymous" | "signed";
  /** Anonymous cmdlets only: take the credential parameters anyway (AWS Tools' credentialed base). */
  credentialParameters?: boolean;
  synopsis: string;
  description: string;
  parameters: ParameterSpec[];
  select: string;
  pagination?: { tokenParameter: string; nextToken: string; pageSizeParameter?: string; defaultPageSize?: number };
  shouldProcess?: { impact: "Low" | "Medium" | "High"; target?: string };
  output: { type: string; shapes: ShapeTable };
  examples?: { title: string; code: string; remarks?: string }[];
}

export interface LoadedCmdlet {
  file: string;
  /** The full cmdlet name, e.g. Get-CGIPUserAttributeVerificationCode. */
  name: string;
  spec: CmdletSpec;
}

export interface LoadedSpecs {
  serviceFile: string;
  service: ServiceSpec;
  cmdlets: LoadedCmdlet[];
}
