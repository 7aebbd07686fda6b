// The part of the region chain that needs the shared config files. PowerShell settles
// -Region and $StoredAWSRegion itself; otherwise the bridge looks at the default
// profile (in -ProfileLocation, or the usual config and credentials files, read with the
// SDK's own loader), then at the AWS_REGION value PowerShell sent. AWS_DEFAULT_REGION is
// not read, as in AWS Tools for PowerShell.
import { existsSync } from "node:fs";
import { InputError } from "./input.js";
import { sharedProfile } from "./shared-config.js";

export const NO_REGION_MESSAGE = "No region specified or obtained from persisted/shell defaults.";
export const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

/** No region anywhere in the chain. */
export class RegionError extends Error {}

export interface RegionInput {
  /** -Region, $StoredAWSRegion or ClientConfig.RegionEndpoint, already checked by PowerShell. */
  region?: string | null;
  regionSource?: string | null;
  profileLocation?: string | null;
  /** -ProfileName of a signed cmdlet: its region comes before the default profile's. */
  profile?: string | null;
  /** $env:AWS_REGION in the PowerShell session (the bridge's own environment may be older). */
  envRegion?: string | null;
}

export interface ResolvedRegion {
  region: string;
  source: string;
}

export async function resolveRegion(input: RegionInput): Promise<ResolvedRegion> {
  if (input.region) return { region: input.region, source: input.regionSource ?? "-Region" };

  if (input.profileLocation && !existsSync(input.profileLocation)) {
    throw new InputError("ProfileLocation", `-ProfileLocation '${input.profileLocation}' does not exist.`);
  }
  const name = input.profile || "default";
  const shared = await sharedProfile(name, input.profileLocation);
  const region = shared.profile?.region;
  if (region) return checked(region, `${input.profile ? `profile '${name}'` : "the default profile"} in ${shared.where}`);
  if (input.envRegion) return checked(input.envRegion, "the AWS_REGION environment variable");
  throw new RegionError(NO_REGION_MESSAGE);
}

function checked(region: string, source: string): ResolvedRegion {
  if (!REGION_PATTERN.test(region)) {
    throw new InputError("Region", `'${region}' (from ${source}) is not a region name. A region name is a system name such as us-east-1, eu-west-2 or ap-southeast-1.`);
  }
  return { region, source };
}
