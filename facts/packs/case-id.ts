/** The bundled case's pack id: no loaded pack may take it, and its highlights carry it as `data-pack`. */
export const CASE_PACK_ID = 'case';
