import { createHash, randomBytes } from "node:crypto";

export const newToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");
export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** API keys look like `cpm_<random>`; the first 12 characters are kept to recognise a key in lists. */
export const API_KEY_PREFIX = "cpm_";
export const newApiKey = (): string => `${API_KEY_PREFIX}${newToken(32)}`;
export const apiKeyDisplayPrefix = (key: string): string => key.slice(0, 12);
