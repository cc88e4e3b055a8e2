// The whole library, in the order the functions are listed, and its examples in one language.
import type { Locale } from '../domain.ts';
import { HR } from './library/hr.ts';
import { IT } from './library/it.ts';
import { MARKETING } from './library/marketing.ts';
import { PERSONAL_DEVELOPMENT } from './library/personal-development.ts';
import { PRODUCT } from './library/product.ts';
import { PUBLIC_SECTOR } from './library/public-sector.ts';
import { SALES } from './library/sales.ts';
import { localize, type ExampleFunction, type LocalizedExample, type OkrExample } from './model.ts';

export const EXAMPLES: readonly OkrExample[] = [
  ...SALES,
  ...MARKETING,
  ...HR,
  ...IT,
  ...PRODUCT,
  ...PUBLIC_SECTOR,
  ...PERSONAL_DEVELOPMENT,
];

/** The examples in one language, all of them or one function's. */
export const examplesIn = (locale: Locale, fn?: ExampleFunction): LocalizedExample[] =>
  EXAMPLES.filter((example) => !fn || example.function === fn).map((example) => localize(example, locale));
