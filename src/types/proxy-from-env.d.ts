// proxy-from-env ships no type declarations.
declare module "proxy-from-env" {
  /** The proxy URL for a request to url under the *_PROXY and NO_PROXY variables, or "" for none. */
  export function getProxyForUrl(url: string | URL): string;
}
