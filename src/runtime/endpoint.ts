// The configured endpoint, as the AWS SDKs and CLI read it, settled when each call runs
// rather than once per client: -EndpointUrl (or ClientConfig.ServiceURL) wins; then
// AWS_ENDPOINT_URL_<SERVICE_ID>, AWS_ENDPOINT_URL, the profile's services section and its
// endpoint_url, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's
// ignore_configured_endpoint_urls says to ignore them. (The SDK's own lookup happens once per
// client and caches the files' contents, so the clients are told to skip it.)
import { InputError } from "./input.js";
import { sharedProfile } from "./shared-config.js";

export interface ConfiguredEndpoint {
  url: string;
  /** Where it came from, for -Debug. */
  source: string;
}

function envName(serviceId: string): string {
  return ["AWS_ENDPOINT_URL", ...serviceId.split(" ").map((w) => w.toUpperCase())].join("_");
}

function configKey(serviceId: string): string {
  return serviceId.split(" ").map((w) => w.toLowerCase()).join("_");
}

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === "true";

export async function configuredEndpoint(serviceId: string, profileName: string, profileLocation?: string | null): Promise<ConfiguredEndpoint | undefined> {
  const shared = await sharedProfile(profileName, profileLocation);
  const profile = shared.profile;
  // As the SDKs decide it: the variable, when set, over the profile's setting; true ignores
  // the endpoint variables and the files alike.
  const ignore = process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? profile?.ignore_configured_endpoint_urls;
  if (isTrue(ignore)) return undefined;
  const serviceVariable = envName(serviceId);
  if (process.env[serviceVariable]) return checked(process.env[serviceVariable]!, `the ${serviceVariable} environment variable`);
  if (process.env.AWS_ENDPOINT_URL) return checked(process.env.AWS_ENDPOINT_URL, "the AWS_ENDPOINT_URL environment variable");
  if (!profile) return undefined;
  if (profile.services) {
    const section = shared.sections[`services.${profile.services}`];
    if (!section) {
      throw new InputError("ProfileName", `Profile '${profileName}' names the services section '${profile.services}', which ${shared.where} do not have.`);
    }
    const url = section[`${configKey(serviceId)}.endpoint_url`];
    if (url) return checked(url, `the services section '${profile.services}' of profile '${profileName}'`);
  }
  if (profile.endpoint_url) return checked(profile.endpoint_url, `endpoint_url of profile '${profileName}'`);
  return undefined;
}

function checked(url: string, source: string): ConfiguredEndpoint {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new InputError("EndpointUrl", `The endpoint '${url}' (from ${source}) is not an absolute http or https URL such as https://service.example.com.`);
  }
  return { url, source };
}
