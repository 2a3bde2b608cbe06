// The fake stores no images: every image_url it answers is Clerk's default placeholder.
export const PLACEHOLDER_IMAGE = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9";
