import { ChromiumDriver } from './chromium';
import { FirefoxDriver } from './firefox';
import type { Driver, Engine, LaunchOptions } from './types';

export type { Driver, Engine, Evaluator, LaunchOptions, Tab } from './types';

/** Launches `engine` with the built extension (`.output/chrome-mv3` or `.output/firefox-mv3`) installed. */
export function launchDriver(engine: Engine, options: LaunchOptions = {}): Promise<Driver> {
  return engine === 'firefox' ? FirefoxDriver.launch(options) : ChromiumDriver.launch(options);
}
