// The scout's words, chosen at build time (scripts/scout-words-plugin.ts), one per line.
declare module 'virtual:scout-words' {
  const words: string;
  export default words;
}
