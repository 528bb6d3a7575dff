// Units of quantities by every spelling, to one canonical name, for the number guard
// (lib/cache/numbers.ts): "10 days", "10-day" and "10d" are one quantity, "10 days" and "10 weeks" two.
// Single letters only count attached to a number.
export const UNITS: Record<string, string> = {};
const unit = (canonical: string, spellings: string) => {
  for (const spelling of spellings.split(' ')) UNITS[spelling] = canonical;
};
unit('ms', 'ms msec msecs millisecond milliseconds');
unit('s', 's sec secs second seconds');
unit('min', 'min mins minute minutes');
unit('h', 'h hr hrs hour hours hourly');
unit('day', 'd day days daily');
unit('week', 'wk wks week weeks weekly');
unit('month', 'mo month months monthly');
unit('year', 'y yr yrs year years yearly annual annually');
unit('decade', 'decade decades');
unit('B', 'b byte bytes');
unit('KB', 'kb kib kilobyte kilobytes');
unit('MB', 'mb mib megabyte megabytes');
unit('GB', 'gb gib gigabyte gigabytes');
unit('TB', 'tb tib terabyte terabytes');
unit('%', '% percent pct');
unit('USD', '$ usd dollar dollars');
unit('EUR', '€ eur euro euros');
unit('GBP', '£ gbp');
unit('x', 'x times fold');
unit('mg', 'mg milligram milligrams');
unit('g', 'g gram grams');
unit('kg', 'kg kilogram kilograms');
unit('µg', 'µg ug mcg microgram micrograms');
unit('ml', 'ml millilitre milliliter millilitres milliliters');
unit('mmol', 'mmol');
unit('mol', 'mol');
unit('nm', 'nm nanometre nanometer nanometres nanometers');
unit('µm', 'µm um micrometre micrometer');
unit('mm', 'mm millimetre millimeter');
unit('cm', 'cm centimetre centimeter');
unit('km', 'km kilometre kilometer kilometres kilometers');
unit('°C', '°c celsius');
unit('°F', '°f fahrenheit');
unit('bp', 'bp');
unit('token', 'token tokens');
unit('char', 'char chars character characters');
unit('px', 'px pixel pixels');
unit('dimension', 'dimension dimensions');
// Units a word names on its own ("once a minute", "every week"): time and size only.
export const STANDALONE = new Set([
  'ms',
  's',
  'min',
  'h',
  'day',
  'week',
  'month',
  'year',
  'decade',
  'KB',
  'MB',
  'GB',
  'TB',
]);
export const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};
