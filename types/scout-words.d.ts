// The scout's words as one regular expression source, chosen at build time (scripts/scout-words-plugin.ts).
declare module 'virtual:scout-words' {
  const pattern: string;
  export default pattern;
}
