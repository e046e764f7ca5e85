// The scout's words, folded, one per line, chosen at build time (scripts/scout-words-plugin.ts).
declare module 'virtual:scout-words' {
  const words: string;
  export default words;
}
