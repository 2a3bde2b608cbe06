/** A Response, or something that behaves like one (a custom fetch or hook may use another realm's class). */
export function isResponse(value: unknown): value is Response {
  return (
    value instanceof Response ||
    (typeof (value as Response)?.status === "number" &&
      typeof (value as Response).text === "function" &&
      typeof (value as Response).headers?.get === "function")
  );
}
