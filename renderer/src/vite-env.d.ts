/// <reference types="vite/client" />

declare module 'virtual:partner-setup-locale/*' {
  // One language's texts, namespace by namespace (renderer/locale-chunks.ts).
  type Tree = { [key: string]: string | Tree };
  const texts: Record<string, Tree>;
  export default texts;
}
