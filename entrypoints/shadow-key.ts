import { holdShadowEventName, KEY_EVENT } from './content/shadow-event';

/**
 * Runs in the content scripts' world at document_start, just before the
 * page-world patch (declared before it in wxt.config.ts), and takes the
 * random event name the patch makes for announcing shadow roots (see
 * shadow-event.ts). Its listener goes as soon as it has the name: before
 * any page script could dispatch an event of that fixed name.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const take = (event: Event) => {
      const name = (event as CustomEvent<unknown>).detail;
      if (typeof name !== 'string') return;
      document.removeEventListener(KEY_EVENT, take, true);
      holdShadowEventName(name);
    };
    document.addEventListener(KEY_EVENT, take, true);
  },
});
