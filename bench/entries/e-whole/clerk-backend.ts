export * from "@clerk/backend";
