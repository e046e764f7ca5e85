// The parts of mark.js 8.11 that Case Lens uses. (@types/mark.js pulls in
// jQuery's globals, which would let `$` type-check and crash at run time.)
declare module 'mark.js' {
  interface MarkRange {
    start: number;
    length: number;
  }
  interface MarkRangesOptions<R extends MarkRange> {
    element?: string;
    className?: string;
    exclude?: string[];
    each?: (element: HTMLElement, range: R) => void;
    noMatch?: (range: R) => void;
    done?: (count: number) => void;
    filter?: (textNode: Text, range: R, match: string, counter: number) => boolean;
    debug?: boolean;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    markRanges<R extends MarkRange>(ranges: R[], options?: MarkRangesOptions<R>): void;
  }
}
