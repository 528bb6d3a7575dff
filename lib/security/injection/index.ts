// Prompt-injection screening: the detector and what the answer path does with its result.
export { screenText, type ScreenResult, type InjectionMatch, type Category, type Source } from './detector';
export {
  injectionVerdict,
  INJECTION_BLOCKED_MESSAGE,
  type InjectionMode,
  type InjectionVerdict,
} from './verdict';
