import { describe, expect, it } from "vitest";
import { camel, functionName, kebab, lowerFirst, pascal, propertyNames } from "../../codegen/naming.js";

describe("naming", () => {
  it("function names: camelCase(group) + PascalCase(name)", () => {
    expect(functionName("emailAddresses", "get")).toBe("emailAddressesGet");
    expect(functionName("API Keys", "getApiKeys")).toBe("apiKeysGetApiKeys");
    expect(functionName("Instance Settings", "GetInstance")).toBe("instanceSettingsGetInstance");
    expect(functionName("emailSMSTemplates", "list")).toBe("emailSMSTemplatesList");
    expect(functionName("m2m", "getM2MTokens")).toBe("m2mGetM2MTokens");
  });
  it("type and file names keep acronyms readable", () => {
    expect(pascal("JWKS.ecdsa.PublicKey")).toBe("JWKSEcdsaPublicKey");
    expect(pascal("verification_otp")).toBe("VerificationOtp");
    expect(pascal("CommercePlan-2")).toBe("CommercePlan2");
    expect(lowerFirst("OAuthApplication")).toBe("oAuthApplication");
    expect(lowerFirst("SAMLConnection")).toBe("samlConnection");
    expect(lowerFirst("JWKSEcdsaPublicKey")).toBe("jwksEcdsaPublicKey");
    expect(lowerFirst("User")).toBe("user");
  });
  it("property names", () => {
    expect(camel("created_at")).toBe("createdAt");
    expect(camel("frontendApi")).toBe("frontendApi");
    expect(camel("x5t#S256")).toBe("x5tS256");
    expect(camel("3ds")).toBe("_3ds");
  });
  it("collisions: the non-deprecated name wins, the order of declaration does not matter", () => {
    const log: string[] = [];
    const a = propertyNames(
      [
        { wire: "frontendApi", deprecated: true },
        { wire: "frontend_api", deprecated: false },
      ],
      (m) => log.push(m),
    );
    const b = propertyNames(
      [
        { wire: "frontend_api", deprecated: false },
        { wire: "frontendApi", deprecated: true },
      ],
      () => {},
    );
    expect([...a].sort()).toEqual([...b].sort());
    expect(a.get("frontend_api")).toBe("frontendApi");
    expect(a.get("frontendApi")).toBe("frontendApiDeprecated");
    expect(log).toHaveLength(1);
    const c = propertyNames(
      [
        { wire: "a_b", deprecated: false },
        { wire: "aB", deprecated: false },
      ],
      () => {},
    );
    expect(c.get("aB")).toBe("aB");
    expect(c.get("a_b")).toBe("aB2");
  });
  it("reference URL tags", () => {
    expect(kebab("Allow-list / Block-list")).toBe("allow-list-block-list");
    expect(kebab("API Keys")).toBe("api-keys");
  });
});
