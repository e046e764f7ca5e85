// The bundled entities as the full page script needs them, made at build time (scripts/page-record-plugin.ts).
declare module 'virtual:page-record' {
  const record: import('../facts/page-record').PageRecord;
  export default record;
}
