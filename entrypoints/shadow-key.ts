import { listenEarly } from './content/shadow-event';

/**
 * Runs in the content scripts' world at document_start, declared in the
 * manifest, and so before the page-world patch the background registers
 * (declared scripts start before registered ones). It takes the random name the patch
 * announces attached shadow roots with, and keeps the hosts announced while the
 * page is parsed, until the scout starts when it is parsed (shadow-event.ts).
 * A script of its own, a few lines, so that the scout itself can start at
 * document_end: the page's text is there, and its first look is not folded
 * into whichever of the page's tasks ends the parsing.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    listenEarly(document);
  },
});
