// ofetch on its own, as clerk-fn's http layer instantiates it.
import { createFetch } from "ofetch";

export const $fetch = createFetch();
