/**
 * Largest file accepted, in bytes. The file is parsed whole (JSON.parse holds
 * the text and its object graph, several times the file's size, in memory) and
 * the pack it gives is loaded into a browser extension's local storage; the
 * whole ATT&CK Enterprise bundle, the largest public catalogue, is about
 * 45 MB. Past this an import stops at once, before reading the file.
 */
export const MAX_CATALOGUE_BYTES = 64 * 1024 * 1024;
