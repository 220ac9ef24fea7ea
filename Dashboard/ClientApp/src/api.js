// JSON from the Dashboard's own API (same origin, the sign-in cookie goes along).

/** GETs `url` as JSON; a signed-out session goes back to the sign-in page, other failures throw. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (response.status === 401) {
    location.assign(`/account/sign-in?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
    throw new Error("signed out");
  }
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
  return response.json();
}

/** Rows with snake_case or camelCase keys alike, as camelCase. */
export function camelRows(rows) {
  return (rows ?? []).map((row) => Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), value])));
}
